import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSIONED_RECORDS } from '../../core/climate/types';
import { LOCALES } from '../../core/locales';
import { ENTITY_TYPES } from './audit-entities';

const ROOT = join(import.meta.dirname, '../../..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('fixtures'))
    .map((f) => join(ROOT, dir, f));
}

describe('the audit log names every kind of record', () => {
  it('knows every entityType the server writes', () => {
    const written = new Set<string>();
    for (const file of sourcesUnder('src/server')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/entityType: '([a-z_-]+)'/g)) {
        written.add(m[1] as string);
      }
    }
    // Climate records are logged under their history type (target, inventory, …).
    for (const type of VERSIONED_RECORDS) written.add(type);
    expect(written.size).toBeGreaterThan(15);
    expect([...written].filter((t) => !(ENTITY_TYPES as readonly string[]).includes(t))).toEqual(
      [],
    );
  });

  it('has a label for each in every language', () => {
    for (const locale of LOCALES) {
      const catalog = JSON.parse(
        readFileSync(join(ROOT, `src/web/i18n/locales/${locale}/admin.json`), 'utf8'),
      ) as { audit: { entities: Record<string, string> } };
      for (const type of ENTITY_TYPES) {
        expect(catalog.audit.entities[type], `${locale}: ${type}`).toBeTruthy();
      }
    }
  });
});
