import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MEMBERSHIP_CATEGORIES, MEMBERSHIP_STATUSES } from '../../core/membership';
import {
  ASSOCIATION_SCOPES,
  INCOME_GROUPS,
  NO_FEE_REASONS,
  SCHEDULE_PROBLEM_CODES,
} from '../../core/membership-fees';
import { missingKeysIn, missingVocabulary } from '../i18n/catalog-check';

/**
 * The membership pages look their words up by key, some made from data (an income group, why
 * a fee cannot be computed, a problem of the schedule); a key missing from the catalog would
 * show the key itself.
 */
const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here)
  .filter((f) => f.endsWith('.tsx'))
  .map((f) => join(here, f));

describe('keys used by the membership pages', () => {
  for (const file of sources) {
    it(`exist for ${file.slice(here.length + 1)}`, () => {
      expect(missingKeysIn(file, () => 'membership')).toEqual([]);
    });
  }

  it('name every income group, reach, reason, problem, state and status in every language', () => {
    expect(
      missingVocabulary('membership', [
        ['incomeGroups', INCOME_GROUPS],
        ['scopes', ASSOCIATION_SCOPES],
        ['renew.noFee', NO_FEE_REASONS],
        ['preview.noFee', NO_FEE_REASONS],
        ['schedule.problems', SCHEDULE_PROBLEM_CODES],
        ['list.states', ['open', 'due', 'overdue', 'paid']],
        ['standing', MEMBERSHIP_STATUSES],
      ]),
    ).toEqual([]);
    expect(missingVocabulary('common', [['categories', MEMBERSHIP_CATEGORIES]])).toEqual([]);
  });
});
