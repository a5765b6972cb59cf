import { CompiledQuery, type Compilable } from 'kysely';
import type { Executor } from './types';

/**
 * Bulk inserts of rows that all name the same columns (an import's reports, their versions,
 * its row outcomes). Kysely builds and compiles an INSERT afresh on every call: for a few
 * hundred rows of twenty columns that costs about as much as SQLite running it. The SQL of a
 * shape (database, table, columns, number of rows, RETURNING) does not change, so it is
 * compiled once by Kysely and kept; later calls bind the values to it in the same order.
 * The first compilation of each shape checks that order against Kysely's own parameters, and a
 * shape whose parameters differ (a value Kysely would write inline or transform) is never kept.
 *
 * The owner's repository writes the INSERT (so the table's writer is where table-owners.ts
 * says): `build` is a function of its module, the same one on every call, that makes the
 * statement for some rows; the SQL is kept per `build`.
 */

/** For each `build`, SQL text by shape; `null`: a shape that goes through Kysely each time. */
const compiled = new WeakMap<object, Map<string, string | null>>();
const MAX_SHAPES = 100;

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
 * Inserts `rows` (all with the same columns, in the same order) by `build`'s statement, `chunk`
 * rows a statement, and answers the rows the statements return (`build` may add RETURNING).
 */
export async function insertRows<R extends object, O = never>(
  db: Executor,
  build: (db: Executor, rows: R[]) => Compilable<O>,
  rows: readonly R[],
  chunk: number,
): Promise<O[]> {
  let shapes = compiled.get(build);
  if (!shapes) compiled.set(build, (shapes = new Map()));
  const out: O[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const columns = Object.keys(part[0] as object);
    const uniform = sameColumns(part, columns);
    const shape = `${db.getExecutor().adapter.constructor.name}|${columns.join(',')}|${part.length}`;
    const text = uniform ? shapes.get(shape) : null;
    let result: { rows: O[] };
    if (text) {
      result = await db.executeQuery<O>(CompiledQuery.raw(text, parametersOf(part, columns)));
    } else {
      const built = build(db, part).compile();
      if (uniform && text === undefined) {
        const mine = parametersOf(part, columns);
        const same =
          mine.length === built.parameters.length &&
          mine.every((value, n) => Object.is(value, built.parameters[n]));
        if (shapes.size >= MAX_SHAPES) shapes.clear();
        shapes.set(shape, same ? built.sql : null);
      }
      result = await db.executeQuery(built);
    }
    out.push(...result.rows);
  }
  return out;
}
