import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AGENDA_KINDS,
  agendaOverrun,
  checkAgendaTree,
  scheduleAgenda,
  type AgendaInput,
} from './agenda';

const item = (
  id: number,
  parentId: number | null,
  position: number,
  durationMinutes: number | null,
): AgendaInput => ({ id, parentId, position, durationMinutes });

const START = '2020-11-26T05:00:00.000Z';

// Given out of order on purpose: the schedule must follow parent and position, not input order.
const agenda = [
  item(40, null, 4, 30),
  item(212, 21, 2, null),
  item(21, 20, 2, 15),
  item(10, null, 1, 10),
  item(211, 21, 1, 5),
  item(30, null, 3, null),
  item(22, 20, 1, 20),
  item(20, null, 2, 999),
];

describe('scheduleAgenda', () => {
  it('runs the items one after another, parents spanning their children', () => {
    // 1 = 10 min 05:00–05:10. 2 has children so its 999 is ignored: 2.1 = 20 min 05:10–05:30,
    // 2.2 has children 2.2.1 = 5 min 05:30–05:35 and 2.2.2 = 0 min, so 2.2 = 5 and 2 = 25 min
    // 05:10–05:35. 3 has no duration: 0 min at 05:35. 4 = 30 min 05:35–06:05.
    const t = (hhmm: string) => `2020-11-26T${hhmm}:00.000Z`;
    expect(scheduleAgenda(agenda, START)).toEqual([
      {
        id: 10,
        number: '1',
        depth: 1,
        plannedStart: t('05:00'),
        plannedEnd: t('05:10'),
        minutes: 10,
      },
      {
        id: 20,
        number: '2',
        depth: 1,
        plannedStart: t('05:10'),
        plannedEnd: t('05:35'),
        minutes: 25,
      },
      {
        id: 22,
        number: '2.1',
        depth: 2,
        plannedStart: t('05:10'),
        plannedEnd: t('05:30'),
        minutes: 20,
      },
      {
        id: 21,
        number: '2.2',
        depth: 2,
        plannedStart: t('05:30'),
        plannedEnd: t('05:35'),
        minutes: 5,
      },
      {
        id: 211,
        number: '2.2.1',
        depth: 3,
        plannedStart: t('05:30'),
        plannedEnd: t('05:35'),
        minutes: 5,
      },
      {
        id: 212,
        number: '2.2.2',
        depth: 3,
        plannedStart: t('05:35'),
        plannedEnd: t('05:35'),
        minutes: 0,
      },
      {
        id: 30,
        number: '3',
        depth: 1,
        plannedStart: t('05:35'),
        plannedEnd: t('05:35'),
        minutes: 0,
      },
      {
        id: 40,
        number: '4',
        depth: 1,
        plannedStart: t('05:35'),
        plannedEnd: t('06:05'),
        minutes: 30,
      },
    ]);
  });

  it('numbers siblings consecutively even when positions have gaps or ties', () => {
    // Positions 10, 10, 50: the tie goes to the lower id.
    const s = scheduleAgenda(
      [item(3, null, 50, 1), item(2, null, 10, 1), item(1, null, 10, 1)],
      START,
    );
    expect(s.map((x) => [x.id, x.number])).toEqual([
      [1, '1'],
      [2, '2'],
      [3, '3'],
    ]);
  });

  it('returns nothing for an empty agenda', () => {
    expect(scheduleAgenda([], START)).toEqual([]);
  });

  it('refuses items that cannot be placed, and a start without a zone', () => {
    expect(() => scheduleAgenda([item(1, 99, 1, 5)], START)).toThrow(RangeError);
    expect(() => scheduleAgenda([item(1, 2, 1, 5), item(2, 1, 1, 5)], START)).toThrow(RangeError);
    expect(() => scheduleAgenda([item(1, null, 1, 5)], '2020-11-26T05:00:00')).toThrow(RangeError);
  });

  // Each item hangs under an earlier one or at the top, so the result is always a tree.
  const treeArb = fc
    .array(
      fc.record({
        parentPick: fc.option(fc.nat(), { freq: 3 }),
        position: fc.integer({ min: 0, max: 5 }),
        durationMinutes: fc.option(fc.integer({ min: 0, max: 120 })),
      }),
      { maxLength: 15 },
    )
    .map((rows) =>
      rows.map((r, i) =>
        item(
          i + 1,
          r.parentPick === null || i === 0 ? null : (r.parentPick % i) + 1,
          r.position,
          r.durationMinutes,
        ),
      ),
    );

  it('schedules every item once and keeps the clock consistent', () => {
    fc.assert(
      fc.property(treeArb, (items) => {
        const s = scheduleAgenda(items, START);
        expect(s.map((x) => x.id).sort((a, b) => a - b)).toEqual(items.map((x) => x.id));
        const byId = new Map(s.map((x) => [x.id, x]));
        for (const x of s) {
          expect((Date.parse(x.plannedEnd) - Date.parse(x.plannedStart)) / 60_000).toBe(x.minutes);
        }
        // A parent lasts exactly as long as its children together.
        for (const parent of items) {
          const kids = items.filter((k) => k.parentId === parent.id);
          if (kids.length === 0) continue;
          const sum = kids.reduce((acc, k) => acc + (byId.get(k.id)?.minutes ?? NaN), 0);
          expect(byId.get(parent.id)?.minutes).toBe(sum);
        }
        // The whole plan lasts as long as its leaves.
        const leaves = items.filter((x) => !items.some((k) => k.parentId === x.id));
        const total = leaves.reduce((acc, x) => acc + (x.durationMinutes ?? 0), 0);
        const end =
          s.length === 0 ? Date.parse(START) : Math.max(...s.map((x) => Date.parse(x.plannedEnd)));
        expect((end - Date.parse(START)) / 60_000).toBe(total);
        // Top-level items follow one another without gaps.
        const top = s.filter((x) => x.depth === 1);
        top.forEach((x, i) => {
          expect(x.number).toBe(String(i + 1));
          if (i > 0) expect(x.plannedStart).toBe(top[i - 1]?.plannedEnd);
        });
      }),
    );
  });
});

describe('checkAgendaTree', () => {
  it('accepts a well-formed agenda', () => {
    expect(checkAgendaTree(agenda)).toEqual([]);
  });

  it('finds unknown parents, cycles, deep nesting, repeated ids and bad durations', () => {
    const items = [
      item(1, 99, 1, 5), // unknown parent
      item(2, 2, 1, 5), // its own parent
      item(3, 4, 1, 5), // 3 → 4 → 3
      item(4, 3, 1, 5),
      item(5, 3, 1, 5), // under the cycle: reported through 3 and 4, not again
      item(10, null, 1, null),
      item(11, 10, 1, null),
      item(12, 11, 1, null),
      item(13, 12, 1, 5), // depth 4: 10 > 11 > 12 > 13
      item(10, null, 2, 5), // repeated id
      item(14, 10, 2, -5), // negative minutes
    ];
    expect(checkAgendaTree(items).map((p) => p.id)).toEqual([1, 2, 3, 4, 13, 10, 14]);
    const messages = checkAgendaTree(items).map((p) => p.message);
    expect(messages[0]).toMatch(/item 99, which is not on the agenda/);
    expect(messages[4]).toMatch(/nested 4 levels deep; at most 3/);
  });

  it('keeps the kinds of item the minutes can record', () => {
    expect(AGENDA_KINDS).toContain('decision');
    expect(AGENDA_KINDS).toHaveLength(6);
  });
});

describe('agendaOverrun', () => {
  const schedule = scheduleAgenda(agenda, START);

  it('measures how far the plan runs past the end', () => {
    // The plan ends at 06:05.
    expect(agendaOverrun(schedule, '2020-11-26T06:00:00.000Z')).toBe(5);
    expect(agendaOverrun(schedule, '2020-11-26T06:05:00.000Z')).toBe(0);
    expect(agendaOverrun(schedule, '2020-11-26T07:00:00.000Z')).toBe(0);
    // 06:05 − 05:59:30 = 5.5 minutes, rounded up so that the warning is never understated.
    expect(agendaOverrun(schedule, '2020-11-26T05:59:30.000Z')).toBe(6);
    expect(agendaOverrun([], '2020-11-26T05:00:00.000Z')).toBe(0);
  });
});
