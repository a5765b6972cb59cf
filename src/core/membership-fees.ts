/**
 * Membership fees: a schedule of population bands × the country's World Bank income group, plus
 * flat fees for national and subnational associations of governments, in one currency. The
 * schedule is configuration that administrators edit; `validateSchedule` names every problem of
 * an edited one, and `feeFor` reads the fee of one member from a valid one.
 *
 * Fees are whole amounts of the schedule's currency (the published fees are whole euros).
 * A band holds the populations from `from` up to, not including, `to`; the last band has no
 * end. So in a valid schedule every population falls in exactly one band, and a government
 * pays no less than a smaller one of its income group.
 */
import {
  COUNTRY_INCOME_GROUPS,
  INCOME_GROUPS,
  incomeGroupOf,
  type IncomeGroup,
} from './income-groups';
import type { GovernmentKind } from './membership';

export { COUNTRY_INCOME_GROUPS, INCOME_GROUPS, incomeGroupOf, type IncomeGroup };

export const ASSOCIATION_SCOPES = ['national', 'subnational'] as const;
export type AssociationScope = (typeof ASSOCIATION_SCOPES)[number];

export interface PopulationBand {
  /** The smallest population in the band. */
  from: number;
  /** The first population above the band; null for the last band, which has no end. */
  to: number | null;
}

export interface FeeSchedule {
  /** ISO 4217 code (EUR, USD, …). */
  currency: string;
  bands: PopulationBand[];
  /** For each income group, the fee of each band, in the order of `bands`. */
  fees: Record<IncomeGroup, number[]>;
  /** Flat fees of associations of governments, whatever their size or country. */
  associations: Record<AssociationScope, number>;
  /**
   * JSON Pointers (into this schedule) of the values that are placeholders, not decided fees:
   * the page marks them, and an administrator's edit of a value takes it off the list.
   */
  illustrative: string[];
}

/** The largest fee and population the schedule takes (far above any real one). */
export const MAX_FEE = 100_000_000;
export const MAX_POPULATION = 100_000_000;

// ---------------------------------------------------------------- the seed

const SEED_BAND_STARTS = [
  0, 100_000, 250_000, 500_000, 1_000_000, 2_000_000, 3_000_000, 5_000_000, 7_500_000, 10_000_000,
];

/**
 * The schedule a new installation starts with. Only these figures are published (PRODUCT.md):
 * the high-income group's smallest and largest band (450 and 5,985 euros a year) and the flat
 * fees of national (2,620) and subnational (1,870) associations. Everything else, the band
 * limits, the high-income bands in between and the other three income groups, is an
 * illustrative placeholder, listed in `illustrative`, for the secretariat to replace.
 */
export const SEED_FEE_SCHEDULE: FeeSchedule = {
  currency: 'EUR',
  bands: SEED_BAND_STARTS.map((from, i) => ({ from, to: SEED_BAND_STARTS[i + 1] ?? null })),
  fees: {
    low: [70, 135, 210, 295, 390, 490, 585, 690, 795, 900],
    'lower-middle': [160, 315, 490, 680, 910, 1140, 1365, 1610, 1855, 2095],
    'upper-middle': [270, 540, 840, 1170, 1560, 1950, 2340, 2760, 3180, 3590],
    high: [450, 900, 1400, 1950, 2600, 3250, 3900, 4600, 5300, 5985],
  },
  associations: { national: 2620, subnational: 1870 },
  illustrative: [
    // Band limits: the published schedule has ten bands; where they start is not published.
    ...SEED_BAND_STARTS.slice(1).map((_, i) => `/bands/${i}/to`),
    ...SEED_BAND_STARTS.slice(1).map((_, i) => `/bands/${i + 1}/from`),
    ...INCOME_GROUPS.flatMap((group) =>
      SEED_BAND_STARTS.map((_, band) => `/fees/${group}/${band}`).filter(
        (pointer) => pointer !== '/fees/high/0' && pointer !== '/fees/high/9',
      ),
    ),
  ],
};

// ---------------------------------------------------------------- validation

export const SCHEDULE_PROBLEM_CODES = [
  'currency',
  'no-bands',
  'first-band-not-zero',
  'gap-or-overlap',
  'empty-band',
  'last-band-ends',
  'band-without-end',
  'not-a-population',
  'fee-count',
  'not-a-fee',
  'fee-decreases',
  'illustrative-pointer',
] as const;
export type ScheduleProblemCode = (typeof SCHEDULE_PROBLEM_CODES)[number];

/** One problem of a schedule: where (a JSON Pointer into it), what, and in words. */
export interface ScheduleProblem {
  pointer: string;
  code: ScheduleProblemCode;
  detail: string;
  /** What the words need besides the code: a limit, or the band's end. */
  params?: { limit: number } | { end: number } | { count: number };
}

const isWhole = (n: unknown, max: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;

function bandProblems(bands: readonly PopulationBand[]): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (bands.length === 0) {
    return [{ pointer: '/bands', code: 'no-bands', detail: 'give at least one population band' }];
  }
  bands.forEach((band, i) => {
    const at = `/bands/${i}`;
    const last = i === bands.length - 1;
    if (!isWhole(band.from, MAX_POPULATION)) {
      problems.push({
        pointer: `${at}/from`,
        code: 'not-a-population',
        params: { limit: MAX_POPULATION },
        detail: `must be a whole number from 0 to ${MAX_POPULATION}`,
      });
    } else if (i === 0 && band.from !== 0) {
      problems.push({
        pointer: `${at}/from`,
        code: 'first-band-not-zero',
        detail: 'the first band starts at 0, so every population has a band',
      });
    }
    if (band.to === null) {
      if (!last) {
        problems.push({
          pointer: `${at}/to`,
          code: 'band-without-end',
          detail: 'only the last band is open-ended',
        });
      }
    } else if (!isWhole(band.to, MAX_POPULATION)) {
      problems.push({
        pointer: `${at}/to`,
        code: 'not-a-population',
        params: { limit: MAX_POPULATION },
        detail: `must be a whole number from 0 to ${MAX_POPULATION}`,
      });
    } else {
      if (last) {
        problems.push({
          pointer: `${at}/to`,
          code: 'last-band-ends',
          detail: 'the last band has no end, so every population has a band',
        });
      }
      if (isWhole(band.from, MAX_POPULATION) && band.to <= band.from) {
        problems.push({
          pointer: `${at}/to`,
          code: 'empty-band',
          detail: 'must be above where the band starts',
        });
      }
    }
    const next = bands[i + 1];
    if (next && band.to !== null && isWhole(next.from, MAX_POPULATION) && next.from !== band.to) {
      problems.push({
        pointer: `/bands/${i + 1}/from`,
        code: 'gap-or-overlap',
        params: { end: band.to },
        detail: `must be where the band before ends (${band.to}): no gap and no overlap`,
      });
    }
  });
  return problems;
}

function feeProblems(schedule: FeeSchedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const notAFee = (pointer: string): ScheduleProblem => ({
    pointer,
    code: 'not-a-fee',
    params: { limit: MAX_FEE },
    detail: `must be a whole amount from 0 to ${MAX_FEE}`,
  });
  for (const group of INCOME_GROUPS) {
    const row = schedule.fees[group];
    const at = `/fees/${group}`;
    if (!Array.isArray(row) || row.length !== schedule.bands.length) {
      problems.push({
        pointer: at,
        code: 'fee-count',
        params: { count: schedule.bands.length },
        detail: `needs one fee for each of the ${schedule.bands.length} bands`,
      });
      continue;
    }
    row.forEach((fee, band) => {
      if (!isWhole(fee, MAX_FEE)) {
        problems.push(notAFee(`${at}/${band}`));
        return;
      }
      const before = row[band - 1];
      if (band > 0 && isWhole(before, MAX_FEE) && fee < before) {
        problems.push({
          pointer: `${at}/${band}`,
          code: 'fee-decreases',
          params: { limit: before },
          detail: `must be at least the fee of the smaller band (${before})`,
        });
      }
    });
  }
  for (const scope of ASSOCIATION_SCOPES) {
    if (!isWhole(schedule.associations[scope], MAX_FEE)) {
      problems.push(notAFee(`/associations/${scope}`));
    }
  }
  return problems;
}

/** Whether a pointer names a value of the schedule (a band limit, a fee, an association fee). */
function pointsAtValue(schedule: FeeSchedule, pointer: string): boolean {
  const parts = pointer.split('/');
  if (parts[0] !== '') return false;
  const [, section, a, b] = parts;
  if (section === 'bands' && parts.length === 4) {
    return Number(a) in schedule.bands && (b === 'from' || b === 'to');
  }
  if (section === 'fees' && parts.length === 4) {
    const row = (schedule.fees as Record<string, number[] | undefined>)[a ?? ''];
    return Array.isArray(row) && /^\d+$/.test(b ?? '') && Number(b) < row.length;
  }
  if (section === 'associations' && parts.length === 3) {
    return (ASSOCIATION_SCOPES as readonly string[]).includes(a ?? '');
  }
  return false;
}

/** Every problem of a schedule, each naming its place; none means it can be used. */
export function validateSchedule(schedule: FeeSchedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (typeof schedule.currency !== 'string' || !/^[A-Z]{3}$/.test(schedule.currency)) {
    problems.push({
      pointer: '/currency',
      code: 'currency',
      detail: 'must be a three-letter ISO 4217 code such as EUR',
    });
  }
  problems.push(...bandProblems(schedule.bands), ...feeProblems(schedule));
  schedule.illustrative.forEach((pointer, i) => {
    if (!pointsAtValue(schedule, pointer)) {
      problems.push({
        pointer: `/illustrative/${i}`,
        code: 'illustrative-pointer',
        detail: 'does not name a value of the schedule',
      });
    }
  });
  return problems;
}

// ---------------------------------------------------------------- the fee of one member

/** What a member's fee is computed from. */
export interface FeeApplicant {
  kind: GovernmentKind;
  /** ISO 3166-1 alpha-2. */
  country: string;
  population: number | null;
  /** For an association: whether it gathers the governments of a country or of a part of one. */
  associationScope?: AssociationScope | null;
}

export type FeeBasis =
  | { kind: 'band'; incomeGroup: IncomeGroup; band: number; from: number; to: number | null }
  | { kind: 'association'; scope: AssociationScope };

export const NO_FEE_REASONS = [
  'invalid-schedule',
  'association-scope-unknown',
  'population-unknown',
  'country-without-income-group',
] as const;
export type NoFeeReason = (typeof NO_FEE_REASONS)[number];

export type FeeResult =
  | { ok: true; amount: number; currency: string; basis: FeeBasis }
  | { ok: false; reason: NoFeeReason };

/** The index of the band a population falls in (the schedule's bands are valid). */
export function bandIndexOf(bands: readonly PopulationBand[], population: number): number {
  return bands.findIndex((b) => population >= b.from && (b.to === null || population < b.to));
}

/** The fee of one member under a schedule, or why the schedule cannot say. */
export function feeFor(schedule: FeeSchedule, applicant: FeeApplicant): FeeResult {
  if (validateSchedule(schedule).length > 0) return { ok: false, reason: 'invalid-schedule' };
  const { currency } = schedule;
  if (applicant.kind === 'association') {
    const scope = applicant.associationScope;
    if (!scope) return { ok: false, reason: 'association-scope-unknown' };
    return {
      ok: true,
      amount: schedule.associations[scope],
      currency,
      basis: { kind: 'association', scope },
    };
  }
  const { population } = applicant;
  if (population === null || !Number.isFinite(population) || population < 0) {
    return { ok: false, reason: 'population-unknown' };
  }
  const incomeGroup = incomeGroupOf(applicant.country);
  if (!incomeGroup) return { ok: false, reason: 'country-without-income-group' };
  const band = bandIndexOf(schedule.bands, population);
  const { from, to } = schedule.bands[band] as PopulationBand;
  return {
    ok: true,
    amount: (schedule.fees[incomeGroup] as number[])[band] as number,
    currency,
    basis: { kind: 'band', incomeGroup, band, from, to },
  };
}

/**
 * The schedule with one value changed by an administrator: the value is theirs now, so it is
 * no longer a placeholder.
 */
export function withoutIllustrative(schedule: FeeSchedule, pointer: string): FeeSchedule {
  return { ...schedule, illustrative: schedule.illustrative.filter((p) => p !== pointer) };
}
