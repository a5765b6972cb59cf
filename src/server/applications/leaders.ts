/**
 * A new member's people: the application names its head of government (with the day they were
 * elected and the end of their term) and a staff liaison. When the government becomes a member
 * both are recorded as people holding positions in it, so its page, the governing bodies'
 * seat holders and the candidates' rules (a political leader in office) know them from day one.
 *
 * A promoted prospect may already list the same person in the same position (imported, or
 * typed by the secretariat): that position is kept and nobody is added twice.
 */
import type { PositionTitle } from '../../core/membership';
import { recordAudit, type AuditActor, type SystemActor } from '../audit/service';
import type { Store } from '../store';
import type { ApplicationRow } from './repository';

export interface LeaderPosition {
  fullName: string;
  title: PositionTitle;
  email: string | null;
  startDate: string;
  endDate: string | null;
}

const sameName = (a: string, b: string) =>
  a.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase() ===
  b.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The positions an application asks for, pure: the head of government in the title the
 * secretariat chose (from their election day, else from today, to the end of their term when
 * the applicant gave it), and the liaison from today with the address they gave.
 */
export function leaderPositions(
  row: Pick<
    ApplicationRow,
    'head_name' | 'head_elected_on' | 'head_term_ends_on' | 'liaison_name' | 'liaison_email'
  >,
  headTitle: PositionTitle,
  today: string,
): LeaderPosition[] {
  const head: LeaderPosition = {
    fullName: row.head_name.trim(),
    title: headTitle,
    email: null,
    startDate: row.head_elected_on && row.head_elected_on <= today ? row.head_elected_on : today,
    endDate: row.head_term_ends_on,
  };
  const liaison: LeaderPosition = {
    fullName: row.liaison_name.trim(),
    title: 'staff-liaison',
    email: row.liaison_email.toLowerCase(),
    startDate: today,
    endDate: null,
  };
  return [head, liaison];
}

/** Records the head of government and the liaison in the new member; the ids of positions added. */
export async function recordLeaders(
  tx: Store,
  actor: AuditActor | SystemActor,
  row: ApplicationRow,
  governmentId: number,
  headTitle: PositionTitle,
  today: string,
  now: string,
): Promise<number[]> {
  const held = await tx.members.positionsOfGovernment(governmentId);
  const added: number[] = [];
  for (const wanted of leaderPositions(row, headTitle, today)) {
    const already = held.some(
      (p) =>
        p.title === wanted.title &&
        sameName(p.full_name, wanted.fullName) &&
        (p.end_date === null || p.end_date >= today),
    );
    if (already) continue;
    // The name as the applicant wrote it, in the application's language as well.
    const names =
      row.official_name_lang === 'en' ? {} : { [row.official_name_lang]: wanted.fullName };
    const personId = await tx.people.insertPerson({
      full_name: wanted.fullName,
      names: JSON.stringify(names),
      email: wanted.email,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    });
    const positionId = await tx.people.insertPosition({
      person_id: personId,
      government_id: governmentId,
      office_id: null,
      title: wanted.title,
      start_date: wanted.startDate,
      end_date: wanted.endDate,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'position',
      entityId: positionId,
      summary: `${wanted.fullName}: ${wanted.title} of ${row.english_name}, from its application`,
      after: {
        personId,
        title: wanted.title,
        startDate: wanted.startDate,
        endDate: wanted.endDate,
      },
    });
    added.push(positionId);
  }
  return added;
}
