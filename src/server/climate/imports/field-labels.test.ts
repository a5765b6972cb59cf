import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../../../core/climate/types';
import { FIELD_LABELS, fieldLabel } from './field-labels';
import { CDP_EMISSION_FIELDS, CDP_TARGET_FIELDS, NZT_FIELDS } from './layout-fields';

/**
 * The CSV report names fields in English; the web names them from its catalogs. The two must
 * not drift apart: the server's words are the English catalog's, for every field of each kind.
 */
const english = JSON.parse(
  readFileSync(new URL('../../../web/i18n/locales/en/climate.json', import.meta.url), 'utf8'),
) as { imports: { fields: Record<string, Record<string, string>> } };

describe('the English names of the import fields', () => {
  it.each(IMPORT_KINDS)('are the English catalog’s for %s', (kind) => {
    expect(FIELD_LABELS[kind]).toEqual(english.imports.fields[kind]);
  });

  it('name every field of each kind', () => {
    expect(Object.keys(FIELD_LABELS['cdp-targets']).sort()).toEqual([...CDP_TARGET_FIELDS].sort());
    expect(Object.keys(FIELD_LABELS['cdp-emissions']).sort()).toEqual(
      [...CDP_EMISSION_FIELDS].sort(),
    );
    expect(Object.keys(FIELD_LABELS.nzt).sort()).toEqual([...NZT_FIELDS].sort());
    expect(fieldLabel('cdp-emissions', 'scope1Lines')).toBe(
      'Scope 1, sum of the sector lines (t CO2e)',
    );
  });
});
