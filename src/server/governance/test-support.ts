/**
 * Helpers for the governance service tests: a fresh database of each dialect with the demo
 * network (the East Asia RexCom, its 2021–2024 term and five seats), actors of every role, a
 * meeting of the RexCom at each stage, and the audit trail of a record.
 */
import type { freshDatabase } from '../../../test/setup/databases';
import { TEST_SECRETARIAT, demoDatabase } from '../../../test/setup/demo-store';
import type { AuditActor } from '../audit/service';
import type { StoreDb } from '../store';
import type { Meeting, MeetingCreate } from './schemas';
import * as governance from './service';

export const admin: AuditActor = TEST_SECRETARIAT;

export const viewer: AuditActor = {
  userId: null as unknown as number,
  role: 'viewer',
  governmentId: null,
  label: 'viewer (test)',
};

/** The public, for services that read: no actor at all. */
export const nobody = null;

/** The public where a service demands an actor (the routes would have answered 401 first). */
export const anonymous = null as unknown as AuditActor;

export const MAIL = { publicUrl: 'https://accord.test', mailFrom: 'secretariat@accord.test' };

export const REXCOM = 'east-asia-rexcom';

export interface Fixture {
  db: StoreDb;
  /** Government ids by slug. */
  gov: Record<string, number>;
  /** Person ids by full name. */
  person: Record<string, number>;
  /** An officer of the government. */
  officer(slug: string): AuditActor;
  drop(): Promise<void>;
}

export async function openFixture(dialect: Parameters<typeof freshDatabase>[0]): Promise<Fixture> {
  const { db, drop } = await demoDatabase(dialect);
  const gov: Record<string, number> = {};
  for (const g of await db.kysely.selectFrom('governments').select(['id', 'slug']).execute()) {
    gov[g.slug] = g.id;
  }
  const person: Record<string, number> = {};
  for (const p of await db.kysely.selectFrom('people').select(['id', 'full_name']).execute()) {
    person[p.full_name] = p.id;
  }
  return {
    db,
    gov,
    person,
    officer: (slug) => ({
      userId: null as unknown as number,
      role: 'officer',
      governmentId: gov[slug] ?? null,
      label: `officer of ${slug}`,
    }),
    drop,
  };
}

/** The RexCom's extraordinary meeting of 14 March 2023, 10:00–12:00 in Seoul, three items. */
export const DRAFT_MEETING_INPUT: MeetingCreate = {
  body: REXCOM,
  title: { en: 'Extraordinary RexCom meeting', ko: '임시 지역집행위원회 회의' },
  format: 'hybrid',
  start: '2023-03-14T10:00',
  end: '2023-03-14T12:00',
  timeZone: 'Asia/Seoul',
  venue: 'Seoul City Hall',
  joinUrl: 'https://meet.example.org/rexcom-2023',
  agenda: [
    { kind: 'opening-remark', title: { en: 'Opening' }, durationMinutes: 10 },
    {
      kind: 'report',
      title: { en: 'Reports' },
      children: [
        { kind: 'report', title: { en: 'Kyoto' }, durationMinutes: 15 },
        { kind: 'report', title: { en: 'Seoul' }, durationMinutes: 20 },
      ],
    },
    { kind: 'decision', title: { en: 'Work plan 2023' }, durationMinutes: 30 },
  ],
};

/** That meeting, as a draft written by the secretariat. */
export function draftMeeting(db: StoreDb, extra: Partial<MeetingCreate> = {}): Promise<Meeting> {
  return governance.createMeeting(db, admin, { ...DRAFT_MEETING_INPUT, ...extra });
}

/** A RexCom meeting scheduled, with every seat invited. */
export async function scheduledMeeting(db: StoreDb): Promise<Meeting> {
  const m = await draftMeeting(db);
  await governance.setMeetingStatus(db, admin, m.id, 'scheduled');
  await governance.invite(db, MAIL, admin, m.id, { seats: true });
  return governance.getMeeting(db, m.id, admin);
}

/** A RexCom meeting sitting (in progress) with every seat invited and nobody yet present. */
export async function sittingMeeting(db: StoreDb): Promise<Meeting> {
  const m = await scheduledMeeting(db);
  return governance.setMeetingStatus(db, admin, m.id, 'in-progress');
}

/** The seat id of a government in a meeting. */
export function seatOf(meeting: Meeting, slug: string): number {
  const seat = meeting.seats.find((s) => s.government.slug === slug);
  if (!seat) throw new Error(`no seat of ${slug}`);
  return seat.id;
}

/** The audit entries of one record, oldest first. */
export function auditOf(db: StoreDb, entityType: string, entityId: number) {
  return db.kysely
    .selectFrom('audit_log')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .select(['action', 'actor_label', 'summary', 'before_json', 'after_json'])
    .orderBy('id')
    .execute();
}

/** How many rows a table holds (to show that a refused change wrote nothing). */
export async function countRows(
  db: StoreDb,
  table: 'meetings' | 'agenda_items' | 'invitations' | 'outbox' | 'attendance' | 'motion_votes',
): Promise<number> {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
