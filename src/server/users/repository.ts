import type { ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely';
import type { Locale } from '../../core/locales';
import type { Role } from '../../core/roles';
import type { Database, SignInThrottleTable, UserTable } from '../db/schema';
import type { Executor } from '../db/types';
import { claimVersionById } from '../db/version-claim';
import { moveRowsToGovernment } from '../db/government-move';

/**
 * The names of an officer's government that a reader may need (src/core/names.ts): one per
 * language Accord speaks and the one in its local language, read with the user in one query.
 */
const GOVERNMENT_NAME_COLUMNS = {
  en: 'government_name_en',
  ko: 'government_name_ko',
  ja: 'government_name_ja',
  'zh-Hans': 'government_name_zh_hans',
  'zh-Hant': 'government_name_zh_hant',
} as const satisfies Record<Locale, string>;

export type UserRow = Selectable<UserTable> & {
  government_slug: string | null;
  government_local_lang: string | null;
  /** The government's name in its local language. */
  government_name_local: string | null;
} & { [K in (typeof GOVERNMENT_NAME_COLUMNS)[Locale]]: string | null };

const userColumns = [
  'users.id',
  'users.email',
  'users.display_name',
  'users.password_hash',
  'users.role',
  'users.government_id',
  'users.locale',
  'users.disabled',
  'users.created_at',
  'users.updated_at',
  'users.version',
  'governments.slug as government_slug',
  'governments.local_lang as government_local_lang',
] as const;

function usersQuery(db: Executor) {
  const nameIn = (eb: ExpressionBuilder<Database, 'users' | 'governments'>, lang: string) =>
    eb
      .selectFrom('government_names')
      .whereRef('government_names.government_id', '=', 'users.government_id')
      .where('government_names.lang', '=', lang)
      .where('government_names.kind', '=', 'name')
      .select('government_names.name')
      .limit(1);
  return db
    .selectFrom('users')
    .leftJoin('governments', 'governments.id', 'users.government_id')
    .select(userColumns)
    .select((eb) => [
      nameIn(eb, 'en').as(GOVERNMENT_NAME_COLUMNS.en),
      nameIn(eb, 'ko').as(GOVERNMENT_NAME_COLUMNS.ko),
      nameIn(eb, 'ja').as(GOVERNMENT_NAME_COLUMNS.ja),
      nameIn(eb, 'zh-Hans').as(GOVERNMENT_NAME_COLUMNS['zh-Hans']),
      nameIn(eb, 'zh-Hant').as(GOVERNMENT_NAME_COLUMNS['zh-Hant']),
      eb
        .selectFrom('government_names')
        .whereRef('government_names.government_id', '=', 'users.government_id')
        .whereRef('government_names.lang', '=', 'governments.local_lang')
        .where('government_names.kind', '=', 'name')
        .select('government_names.name')
        .limit(1)
        .as('government_name_local'),
    ]);
}

export function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return usersQuery(db).where('users.id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return usersQuery(db).where('users.email', '=', email.toLowerCase()).executeTakeFirst();
}

/** The accounts of these sign-in e-mails (lower case), as attributions need them. */
export function findUsersByEmails(db: Executor, emails: readonly string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .where('email', 'in', emails)
    .select(['id', 'email', 'display_name', 'role'])
    .execute();
}

export async function listUsers(
  db: Executor,
  filter: { q?: string | undefined; role?: Role | undefined },
  page: number,
  pageSize: number,
): Promise<{ rows: UserRow[]; total: number }> {
  let q = usersQuery(db);
  let c = db.selectFrom('users');
  if (filter.role) {
    q = q.where('users.role', '=', filter.role);
    c = c.where('users.role', '=', filter.role);
  }
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('users.email', 'like', like),
        eb(eb.fn('lower', ['users.display_name']), 'like', like),
      ]),
    );
    c = c.where((eb) =>
      eb.or([
        eb('users.email', 'like', like),
        eb(eb.fn('lower', ['users.display_name']), 'like', like),
      ]),
    );
  }
  const total = await c.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q
    .orderBy('users.email')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

export async function insertUser(
  db: Executor,
  values: {
    email: string;
    display_name: string;
    password_hash: string;
    role: Role;
    government_id: number | null;
    now: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: values.email.toLowerCase(),
      display_name: values.display_name,
      password_hash: values.password_hash,
      role: values.role,
      government_id: values.government_id,
      locale: null,
      disabled: 0,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Takes the next version of a user (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimUserVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'users', id, expected);
}

export async function updateUser(
  db: Executor,
  id: number,
  values: Updateable<UserTable>,
): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', id).execute();
}

/**
 * Locks the rows of every active administrator until the transaction ends (a write that
 * changes nothing), so that two administrators demoting or disabling each other at once take
 * turns: the second then counts what the first left.
 */
export async function lockActiveAdmins(db: Executor): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .execute();
}

export async function countAdmins(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('users')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** An administrator as a letter to the secretariat addresses them. */
export interface AdminRecipientRow {
  id: number;
  email: string;
  display_name: string;
  locale: UserTable['locale'];
}

/** Every active administrator, oldest account first. */
export function activeAdmins(db: Executor): Promise<AdminRecipientRow[]> {
  return db
    .selectFrom('users')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .select(['id', 'email', 'display_name', 'locale'])
    .orderBy('id')
    .execute();
}

/**
 * The active administrators who are the secretariat staff of a region: their sign-in e-mail is
 * that of a person holding, on `day`, a position in an office of the region (its regional
 * secretariat, a country or project office). Oldest account first, each once.
 */
export function regionStaffAdmins(
  db: Executor,
  regionSlug: string,
  day: string,
): Promise<AdminRecipientRow[]> {
  return db
    .selectFrom('users')
    .where('users.role', '=', 'admin')
    .where('users.disabled', '=', 0)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('people')
          .innerJoin('positions', 'positions.person_id', 'people.id')
          .innerJoin('offices', 'offices.id', 'positions.office_id')
          .innerJoin('regions', 'regions.id', 'offices.region_id')
          .where((w) => w(w.fn('lower', ['people.email']), '=', w.ref('users.email')))
          .where('regions.slug', '=', regionSlug)
          .where((w) =>
            w.or([w('positions.start_date', 'is', null), w('positions.start_date', '<=', day)]),
          )
          .where((w) =>
            w.or([w('positions.end_date', 'is', null), w('positions.end_date', '>=', day)]),
          )
          .select('positions.id'),
      ),
    )
    .select(['users.id', 'users.email', 'users.display_name', 'users.locale'])
    .orderBy('users.id')
    .execute();
}

// Sessions

export async function insertSession(
  db: Executor,
  s: { id: string; userId: number; csrf: string; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrf,
      created_at: s.now,
      expires_at: s.expiresAt,
    })
    .execute();
}

export function findSession(db: Executor, id: string, now: string) {
  return db
    .selectFrom('sessions')
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .selectAll()
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

// API tokens

export function findTokenByHash(db: Executor, hash: string) {
  return db.selectFrom('api_tokens').where('token_hash', '=', hash).selectAll().executeTakeFirst();
}

export function listTokens(db: Executor, userId: number) {
  return db
    .selectFrom('api_tokens')
    .where('user_id', '=', userId)
    .selectAll()
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertToken(
  db: Executor,
  t: { userId: number; name: string; hash: string; now: string; expiresAt: string | null },
) {
  return db
    .insertInto('api_tokens')
    .values({
      user_id: t.userId,
      name: t.name,
      token_hash: t.hash,
      created_at: t.now,
      last_used_at: null,
      expires_at: t.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function touchToken(db: Executor, id: number, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

/** Every API token of the user (a new password or a disabled account ends them all). */
export async function deleteTokensOfUser(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('api_tokens').where('user_id', '=', userId).execute();
}

export async function deleteToken(db: Executor, id: number, userId: number): Promise<number> {
  const r = await db
    .deleteFrom('api_tokens')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// Sign-in throttles (src/core/sign-in-throttle.ts)

export type ThrottleRow = Selectable<SignInThrottleTable>;

/**
 * The throttle record of the key, created when missing, and locked for the rest of the
 * transaction: every Accord process on one PostgreSQL changes the same count one at a time (the
 * no-op UPDATE takes the row lock; SQLite runs one writing transaction at a time anyway).
 */
export async function claimThrottle(db: Executor, key: string, now: string): Promise<ThrottleRow> {
  await db
    .insertInto('sign_in_throttles')
    .values({
      key,
      failures: 0,
      window_started_at: now,
      locked_until: null,
      lockouts: 0,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return db
    .updateTable('sign_in_throttles')
    .set((eb) => ({ failures: eb.ref('failures') }))
    .where('key', '=', key)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findThrottle(db: Executor, key: string): Promise<ThrottleRow | undefined> {
  return db.selectFrom('sign_in_throttles').where('key', '=', key).selectAll().executeTakeFirst();
}

export async function saveThrottle(
  db: Executor,
  key: string,
  values: Omit<ThrottleRow, 'key'>,
): Promise<void> {
  await db.updateTable('sign_in_throttles').set(values).where('key', '=', key).execute();
}

/** A success forgets the account's failures and locks. */
export async function deleteThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('key', '=', key).execute();
}

/** Records untouched since `before` (they hold no lock and nothing that still counts). */
export async function deleteThrottlesUntouchedSince(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('updated_at', '<', before).execute();
}

// Bulk (demo)

/** Inserts many accounts as given (the demo's officers), 500 rows per INSERT. */
export async function insertUsers(db: Executor, rows: Insertable<UserTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('users')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** True when any administrator account exists, disabled ones included (first-start check). */
export async function hasAnyAdmin(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .where('role', '=', 'admin')
    .select('id')
    .executeTakeFirst();
  return row !== undefined;
}

// ---------------------------------------------------------------- merges of governments

/** Points users at another government (a merge of governments, and its undo). */
export async function setUsersGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  await moveRowsToGovernment(db, 'users', ids, governmentId);
}

/** The names and e-mails of many users in one query (the audit log names them). */
export function userNamesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .where('id', 'in', ids)
    .select(['id', 'display_name', 'email'])
    .execute();
}

/** The names of many API tokens in one query (the audit log names them). */
export function tokenNamesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('api_tokens').where('id', 'in', ids).select(['id', 'name']).execute();
}
