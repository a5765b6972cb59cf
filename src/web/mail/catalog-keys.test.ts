import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingKeysIn, missingVocabulary } from '../i18n/catalog-check';
import { OUTBOX_STATUSES as SERVER_STATUSES } from '../../server/mail/schemas';
import { TEMPLATE_NAMES } from '../../server/mail/templates';
import { OUTBOX_STATUSES, TEMPLATES } from './letters';

/**
 * The outbox pages look their words up by key in the mail catalog; a key missing there would
 * show the key itself. Every status and every kind of letter has a name in every language.
 */
const dir = dirname(fileURLToPath(import.meta.url));

describe('keys used by the outbox pages', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsx'))) {
    it(`exist for ${file}`, () => {
      expect(missingKeysIn(join(dir, file), () => 'mail')).toEqual([]);
    });
  }

  it('know every status and every kind of letter the server has', () => {
    expect([...OUTBOX_STATUSES]).toEqual([...SERVER_STATUSES]);
    expect([...TEMPLATES]).toEqual(TEMPLATE_NAMES);
  });

  it('name every status and kind of letter in every language', () => {
    expect(
      missingVocabulary('mail', [
        ['statuses', OUTBOX_STATUSES],
        ['templates', [...TEMPLATES, 'other']],
      ]),
    ).toEqual([]);
  });
});
