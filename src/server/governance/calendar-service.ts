/**
 * Meetings as calendar entries: one meeting's `.ics`, a body's feed, and the event that
 * invitation letters carry. The RFC 5545 writer itself is ics.ts.
 */
import { can } from '../../core/policy';
import type { Actor } from '../../core/roles';
import type { AccordConfig } from '../config';
import { textIn } from '../db/texts';
import type { Store } from '../store';
import { findBody } from './bodies-service';
import { buildCalendar, calAddress, type CalendarAttendee, type CalendarEvent } from './ics';
import { visibleMeeting } from './meeting-context';
import { agendaTitle, bodyNames, meetingTitle } from './present';
import type { BodyRow, InvitationRow, MeetingRow } from './repository';

/** What mail and calendar entries need to know: where Accord is and who sends. */
export type MailConfig = Pick<AccordConfig, 'publicUrl' | 'mailFrom'>;

function partstatOf(reply: InvitationRow['reply']): CalendarAttendee['partstat'] {
  if (reply === 'attending') return 'ACCEPTED';
  if (reply === 'not-attending') return 'DECLINED';
  if (reply === 'proxy') return 'DELEGATED';
  return 'NEEDS-ACTION';
}

const invitationUri = (i: InvitationRow) => `urn:accord:invitation:${i.id}`;

const proxyUri = (i: InvitationRow) =>
  i.proxy_person_id !== null
    ? `urn:accord:person:${i.proxy_person_id}`
    : `urn:accord:invitation:${i.id}:proxy`;

/** Attendees as RFC 5545 has them: a principal sending a proxy DELEGATED-TO the proxy, who is DELEGATED-FROM. */
export function calendarAttendees(invitations: InvitationRow[]): CalendarAttendee[] {
  return invitations.flatMap((i) => {
    const principal: CalendarAttendee = {
      name: i.name,
      email: i.email,
      uri: invitationUri(i),
      role: i.role,
      partstat: partstatOf(i.reply),
      delegatedTo:
        i.reply === 'proxy' ? calAddress({ email: i.proxy_email, uri: proxyUri(i) }) : null,
    };
    if (i.reply !== 'proxy' || !i.proxy_name) return [principal];
    return [
      principal,
      {
        name: i.proxy_name,
        email: i.proxy_email,
        uri: proxyUri(i),
        role: i.role,
        partstat: 'ACCEPTED',
        delegatedFrom: calAddress({ email: i.email, uri: invitationUri(i) }),
      },
    ];
  });
}

/**
 * Who a calendar event is written for. A `feed` is served over HTTP to whoever asks and carries
 * no one's e-mail address: no attendees, and the organizer as the body's page. A `letter` goes
 * by mail to one invitee and lists the invitations it is given with their addresses: the
 * caller gives only the reader's own.
 */
export interface CalendarAudience {
  kind: 'feed' | 'letter';
  /** whether the reader may have the online join link */
  withJoinLink: boolean;
}

/** The meeting as a calendar event; the join link only when the reader may have it. */
export function calendarEvent(
  row: MeetingRow,
  body: BodyRow | undefined,
  invitations: InvitationRow[],
  agendaTitles: string[],
  config: MailConfig,
  lang: string,
  audience: CalendarAudience,
): CalendarEvent {
  const letter = audience.kind === 'letter';
  const bodyName = body ? textIn(bodyNames(body), lang) : 'Accord';
  const agenda = agendaTitles.map((t, i) => `${i + 1}. ${t}`).join('\n');
  return {
    uid: row.uid,
    sequence: row.sequence,
    title: textIn(meetingTitle(row), lang),
    description: [bodyName, agenda].filter(Boolean).join('\n\n') || null,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    location: row.venue ?? (row.format === 'online' ? 'Online' : null),
    url: `${config.publicUrl}/meetings/${row.id}`,
    status: row.status,
    created: row.created_at,
    lastModified: row.updated_at,
    organizer: {
      name: `${bodyName} secretariat`,
      email: letter ? config.mailFrom : null,
      uri: body ? `${config.publicUrl}/bodies/${encodeURIComponent(body.slug)}` : config.publicUrl,
    },
    attendees: letter ? calendarAttendees(invitations) : [],
    conference:
      audience.withJoinLink && row.join_url
        ? { uri: row.join_url, label: 'Join the meeting online' }
        : null,
  };
}

/** The titles of the meeting's top-level agenda items, in the language asked for. */
export async function agendaTitles(
  store: Store,
  meetingId: number,
  lang: string,
): Promise<string[]> {
  const rows = await store.governance.agendaOf(meetingId);
  return rows.filter((r) => r.parent_id === null).map((r) => textIn(agendaTitle(r), lang));
}

/** Whether the viewer may have the join link of a meeting with these invitations. */
export function mayJoin(actor: Actor | null, invitations: InvitationRow[]): boolean {
  const invitedGovernmentIds = invitations.flatMap((i) =>
    i.government_id === null ? [] : [i.government_id],
  );
  return can(actor, 'meeting.readJoinLink', { invitedGovernmentIds });
}

export async function meetingCalendar(
  store: Store,
  config: MailConfig,
  id: number,
  actor: Actor | null,
  lang: string,
): Promise<string> {
  const row = await visibleMeeting(store, id, actor);
  const body = row.body_id === null ? undefined : await store.governance.findBodyById(row.body_id);
  const invitations = await store.governance.invitationsOf(id);
  const titles = await agendaTitles(store, id, lang);
  return buildCalendar({
    name: textIn(meetingTitle(row), lang),
    events: [
      calendarEvent(row, body, invitations, titles, config, lang, {
        kind: 'feed',
        withJoinLink: mayJoin(actor, invitations),
      }),
    ],
    now: new Date(),
  });
}

export async function bodyCalendar(
  store: Store,
  config: MailConfig,
  slug: string,
  actor: Actor | null,
  lang: string,
): Promise<string> {
  const body = await findBody(store, slug);
  const meetings = await store.governance.meetingsForFeed({ bodyId: body.id });
  // Calendar applications poll this feed: two queries for all the meetings, not two each.
  const ids = meetings.map((m) => m.id);
  const invitations = await store.governance.invitationsOfMeetings(ids);
  const topItems = await store.governance.topAgendaItemsOfMeetings(ids);
  const events = meetings.map((m) => {
    const invited = invitations.filter((i) => i.meeting_id === m.id);
    const titles = topItems
      .filter((a) => a.meeting_id === m.id)
      .map((a) => textIn(agendaTitle(a), lang));
    return calendarEvent(m, body, invited, titles, config, lang, {
      kind: 'feed',
      withJoinLink: mayJoin(actor, invited),
    });
  });
  return buildCalendar({ name: textIn(bodyNames(body), lang), events, now: new Date() });
}
