import { describe, expect, it } from 'vitest';
import {
  namesApart,
  pairKey,
  rowsTotal,
  sidesFor,
  targetSidesFor,
  type DuplicatePair,
  type DuplicateSide,
  type DuplicateTargetPair,
  type DuplicateTargetSide,
} from './merges';

const side = (slug: string): DuplicateSide => ({
  slug,
  name: slug,
  names: { en: slug },
  localLang: 'en',
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

  it('takes the chosen target as the one kept and the other as the one removed', () => {
    const target = (id: number): DuplicateTargetSide => ({
      id,
      title: `Target ${id}`,
      type: 'base-year',
      netZeroLabel: null,
      baseYear: 2005,
      targetYear: 2030,
      reductionPercent: 40,
      targetEmissions: null,
      status: 'policy',
      origin: 'cdp',
      sourceDocument: null,
      interim: false,
      interims: 0,
      actions: 0,
      updatedAt: '2024-01-01T00:00:00Z',
    });
    const targets: DuplicateTargetPair = {
      government: { slug: 'taipei', name: 'Taipei' },
      a: target(3),
      b: target(7),
      suggestedKeep: 7,
    };
    expect(targetSidesFor(targets, 7)).toEqual({ kept: targets.b, removed: targets.a });
    expect(targetSidesFor(targets, 3)).toEqual({ kept: targets.a, removed: targets.b });
  });
});

describe('namesApart', () => {
  const name = (s: { name: string }) => s.name;
  const apart = (s: { name: string; country: string }) => `${s.name} (${s.country})`;
  it('says two different names as they are', () => {
    expect(
      namesApart(
        { name: 'Taipei', country: 'TW' },
        { name: 'Taipei City', country: 'TW' },
        name,
        apart,
      ),
    ).toEqual(['Taipei', 'Taipei City']);
  });
  it('tells two governments of one name apart by what a person knows', () => {
    expect(
      namesApart(
        { name: 'Springfield', country: 'US' },
        { name: 'Springfield', country: 'AU' },
        name,
        apart,
      ),
    ).toEqual(['Springfield (US)', 'Springfield (AU)']);
  });
});
