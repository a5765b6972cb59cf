/** Governance rows as the API shows them: pure functions, no I/O. */
import {
  isVotingPosition,
  utcToZoned,
  type MajorityRule,
  type ScheduledItem,
} from '../../core/governance';
import type { Attribution } from '../../core/attribution';
import { parseTexts } from '../db/texts';
import type { AttendanceRow, MotionRow, MotionVoteRow } from './register-repository';
import type {
  AgendaItemRow,
  BodyRow,
  GovernmentRefRow,
  InvitationRow,
  MeetingRow,
  PersonRefRow,
  SeatEventRow,
  SeatRow,
  SpeakerRow,
  TermRow,
} from './repository';
import type {
  AgendaItem,
  Attendance,
  BodySummary,
  GovernmentRef,
  Invitation,
  MeetingSummary,
  Motion,
  PersonRef,
  Seat,
  SeatHistory,
  TermSummary,
} from './schemas';

// ---------------------------------------------------------------- references

export function presentGovernmentRef(row: GovernmentRefRow): GovernmentRef {
  const names: Record<string, string> = {};
  for (const n of row.names) if (n.lang && n.kind === 'name') names[n.lang] = n.name;
  return { id: row.id, slug: row.slug, names, localLang: row.local_lang, country: row.country };
}

export function presentPersonRef(row: PersonRefRow): PersonRef {
  return {
    id: row.id,
    fullName: row.full_name,
    names: parseTexts(row.names, { table: 'people', id: row.id }),
  };
}

/** The governments and people a view mentions, loaded once and looked up by id. */
export interface Refs {
  government(id: number | null): GovernmentRef | null;
  person(id: number | null): PersonRef | null;
}

export function refsOf(
  governments: Map<number, GovernmentRefRow>,
  people: Map<number, PersonRefRow>,
): Refs {
  return {
    government(id) {
      const g = id === null ? undefined : governments.get(id);
      return g ? presentGovernmentRef(g) : null;
    },
    person(id) {
      const p = id === null ? undefined : people.get(id);
      return p ? presentPersonRef(p) : null;
    },
  };
}

// ---------------------------------------------------------------- bodies, terms, seats

export interface BodyRules {
  quorum: { numerator: number; denominator: number; strict: boolean; proxiesCount: boolean };
  maxPrincipalsPerProxy: number;
  majorityRule: MajorityRule;
  termYears: number;
}

export function rulesOf(row: BodyRow): BodyRules {
  return {
    quorum: {
      numerator: row.quorum_numerator,
      denominator: row.quorum_denominator,
      strict: row.quorum_strict === 1,
      proxiesCount: row.proxies_count === 1,
    },
    maxPrincipalsPerProxy: row.max_principals_per_proxy,
    majorityRule: row.majority_rule,
    termYears: row.term_years,
  };
}

export const bodyNames = (row: BodyRow) => parseTexts(row.names, { table: 'bodies', id: row.id });
export const bodyDescription = (row: BodyRow) =>
  parseTexts(row.description, { table: 'bodies', id: row.id });

export function presentBodySummary(
  row: BodyRow,
  current: TermRow | null,
  counts: Map<number, number>,
  timeZone: string | null,
): BodySummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    names: bodyNames(row),
    region: row.region_slug,
    currentTerm: current ? presentTerm(current, counts.get(current.id) ?? 0) : null,
    timeZone,
    isDemo: row.is_demo === 1,
  };
}

export function presentTerm(row: TermRow, seatCount: number): TermSummary {
  return {
    id: row.id,
    label: row.label,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    seatCount,
  };
}

export function presentSeat(
  row: SeatRow,
  governments: Map<number, GovernmentRefRow>,
  people: Map<number, PersonRefRow>,
): Seat {
  const government = governments.get(row.government_id);
  const person = row.person_id === null ? undefined : people.get(row.person_id);
  return {
    id: row.id,
    termId: row.term_id,
    government: government
      ? presentGovernmentRef(government)
      : { id: row.government_id, slug: 'unknown', names: {}, localLang: 'en', country: 'ZZ' },
    person: person ? presentPersonRef(person) : null,
    position: row.position,
    portfolio: row.portfolio,
    voting: isVotingPosition(row.position),
    sortOrder: row.sort_order,
    version: row.version,
  };
}

/** `actor`: who made the change, as the viewer may see them (src/server/users/attribution.ts). */
export function presentSeatEvent(
  row: SeatEventRow,
  refs: Refs,
  actor: Attribution,
): SeatHistory['events'][number] {
  return {
    at: row.at,
    kind: row.kind,
    person: refs.person(row.person_id),
    position: row.position,
    portfolio: row.portfolio,
    actor,
  };
}

/**
 * The term running on the day; between terms, the one that ended last (its members serve until
 * the next begins); before any term has begun, the first to come.
 */
export function currentTermOf<T extends { starts_on: string; ends_on: string }>(
  terms: T[],
  today: string,
): T | null {
  const running = terms.find((t) => t.starts_on <= today && today <= t.ends_on);
  if (running) return running;
  const past = terms
    .filter((t) => t.starts_on <= today)
    .sort((a, b) => b.starts_on.localeCompare(a.starts_on))[0];
  if (past) return past;
  return [...terms].sort((a, b) => a.starts_on.localeCompare(b.starts_on))[0] ?? null;
}

/**
 * The term a meeting belongs to: the one running on its day; else the next one to start (a
 * newly elected committee often meets before its term begins, as the 2020 East Asia RexCom
 * did for 2021–2024); else the latest.
 */
export function termForMeeting<T extends { starts_on: string; ends_on: string }>(
  terms: T[],
  day: string,
): T | null {
  const running = terms.find((t) => t.starts_on <= day && day <= t.ends_on);
  if (running) return running;
  const upcoming = terms
    .filter((t) => t.starts_on > day)
    .sort((a, b) => a.starts_on.localeCompare(b.starts_on))[0];
  return upcoming ?? currentTermOf(terms, day);
}

// ---------------------------------------------------------------- meetings

/** A UTC instant as the wall-clock time in the zone, YYYY-MM-DDTHH:mm. */
export function localOf(utc: string, zone: string): string {
  const z = utcToZoned(utc, zone);
  return `${z.date}T${z.time}`;
}

export const meetingTitle = (row: MeetingRow) =>
  parseTexts(row.title, { table: 'meetings', id: row.id });

export function presentMeetingSummary(row: MeetingRow, body: BodyRow | undefined): MeetingSummary {
  return {
    id: row.id,
    uid: row.uid,
    body: body ? { slug: body.slug, names: bodyNames(body), kind: body.kind } : null,
    title: meetingTitle(row),
    format: row.format,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    localStart: localOf(row.starts_at, row.time_zone),
    localEnd: localOf(row.ends_at, row.time_zone),
    venue: row.venue,
    isDemo: row.is_demo === 1,
  };
}

export const agendaTitle = (row: AgendaItemRow) =>
  parseTexts(row.title, { table: 'agenda_items', id: row.id });

/** The agenda in the order and numbering of its schedule, with the running clock. */
export function presentAgenda(
  rows: AgendaItemRow[],
  schedule: ScheduledItem[],
  speakers: SpeakerRow[],
  refs: Refs,
): AgendaItem[] {
  const byId = new Map(rows.map((a) => [a.id, a]));
  return schedule.flatMap((s) => {
    const a = byId.get(s.id);
    if (!a) return [];
    return [
      {
        id: a.id,
        parentId: a.parent_id,
        number: s.number,
        depth: s.depth,
        kind: a.kind,
        title: agendaTitle(a),
        durationMinutes: a.duration_minutes,
        notes: a.notes,
        speakers: speakers
          .filter((sp) => sp.agenda_item_id === a.id)
          .map((sp) => ({
            person: refs.person(sp.person_id),
            name: sp.name,
            role: sp.role,
            roles: parseTexts(sp.roles, { table: 'agenda_speakers', id: sp.id }),
          })),
        plannedStart: s.plannedStart,
        plannedEnd: s.plannedEnd,
      },
    ];
  });
}

/**
 * An invitation. Addresses are for the secretariat (`contacts`); other members see who was
 * invited, not how to mail them. The comment is the secretariat's and the invitee's own.
 */
export function presentInvitation(
  i: InvitationRow,
  refs: Refs,
  viewer: { contacts: boolean; ownInvitationId: number | null },
): Invitation {
  return {
    id: i.id,
    seatId: i.seat_id,
    government: refs.government(i.government_id),
    person: refs.person(i.person_id),
    name: i.name,
    email: viewer.contacts ? i.email : null,
    role: i.role,
    reply: i.reply,
    proxy:
      i.reply === 'proxy' && (i.proxy_name || i.proxy_person_id !== null)
        ? {
            person: refs.person(i.proxy_person_id),
            name: i.proxy_name ?? refs.person(i.proxy_person_id)?.fullName ?? '',
            email: viewer.contacts ? i.proxy_email : null,
          }
        : null,
    comment: viewer.contacts || i.id === viewer.ownInvitationId ? i.comment : null,
    invitedAt: i.invited_at,
    repliedAt: i.replied_at,
    version: i.version,
  };
}

export function presentAttendance(a: AttendanceRow, refs: Refs): Attendance {
  return {
    id: a.id,
    government: refs.government(a.government_id),
    person: refs.person(a.person_id),
    name: a.name,
    capacity: a.capacity,
    principal:
      a.principal_person_id !== null || a.principal_name
        ? {
            person: refs.person(a.principal_person_id),
            name: a.principal_name ?? refs.person(a.principal_person_id)?.fullName ?? '',
          }
        : null,
    mode: a.mode,
    present: a.present === 1,
    recordedAt: a.recorded_at,
    version: a.version,
  };
}

export const motionText = (row: MotionRow) =>
  parseTexts(row.text, { table: 'motions', id: row.id });

export function presentMotion(m: MotionRow, votes: MotionVoteRow[], refs: Refs): Motion {
  return {
    id: m.id,
    agendaItemId: m.agenda_item_id,
    kind: m.kind,
    text: motionText(m),
    majorityRule: m.majority_rule,
    status: m.status,
    tally:
      m.votes_for === null
        ? null
        : {
            for: m.votes_for,
            against: m.votes_against ?? 0,
            abstain: m.votes_abstain ?? 0,
            absent: m.votes_absent ?? 0,
            quorumPresent: m.quorum_present ?? 0,
            quorumRequired: m.quorum_required ?? 0,
          },
    votes: votes
      .filter((v) => v.motion_id === m.id)
      .flatMap((v) => {
        const government = refs.government(v.government_id);
        return government
          ? [{ seatId: v.seat_id, government, choice: v.choice, castBy: v.cast_by }]
          : [];
      }),
    decidedAt: m.decided_at,
  };
}
