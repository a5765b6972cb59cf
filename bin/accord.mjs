#!/usr/bin/env node
// The `accord` command: loads the TypeScript sources through tsx, then runs the CLI.
import { register } from 'tsx/esm/api';

// Output piped into a reader that stops early (| head) is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

register();
const { main } = await import('../src/cli/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // main reports its own errors; this catches what fails before it runs (a bad setting).
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
