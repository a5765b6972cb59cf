/**
 * Invitations: the term's seats and guests invited, each with a letter in the outbox that
 * carries the meeting as a calendar file; replies and proxies named by the invitees.
 */
import { calendarRole, utcToZoned } from '../../core/governance';
import type { Locale } from '../../core/locales';
import { personDisplayName } from '../../core/names';
import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { parseTexts, textIn } from '../db/texts';
import { authorize } from '../http/authorize';
import { queueLetter, recipientLocales } from '../mail/service';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { conflict, invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import { agendaTitles, calendarEvent, type MailConfig } from './calendar-service';
import { buildCalendar } from './ics';
import {
  editableMeeting,
  loadContext,
  requireMeetingManager,
  type MeetingContext,
} from './meeting-context';
import { getMeeting } from './meeting-view';
import { meetingTitle, presentGovernmentRef } from './present';
import type { InvitationRow, MeetingRow } from './repository';
import type { Invitation, InviteRequest, ReplyRequest } from './schemas';

/** Invites every seat of the meeting's term not yet invited; returns the new invitations. */
async function inviteSeats(
  tx: Store,
  ctx: MeetingContext,
  existing: InvitationRow[],
  now: string,
): Promise<number[]> {
  if (!ctx.term) {
    throw conflict('no-seats-to-invite', 'The meeting has no body term with seats to invite.', {
      pointer: '/seats',
      fieldDetail: 'No seats to invite.',
    });
  }
  const people = await tx.governance.personRefs(
    ctx.seats.flatMap((s) => (s.person_id === null ? [] : [s.person_id])),
  );
  const governments = await tx.governance.governmentRefs(ctx.seats.map((s) => s.government_id));
  const created: number[] = [];
  for (const seat of ctx.seats) {
    if (existing.some((i) => i.seat_id === seat.id)) continue;
    const person = seat.person_id === null ? undefined : people.get(seat.person_id);
    const g = governments.get(seat.government_id);
    const govName = g ? textIn(presentGovernmentRef(g).names) : '';
    created.push(
      await tx.governance.insertInvitation({
        meeting_id: ctx.row.id,
        seat_id: seat.id,
        government_id: seat.government_id,
        person_id: seat.person_id,
        name: person?.full_name ?? govName,
        email: person?.email ?? null,
        role: calendarRole(seat.position),
        reply: 'pending',
        invited_at: now,
      }),
    );
  }
  return created;
}

async function inviteGuests(
  tx: Store,
  meetingId: number,
  guests: NonNullable<InviteRequest['guests']>,
  existing: InvitationRow[],
  now: string,
): Promise<number[]> {
  const created: number[] = [];
  for (const [index, guest] of guests.entries()) {
    const email = guest.email.toLowerCase();
    if (existing.some((i) => i.email?.toLowerCase() === email)) {
      throw conflict('already-invited', `${guest.email} is already invited.`, {
        params: { email: guest.email },
        pointer: `/guests/${index}/email`,
        fieldDetail: 'Already invited.',
      });
    }
    created.push(
      await tx.governance.insertInvitation({
        meeting_id: meetingId,
        seat_id: null,
        government_id: null,
        person_id: null,
        name: guest.name,
        email,
        role: guest.role ?? 'OPT-PARTICIPANT',
        reply: 'pending',
        invited_at: now,
      }),
    );
  }
  return created;
}

/**
 * Each new invitee with an address gets a letter with the meeting in a calendar file; the file
 * carries the join link because only invitees receive it. The letter, the meeting's title, its
 * agenda and the calendar file are in the invitee's language: their account's where the
 * address is an account's, English otherwise.
 */
async function queueLetters(
  tx: Store,
  config: MailConfig,
  ctx: MeetingContext,
  created: number[],
): Promise<void> {
  const row: MeetingRow = ctx.row;
  const all = await tx.governance.invitationsOf(row.id);
  const invitees = all.filter((i) => created.includes(i.id) && i.email);
  const localeOf = await recipientLocales(
    tx,
    invitees.map((i) => i.email as string),
  );
  const people = await tx.governance.personRefs(
    invitees.flatMap((i) => (i.person_id === null ? [] : [i.person_id])),
  );
  // A recorded person is greeted by their name in the letter's language (src/core/names.ts).
  const greeted = (inv: (typeof invitees)[number], locale: Locale) => {
    const person = inv.person_id === null ? undefined : people.get(inv.person_id);
    if (!person) return inv.name;
    const names = parseTexts(person.names, { table: 'people', id: person.id });
    return personDisplayName({ fullName: person.full_name, names }, locale).primary;
  };
  const agendas = new Map<Locale, string[]>();
  const agendaIn = async (locale: Locale) => {
    let titles = agendas.get(locale);
    if (!titles) agendas.set(locale, (titles = await agendaTitles(tx, row.id, locale)));
    return titles;
  };
  const start = utcToZoned(row.starts_at, row.time_zone);
  for (const inv of invitees) {
    const email = inv.email as string;
    const locale = localeOf(email);
    const title = textIn(meetingTitle(row), locale);
    const titles = await agendaIn(locale);
    // Each letter's calendar file names its reader (and the reader's proxy) as the attendee,
    // no one else: invitees do not learn one another's addresses from a letter.
    const calendar = buildCalendar({
      name: title,
      events: [
        calendarEvent(row, ctx.body, [inv], titles, config, locale, {
          kind: 'letter',
          withJoinLink: true,
        }),
      ],
      now: new Date(),
    });
    await queueLetter(tx, {
      to: { email, name: greeted(inv, locale), locale },
      template: 'meeting-invitation',
      params: {
        title,
        date: start.date,
        time: start.time,
        timeZone: row.time_zone,
        joinUrl: row.join_url,
        agenda: titles,
        replyUrl: `${config.publicUrl}/meetings/${row.id}`,
      },
      related: { type: 'invitation', id: inv.id },
      attachment: { name: 'invitation.ics', text: calendar },
    });
  }
}

export async function invite(
  store: Store,
  config: MailConfig,
  actor: AuditActor,
  id: number,
  request: InviteRequest,
): Promise<{ items: Invitation[] }> {
  requireMeetingManager(actor);
  await store.transaction(async (tx) => {
    const now = nowIso();
    // Invitations of one meeting are made one request at a time, each seeing who the one
    // before invited: a repeated request invites no seat twice and refuses a guest invited
    // already (unique indexes on seats and guests' addresses back this, see migration 0004).
    await tx.governance.lockMeeting(id, now);
    const row = await editableMeeting(tx, id);
    const ctx = await loadContext(tx, row);
    const existing = await tx.governance.invitationsOf(id);
    const created: number[] = [];
    if (request.seats ?? ctx.body !== undefined) {
      created.push(...(await inviteSeats(tx, ctx, existing, now)));
    }
    created.push(...(await inviteGuests(tx, id, request.guests ?? [], existing, now)));
    await queueLetters(tx, config, ctx, created);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'meeting',
      entityId: id,
      summary: `Invited ${created.length} to ${textIn(meetingTitle(row))}`,
      after: { invitations: created },
    });
  });
  const meeting = await getMeeting(store, id, actor);
  return { items: meeting.invitations };
}

/**
 * Answers an invitation: the secretariat, or an officer of the invited government. With
 * `expected` (If-Match) the answer is made only from the invitation's current version (412
 * otherwise); either way it takes the next.
 */
export async function reply(
  store: Store,
  actor: AuditActor,
  invitationId: number,
  request: ReplyRequest,
  expected?: ExpectedVersions,
): Promise<Invitation> {
  const meetingId = await store.transaction(async (tx) => {
    const seen = await tx.governance.findInvitation(invitationId);
    if (!seen) throw notFound('invitation', `No invitation ${invitationId}.`);
    authorize(
      actor,
      'meeting.reply',
      { governmentId: seen.government_id },
      "Only the secretariat or the invited government's officers may reply.",
    );
    // Concurrent replies queue here; each then reads what the one before wrote.
    claimedVersion(await tx.governance.claimInvitationVersion(invitationId, expected));
    const inv = await tx.governance.findInvitation(invitationId);
    if (!inv) throw notFound('invitation', `No invitation ${invitationId}.`);
    await editableMeeting(tx, inv.meeting_id);
    const proxy = request.reply === 'proxy';
    if (proxy && !request.proxyName && request.proxyPersonId == null) {
      throw invalidField('/proxyName', 'proxy-unnamed', 'Name the proxy who will attend.');
    }
    let proxyName = request.proxyName ?? null;
    if (proxy && request.proxyPersonId != null) {
      const p = (await tx.governance.personRefs([request.proxyPersonId])).get(
        request.proxyPersonId,
      );
      if (!p) {
        throw invalidField(
          '/proxyPersonId',
          'unknown-reference',
          `No person ${request.proxyPersonId}.`,
          { record: 'person' },
        );
      }
      proxyName ??= p.full_name;
    }
    const next = {
      reply: request.reply,
      proxy_person_id: proxy ? (request.proxyPersonId ?? null) : null,
      proxy_name: proxy ? proxyName : null,
      proxy_email: proxy ? (request.proxyEmail?.toLowerCase() ?? null) : null,
      comment: request.comment ?? null,
      replied_at: nowIso(),
    };
    await tx.governance.updateInvitation(invitationId, next);
    await tx.governance.updateMeeting(inv.meeting_id, { updated_at: nowIso() });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'invitation',
      entityId: invitationId,
      summary: `${inv.name}: ${request.reply}${proxy ? ` (proxy ${proxyName})` : ''}`,
      before: { reply: inv.reply, proxy_name: inv.proxy_name },
      after: { reply: next.reply, proxy_name: next.proxy_name },
    });
    return inv.meeting_id;
  });
  const meeting = await getMeeting(store, meetingId, actor);
  const found = meeting.invitations.find((i) => i.id === invitationId);
  if (!found) throw notFound('invitation', `No invitation ${invitationId}.`);
  return found;
}
