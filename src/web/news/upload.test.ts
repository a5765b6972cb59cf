import { describe, expect, it } from 'vitest';
import { fileForm, photoForm, uploadProblem } from './upload';

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

describe('fileForm', () => {
  it('holds the one file under "file"', () => {
    const form = fileForm(new Blob(['%PDF']), 'endorsement.pdf');
    expect([...form.keys()]).toEqual(['file']);
    expect((form.get('file') as File).name).toBe('endorsement.pdf');
  });
});

describe('uploadProblem', () => {
  it('keeps the field pointers of a problem body', () => {
    const error = uploadProblem(400, 'Bad Request', {
      title: 'Invalid upload',
      detail: 'The file is not an image.',
      errors: [{ pointer: '/file', detail: 'not an image' }],
    });
    expect(error.status).toBe(400);
    expect(error.title).toBe('Invalid upload');
    expect(error.fieldError('file')).toBe('not an image');
  });

  it('falls back to the status text for a body that is not a problem', () => {
    const error = uploadProblem(413, 'Payload Too Large', 'too big');
    expect(error.title).toBe('Payload Too Large');
    expect(error.errors).toEqual([]);
  });
});
