import { describe, expect, it } from 'vitest';
import { fileForm } from './upload';

describe('fileForm', () => {
  it('holds the one file under "file"', () => {
    const form = fileForm(new Blob(['%PDF']), 'endorsement.pdf');
    expect([...form.keys()]).toEqual(['file']);
    expect((form.get('file') as File).name).toBe('endorsement.pdf');
  });
});
