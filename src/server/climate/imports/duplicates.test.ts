import fs from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases, freshDatabase } from '../../../../test/setup/databases';
import { bootstrapDatabase } from '../../setup/bootstrap';
import type { StoreDb as Db } from '../../store';
import type { ImportKind } from '../schemas';
import { importRunRows, runImport } from './service';

/**
 * The demo network holds Taipei, Denver, Mexico City and Guangzhou. Files that name them as
 * "Taipei City", "Denver, CO", "Ciudad de México (Mexico City)" and "Guangzhou, Guangdong" are
 * about them: an import after the demo matches those rows to them and creates no prospect
 * beside them (issue 10, "Duplicates"). A Denver 1,000 km away is another Denver.
 */

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => Readable.from([fs.readFileSync(`${FIXTURES}${name}`)]);
const ACTOR = { userId: null, label: 'duplicates test' };

const CASES: {
  kind: ImportKind;
  file: string;
  /** Slugs of the governments the rows go to, in file order (data rows from 2). */
  slugs: string[];
  prospects: string[];
}[] = [
  {
    kind: 'nzt',
    file: 'nzt-duplicates.csv',
    slugs: ['taipei', 'denver', 'mexico-city', 'guangzhou', 'villeneuve-sur-fixture'],
    prospects: ['villeneuve-sur-fixture'],
  },
  {
    kind: 'cdp-targets',
    file: 'cdp-targets-duplicates.csv',
    slugs: ['taipei', 'denver', 'mexico-city', 'guangzhou', 'denver-us'],
    prospects: ['denver-us'],
  },
];

describe.each(dialectCases())('an import after the demo on $label', ({ dialect, skip }) => {
  let db: Db;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (skip) return;
    ({ db, drop } = await freshDatabase(dialect));
    await bootstrapDatabase(db, { seedDemo: true, adminPassword: 'x'.repeat(12) });
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  const slugs = async () =>
    (await db.kysely.selectFrom('governments').select('slug').execute()).map((g) => g.slug);

  for (const c of CASES) {
    it.skipIf(skip)(
      `${c.kind}: matches the four demo cities and creates no duplicate`,
      async () => {
        const before = await slugs();
        for (const dryRun of [true, false]) {
          const run = await runImport(db, ACTOR, {
            kind: c.kind,
            input: fixture(c.file),
            fileName: c.file,
            dryRun,
          });
          expect(run).toMatchObject({ status: 'done', totalRows: 5, skipped: 0 });
          const rows = (await importRunRows(db, run.id, { page: 1, pageSize: 10 })).items;
          expect(rows.map((r) => r.government)).toEqual(c.slugs);
        }
        const after = await slugs();
        expect(after.filter((s) => !before.includes(s)).sort()).toEqual(c.prospects);
      },
    );
  }
});
