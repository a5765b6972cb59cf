import { describe, expect, it } from 'vitest';
import { pairKey, rowsTotal, sidesFor, type DuplicatePair, type DuplicateSide } from './merges';

const side = (slug: string): DuplicateSide => ({
  slug,
  name: slug,
  aliases: [],
  kind: 'city',
  country: 'TW',
  category: 'non-member',
  cdpAccount: null,
  nztId: null,
  latitude: null,
  longitude: null,
  targets: 0,
  reports: 0,
  createdAt: '2024-01-01T00:00:00Z',
});

const pair: DuplicatePair = {
  a: side('taipei'),
  b: side('taipei-city'),
  reasons: ['name'],
  matchingNames: ['taipei'],
  distanceKm: null,
  keysDiffer: false,
  suggestedKeep: 'taipei',
};

describe('merges', () => {
  it('takes the chosen side as the one kept', () => {
    expect(sidesFor(pair, 'taipei')).toEqual({ kept: pair.a, merged: pair.b });
    expect(sidesFor(pair, 'taipei-city')).toEqual({ kept: pair.b, merged: pair.a });
  });

  it('keys a pair whichever side comes first', () => {
    expect(pairKey(pair)).toBe(pairKey({ a: pair.b, b: pair.a }));
  });

  it('counts the rows a merge moved', () => {
    expect(rowsTotal({ rows: { climate_targets: 3, government_names: 2 } })).toBe(5);
    expect(rowsTotal({ rows: {} })).toBe(0);
  });
});
