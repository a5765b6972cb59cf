/**
 * Builds the web app only when what it is built from changed since the last build: `npm start`
 * runs this first, so a start with nothing changed serves the app already built.
 *
 * The build's inputs are hashed (every file under src/web and src/core but tests, the Vite
 * config, package-lock.json) and the hash is written into the build's own folder after a
 * build. Any other `vite build` empties that folder, stamp included, so a build this script
 * did not make is never taken for an up-to-date one. `--force` builds whatever the stamp says.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The folders and files the web app is built from, relative to the repository. */
export const BUILD_INPUTS = [
  'src/web',
  'src/core',
  'vite.config.ts',
  'scripts/precompress.ts',
  'scripts/catalog-fallback.ts',
  'package-lock.json',
];
/** Where Vite writes the app (vite.config.ts) and where the stamp of its inputs is kept. */
export const OUT_DIR = 'dist/web';
export const STAMP = '.build-inputs';

/** Test files are not in the app: changing one does not make the build stale. */
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** One hash of the files' paths and contents, the same whatever order they are given in. */
export function hashInputs(files: readonly { path: string; content: Buffer | string }[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (isTest(file.path)) continue;
    hash.update(file.path.split(path.sep).join('/')).update('\0');
    hash.update(file.content).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Whether to build: when there is no built app, when it has no stamp (built by something else,
 * or by a build that did not finish), or when the stamp is of other inputs.
 */
export function needsBuild(built: { indexHtml: boolean; stamp: string | null }, inputs: string) {
  return !built.indexHtml || built.stamp?.trim() !== inputs;
}

/** Every file under the inputs, as paths relative to `root`. */
function listInputs(root: string): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const entry of fs.readdirSync(full)) walk(path.join(relative, entry));
    } else {
      out.push(relative);
    }
  };
  for (const input of BUILD_INPUTS) walk(input);
  return out;
}

/** The hash of the inputs as they are on disk now. */
export function currentInputs(root: string): string {
  return hashInputs(
    listInputs(root).map((file) => ({
      path: file,
      content: fs.readFileSync(path.join(root, file)),
    })),
  );
}

function readStamp(root: string): string | null {
  try {
    return fs.readFileSync(path.join(root, OUT_DIR, STAMP), 'utf8');
  } catch {
    return null;
  }
}

async function run(argv: string[]): Promise<void> {
  const root = process.cwd();
  const inputs = currentInputs(root);
  const built = {
    indexHtml: fs.existsSync(path.join(root, OUT_DIR, 'index.html')),
    stamp: readStamp(root),
  };
  if (!argv.includes('--force') && !needsBuild(built, inputs)) {
    console.log('The web app is up to date (dist/web); not building it.');
    return;
  }
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(path.join(root, OUT_DIR, STAMP), `${inputs}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
