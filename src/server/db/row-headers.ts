/**
 * For tests of what a copy of a PostgreSQL database shows beyond the columns: each row's
 * writing transaction (xmin) and place in the table (ctid). Lives in db/ because only it may
 * reach Kysely itself.
 */
import { sql } from 'kysely';
import type { Db } from './database';

export interface RowHeader {
  /** The id of the transaction that wrote the row. */
  writer: string;
  /** Where the row lies: page, then slot. */
  place: [number, number];
}

/** One election's rows of the box (in key order) or the register (by government). */
export async function electionRowHeaders(
  db: Db,
  table: 'ballots' | 'election_voters',
  electionId: number,
): Promise<RowHeader[]> {
  const order = table === 'ballots' ? sql.ref('id') : sql.ref('government_id');
  const result = await sql<{ writer: string; place: string }>`
    select xmin::text as writer, ctid::text as place from ${sql.table(table)}
    where election_id = ${electionId} order by ${order}`.execute(db.kysely);
  return result.rows.map((r) => {
    const [page, slot] = r.place.replace(/[()]/g, '').split(',').map(Number);
    return { writer: r.writer, place: [page ?? 0, slot ?? 0] };
  });
}
