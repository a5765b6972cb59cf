import { CompiledQuery, type Insertable } from 'kysely';
import type { Database } from './schema';
import type { Executor } from './types';

/**
 * Bulk inserts of rows that all name the same columns (an import's reports, their versions,
 * its row outcomes). Kysely builds and compiles an INSERT afresh on every call: for a few
 * hundred rows of twenty columns that costs about as much as SQLite running it. The SQL of a
 * shape (database, table, columns, number of rows, RETURNING) does not change, so it is
 * compiled once by Kysely and kept; later calls bind the values to it in the same order.
 * The first compilation of each shape checks that order against Kysely's own parameters, and a
 * shape whose parameters differ (a value Kysely would write inline or transform) is never kept.
 */

type Table = keyof Database & string;

/** SQL text by shape; `null`: a shape that must go through Kysely each time. */
const compiled = new Map<string, string | null>();
const MAX_SHAPES = 500;

function sameColumns(rows: readonly object[], columns: readonly string[]): boolean {
  for (const row of rows) {
    const keys = Object.keys(row);
    if (keys.length !== columns.length) return false;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== columns[i]) return false;
  }
  return true;
}

function parametersOf(rows: readonly object[], columns: readonly string[]): unknown[] {
  const parameters: unknown[] = [];
  for (const row of rows) {
    for (const column of columns) parameters.push((row as Record<string, unknown>)[column]);
  }
  return parameters;
}

/**
 * Inserts `rows` (all with the same columns, in the same order), `chunk` rows a statement,
 * and answers the ids of the rows inserted when `returningId`, in the database's order.
 */
export async function insertRows<T extends Table>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  options: { chunk: number; returningId: boolean },
): Promise<{ id: number }[]> {
  const out: { id: number }[] = [];
  for (let i = 0; i < rows.length; i += options.chunk) {
    const part = rows.slice(i, i + options.chunk) as object[];
    const columns = Object.keys(part[0] as object);
    const query = () => {
      const insert = db.insertInto(table).values(part as never);
      return options.returningId ? insert.returning('id' as never) : insert;
    };
    const uniform = sameColumns(part, columns);
    const shape =
      `${db.getExecutor().adapter.constructor.name}|${table}|${columns.join(',')}|` +
      `${part.length}|${options.returningId}`;
    const text = uniform ? compiled.get(shape) : null;
    let result: { rows: unknown[] };
    if (text) {
      result = await db.executeQuery(CompiledQuery.raw(text, parametersOf(part, columns)));
    } else {
      const built = query().compile();
      if (uniform && text === undefined) {
        const mine = parametersOf(part, columns);
        const same =
          mine.length === built.parameters.length &&
          mine.every((value, n) => Object.is(value, built.parameters[n]));
        if (compiled.size >= MAX_SHAPES) compiled.clear();
        compiled.set(shape, same ? built.sql : null);
      }
      result = await db.executeQuery(built);
    }
    if (options.returningId) out.push(...(result.rows as { id: number }[]));
  }
  return out;
}
