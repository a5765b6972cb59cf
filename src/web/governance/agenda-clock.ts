/**
 * The running clock of an agenda being edited: when each item starts and ends if the meeting
 * starts on time. Computed in the browser with the same rule the server uses
 * (scheduleAgenda), so what the editor shows is what the published agenda will say.
 */
import { agendaOverrun, scheduleAgenda, type AgendaInput } from '../../core/governance/agenda';
import { isTimeZone, zonedTimeToUtc } from '../../core/governance/time';
import { flattenTree, parseDuration, type EditorItem } from './agenda-tree';

export interface ClockRow {
  key: string;
  number: string;
  /** UTC instants. */
  start: string;
  end: string;
  minutes: number;
}

export interface AgendaClock {
  /** In depth-first order, as flattenTree lists the items. */
  rows: ClockRow[];
  /** Minutes the plan runs past the end of the meeting; 0 when it fits or no end is known. */
  overrunMinutes: number;
}

/** The clock from a start instant; durations that do not parse count as no time. */
export function agendaClock(
  tree: readonly EditorItem[],
  startsAt: string,
  endsAt: string | null,
): AgendaClock {
  const flat = flattenTree(tree);
  // Ids are positions in the flattened list (1-based); parents are found by their path.
  const idOfPath = new Map(flat.map((f) => [f.path.join('.'), f.index + 1]));
  const inputs: AgendaInput[] = flat.map((f) => {
    const minutes = parseDuration(f.item.duration);
    return {
      id: f.index + 1,
      parentId: f.path.length > 1 ? (idOfPath.get(f.path.slice(0, -1).join('.')) ?? null) : null,
      position: f.path[f.path.length - 1] as number,
      durationMinutes: minutes === null || Number.isNaN(minutes) ? null : minutes,
    };
  });
  const schedule = scheduleAgenda(inputs, startsAt);
  const byId = new Map(schedule.map((s) => [s.id, s]));
  const rows = flat.map((f) => {
    const slot = byId.get(f.index + 1);
    return {
      key: f.item.key,
      number: f.number,
      start: slot?.plannedStart ?? startsAt,
      end: slot?.plannedEnd ?? startsAt,
      minutes: slot?.minutes ?? 0,
    };
  });
  return { rows, overrunMinutes: endsAt ? agendaOverrun(schedule, endsAt) : 0 };
}

/**
 * The clock from the form's wall-clock start and end in the meeting's zone, or null while the
 * start or the zone is not yet something that can be read.
 */
export function agendaClockLocal(
  tree: readonly EditorItem[],
  localStart: string,
  localEnd: string,
  timeZone: string,
): AgendaClock | null {
  if (!isTimeZone(timeZone)) return null;
  let startsAt: string;
  try {
    startsAt = zonedTimeToUtc(localStart, timeZone);
  } catch {
    return null;
  }
  let endsAt: string | null;
  try {
    endsAt = localEnd ? zonedTimeToUtc(localEnd, timeZone) : null;
  } catch {
    endsAt = null;
  }
  return agendaClock(tree, startsAt, endsAt);
}
