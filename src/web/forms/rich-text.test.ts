import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingKeysIn } from '../i18n/catalog-check';
import { photoChoices } from './rich-text';
import { linkFromInput } from './rich-text-schema';

const here = dirname(fileURLToPath(import.meta.url));

describe("the rich-text editor's words", () => {
  it.each(['RichTextEditor.tsx', 'rich-text.tsx'])('exist in the editor catalog for %s', (file) => {
    expect(missingKeysIn(join(here, file), () => 'editor')).toEqual([]);
  });
});

describe('linkFromInput', () => {
  it.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['  http://example.org  ', 'http://example.org'],
    ['example.org/plan', 'https://example.org/plan'],
    ['www.suwon.go.kr', 'https://www.suwon.go.kr'],
    ['office@example.org', 'mailto:office@example.org'],
    ['mailto:office@example.org', 'mailto:office@example.org'],
  ])('makes %j a link to %j', (typed, href) => {
    expect(linkFromInput(typed)).toBe(href);
  });

  it.each([
    '',
    '   ',
    'javascript:alert(1)',
    'data:text/html,x',
    '/admin',
    '//evil.example',
    'a b',
  ])('refuses %j', (typed) => {
    expect(linkFromInput(typed)).toBeUndefined();
  });
});

describe('photoChoices', () => {
  const file = (id: number, kind: string, caption: Record<string, string>) => ({
    id,
    kind,
    url: `/api/v1/files/${id}`,
    thumbUrl: kind === 'photo' ? `/api/v1/files/${id}/thumb` : null,
    caption,
  });

  it("offers the photos, by their file address, described in the text's language", () => {
    const choices = photoChoices(
      [
        file(3, 'photo', { en: 'The mayors', ko: '시장들' }),
        file(4, 'document', { en: 'Agenda' }),
        file(5, 'photo', {}),
      ],
      'ko',
      (n) => `Photo ${n}`,
    );
    expect(choices).toEqual([
      {
        id: 3,
        src: '/api/v1/files/3',
        thumb: '/api/v1/files/3/thumb',
        alt: '시장들',
        label: '시장들',
      },
      { id: 5, src: '/api/v1/files/5', thumb: '/api/v1/files/5/thumb', alt: '', label: 'Photo 2' },
    ]);
  });
});
