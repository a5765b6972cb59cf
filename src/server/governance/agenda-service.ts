/** A meeting's agenda: nested items with their speakers, written whole. */
import { cleanTranslations } from '../../core/translations';
import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { textIn } from '../db/texts';
import type { ExpectedVersions } from '../http/preconditions';
import { invalidField } from '../http/problem';
import type { Store } from '../store';
import { claimMeeting, editableMeeting, requireMeetingManager } from './meeting-context';
import { getMeeting } from './meeting-view';
import { agendaTitle, meetingTitle } from './present';
import type { AgendaItemInputType, Meeting } from './schemas';

/**
 * Writes agenda items under `parentId` in the order given, each with its speakers; `pointer`
 * names the items in the request for the errors.
 */
export async function insertAgenda(
  tx: Store,
  meetingId: number,
  items: AgendaItemInputType[],
  pointer: string,
  parentId: number | null = null,
): Promise<void> {
  for (const [index, item] of items.entries()) {
    const here = `${pointer}/${index}`;
    const speakers = item.speakers ?? [];
    for (const [j, s] of speakers.entries()) {
      if (s.personId != null) {
        if (!(await tx.governance.personExists(s.personId))) {
          throw invalidField(
            `${here}/speakers/${j}/personId`,
            'unknown-reference',
            `No person ${s.personId}.`,
            { record: 'person' },
          );
        }
      } else if (!s.name) {
        throw invalidField(
          `${here}/speakers/${j}/name`,
          'speaker-unnamed',
          'Name the speaker or choose a person.',
        );
      }
    }
    const id = await tx.governance.insertAgendaItem({
      meeting_id: meetingId,
      parent_id: parentId,
      position: index,
      kind: item.kind,
      title: JSON.stringify(item.title),
      duration_minutes: item.durationMinutes ?? null,
      notes: item.notes ?? null,
    });
    await tx.governance.insertSpeakers(
      speakers.map((s, j) => ({
        agenda_item_id: id,
        person_id: s.personId ?? null,
        name: s.name ?? null,
        role: s.role ?? null,
        roles: JSON.stringify(cleanTranslations(s.roles ?? {})),
        position: j,
      })),
    );
    if (item.children?.length) {
      await insertAgenda(tx, meetingId, item.children, `${here}/children`, id);
    }
  }
}

/** Replaces the agenda of a meeting that is not yet final. */
export async function putAgenda(
  store: Store,
  actor: AuditActor,
  id: number,
  items: AgendaItemInputType[],
  expected?: ExpectedVersions,
): Promise<Meeting> {
  requireMeetingManager(actor);
  await store.transaction(async (tx) => {
    await claimMeeting(tx, id, expected);
    const row = await editableMeeting(tx, id);
    const before = await tx.governance.agendaOf(id);
    await tx.governance.deleteAgenda(id);
    await insertAgenda(tx, id, items, '/items');
    await tx.governance.updateMeeting(id, { updated_at: nowIso() });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'meeting',
      entityId: id,
      summary: `Changed the agenda of ${textIn(meetingTitle(row))}`,
      before: before.map(agendaTitle),
      after: items.map((i) => i.title),
    });
  });
  return getMeeting(store, id, actor);
}
