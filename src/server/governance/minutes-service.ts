/** The minutes of a meeting: rich text, sanitised, written until the meeting is cancelled. */
import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { textIn } from '../db/texts';
import type { ExpectedVersions } from '../http/preconditions';
import { conflict } from '../http/problem';
import { richTextToPlain, sanitizeRichText } from '../media/sanitize';
import type { Store } from '../store';
import { claimMeeting, findMeeting, requireMeetingManager } from './meeting-context';
import { getMeeting } from './meeting-view';
import { meetingTitle } from './present';
import type { Meeting } from './schemas';

/** Writes the minutes; minutes with no text left after sanitising are none. */
export async function putMinutes(
  store: Store,
  actor: AuditActor,
  id: number,
  html: string,
  expected?: ExpectedVersions,
): Promise<Meeting> {
  requireMeetingManager(actor);
  await store.transaction(async (tx) => {
    await claimMeeting(tx, id, expected);
    const row = await findMeeting(tx, id);
    if (row.status === 'cancelled')
      throw conflict('cancelled-no-minutes', 'A cancelled meeting has no minutes.');
    const clean = sanitizeRichText(html);
    await tx.governance.updateMeeting(id, {
      minutes_html: richTextToPlain(clean) === '' ? null : clean,
      updated_at: nowIso(),
    });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'meeting',
      entityId: id,
      summary: `Minutes of ${textIn(meetingTitle(row))}`,
      before: { minutes: row.minutes_html },
      after: { minutes: clean },
    });
  });
  return getMeeting(store, id, actor);
}
