/**
 * Attendance registers: who sits for which government, and whether the proxies hold up.
 * Problems are always reported on the later entry so that the earlier registration stands.
 */
import type { Capacity } from './quorum';

export interface AttendanceEntry {
  governmentId: number;
  /** stable key of the person: 'p:12' for a known person, 'n:<folded name>' otherwise */
  personKey: string;
  capacity: Capacity;
  /** the principal's person key when capacity is 'proxy' */
  principalKey: string | null;
  present: boolean;
}

export interface ProxyRule {
  /** default 1 */
  maxPrincipalsPerProxy: number;
}

export const DEFAULT_PROXY_RULE: ProxyRule = { maxPrincipalsPerProxy: 1 };

export type AttendanceProblemCode =
  | 'proxy-without-principal'
  | 'self-proxy'
  | 'proxy-limit-exceeded'
  | 'principal-also-present'
  | 'government-double-represented'
  | 'principal-on-adviser';

export interface AttendanceProblem {
  code: AttendanceProblemCode;
  /** index of the offending entry */
  index: number;
  /** plain English sentence naming the rule */
  message: string;
  /** what the words need besides the code (the limit of a proxy's mandates) */
  params?: { limit: number };
}

function hasPrincipal(entry: AttendanceEntry): entry is AttendanceEntry & { principalKey: string } {
  return entry.principalKey !== null && entry.principalKey !== '';
}

/** A proxy mandate that names someone other than the proxy. */
function isValidProxy(entry: AttendanceEntry): boolean {
  return (
    entry.capacity === 'proxy' && hasPrincipal(entry) && entry.principalKey !== entry.personKey
  );
}

function isVotingCapacity(capacity: Capacity): boolean {
  return capacity === 'own-right' || capacity === 'proxy';
}

export function checkAttendance(entries: AttendanceEntry[], rule: ProxyRule): AttendanceProblem[] {
  const problems: AttendanceProblem[] = [];
  const mandates = new Map<string, Set<string>>();
  const standingVoter = new Map<number, number>();

  entries.forEach((entry, index) => {
    const report = (code: AttendanceProblemCode, message: string, params?: { limit: number }) =>
      problems.push({ code, index, message, ...(params ? { params } : {}) });

    if (entry.capacity === 'adviser' && hasPrincipal(entry)) {
      report(
        'principal-on-adviser',
        'An adviser attends in their own capacity and cannot represent a principal.',
      );
    }

    if (entry.capacity === 'proxy') {
      if (!hasPrincipal(entry)) {
        report('proxy-without-principal', 'A proxy must name the principal they represent.');
      } else if (entry.principalKey === entry.personKey) {
        report('self-proxy', 'A person cannot act as their own proxy.');
      } else {
        // Absent entries count too: the limit is on mandates given, not on people who turned up.
        const principals = mandates.get(entry.personKey) ?? new Set<string>();
        mandates.set(entry.personKey, principals);
        if (!principals.has(entry.principalKey)) {
          if (principals.size >= rule.maxPrincipalsPerProxy) {
            report(
              'proxy-limit-exceeded',
              `A person may act as proxy for at most ${rule.maxPrincipalsPerProxy} ` +
                `principal${rule.maxPrincipalsPerProxy === 1 ? '' : 's'} per meeting.`,
              { limit: rule.maxPrincipalsPerProxy },
            );
          } else {
            principals.add(entry.principalKey);
          }
        }
      }
    }

    if (!entry.present || !isVotingCapacity(entry.capacity)) return;

    let conflictWith: AttendanceEntry | null = null;
    for (let earlier = 0; earlier < index && !conflictWith; earlier++) {
      const other = entries[earlier];
      if (!other?.present) continue;
      const representsThis =
        isValidProxy(other) &&
        entry.capacity === 'own-right' &&
        other.principalKey === entry.personKey;
      const representedByThis =
        isValidProxy(entry) &&
        other.capacity === 'own-right' &&
        entry.principalKey === other.personKey;
      if (representsThis || representedByThis) conflictWith = other;
    }
    if (conflictWith) {
      report(
        'principal-also-present',
        'A principal who is represented by a proxy cannot also take part in their own right.',
      );
    }

    if (standingVoter.has(entry.governmentId)) {
      // The principal conflict already explains the double seat, so it is not said twice.
      if (conflictWith?.governmentId !== entry.governmentId) {
        report(
          'government-double-represented',
          'A government may be represented by only one voting participant; advisers are unlimited.',
        );
      }
    } else {
      standingVoter.set(entry.governmentId, index);
    }
  });

  return problems;
}

/**
 * Who casts a government's vote: the present own-right entry, else the present proxy; null when
 * none. Proxies that name no principal, or themselves, hold no mandate and are passed over.
 */
export function voterFor(governmentId: number, entries: AttendanceEntry[]): AttendanceEntry | null {
  const mine = entries.filter((e) => e.governmentId === governmentId && e.present);
  return mine.find((e) => e.capacity === 'own-right') ?? mine.find((e) => isValidProxy(e)) ?? null;
}
