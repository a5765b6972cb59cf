/** Agendas: a tree of items scheduled one after another from the start of the meeting. */
import { parseInstant } from './time';

export const AGENDA_KINDS = [
  'opening-remark',
  'report',
  'update',
  'decision',
  'closing-remark',
  'other',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export interface AgendaInput {
  id: number;
  parentId: number | null;
  position: number;
  durationMinutes: number | null;
}

export interface ScheduledItem {
  id: number;
  /** '1', '2.1' */
  number: string;
  /** 1 for a top-level item */
  depth: number;
  plannedStart: string;
  plannedEnd: string;
  minutes: number;
}

export const MAX_AGENDA_DEPTH = 3;

const MINUTE_MS = 60_000;

export interface AgendaTreeProblem {
  id: number;
  message: string;
}

type ProblemKind = 'duplicate-id' | 'bad-duration' | 'unknown-parent' | 'cycle' | 'too-deep';

function treeProblems(items: AgendaInput[]): (AgendaTreeProblem & { kind: ProblemKind })[] {
  const problems: (AgendaTreeProblem & { kind: ProblemKind })[] = [];
  const byId = new Map<number, AgendaInput>();
  const duplicates = new Set<AgendaInput>();
  for (const item of items) {
    if (byId.has(item.id)) duplicates.add(item);
    else byId.set(item.id, item);
  }

  for (const item of items) {
    const report = (kind: ProblemKind, message: string) =>
      problems.push({ id: item.id, kind, message });
    if (duplicates.has(item)) {
      report('duplicate-id', `Item ${item.id} appears more than once; each item needs its own id.`);
      continue;
    }
    const d = item.durationMinutes;
    if (d !== null && (!Number.isSafeInteger(d) || d < 0)) {
      report('bad-duration', `Item ${item.id} must last a whole number of minutes, zero or more.`);
    }
    // Walk up to the root; the chain tells apart orphans, cycles and depth.
    const chain: number[] = [item.id];
    let parentId = item.parentId;
    let outcome: 'root' | 'orphan' | 'cycle' | 'under-cycle' = 'root';
    while (parentId !== null) {
      const parent = byId.get(parentId);
      if (!parent) {
        outcome = 'orphan';
        break;
      }
      const seenAt = chain.indexOf(parentId);
      if (seenAt !== -1) {
        outcome = seenAt === 0 ? 'cycle' : 'under-cycle';
        break;
      }
      chain.push(parentId);
      parentId = parent.parentId;
    }
    if (outcome === 'orphan' && chain.length === 1) {
      report(
        'unknown-parent',
        `Item ${item.id} belongs under item ${item.parentId}, which is not on the agenda.`,
      );
    } else if (outcome === 'cycle') {
      report('cycle', `Item ${item.id} is its own ancestor; an agenda item cannot contain itself.`);
    } else if (outcome === 'root' && chain.length > MAX_AGENDA_DEPTH) {
      report(
        'too-deep',
        `Item ${item.id} is nested ${chain.length} levels deep; at most ${MAX_AGENDA_DEPTH} are allowed.`,
      );
    }
  }
  return problems;
}

/**
 * Structural problems, in input order: repeated ids, unknown parents, cycles, nesting deeper
 * than three levels, and durations that are not a whole number of minutes.
 */
export function checkAgendaTree(items: AgendaInput[]): AgendaTreeProblem[] {
  return treeProblems(items).map(({ id, message }) => ({ id, message }));
}

function ownMinutes(item: AgendaInput): number {
  const d = item.durationMinutes;
  return d !== null && Number.isFinite(d) && d > 0 ? d : 0;
}

/**
 * The planned timetable, depth-first in position order (ties broken by id). An item with children
 * lasts as long as they do together, its own duration ignored; an item without a duration takes
 * no time. Throws RangeError when the items do not form a tree: every item must be placed.
 */
export function scheduleAgenda(items: AgendaInput[], startsAt: string): ScheduledItem[] {
  // Depth and durations are the editor's business; only a broken tree leaves items unplaced.
  const broken = treeProblems(items).filter(
    (p) => p.kind === 'duplicate-id' || p.kind === 'unknown-parent' || p.kind === 'cycle',
  );
  if (broken.length > 0) {
    throw new RangeError(`The agenda is not a tree: ${broken.map((p) => p.message).join(' ')}`);
  }
  const children = new Map<number | null, AgendaInput[]>();
  for (const item of items) {
    const list = children.get(item.parentId) ?? [];
    list.push(item);
    children.set(item.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);

  const out: ScheduledItem[] = [];
  const visit = (parentId: number | null, prefix: string, depth: number, startMs: number) => {
    let clock = startMs;
    (children.get(parentId) ?? []).forEach((item, i) => {
      const number = `${prefix}${i + 1}`;
      const slot: ScheduledItem = {
        id: item.id,
        number,
        depth,
        plannedStart: new Date(clock).toISOString(),
        plannedEnd: '',
        minutes: 0,
      };
      out.push(slot);
      const kids = children.get(item.id);
      const end =
        kids && kids.length > 0
          ? visit(item.id, `${number}.`, depth + 1, clock)
          : clock + ownMinutes(item) * MINUTE_MS;
      slot.minutes = (end - clock) / MINUTE_MS;
      slot.plannedEnd = new Date(end).toISOString();
      clock = end;
    });
    return clock;
  };
  visit(null, '', 1, parseInstant(startsAt));
  return out;
}

/** Whole minutes the plan runs past the end of the meeting, rounded up; 0 if it fits. */
export function agendaOverrun(schedule: ScheduledItem[], endsAt: string): number {
  const end = parseInstant(endsAt);
  let last = -Infinity;
  for (const item of schedule) last = Math.max(last, parseInstant(item.plannedEnd));
  return last > end ? Math.ceil((last - end) / MINUTE_MS) : 0;
}
