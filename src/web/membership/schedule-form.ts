/**
 * Edits of the fee schedule as the page makes them, pure: each returns a new schedule. An
 * edited value is the secretariat's, so it leaves the list of illustrative values. Bands stay
 * joined: moving where a band ends moves where the next begins.
 */
import {
  INCOME_GROUPS,
  validateSchedule,
  type AssociationScope,
  type FeeSchedule,
  type IncomeGroup,
  type ScheduleProblemCode,
} from '../../core/membership-fees';

/** A number typed in a field: NaN when it is not one (validateSchedule then names the field). */
export function readNumber(text: string): number {
  const cleaned = text.replace(/[\s,_]/g, '');
  return cleaned === '' ? Number.NaN : Number(cleaned);
}

const unmark = (schedule: FeeSchedule, ...pointers: string[]): string[] =>
  schedule.illustrative.filter((p) => !pointers.includes(p));

export function setCurrency(schedule: FeeSchedule, currency: string): FeeSchedule {
  return { ...schedule, currency: currency.trim().toUpperCase() };
}

/** Where band `index` ends, and so where the next one starts. */
export function setBandEnd(schedule: FeeSchedule, index: number, to: number): FeeSchedule {
  const bands = schedule.bands.map((b, i) =>
    i === index ? { ...b, to } : i === index + 1 ? { ...b, from: to } : b,
  );
  return {
    ...schedule,
    bands,
    illustrative: unmark(schedule, `/bands/${index}/to`, `/bands/${index + 1}/from`),
  };
}

export function setFee(
  schedule: FeeSchedule,
  group: IncomeGroup,
  band: number,
  fee: number,
): FeeSchedule {
  const row = [...schedule.fees[group]];
  row[band] = fee;
  return {
    ...schedule,
    fees: { ...schedule.fees, [group]: row },
    illustrative: unmark(schedule, `/fees/${group}/${band}`),
  };
}

export function setAssociationFee(
  schedule: FeeSchedule,
  scope: AssociationScope,
  fee: number,
): FeeSchedule {
  return {
    ...schedule,
    associations: { ...schedule.associations, [scope]: fee },
    illustrative: unmark(schedule, `/associations/${scope}`),
  };
}

/** Illustrative pointers with the band numbers above `from` moved by `by` (a band added, gone). */
function shiftPointers(pointers: readonly string[], from: number, by: number): string[] {
  return pointers.flatMap((p) => {
    const m = /^\/(bands|fees\/[a-z-]+)\/(\d+)(.*)$/.exec(p);
    if (!m) return [p];
    const index = Number(m[2]);
    if (index < from) return [p];
    if (by < 0 && index === from) return [];
    return [`/${m[1]}/${index + by}${m[3]}`];
  });
}

/**
 * Splits the last band in two: the last band now ends at twice where it starts (or 1 for a band
 * from 0), and a new open-ended band follows with the same fees, for the secretariat to raise.
 */
export function addBand(schedule: FeeSchedule): FeeSchedule {
  const last = schedule.bands.at(-1);
  if (!last) {
    return {
      ...schedule,
      bands: [{ from: 0, to: null }],
      fees: Object.fromEntries(INCOME_GROUPS.map((g) => [g, [0]])) as FeeSchedule['fees'],
    };
  }
  const split = last.from > 0 ? last.from * 2 : 1;
  return {
    ...schedule,
    bands: [
      ...schedule.bands.slice(0, -1),
      { from: last.from, to: split },
      { from: split, to: null },
    ],
    fees: Object.fromEntries(
      INCOME_GROUPS.map((g) => [g, [...schedule.fees[g], schedule.fees[g].at(-1) ?? 0]]),
    ) as FeeSchedule['fees'],
  };
}

/** Removes a band: the band before it reaches as far as it did (the first band: the next starts at 0). */
export function removeBand(schedule: FeeSchedule, index: number): FeeSchedule {
  if (schedule.bands.length <= 1) return schedule;
  const removed = schedule.bands[index];
  if (!removed) return schedule;
  const bands = schedule.bands
    .map((b, i) =>
      index === 0 && i === 1 ? { ...b, from: 0 } : i === index - 1 ? { ...b, to: removed.to } : b,
    )
    .filter((_, i) => i !== index);
  return {
    ...schedule,
    bands,
    fees: Object.fromEntries(
      INCOME_GROUPS.map((g) => [g, schedule.fees[g].filter((_, i) => i !== index)]),
    ) as FeeSchedule['fees'],
    illustrative: shiftPointers(schedule.illustrative, index, -1),
  };
}

/** The first problem at each field of the schedule, by pointer, for the message beside it. */
export function problemsByField(schedule: FeeSchedule): Map<string, ScheduleProblemCode> {
  const byField = new Map<string, ScheduleProblemCode>();
  for (const p of validateSchedule(schedule))
    if (!byField.has(p.pointer)) byField.set(p.pointer, p.code);
  return byField;
}

/** The field id of a pointer, for labels and the summary's links. */
export const fieldId = (pointer: string): string => `fee${pointer.replace(/\//g, '-')}`;
