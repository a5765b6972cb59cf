import { sql, type Kysely } from 'kysely';

/**
 * What concurrent requests must not break, said by the database rather than by checks in code
 * (which two transactions on PostgreSQL pass at the same time):
 * - a government has one voting participant (own right or proxy) present in a meeting;
 * - a seat, and a guest's address, are invited to a meeting once;
 * - a climate record's versions are numbered once each;
 * - governments, people, meetings and bodies carry a version that every change increments,
 *   so an edit made from a stale copy can be refused (If-Match) and writes of one record queue.
 * Rows that concurrent requests already duplicated are repaired first, so the indexes build.
 */

interface AttendanceRow {
  id: number;
  meeting_id: number;
  government_id: number | null;
  capacity: string;
  present: number;
}
interface InvitationRow {
  id: number;
  meeting_id: number;
  seat_id: number | null;
  person_id: number | null;
  email: string | null;
}
interface VersionRow {
  id: number;
  entity_type: string;
  entity_id: number;
  version: number;
}
interface Tables {
  attendance: AttendanceRow;
  invitations: InvitationRow;
  record_versions: VersionRow;
  climate_targets: { id: number; version: number };
  inventories: { id: number; version: number };
  emission_reports: { id: number; version: number };
  climate_actions: { id: number; version: number };
}

/** Rows grouped by a key, in the order given. */
function groups<T>(rows: readonly T[], key: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = byKey.get(k);
    if (group) group.push(row);
    else byKey.set(k, [row]);
  }
  return [...byKey.values()];
}

/** A government's later voting entries in one meeting are marked absent; the first stands. */
async function repairAttendance(db: Kysely<Tables>): Promise<void> {
  const voting = await db
    .selectFrom('attendance')
    .select(['id', 'meeting_id', 'government_id', 'capacity', 'present'])
    .where('present', '=', 1)
    .where('capacity', 'in', ['own-right', 'proxy'])
    .where('government_id', 'is not', null)
    .orderBy('id')
    .execute();
  const later = groups(voting, (r) => `${r.meeting_id}|${String(r.government_id)}`).flatMap((g) =>
    g.slice(1),
  );
  for (const r of later) {
    await db.updateTable('attendance').set({ present: 0 }).where('id', '=', r.id).execute();
  }
}

/** A seat or a guest invited twice to one meeting keeps the first invitation. */
async function repairInvitations(db: Kysely<Tables>): Promise<void> {
  const rows = await db
    .selectFrom('invitations')
    .select(['id', 'meeting_id', 'seat_id', 'person_id', 'email'])
    .orderBy('id')
    .execute();
  const seats = groups(
    rows.filter((r) => r.seat_id !== null),
    (r) => `${r.meeting_id}|${String(r.seat_id)}`,
  );
  const guests = groups(
    rows.filter((r) => r.seat_id === null && r.person_id === null && r.email !== null),
    (r) => `${r.meeting_id}|${String(r.email)}`,
  );
  const later = [...seats, ...guests].flatMap((g) => g.slice(1).map((r) => r.id));
  if (later.length > 0) await db.deleteFrom('invitations').where('id', 'in', later).execute();
}

const VERSIONED_TABLES = {
  target: 'climate_targets',
  inventory: 'inventories',
  'emission-report': 'emission_reports',
  action: 'climate_actions',
} as const;

/**
 * A record whose versions share a number has them renumbered in the order they were written,
 * from its first number on; the record then carries its newest number.
 */
async function repairVersions(db: Kysely<Tables>): Promise<void> {
  const rows = await db
    .selectFrom('record_versions')
    .select(['id', 'entity_type', 'entity_id', 'version'])
    .orderBy('entity_type')
    .orderBy('entity_id')
    .orderBy('version')
    .orderBy('id')
    .execute();
  for (const history of groups(rows, (r) => `${r.entity_type}|${r.entity_id}`)) {
    if (new Set(history.map((r) => r.version)).size === history.length) continue;
    const first = (history[0] as VersionRow).version;
    for (const [i, r] of history.entries()) {
      if (r.version !== first + i) {
        await db
          .updateTable('record_versions')
          .set({ version: first + i })
          .where('id', '=', r.id)
          .execute();
      }
    }
    const { entity_type: type, entity_id: id } = history[0] as VersionRow;
    const table = VERSIONED_TABLES[type as keyof typeof VERSIONED_TABLES] as
      (typeof VERSIONED_TABLES)[keyof typeof VERSIONED_TABLES] | undefined;
    if (table === undefined) continue;
    const newest = first + history.length - 1;
    await db
      .updateTable(table)
      .set({ version: newest })
      .where('id', '=', id)
      .where('version', '<', newest)
      .execute();
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const tables = db as Kysely<Tables>;

  await repairAttendance(tables);
  await tables.schema
    .createIndex('attendance_one_voter')
    .on('attendance')
    .columns(['meeting_id', 'government_id'])
    .unique()
    .where((eb) =>
      eb.and([
        eb(sql.ref('present'), '=', 1),
        eb(sql.ref('capacity'), 'in', ['own-right', 'proxy']),
        eb('government_id', 'is not', null),
      ]),
    )
    .execute();

  await repairInvitations(tables);
  await tables.schema
    .createIndex('invitations_seat_once')
    .on('invitations')
    .columns(['meeting_id', 'seat_id'])
    .unique()
    .where('seat_id', 'is not', null)
    .execute();
  // Guests' addresses are stored in lower case, so equal addresses compare equal here.
  await tables.schema
    .createIndex('invitations_guest_once')
    .on('invitations')
    .columns(['meeting_id', 'email'])
    .unique()
    .where((eb) =>
      eb.and([
        eb(sql.ref('seat_id'), 'is', null),
        eb(sql.ref('person_id'), 'is', null),
        eb('email', 'is not', null),
      ]),
    )
    .execute();

  await repairVersions(tables);
  await tables.schema.dropIndex('record_versions_entity').execute();
  await tables.schema
    .createIndex('record_versions_entity_version')
    .on('record_versions')
    .columns(['entity_type', 'entity_id', 'version'])
    .unique()
    .execute();

  for (const table of ['governments', 'people', 'meetings', 'bodies']) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['bodies', 'meetings', 'people', 'governments']) {
    await db.schema.alterTable(table).dropColumn('version').execute();
  }
  await db.schema.dropIndex('record_versions_entity_version').execute();
  await db.schema
    .createIndex('record_versions_entity')
    .on('record_versions')
    .columns(['entity_type', 'entity_id', 'version'])
    .execute();
  await db.schema.dropIndex('invitations_guest_once').execute();
  await db.schema.dropIndex('invitations_seat_once').execute();
  await db.schema.dropIndex('attendance_one_voter').execute();
}
