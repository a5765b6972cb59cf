/**
 * The governance repository, one namespace in the store (`store.governance`) over its parts:
 * bodies, terms and seats (bodies-repository.ts); meetings and agendas
 * (meetings-repository.ts); invitations and the outbox (invitations-repository.ts); the
 * register, motions and votes (register-repository.ts). Here: the governments and people that
 * governance presents, read by id.
 */
import type { Executor } from '../db/types';

export * from './bodies-repository';
export * from './meetings-repository';
export * from './invitations-repository';
export * from './register-repository';

export interface GovernmentRefRow {
  id: number;
  slug: string;
  local_lang: string;
  country: string;
  names: { lang: string | null; kind: string; name: string }[];
}

/** Governments by id with their names, for presenting references. */
export async function governmentRefs(
  db: Executor,
  ids: number[],
): Promise<Map<number, GovernmentRefRow>> {
  const out = new Map<number, GovernmentRefRow>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const rows = await db
    .selectFrom('governments')
    .where('id', 'in', unique)
    .select(['id', 'slug', 'local_lang', 'country'])
    .execute();
  for (const r of rows) out.set(r.id, { ...r, names: [] });
  const names = await db
    .selectFrom('government_names')
    .where('government_id', 'in', unique)
    .where('kind', '=', 'name')
    .select(['government_id', 'lang', 'kind', 'name'])
    .orderBy('id')
    .execute();
  for (const n of names) out.get(n.government_id)?.names.push(n);
  return out;
}

export interface PersonRefRow {
  id: number;
  full_name: string;
  names: string;
  email: string | null;
}

export async function personRefs(db: Executor, ids: number[]): Promise<Map<number, PersonRefRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .where('id', 'in', unique)
    .select(['id', 'full_name', 'names', 'email'])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function governmentExists(db: Executor, id: number): Promise<boolean> {
  return !!(await db
    .selectFrom('governments')
    .where('id', '=', id)
    .select('id')
    .executeTakeFirst());
}

export async function personExists(db: Executor, id: number): Promise<boolean> {
  return !!(await db.selectFrom('people').where('id', '=', id).select('id').executeTakeFirst());
}
