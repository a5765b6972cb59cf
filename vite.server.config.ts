import { defineConfig } from 'vite';

// The server for a production start (`npm run build`, then `npm run start:prod`): its
// TypeScript bundled into plain JavaScript in dist/server, which Node runs without tsx. The
// packages in node_modules stay outside the bundle and are loaded from there, as with tsx.
export default defineConfig({
  build: {
    ssr: 'src/server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
  },
});
