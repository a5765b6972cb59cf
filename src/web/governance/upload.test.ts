import { describe, expect, it } from 'vitest';
import { uploadFormData } from './upload';

describe('uploadFormData', () => {
  it('sends kind, captions by language, credit and visibility before the file', async () => {
    const form = uploadFormData({
      file: new Blob(['%PDF-1.7'], { type: 'application/pdf' }),
      filename: 'agenda.pdf',
      kind: 'document',
      captions: { en: ' Agenda ', ko: '의제', ja: '  ' },
      credit: ' Secretariat ',
      isPublic: true,
    });
    const names = [...form.keys()];
    expect(names).toEqual(['kind', 'caption_en', 'caption_ko', 'credit', 'isPublic', 'file']);
    expect(form.get('caption_en')).toBe('Agenda');
    expect(form.get('credit')).toBe('Secretariat');
    expect(form.get('isPublic')).toBe('true');
    const file = form.get('file') as File;
    expect(file.name).toBe('agenda.pdf');
    expect(await file.text()).toBe('%PDF-1.7');
  });

  it('leaves out a blank credit and marks private files', () => {
    const form = uploadFormData({
      file: new Blob(['x']),
      filename: 'p.jpg',
      kind: 'photo',
      captions: {},
      credit: '',
      isPublic: false,
    });
    expect(form.has('credit')).toBe(false);
    expect(form.get('isPublic')).toBe('false');
    expect(form.get('kind')).toBe('photo');
  });
});
