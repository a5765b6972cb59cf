import { describe, expect, it } from 'vitest';
import { auditChanges, auditValueText } from './audit-diff';

describe('auditChanges', () => {
  it('lists only the fields that changed', () => {
    expect(
      auditChanges(
        { population: 1_200_000, populationYear: 2020, kind: 'city' },
        { population: 1_234_567, populationYear: 2024, kind: 'city' },
      ),
    ).toEqual([
      { path: 'population', before: 1_200_000, after: 1_234_567 },
      { path: 'populationYear', before: 2020, after: 2024 },
    ]);
  });

  it('opens nested objects so one changed name shows alone', () => {
    expect(
      auditChanges(
        {
          names: { en: 'Suwon', ko: '수원' },
          membership: { category: 'full-member', status: 'current' },
        },
        {
          names: { en: 'Suwon', ko: '수원시' },
          membership: { category: 'full-member', status: 'grace' },
        },
      ),
    ).toEqual([
      { path: 'names.ko', before: '수원', after: '수원시' },
      { path: 'membership.status', before: 'current', after: 'grace' },
    ]);
  });

  it('compares lists whole', () => {
    expect(auditChanges({ aliases: ['A'] }, { aliases: ['A', 'B'] })).toEqual([
      { path: 'aliases', before: ['A'], after: ['A', 'B'] },
    ]);
  });

  it('shows every field of a created or deleted record', () => {
    expect(auditChanges(null, { name: 'CDP export', expiresAt: null })).toEqual([
      { path: 'name', before: null, after: 'CDP export' },
    ]);
    expect(auditChanges({ names: { en: 'Kyoto' } }, null)).toEqual([
      { path: 'names.en', before: 'Kyoto', after: null },
    ]);
  });

  it('treats a field missing on one side as null', () => {
    expect(auditChanges({ website: null }, {})).toEqual([]);
    expect(auditChanges({}, { website: 'https://www.city.kyoto.lg.jp' })).toEqual([
      { path: 'website', before: null, after: 'https://www.city.kyoto.lg.jp' },
    ]);
  });

  it('has nothing to show for entries without snapshots', () => {
    expect(auditChanges(null, null)).toEqual([]);
  });
});

describe('auditValueText', () => {
  it('shows nothing as null and lists one per line', () => {
    expect(auditValueText(null)).toBeNull();
    expect(auditValueText('')).toBeNull();
    expect(auditValueText([])).toBeNull();
    expect(auditValueText(['Seoul', 'Seoul Metropolitan Government'])).toBe(
      'Seoul\nSeoul Metropolitan Government',
    );
    expect(auditValueText(false)).toBe('false');
    expect(auditValueText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
