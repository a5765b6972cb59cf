import { describe, expect, it } from 'vitest';
import { withPhoto } from './photo-edit';
import type { FileInfo, NewsPost } from './types';

const photo = (id: number, caption: Record<string, string>): FileInfo => ({
  id,
  kind: 'photo',
  filename: `photo-${id}.jpg`,
  mime: 'image/jpeg',
  bytes: 90_000,
  width: 1200,
  height: 800,
  caption,
  credit: null,
  isPublic: true,
  url: `/api/v1/files/${id}`,
  thumbUrl: `/api/v1/files/${id}/thumb`,
  uploadedAt: '2025-05-01T02:00:00.000Z',
  version: 1,
});

const first = photo(1, { en: 'The mayors' });
const second = photo(2, { en: 'The hall' });
const post = {
  id: 4,
  slug: 'summit',
  cover: first,
  photos: [first, second],
} as unknown as NewsPost;

describe('withPhoto', () => {
  it('replaces the cover too when the changed photo is the cover', () => {
    const changed = { ...first, caption: { en: 'The mayors', ko: '시장들' }, credit: 'Suwon' };
    const next = withPhoto(post, changed);
    expect(next.photos).toEqual([changed, second]);
    expect(next.cover).toBe(changed);
    expect(next.slug).toBe('summit');
    // The cached post is not changed in place.
    expect(post.photos[0]).toBe(first);
    expect(post.cover).toBe(first);
  });

  it('leaves the cover alone when another photo changed', () => {
    const changed = { ...second, caption: { ja: 'ホール' } };
    const next = withPhoto(post, changed);
    expect(next.photos).toEqual([first, changed]);
    expect(next.cover).toBe(first);
  });

  it('returns the same post for a photo it does not hold', () => {
    expect(withPhoto(post, photo(3, {}))).toBe(post);
  });
});
