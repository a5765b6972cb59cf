import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers';

/**
 * The ballot box keyed by (election, random key) (issue 13). A cast now writes its ballot once
 * under a fresh random key and the box is read in key order (src/core/elections/ballot-box.ts),
 * instead of rewriting the whole box on every cast. On SQLite the table is rebuilt WITHOUT
 * ROWID, so rows are stored in key order and no rowid records the order of arrival; on
 * PostgreSQL the rows are copied in key order. The ballots already cast keep their keys (they
 * are random already).
 */
async function rebuild(db: Kysely<unknown>, keyed: boolean): Promise<void> {
  const postgres = await isPostgres(db);
  let table = db.schema
    .createTable('ballots_rebuilt')
    .addColumn('id', 'text', (c) => (keyed ? c.notNull() : c.primaryKey()))
    .addColumn('election_id', 'integer', (c) =>
      c.notNull().references('elections.id').onDelete('cascade'),
    )
    .addColumn('choices', 'text', (c) => c.notNull());
  if (keyed) {
    table = table.addPrimaryKeyConstraint('ballots_by_key', ['election_id', 'id']);
    if (!postgres) table = table.modifyEnd(sql`without rowid`);
  }
  await table.execute();
  await sql`insert into ballots_rebuilt (id, election_id, choices)
    select id, election_id, choices from ballots order by election_id, id`.execute(db);
  await db.schema.dropTable('ballots').execute();
  await db.schema.alterTable('ballots_rebuilt').renameTo('ballots').execute();
  if (!keyed) {
    await db.schema.createIndex('ballots_election').on('ballots').column('election_id').execute();
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, false);
}
