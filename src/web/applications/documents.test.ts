import { describe, expect, it } from 'vitest';
import { checkFile, DOCUMENT_MAX_BYTES } from './documents';

describe('a chosen document', () => {
  it('is refused before sending when the server would refuse it', () => {
    expect(checkFile({ name: 'Resolution.PDF', size: 1000 })).toBeNull();
    expect(checkFile({ name: 'scan.jpeg', size: DOCUMENT_MAX_BYTES })).toBeNull();
    expect(checkFile({ name: 'scan.jpeg', size: DOCUMENT_MAX_BYTES + 1 })).toBe('size');
    expect(checkFile({ name: 'macro.xlsm', size: 10 })).toBe('type');
    expect(checkFile({ name: 'pdf', size: 10 })).toBe('type');
    expect(checkFile({ name: 'empty.pdf', size: 0 })).toBe('empty');
  });
});
