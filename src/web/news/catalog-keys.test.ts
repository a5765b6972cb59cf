import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FILE_EDIT_PROBLEMS } from '../forms/file-edit';
import { missingKeysIn, missingVocabulary } from '../i18n/catalog-check';
import { DRAFT_PROBLEM_CODES, TRANSLATION_FIELDS } from './editor';
import { NEWS_STATUSES } from './types';

/**
 * The news pages look their words up by key; a key missing from the catalog would show the
 * key itself. This reads the sources for the literal keys they use, and checks that the words
 * the pages look up by value (statuses, fields, notices, the editor's own problems) exist in
 * every language.
 */
const here = dirname(fileURLToPath(import.meta.url));

const sources = readdirSync(here).filter(
  (f) => (f.endsWith('.tsx') || f.endsWith('.ts')) && !f.includes('.test'),
);

describe('keys used by the news pages', () => {
  it('are read from every page', () => {
    expect(sources).toContain('NewsEditorPage.tsx');
    expect(sources).toContain('PhotoCaptionEditor.tsx');
  });

  for (const file of sources) {
    it(`exist for ${file}`, () => {
      const missing = missingKeysIn(join(here, file), () => 'news');
      expect(missing).toEqual([]);
    });
  }

  it('name every value the pages look up by value, in every language', () => {
    const missing = missingVocabulary('news', [
      ['status', NEWS_STATUSES],
      ['fields', TRANSLATION_FIELDS],
      ['notices', ['created', 'saved', 'published', 'unpublished']],
      ['problems', DRAFT_PROBLEM_CODES],
      // The photo caption form's own checks, shared with the meeting files' form.
      ['photos.problems', FILE_EDIT_PROBLEMS],
    ]);
    expect(missing).toEqual([]);
  });
});
