import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingKeysIn, missingVocabulary } from '../i18n/catalog-check';
import { GPC_SECTORS, GPC_SUBSECTORS } from '../../core/climate/gpc';
import {
  ACTION_STATUSES,
  ASSESSMENT_STATUSES,
  COVERAGE_NEEDS,
  GWP_SETS,
  IMPORT_RUN_STATUSES,
  INTENSITY_UNITS,
  NET_ZERO_LABELS,
  NOT_ASSESSABLE_REASONS,
  NOT_COMPARABLE_CODES,
  NOTATION_KEYS,
  TARGET_BOUNDARIES,
  TARGET_STATUSES,
  TARGET_TYPES,
} from '../../core/climate/types';
import { CDP_EMISSION_FIELDS, FIELDS_OF, LAYOUTS } from '../../server/climate/imports/layouts';
import { FIGURE_BASES } from '../../core/climate/sources';
import { IMPORT_ENCODINGS, IMPORT_KINDS, IMPORT_ROW_ACTIONS } from './types';

/**
 * The climate pages look their words up by key; a key missing from the catalog would show the
 * key itself. This reads the sources for the literal keys they use, and checks that every value
 * of the climate vocabularies (statuses, types, GPC sectors…) has its name in every language.
 */
const here = dirname(fileURLToPath(import.meta.url));

const sources = readdirSync(here).filter(
  (f) => (f.endsWith('.tsx') || f.endsWith('.ts')) && !f.includes('.test'),
);

describe('keys used by the climate pages', () => {
  for (const file of sources) {
    it(`exist for ${file}`, () => {
      const missing = missingKeysIn(join(here, file), (text) =>
        /useTranslation\('common'\)/.test(text) ? 'common' : 'climate',
      );
      expect(missing).toEqual([]);
    });
  }

  it('name every value of the climate vocabularies in every language', () => {
    const families: [string, readonly string[]][] = [
      ['status', ASSESSMENT_STATUSES],
      ['notAssessable', NOT_ASSESSABLE_REASONS],
      ['targetTypes', TARGET_TYPES],
      ['targetForm.typeHints', TARGET_TYPES],
      ['netZeroLabels', NET_ZERO_LABELS],
      ['targetStatuses', TARGET_STATUSES],
      ['boundaries', TARGET_BOUNDARIES],
      ['actionStatuses', ACTION_STATUSES],
      ['notationKeys', NOTATION_KEYS],
      ['gwpSets', GWP_SETS],
      ['intensityUnits', INTENSITY_UNITS],
      ['gpc.sectors', GPC_SECTORS.map((s) => s.code)],
      ['gpc.subsectors', GPC_SUBSECTORS.map((s) => s.code.replace(/\./g, '_'))],
      ['imports.kinds', IMPORT_KINDS],
      ['imports.kindHints', IMPORT_KINDS],
      ['imports.actions', IMPORT_ROW_ACTIONS],
      ['imports.statuses', IMPORT_RUN_STATUSES],
      ['imports.encodings', IMPORT_ENCODINGS],
      // Every published layout is shown by its name.
      ['imports.layoutNames', LAYOUTS.map((l) => l.id)],
      // The mapping step names every field of each kind of file.
      ...IMPORT_KINDS.map((kind): [string, readonly string[]] => [
        `imports.fields.${kind}`,
        FIELDS_OF[kind],
      ]),
      // A run's column map and row report also name the long tables' fields.
      ['imports.fields.cdp-emissions', CDP_EMISSION_FIELDS],
      ['imports.columnMap', ['title', 'caption', 'field', 'sources', 'notRecorded']],
      ['imports.rowFields', ['header', 'summary_one', 'summary_other', 'none', 'notRecorded']],
      [
        'imports.mapping',
        ['offer', 'title', 'lead', 'caption', 'column', 'values', 'field', 'ignore'],
      ],
      ['imports.mapping', ['numbersIgnored', 'twice', 'needs', 'or', 'name', 'nameHint', 'save']],
      ['imports.warnings', ['unreadNumbers']],
      ['importMatches.statuses', ['likely', 'several', 'other-key']],
      ['importMatches.applied', ['accept', 'create', 'skip']],
      ['history.changes', ['create', 'update', 'delete', 'restore']],
      ['coverages', COVERAGE_NEEDS],
      ['sourcesTable.basis', FIGURE_BASES],
      ['comparability', NOT_COMPARABLE_CODES],
      [
        'notices',
        ['target-saved', 'target-created', 'action-saved', 'action-created', 'inventory-saved'],
      ],
    ];
    const missing = missingVocabulary('climate', families);
    expect(missing).toEqual([]);
  });
});
