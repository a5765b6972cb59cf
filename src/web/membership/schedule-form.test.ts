import { describe, expect, it } from 'vitest';
import { SEED_FEE_SCHEDULE, validateSchedule } from '../../core/membership-fees';
import {
  addBand,
  fieldId,
  problemsByField,
  readNumber,
  removeBand,
  setAssociationFee,
  setBandEnd,
  setCurrency,
  setFee,
} from './schedule-form';

const s = SEED_FEE_SCHEDULE;

describe('the fee schedule form', () => {
  it('reads typed numbers with their separators, and nothing as not a number', () => {
    expect(readNumber('1,000,000')).toBe(1_000_000);
    expect(readNumber(' 5 985 ')).toBe(5985);
    expect(readNumber('')).toBeNaN();
    expect(readNumber('12a')).toBeNaN();
  });

  it('keeps bands joined: moving an end moves the next start, and takes both off the placeholders', () => {
    const edited = setBandEnd(s, 2, 600_000);
    expect(edited.bands[2]).toEqual({ from: 250_000, to: 600_000 });
    expect(edited.bands[3]).toEqual({ from: 600_000, to: 1_000_000 });
    expect(edited.illustrative).not.toContain('/bands/2/to');
    expect(edited.illustrative).not.toContain('/bands/3/from');
    expect(validateSchedule(edited)).toEqual([]);
  });

  it('makes an edited fee the secretariat’s, and says where a fee falls', () => {
    const edited = setFee(s, 'high', 3, 1000);
    expect(edited.fees.high[3]).toBe(1000);
    expect(edited.illustrative).not.toContain('/fees/high/3');
    expect(problemsByField(edited).get('/fees/high/3')).toBe('fee-decreases');
    expect(setAssociationFee(s, 'national', 3000).illustrative).toEqual(s.illustrative);
    expect(problemsByField(setCurrency(s, 'usd')).size).toBe(0);
  });

  it('adds a band after the last, open-ended, with the last fees', () => {
    const added = addBand(s);
    expect(added.bands.slice(-2)).toEqual([
      { from: 10_000_000, to: 20_000_000 },
      { from: 20_000_000, to: null },
    ]);
    expect(added.fees.high.slice(-2)).toEqual([5985, 5985]);
    expect(validateSchedule(added)).toEqual([]);
  });

  it('removes a band, the one before reaching as far, placeholders renumbered', () => {
    const removed = removeBand(s, 4);
    expect(removed.bands).toHaveLength(9);
    expect(removed.bands[3]).toEqual({ from: 500_000, to: 2_000_000 });
    expect(removed.fees.low).toHaveLength(9);
    expect(validateSchedule(removed)).toEqual([]);
    // The old fifth band's fees are gone; the old sixth band's placeholder is the fifth's now.
    expect(removed.illustrative).toContain('/fees/low/4');
    expect(removed.illustrative.filter((p) => p.startsWith('/fees/low/'))).toHaveLength(9);
    const first = removeBand(s, 0);
    expect(first.bands[0]).toEqual({ from: 0, to: 250_000 });
    expect(validateSchedule(first)).toEqual([]);
  });

  it('names fields by their pointer', () => {
    expect(fieldId('/fees/upper-middle/3')).toBe('fee-fees-upper-middle-3');
  });
});
