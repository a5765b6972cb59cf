import { describe, expect, it } from 'vitest';
import { daysBetween, formatMoney } from './money';

describe('money and days', () => {
  it('writes whole fees in the reader’s way', () => {
    expect(formatMoney(5985, 'EUR', 'en')).toBe('€5,985');
    expect(formatMoney(5985, 'EUR', 'ja')).toBe('€5,985');
    // A code Intl has no symbol for is written as the code.
    expect(formatMoney(1200, 'XYZ', 'en')).toMatch(/^XYZ\s1,200$/u);
  });

  it('counts days across months and leap years', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
});
