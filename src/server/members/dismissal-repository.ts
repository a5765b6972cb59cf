import type { Insertable, Selectable } from 'kysely';
import type { DuplicateDismissalTable } from '../db/schema';
import type { Executor } from '../db/types';

/**
 * Pairs an administrator said are two, not one: the owner of duplicate_dismissals. A pair is
 * stored in one order (first_id < second_id); its writers and readers take the two ids in
 * either order.
 */

export type DismissalRecord = Selectable<DuplicateDismissalTable>;
export type DismissalKind = DuplicateDismissalTable['kind'];

/** The pair in the order it is stored, whichever order its ids come in. */
const orderedPair = (x: number, y: number): [number, number] => (x < y ? [x, y] : [y, x]);

/** A new mark; `a` and `b` (with their labels) in either order. */
export async function insertDismissal(
  db: Executor,
  values: Omit<
    Insertable<DuplicateDismissalTable>,
    'first_id' | 'second_id' | 'first_label' | 'second_label'
  > & { a: { id: number; label: string }; b: { id: number; label: string } },
): Promise<number> {
  const { a, b, ...rest } = values;
  const [first, second] = a.id < b.id ? [a, b] : [b, a];
  const row = await db
    .insertInto('duplicate_dismissals')
    .values({
      ...rest,
      first_id: first.id,
      second_id: second.id,
      first_label: first.label,
      second_label: second.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findDismissal(db: Executor, id: number): Promise<DismissalRecord | undefined> {
  return db.selectFrom('duplicate_dismissals').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDismissalOfPair(
  db: Executor,
  kind: DismissalKind,
  x: number,
  y: number,
): Promise<DismissalRecord | undefined> {
  const [first, second] = orderedPair(x, y);
  return db
    .selectFrom('duplicate_dismissals')
    .selectAll()
    .where('kind', '=', kind)
    .where('first_id', '=', first)
    .where('second_id', '=', second)
    .executeTakeFirst();
}

export async function deleteDismissal(db: Executor, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('duplicate_dismissals')
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every dismissed pair of a kind, as "first|second", for the report to leave out. */
export async function dismissedPairs(db: Executor, kind: DismissalKind): Promise<Set<string>> {
  const rows = await db
    .selectFrom('duplicate_dismissals')
    .select(['first_id', 'second_id'])
    .where('kind', '=', kind)
    .execute();
  return new Set(rows.map((r) => `${r.first_id}|${r.second_id}`));
}

/** The marks, newest first, of one kind or both. */
export async function pageDismissals(
  db: Executor,
  page: number,
  pageSize: number,
  kind: DismissalKind | undefined,
): Promise<{ rows: DismissalRecord[]; total: number }> {
  let rows = db.selectFrom('duplicate_dismissals');
  if (kind) rows = rows.where('kind', '=', kind);
  const [items, total] = await Promise.all([
    rows
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    rows.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: items, total: Number(total.n) };
}
