import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticTargetsCsv } from '../../test/setup/cdp-synthetic';

/**
 * `accord import` as an operator runs it: the real command in a child process, with its own
 * data folder and its own temporary folder, so that what it leaves behind can be seen.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function accord(
  args: string[],
  env: Record<string, string>,
  onStdout?: (text: string, child: ReturnType<typeof spawn>) => void,
): Promise<Finished> {
  const child = spawn(process.execPath, ['bin/accord.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    onStdout?.(stdout, child);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

describe('accord import, run as a command', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-cli-process-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  // Each run gets an empty temporary folder: whatever is in it afterwards, the run left.
  const run = (name: string, args: string[], onStdout?: Parameters<typeof accord>[2]) => {
    const tmp = path.join(dir, `tmp-${name}`);
    fs.mkdirSync(tmp);
    const result = accord(
      args,
      { ACCORD_DATA_DIR: path.join(dir, 'data'), TMPDIR: tmp, ACCORD_DEMO: 'false' },
      onStdout,
    );
    // tsx keeps its compile cache there (tsx-UID); everything else is the run's.
    return { result, left: () => fs.readdirSync(tmp).filter((f) => !f.startsWith('tsx-')) };
  };

  it('fails a file that ends inside a quoted field with one line, a non-zero exit and no temporary file left', async () => {
    const file = path.join(dir, 'cut.csv');
    // 1200 rows, then a row whose second field opens a quote that the file never closes.
    fs.writeFileSync(file, `${syntheticTargetsCsv(1200)}2021,"Cut short,Japan`);
    const { result, left } = run('cut', ['import', 'cdp-targets', file]);
    const { code, stderr } = await result;
    expect(code).toBe(1);
    expect(stderr).toBe(
      'error: The file ends inside a quoted field that starts on line 1202 (row 1202, ' +
        'column 2): its closing quote (") is missing. Nothing was written.\n',
    );
    expect(left()).toEqual([]);
  }, 120_000);

  it('imports a good file, exits 0 and leaves no temporary file', async () => {
    const file = path.join(dir, 'good.csv');
    fs.writeFileSync(file, syntheticTargetsCsv(20));
    const { result, left } = run('good', ['import', 'cdp-targets', file]);
    const { code, stdout, stderr } = await result;
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('Done: 20 of 20 rows; 20 created');
    expect(left()).toEqual([]);
  }, 120_000);

  it('stops on Ctrl-C between batches: the run ends interrupted, exit 130, no temporary file left', async () => {
    const file = path.join(dir, 'long.csv');
    fs.writeFileSync(file, syntheticTargetsCsv(6000).replaceAll('Synthetic City', 'Long City'));
    let sent = false;
    const { result, left } = run('interrupted', ['import', 'cdp-targets', file], (out, child) => {
      // The first batch is committed: now the operator presses Ctrl-C.
      if (!sent && /\n {2}500 of 6000 rows/.test(out)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const { code, signal, stdout, stderr } = await result;
    expect(sent).toBe(true);
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(stdout).toMatch(/\nInterrupted: \d+ of 6000 rows/);
    expect(stderr).toMatch(
      /^error: Stopped by Ctrl-C\. The batches committed before it stopped \(\d+ rows\) stay applied; running the same import again completes it without duplicates\.\n$/,
    );
    expect(left()).toEqual([]);
  }, 180_000);
});
