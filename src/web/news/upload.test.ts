import { describe, expect, it } from 'vitest';
import { photoForm } from './upload';

describe('photoForm', () => {
  it('puts the written captions and the credit before the file', () => {
    const form = photoForm(
      new Blob(['jpeg']),
      'summit.jpg',
      { en: ' Mayors ', ko: '', ja: '市長' },
      ' Jane Doe ',
    );
    expect([...form.keys()]).toEqual(['caption_en', 'caption_ja', 'credit', 'file']);
    expect(form.get('caption_en')).toBe('Mayors');
    expect(form.get('credit')).toBe('Jane Doe');
    const file = form.get('file');
    expect(file).toBeInstanceOf(Blob);
    expect((file as File).name).toBe('summit.jpg');
  });

  it('sends no credit field when there is none', () => {
    const form = photoForm(new Blob(['x']), 'a.png', {}, '  ');
    expect([...form.keys()]).toEqual(['file']);
  });
});
