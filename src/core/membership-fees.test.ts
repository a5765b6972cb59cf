import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRIES } from './climate/country';
import {
  COUNTRY_INCOME_GROUPS,
  INCOME_GROUPS,
  MAX_FEE,
  SEED_FEE_SCHEDULE,
  bandIndexOf,
  feeFor,
  incomeGroupOf,
  validateSchedule,
  withoutIllustrative,
  type FeeSchedule,
} from './membership-fees';

const city = (country: string, population: number | null) =>
  ({ kind: 'city', country, population }) as const;

describe('the income groups', () => {
  it('hold the World Bank FY2026 counts: 26 low, 50 lower-middle, 54 upper-middle, 87 high', () => {
    const count = (group: string) =>
      Object.values(COUNTRY_INCOME_GROUPS).filter((g) => g === group).length;
    expect(count('low')).toBe(26);
    expect(count('lower-middle')).toBe(50);
    expect(count('upper-middle')).toBe(54);
    // 87 economies: the Channel Islands are two codes here (JE, GG).
    expect(count('high')).toBe(88);
  });

  it('name only real country codes (and Kosovo, XK)', () => {
    const iso = new Set(COUNTRIES.map((c) => c.alpha2));
    const unknown = Object.keys(COUNTRY_INCOME_GROUPS).filter((c) => !iso.has(c) && c !== 'XK');
    expect(unknown).toEqual([]);
  });

  it('place the members of the demo network and this year’s changes', () => {
    expect(incomeGroupOf('JP')).toBe('high');
    expect(incomeGroupOf('KR')).toBe('high');
    expect(incomeGroupOf('TW')).toBe('high');
    expect(incomeGroupOf('CN')).toBe('upper-middle');
    expect(incomeGroupOf('IN')).toBe('lower-middle');
    expect(incomeGroupOf('ET')).toBe('low');
    expect(incomeGroupOf('CR')).toBe('high');
    expect(incomeGroupOf('NA')).toBe('lower-middle');
    expect(incomeGroupOf('cv')).toBe('upper-middle');
    expect(incomeGroupOf('VE')).toBeNull();
    expect(incomeGroupOf('AX')).toBeNull();
  });
});

describe('the seeded schedule', () => {
  it('is valid, in euros, with the published figures where they are published', () => {
    expect(validateSchedule(SEED_FEE_SCHEDULE)).toEqual([]);
    expect(SEED_FEE_SCHEDULE.currency).toBe('EUR');
    expect(SEED_FEE_SCHEDULE.bands).toHaveLength(10);
    expect(SEED_FEE_SCHEDULE.fees.high[0]).toBe(450);
    expect(SEED_FEE_SCHEDULE.fees.high[9]).toBe(5985);
    expect(SEED_FEE_SCHEDULE.associations).toEqual({ national: 2620, subnational: 1870 });
  });

  it('marks every other value illustrative and none of the published ones', () => {
    const marked = new Set(SEED_FEE_SCHEDULE.illustrative);
    expect(marked.has('/fees/high/0')).toBe(false);
    expect(marked.has('/fees/high/9')).toBe(false);
    expect(marked.has('/associations/national')).toBe(false);
    expect(marked.has('/fees/high/5')).toBe(true);
    expect(marked.has('/fees/low/0')).toBe(true);
    expect(marked.has('/bands/3/to')).toBe(true);
    // 8 high-income fees between the ends, 30 of the other groups, 9 + 9 band limits.
    expect(marked.size).toBe(8 + 30 + 18);
  });
});

describe('feeFor', () => {
  const s = SEED_FEE_SCHEDULE;

  it('reads the band of the population in the country’s income group', () => {
    // Kyoto: 1,452,549 people in Japan (high income): the band from 1,000,000 to 2,000,000.
    expect(feeFor(s, city('JP', 1_452_549))).toEqual({
      ok: true,
      amount: 2600,
      currency: 'EUR',
      basis: { kind: 'band', incomeGroup: 'high', band: 4, from: 1_000_000, to: 2_000_000 },
    });
    // Changchun: 9,066,906 in China (upper-middle): the band from 7,500,000 to 10,000,000.
    expect(feeFor(s, city('CN', 9_066_906))).toMatchObject({ ok: true, amount: 3180 });
  });

  it('puts a band’s limits where they belong: the start in, the end in the next band', () => {
    expect(feeFor(s, city('KR', 0))).toMatchObject({ amount: 450 });
    expect(feeFor(s, city('KR', 99_999))).toMatchObject({ amount: 450 });
    expect(feeFor(s, city('KR', 100_000))).toMatchObject({ amount: 900 });
    expect(feeFor(s, city('KR', 9_999_999))).toMatchObject({ amount: 5300 });
    expect(feeFor(s, city('KR', 10_000_000))).toMatchObject({ amount: 5985 });
    expect(feeFor(s, city('KR', 40_000_000))).toMatchObject({ amount: 5985 });
  });

  it('charges associations their flat fee, whatever their size or country', () => {
    const association = { kind: 'association', country: 'VE', population: null } as const;
    expect(feeFor(s, { ...association, associationScope: 'national' })).toEqual({
      ok: true,
      amount: 2620,
      currency: 'EUR',
      basis: { kind: 'association', scope: 'national' },
    });
    expect(feeFor(s, { ...association, associationScope: 'subnational' })).toMatchObject({
      amount: 1870,
    });
    expect(feeFor(s, association)).toEqual({ ok: false, reason: 'association-scope-unknown' });
  });

  it('says why it cannot: population unknown, no income group, a broken schedule', () => {
    expect(feeFor(s, city('JP', null))).toEqual({ ok: false, reason: 'population-unknown' });
    expect(feeFor(s, city('VE', 2_000_000))).toEqual({
      ok: false,
      reason: 'country-without-income-group',
    });
    const broken = { ...s, currency: 'euro' };
    expect(feeFor(broken, city('JP', 1))).toEqual({ ok: false, reason: 'invalid-schedule' });
  });
});

describe('validateSchedule', () => {
  const s = SEED_FEE_SCHEDULE;
  const codes = (schedule: FeeSchedule) =>
    validateSchedule(schedule).map((p) => `${p.pointer} ${p.code}`);

  it('names a gap, an overlap, a first band above 0 and a closed last band', () => {
    const bands = s.bands.map((b) => ({ ...b }));
    bands[0] = { from: 10, to: 100_000 };
    bands[2] = { from: 260_000, to: 500_000 };
    bands[4] = { from: 900_000, to: 2_000_000 };
    bands[9] = { from: 10_000_000, to: 20_000_000 };
    expect(codes({ ...s, bands })).toEqual([
      '/bands/0/from first-band-not-zero',
      '/bands/2/from gap-or-overlap',
      '/bands/4/from gap-or-overlap',
      '/bands/9/to last-band-ends',
    ]);
  });

  it('names an empty band, an open band before the last, and no bands at all', () => {
    const bands = s.bands.map((b) => ({ ...b }));
    bands[1] = { from: 100_000, to: 100_000 };
    bands[2] = { from: 100_000, to: 500_000 };
    bands[3] = { from: 500_000, to: null };
    expect(codes({ ...s, bands })).toEqual([
      '/bands/1/to empty-band',
      '/bands/3/to band-without-end',
    ]);
    expect(codes({ ...s, bands: [] })).toContain('/bands no-bands');
  });

  it('names a fee that falls with population, is not whole, or is missing', () => {
    const fees = { ...s.fees, high: [...s.fees.high], low: [...s.fees.low] };
    fees.high[3] = 1000;
    fees.low[2] = 12.5;
    const short = { ...fees, 'lower-middle': [1, 2, 3] };
    expect(codes({ ...s, fees: short, illustrative: [] })).toEqual([
      '/fees/low/2 not-a-fee',
      '/fees/lower-middle fee-count',
      '/fees/high/3 fee-decreases',
    ]);
  });

  it('names a bad currency, a bad association fee and a pointer to nothing', () => {
    expect(
      codes({
        ...s,
        currency: 'eur',
        associations: { national: -1, subnational: MAX_FEE + 1 },
        illustrative: ['/fees/high/10', '/fees/high/2'],
      }),
    ).toEqual([
      '/currency currency',
      '/associations/national not-a-fee',
      '/associations/subnational not-a-fee',
      '/illustrative/0 illustrative-pointer',
    ]);
  });

  it('takes an edited value off the illustrative list', () => {
    const edited = withoutIllustrative(s, '/fees/high/5');
    expect(edited.illustrative).not.toContain('/fees/high/5');
    expect(edited.illustrative).toHaveLength(s.illustrative.length - 1);
  });
});

describe('fee properties', () => {
  /** A valid schedule: strictly rising band starts from 0, fees that never fall. */
  const schedule = fc
    .uniqueArray(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 0, maxLength: 12 })
    .chain((cuts) => {
      const starts = [0, ...cuts.sort((a, b) => a - b)];
      const feeRow = fc
        .array(fc.integer({ min: 0, max: 5000 }), {
          minLength: starts.length,
          maxLength: starts.length,
        })
        .map((steps) => steps.reduce<number[]>((row, x) => [...row, (row.at(-1) ?? 0) + x], []));
      return fc.record({
        currency: fc.constant('EUR'),
        bands: fc.constant(starts.map((from, i) => ({ from, to: starts[i + 1] ?? null }))),
        fees: fc.record({
          low: feeRow,
          'lower-middle': feeRow,
          'upper-middle': feeRow,
          high: feeRow,
        }),
        associations: fc.record({ national: fc.nat(9999), subnational: fc.nat(9999) }),
        illustrative: fc.constant([] as string[]),
      });
    });
  const population = fc.integer({ min: 0, max: 100_000_000 });
  const country = fc.constantFrom('JP', 'CN', 'IN', 'ET', 'CR', 'NA');

  it('makes schedules validateSchedule accepts', () => {
    fc.assert(
      fc.property(schedule, (s) => {
        expect(validateSchedule(s)).toEqual([]);
      }),
    );
  });

  it('puts every population in exactly one band', () => {
    fc.assert(
      fc.property(schedule, population, (s, p) => {
        const holding = s.bands.filter((b) => p >= b.from && (b.to === null || p < b.to));
        expect(holding).toHaveLength(1);
        expect(s.bands[bandIndexOf(s.bands, p)]).toBe(holding[0]);
      }),
    );
  });

  it('never charges less as the population grows within an income group', () => {
    fc.assert(
      fc.property(schedule, country, population, population, (s, c, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const x = feeFor(s, city(c, small));
        const y = feeFor(s, city(c, large));
        if (!x.ok || !y.ok) throw new Error('a valid schedule gives every city of a group a fee');
        expect(x.amount).toBeLessThanOrEqual(y.amount);
      }),
    );
  });

  it('charges every group’s city the fee of its group’s row', () => {
    fc.assert(
      fc.property(schedule, population, (s, p) => {
        for (const group of INCOME_GROUPS) {
          const sample = Object.entries(COUNTRY_INCOME_GROUPS).find(([, g]) => g === group)?.[0];
          const fee = feeFor(s, city(sample as string, p));
          expect(fee).toMatchObject({ ok: true, amount: s.fees[group][bandIndexOf(s.bands, p)] });
        }
      }),
    );
  });
});
