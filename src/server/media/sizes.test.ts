import { describe, expect, it } from 'vitest';
import { formatSize } from './sizes';

describe('formatSize', () => {
  it.each([
    [15 * 1024 * 1024, '15 MB'],
    [25 * 1024 * 1024, '25 MB'],
    [2.5 * 1024 * 1024, '2.5 MB'],
    [200 * 1024, '200 KB'],
    [10, '1 KB'],
  ])('shows %i bytes as %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});
