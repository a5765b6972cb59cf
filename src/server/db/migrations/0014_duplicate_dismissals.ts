import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from './helpers';

/**
 * "Not the same" (issue 10): `duplicate_dismissals` holds the pairs an administrator said are
 * two, which the duplicates report then leaves out. `kind` says what the two ids are:
 * 'government' (two governments) or 'target' (two targets of one government). One table for
 * both: a mark is the same thing either way (a pair, who said so and when, withdrawn by
 * removing it), listed and withdrawn in one place.
 *
 * The pair is stored in one order (`first_id` < `second_id`, unique per kind), so it holds
 * whichever order its ids come in. The ids carry no foreign key: a merge removes the merged
 * government's row and its undo brings it back with the same id, and a mark must outlive both
 * without being moved or removed by them (a mark whose record is gone matches nothing). Ids are
 * never reused (AUTOINCREMENT, identity). The labels are the names when the mark was made, for
 * the list once a record is gone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = await isPostgres(db);
  await withId(db.schema.createTable('duplicate_dismissals'), pg)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('government', 'target')`))
    .addColumn('first_id', 'integer', (c) => c.notNull())
    .addColumn('second_id', 'integer', (c) => c.notNull())
    .addColumn('first_label', 'text', (c) => c.notNull())
    .addColumn('second_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addCheckConstraint('duplicate_dismissals_order', sql`first_id < second_id`)
    .execute();
  await db.schema
    .createIndex('duplicate_dismissals_pair')
    .on('duplicate_dismissals')
    .columns(['kind', 'first_id', 'second_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('duplicate_dismissals').execute();
}
