import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRun } from '../../src/server/climate/schemas';
import { syntheticTargetsCsv } from '../setup/cdp-synthetic';
import { signInOver, startServerProcess, type ServerProcess } from '../setup/server-process';

/**
 * The server as a process, sent every kind of broken upload one after another: a CSV that ends
 * inside a quoted field, a workbook cut short or damaged, bytes that only
 * look like a workbook, an empty body, an upload whose client goes away. Each is answered
 * (422 at once, or 202 and a run that ends failed with its reason), no run is left running,
 * and the process is still up with nothing unhandled in its output.
 */

const ADMIN = { email: 'admin@accord.example', password: 'bad-uploads-admin-password' };

describe('a server sent broken uploads', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bad-uploads-'));
  let server: ServerProcess;
  let headers: Record<string, string>;
  let workbook: Buffer;
  beforeAll(async () => {
    server = await startServerProcess({
      PORT: '0',
      HOST: '127.0.0.1',
      ACCORD_DATA_DIR: path.join(dir, 'data'),
      ACCORD_DEMO: 'false',
      ACCORD_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      TMPDIR: dir,
    });
    headers = await signInOver(server.base, ADMIN);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Targets');
    sheet.addRow(['id_code', 'name', 'country', 'actor_type', 'end_target', 'end_target_year']);
    for (let i = 0; i < 3000; i++)
      sheet.addRow([`CIT-${i}`, `Town ${i}`, 'JPN', 'City', 'Net zero', 2050]);
    workbook = Buffer.from(await book.xlsx.writeBuffer());
  }, 60_000);
  afterAll(async () => {
    if (server?.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const post = (kind: string, body: Buffer | string, type: string) =>
    fetch(`${server.base}/api/v1/imports/${kind}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': type },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });

  it('answers each one, ends every run, and stays up with nothing unhandled', async () => {
    const damaged = Buffer.from(workbook);
    for (let i = 2000; i < 2400; i++) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
    // Each says why in English and as a code, for the page to say in its reader's words.
    const refused: [string, Buffer | string, string, RegExp, string][] = [
      [
        'nzt',
        workbook.subarray(0, workbook.length / 2),
        'application/octet-stream',
        /cut short/,
        'workbook-incomplete',
      ],
      ['nzt', damaged, 'application/octet-stream', /^The workbook is damaged/, 'workbook-damaged'],
      [
        'nzt',
        Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(3000, 1)]),
        'application/octet-stream',
        /cut short/,
        'workbook-incomplete',
      ],
      [
        'cdp-targets',
        workbook,
        'text/csv',
        /^The headers do not match any cdp-targets layout/,
        'layout-not-recognised',
      ],
      ['cdp-emissions', '', 'text/csv', /empty/, 'file-empty'],
    ];
    for (const [kind, body, type, detail, code] of refused) {
      const res = await post(kind, body, type);
      expect(res.status).toBe(422);
      const problem = (await res.json()) as { detail: string; code?: string; params?: object };
      expect(problem.detail).toMatch(detail);
      expect(problem.code).toBe(code);
      if (code === 'workbook-damaged') {
        expect(problem.params).toEqual({ part: expect.any(String) });
      }
    }

    // A large file that ends inside a quoted field: answered 202, then the run fails.
    const accepted = await post('cdp-targets', `${syntheticTargetsCsv(4000)}2021,"Cut`, 'text/csv');
    expect(accepted.status).toBe(202);

    // An upload whose client goes away once the run has started.
    const body = Buffer.from(syntheticTargetsCsv(20_000));
    const upload = http.request(`${server.base}/api/v1/imports/cdp-targets?dryRun=true`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv', 'content-length': body.length },
    });
    upload.on('error', () => undefined);
    const answer = new Promise<http.IncomingMessage>((resolve) => upload.on('response', resolve));
    upload.write(body.subarray(0, body.length / 2));
    expect((await answer).statusCode).toBe(202);
    upload.destroy();

    let runs: ImportRun[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await fetch(`${server.base}/api/v1/imports?pageSize=50`, { headers });
      runs = ((await res.json()) as { items: ImportRun[] }).items;
      if (runs.every((r) => r.status !== 'running')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(runs.map((r) => r.status)).toEqual(Array(refused.length + 2).fill('failed'));
    expect(runs[0]?.error).toBe(
      'The upload stopped before the whole file arrived. Nothing was written (dry run).',
    );
    expect(runs[1]?.error).toMatch(
      /^The file ends inside a quoted field that starts on line 4002 /,
    );

    expect((await fetch(`${server.base}/api/v1/health`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/unhandled|uncaught|"level":(50|60)/i);
    // No upload is left in the temporary folder (tsx keeps its cache there).
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('accord-import-'))).toEqual([]);
  }, 120_000);
});
