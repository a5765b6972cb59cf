import fs from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSheet } from './read-rows';
import { workbookFile } from './workbook-file';

/**
 * XLSX uploads that are not whole: cut short, or with a part that does not inflate. The
 * workbook reader alone waits for ever on both; the check answers at once, naming the fault.
 */

let whole: Buffer;
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Targets');
  sheet.addRow(['id_code', 'name', 'country', 'actor_type', 'end_target', 'end_target_year']);
  for (let i = 0; i < 3000; i++) {
    sheet.addRow([`CIT-${i}`, `Town ${i}`, 'JPN', 'City', 'Net zero', 2050]);
  }
  whole = Buffer.from(await workbook.xlsx.writeBuffer());
});

const upload = (bytes: Buffer) => Readable.from([bytes]);

describe('XLSX uploads checked before they are read', () => {
  it('reads a whole workbook and removes its temporary file', async () => {
    const checked = await workbookFile(upload(whole));
    expect(fs.readFileSync(checked.file)).toEqual(whole);
    await checked.remove();
    expect(fs.existsSync(checked.file)).toBe(false);
  });

  it('refuses a workbook cut short', async () => {
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    await expect(openSheet(upload(cut), 'nzt')).rejects.toThrow(
      'The workbook is incomplete: the end of its zip archive is missing (was the file cut short?)',
    );
  });

  it('refuses a workbook whose worksheet does not inflate', async () => {
    const damaged = Buffer.from(whole);
    // Somewhere in the middle of the archive: the worksheet's compressed bytes.
    for (let i = 2000; i < 2400; i++) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
    await expect(openSheet(upload(damaged), 'nzt')).rejects.toThrow(
      /^The workbook is damaged: its part "xl\/.+" cannot be read$/,
    );
  });

  it('refuses bytes that only start like a zip archive', async () => {
    const fake = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(4000, 7)]);
    await expect(openSheet(upload(fake), 'nzt')).rejects.toThrow(/^The workbook is incomplete/);
  });
});
