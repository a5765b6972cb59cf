import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingKeysIn, missingVocabulary } from '../i18n/catalog-check';
import { ELECTION_PROBLEM_CODES } from './form';
import { NOMINATION_PROBLEM_CODES } from './nomination';
import { MILESTONE_KEYS, TIMELINE_STATES } from './phase';
import { OUTCOMES, TIE_CHOICE_PROBLEMS } from './result';
import { CANDIDATE_INELIGIBILITIES, CANNOT_VOTE_REASONS, ELECTION_PHASES } from './types';
import { WINDOW_FIELDS } from './windows';

/**
 * The election pages look their words up by key; a key missing from the catalog would show the
 * key itself. This reads the sources for the literal keys they use, and checks that every value
 * the pages look up by value (phases, windows, reasons, outcomes, the forms' own problems) has
 * its words in every language.
 */
const here = dirname(fileURLToPath(import.meta.url));

const sources = readdirSync(here).filter(
  (f) => (f.endsWith('.tsx') || f.endsWith('.ts')) && !f.includes('.test'),
);

describe('keys used by the election pages', () => {
  it('are read from every page', () => {
    expect(sources).toEqual(expect.arrayContaining(['ElectionPage.tsx', 'ElectionEditorPage.tsx']));
  });

  for (const file of sources) {
    it(`exist for ${file}`, () => {
      const missing = missingKeysIn(join(here, file), () => 'elections');
      expect(missing).toEqual([]);
    });
  }

  it('name every value the pages look up by value, in every language', () => {
    const missing = missingVocabulary('elections', [
      ['phases', ELECTION_PHASES],
      ['windows', WINDOW_FIELDS],
      ['milestones', MILESTONE_KEYS],
      ['timeline', TIMELINE_STATES],
      ['cannotVote', CANNOT_VOTE_REASONS],
      ['ineligibility', CANDIDATE_INELIGIBILITIES],
      ['outcomes', OUTCOMES],
      ['notices', ['created', 'saved']],
      ['fill.problems', TIE_CHOICE_PROBLEMS],
      ['formProblems', ELECTION_PROBLEM_CODES],
      ['nominateProblems', NOMINATION_PROBLEM_CODES],
    ]);
    expect(missing).toEqual([]);
  });
});
