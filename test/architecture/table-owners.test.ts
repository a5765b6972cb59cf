import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNERS } from '../../src/server/db/table-owners';
import { ROOT } from './area-graph';
import { checkedFiles, ownerViolations, tableWritesIn } from './table-writes';

const owners: Record<string, string> = TABLE_OWNERS;

describe('one writer per table', () => {
  it('names an existing repository as the owner of every table', () => {
    expect(Object.keys(owners).length).toBeGreaterThan(40);
    for (const [table, file] of Object.entries(owners)) {
      expect(fs.existsSync(path.join(ROOT, file)), `${table} → ${file}`).toBe(true);
      expect(file, table).toMatch(/repository\.ts$/);
    }
  });

  it('lets only the owner write each table', () => {
    const writes = checkedFiles(ROOT).flatMap((file) =>
      tableWritesIn(file, fs.readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(writes.length).toBeGreaterThan(50);
    expect(ownerViolations(writes, owners)).toEqual([]);
  });

  it('catches a planted write by another module, a dynamic write and a raw one', () => {
    const planted = tableWritesIn(
      'src/server/climate/service.ts',
      [
        "await db.insertInto('governments').values(row).execute();",
        "await trx.updateTable('climate_targets as t').set({ version: 2 }).execute();",
        'await db.deleteFrom(table).execute();',
        'await sql`DELETE FROM "memberships" WHERE id = ${id}`.execute(db);',
        "await bulkUpdateById(trx, 'people', columns, rows);",
      ].join('\n'),
    );
    expect(ownerViolations(planted, owners)).toEqual([
      {
        file: 'src/server/climate/service.ts',
        line: 1,
        table: 'governments',
        owner: 'src/server/members/repository.ts',
      },
      {
        file: 'src/server/climate/service.ts',
        line: 2,
        table: 'climate_targets',
        owner: 'src/server/climate/repository.ts',
      },
      { file: 'src/server/climate/service.ts', line: 3, table: null, owner: null },
      {
        file: 'src/server/climate/service.ts',
        line: 4,
        table: 'memberships',
        owner: 'src/server/members/repository.ts',
      },
      {
        file: 'src/server/climate/service.ts',
        line: 5,
        table: 'people',
        owner: 'src/server/people/repository.ts',
      },
    ]);
    const byOwner = tableWritesIn(
      'src/server/members/repository.ts',
      "await db.insertInto('governments').values(row).execute();",
    );
    expect(ownerViolations(byOwner, owners)).toEqual([]);
  });

  it('is what docs/ARCHITECTURE.md shows', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([a-z_]+)` +\| `([^`]+)` +\|/gm)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(rows)).toEqual(owners);
  });
});
