import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { catalogFallback } from './scripts/catalog-fallback.ts';
import { precompress } from './scripts/precompress.ts';

// The web app lives in src/web and is built to dist/web, which the server serves, each text
// file with its Brotli and gzip copies beside it (scripts/precompress.ts).
export default defineConfig({
  root: 'src/web',
  plugins: [react(), catalogFallback(), precompress()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
