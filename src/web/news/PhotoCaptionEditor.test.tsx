import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { PhotoCaptionEditor } from './PhotoCaptionEditor';
import { PhotoManager } from './PhotoManager';
import type { FileInfo, NewsPost } from './types';

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
afterAll(async () => {
  await i18n.changeLanguage('en');
});

function render(node: ReactNode): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>,
  );
}

/** The opening tag of the element with the test id, to read its attributes in any order. */
function tagOf(html: string, testId: string): string {
  const at = html.indexOf(`data-testid="${testId}"`);
  if (at < 0) return '';
  return html.slice(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
}

const photo: FileInfo = {
  id: 12,
  kind: 'photo',
  filename: 'summit.jpg',
  mime: 'image/jpeg',
  bytes: 80_000,
  width: 1200,
  height: 800,
  caption: { en: 'The mayors', ko: '시장들', fr: 'Les maires' },
  credit: 'Suwon City',
  isPublic: true,
  url: '/api/v1/files/12',
  thumbUrl: '/api/v1/files/12/thumb',
  uploadedAt: '2025-05-01T02:00:00.000Z',
  version: 1,
};

const post = {
  id: 3,
  slug: 'summit',
  status: 'draft',
  cover: photo,
  photos: [photo],
} as unknown as NewsPost;

const noop = () => undefined;

describe('PhotoManager', () => {
  it('offers to edit the caption of each photo, the form closed until asked for', () => {
    const html = render(<PhotoManager post={post} onChanged={noop} />);
    const edit = tagOf(html, 'edit-photo-12');
    expect(edit).toContain('type="button"');
    expect(edit).toContain('aria-expanded="false"');
    // The button names its photo for screen readers, not only "Edit caption".
    expect(html).toMatch(
      /data-testid="edit-photo-12"[^>]*>Edit caption<span class="visually-hidden"> summit\.jpg<\/span>/,
    );
    expect(html).toContain('data-testid="remove-photo-12"');
    expect(html).not.toContain('data-testid="save-photo"');
    // The place where a save is announced is there before anything is said in it.
    expect(html).toContain('<div role="status" class="news-photos__status"></div>');
  });
});

describe('PhotoCaptionEditor', () => {
  const html = render(
    <PhotoCaptionEditor
      photo={photo}
      onSaved={noop}
      onClose={noop}
      onReload={() => Promise.resolve(photo)}
    />,
  );

  it('has a labelled caption field for each of the five languages, filled from the photo', () => {
    for (const lang of ['en', 'ko', 'ja', 'zh-Hans', 'zh-Hant']) {
      const input = tagOf(html, `photo-edit-caption-${lang}`);
      expect(input).toContain(`id="photo-12-edit-caption-${lang}"`);
      expect(input).toContain(`lang="${lang}"`);
      expect(input).toContain('maxLength="200"');
      expect(html).toContain(`<label for="photo-12-edit-caption-${lang}"`);
    }
    expect(tagOf(html, 'photo-edit-caption-en')).toContain('value="The mayors"');
    expect(tagOf(html, 'photo-edit-caption-ko')).toContain('value="시장들"');
    expect(tagOf(html, 'photo-edit-caption-ja')).toContain('value=""');
    // A caption in a language the form does not show has no field (it is kept when saving).
    expect(html).not.toContain('Les maires');
  });

  it('has the credit, Save and Cancel, and is named after its photo', () => {
    expect(tagOf(html, 'photo-edit-credit')).toContain('value="Suwon City"');
    expect(tagOf(html, 'photo-edit-credit')).toContain('maxLength="300"');
    expect(html).toContain('<label for="photo-12-edit-credit" class="field__label">Credit');
    expect(tagOf(html, 'save-photo')).toContain('type="submit"');
    expect(html).toMatch(/data-testid="save-photo"[^>]*>Save</);
    expect(tagOf(html, 'cancel-photo')).toContain('type="button"');
    expect(html).toMatch(/data-testid="cancel-photo"[^>]*>Cancel</);
    expect(tagOf(html, 'photo-editor-12')).toContain(
      'aria-label="Caption and credit of summit.jpg"',
    );
    expect(tagOf(html, 'photo-editor-12')).toContain('id="photo-12-edit"');
  });
});
