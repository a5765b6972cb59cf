/**
 * Personal calendar feeds. A calendar application cannot sign in, so each user may have one
 * secret address that answers with the meetings that concern them, join links included where
 * they may have them. Only the address's hash is stored; a new address replaces the old one,
 * and the user may revoke it. A disabled account's feed stops answering.
 */
import { isLocale } from '../../core/locales';
import type { Actor } from '../../core/roles';
import { recordAudit, type AuditActor } from '../audit/service';
import { randomSecret, sha256 } from '../auth/secrets';
import { nowIso } from '../clock';
import { textIn } from '../db/texts';
import { authorize } from '../http/authorize';
import { notFound } from '../http/problem';
import type { Store } from '../store';
import { calendarEvent, mayJoin, type MailConfig } from './calendar-service';
import { buildCalendar } from './ics';
import { agendaTitle } from './present';

/** Secret addresses start with this, so they are recognisable in logs and secret scanners. */
export const FEED_PREFIX = 'cal_';

export interface CalendarFeedStatus {
  active: boolean;
  createdAt: string | null;
  lastUsedAt: string | null;
}

export async function calendarFeedStatus(store: Store, actor: Actor): Promise<CalendarFeedStatus> {
  authorize(actor, 'calendar.personalFeed', { userId: actor.userId });
  const row = await store.governance.calendarFeedOfUser(actor.userId);
  return {
    active: row !== undefined,
    createdAt: row?.created_at ?? null,
    lastUsedAt: row?.last_used_at ?? null,
  };
}

/** A new secret address for the user's feed; the old one stops working. Shown only now. */
export async function createCalendarFeed(
  store: Store,
  config: MailConfig,
  actor: AuditActor,
): Promise<{ url: string; createdAt: string }> {
  authorize(actor, 'calendar.personalFeed', { userId: actor.userId });
  const token = FEED_PREFIX + randomSecret();
  const now = nowIso();
  await store.transaction(async (tx) => {
    await tx.governance.replaceCalendarFeed(actor.userId, sha256(token), now);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'user',
      entityId: actor.userId,
      summary: 'Created a personal calendar address (any earlier one stopped working)',
    });
  });
  return { url: `${config.publicUrl}/api/v1/calendar/${token}.ics`, createdAt: now };
}

export async function revokeCalendarFeed(store: Store, actor: AuditActor): Promise<void> {
  authorize(actor, 'calendar.personalFeed', { userId: actor.userId });
  await store.transaction(async (tx) => {
    if (!(await tx.governance.deleteCalendarFeed(actor.userId))) {
      throw notFound('personal-calendar', 'You have no personal calendar address.');
    }
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'user',
      entityId: actor.userId,
      summary: 'Revoked the personal calendar address',
    });
  });
}

const UNKNOWN_FEED = 'No calendar answers at this address: it was replaced or revoked.';

/**
 * The feed behind a secret address: an officer's has the meetings its government is invited
 * to; the secretariat's and a viewer's have every meeting that is not a draft. No attendee
 * addresses, as in every feed; join links as the policy allows the feed's owner.
 */
export async function personalCalendar(
  store: Store,
  config: MailConfig,
  token: string,
  lang: string | undefined,
): Promise<string> {
  if (!token.startsWith(FEED_PREFIX)) throw notFound('personal-calendar', UNKNOWN_FEED);
  const feed = await store.governance.calendarFeedByHash(sha256(token));
  if (!feed) throw notFound('personal-calendar', UNKNOWN_FEED);
  const user = await store.users.findUserById(feed.user_id);
  if (!user || user.disabled) throw notFound('personal-calendar', UNKNOWN_FEED);
  const actor: Actor = { userId: user.id, role: user.role, governmentId: user.government_id };
  await store.governance.touchCalendarFeed(feed.id, nowIso());

  const language = lang && isLocale(lang) ? lang : (user.locale ?? 'en');
  const meetings =
    actor.role === 'officer' && actor.governmentId !== null
      ? await store.governance.meetingsForFeed({ invitedGovernmentId: actor.governmentId })
      : await store.governance.meetingsForFeed({});
  const ids = meetings.map((m) => m.id);
  const invitations = await store.governance.invitationsOfMeetings(ids);
  const topItems = await store.governance.topAgendaItemsOfMeetings(ids);
  const bodies = new Map((await store.governance.listBodies()).map((b) => [b.id, b]));
  const events = meetings.map((m) => {
    const invited = invitations.filter((i) => i.meeting_id === m.id);
    const titles = topItems
      .filter((a) => a.meeting_id === m.id)
      .map((a) => textIn(agendaTitle(a), language));
    const body = m.body_id === null ? undefined : bodies.get(m.body_id);
    return calendarEvent(m, body, invited, titles, config, language, {
      kind: 'feed',
      withJoinLink: mayJoin(actor, invited),
    });
  });
  return buildCalendar({ name: `Accord — ${user.display_name}`, events, now: new Date() });
}
