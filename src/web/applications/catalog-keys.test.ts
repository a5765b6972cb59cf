import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIELD_PROBLEMS, SOUGHT_CATEGORIES } from '../../core/application-form';
import { APPLICATION_ACTIONS, APPLICATION_STEPS } from '../../core/applications';
import { missingKeysIn, missingVocabulary } from '../i18n/catalog-check';
import { APPLY_STEPS, STEP_FIELDS } from './application-form';
import { FILE_PROBLEMS } from './documents';

/**
 * The application pages look their words up by key; a key missing from the catalog would show
 * the key itself. Every literal key of the sources, and every value looked up by value (steps,
 * actions, field names, problems), must have its words in every language.
 */
const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter(
  (f) => (f.endsWith('.tsx') || f.endsWith('.ts')) && !f.includes('.test'),
);

describe('keys used by the application pages', () => {
  it('are read from every page', () => {
    expect(sources).toEqual(expect.arrayContaining(['ApplyPage.tsx', 'StatusPage.tsx']));
  });

  for (const file of sources) {
    it(`exist for ${file}`, () => {
      expect(missingKeysIn(join(here, file), () => 'applications')).toEqual([]);
    });
  }

  it('name every value the pages look up by value, in every language', () => {
    const fieldKeys = Object.values(STEP_FIELDS)
      .flat()
      .map(([, key]) => key);
    expect(
      missingVocabulary('applications', [
        ['steps', APPLY_STEPS],
        ['stepNames', APPLICATION_STEPS],
        ['status.explain', APPLICATION_STEPS],
        ['actions', APPLICATION_ACTIONS],
        ['fields', [...fieldKeys, 'alternateUrl', 'resolution']],
        ['problems', FIELD_PROBLEMS],
        ['categoryHints', SOUGHT_CATEGORIES],
        ['documents.problems', FILE_PROBLEMS],
        ['documents.kinds', ['resolution', 'other']],
        ['by', ['applicant', 'secretariat']],
        ['duplicates.reasons', ['name', 'cdp-account']],
        ['member.invitationStates', ['valid', 'used', 'expired']],
        [
          'invitation.gone',
          ['invitation-used', 'invitation-expired', 'government-gone', 'unknown'],
        ],
        ['review.confirm', ['reject', 'withdraw', 'make-member']],
      ]),
    ).toEqual([]);
  });
});
