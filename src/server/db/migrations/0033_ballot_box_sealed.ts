import type { Kysely } from 'kysely';

/**
 * When an election's box was sealed: rewritten in key order once voting closed, with the
 * register (see sealBallotBox in src/server/elections/repository.ts). Null until then.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('elections').addColumn('ballots_sealed_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('elections').dropColumn('ballots_sealed_at').execute();
}
