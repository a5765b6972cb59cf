/**
 * Every query of membership applications: the one writer of applications, their steps,
 * documents and status links, and of officer invitations (migration 0017). Reads of the
 * directory for the duplicate check are here too (any module may read any table).
 */
import type { Insertable, Selectable } from 'kysely';
import type { ApplicationStep } from '../../core/applications';
import type {
  ApplicationDocumentTable,
  ApplicationStepTable,
  ApplicationTable,
  OfficerInvitationTable,
} from '../db/schema';
import type { Executor } from '../db/types';

export type ApplicationRow = Selectable<ApplicationTable>;
export type ApplicationStepRow = Selectable<ApplicationStepTable>;
export type ApplicationDocumentRow = Selectable<ApplicationDocumentTable>;
export type OfficerInvitationRow = Selectable<OfficerInvitationTable>;
export type NewApplication = Insertable<ApplicationTable>;

// ---------------------------------------------------------------- applications

export async function insertApplication(db: Executor, values: NewApplication): Promise<number> {
  const row = await db
    .insertInto('applications')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findApplication(db: Executor, id: number): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Takes the application's row for the rest of the transaction (the version goes up), so that
 * two moves of one application queue and the second reads the step the first left: the row
 * as it now is, or undefined when there is none.
 */
export async function claimApplication(
  db: Executor,
  id: number,
): Promise<ApplicationRow | undefined> {
  const claimed = await db
    .updateTable('applications')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return claimed ? findApplication(db, id) : undefined;
}

export async function setApplicationStep(
  db: Executor,
  id: number,
  values: { step: ApplicationStep; updated_at: string; government_id?: number },
): Promise<void> {
  await db.updateTable('applications').set(values).where('id', '=', id).execute();
}

export interface ApplicationFilter {
  step?: ApplicationStep | undefined;
  country?: string | undefined;
  category?: string | undefined;
  /** Part of the official or the English name, any case. */
  q?: string | undefined;
}

function filtered(db: Executor, filter: ApplicationFilter) {
  let q = db.selectFrom('applications');
  if (filter.step) q = q.where('step', '=', filter.step);
  if (filter.country) q = q.where('country', '=', filter.country);
  if (filter.category) q = q.where('category', '=', filter.category as never);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['english_name']), 'like', like),
        eb(eb.fn('lower', ['official_name']), 'like', like),
      ]),
    );
  }
  return q;
}

/** One page of applications, the most recently moved first. */
export async function listApplications(
  db: Executor,
  filter: ApplicationFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: ApplicationRow[]; total: number }> {
  const total = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await filtered(db, filter)
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

/** How many applications stand at each step (steps with none are absent). */
export async function countByStep(db: Executor): Promise<Map<ApplicationStep, number>> {
  const rows = await db
    .selectFrom('applications')
    .select(['step', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('step')
    .execute();
  return new Map(rows.map((r) => [r.step, Number(r.n)]));
}

// ---------------------------------------------------------------- steps

export async function insertStep(db: Executor, values: Insertable<ApplicationStepTable>) {
  await db.insertInto('application_steps').values(values).execute();
}

export function stepsOf(db: Executor, applicationId: number): Promise<ApplicationStepRow[]> {
  return db
    .selectFrom('application_steps')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

// ---------------------------------------------------------------- documents

export async function insertDocument(
  db: Executor,
  values: Insertable<ApplicationDocumentTable>,
): Promise<number> {
  const row = await db
    .insertInto('application_documents')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function documentsOf(
  db: Executor,
  applicationId: number,
): Promise<ApplicationDocumentRow[]> {
  return db
    .selectFrom('application_documents')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

export function findDocument(
  db: Executor,
  applicationId: number,
  id: number,
): Promise<ApplicationDocumentRow | undefined> {
  return db
    .selectFrom('application_documents')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The first day a council resolution arrived, per application. */
export async function resolutionDays(
  db: Executor,
  applicationIds: number[],
): Promise<Map<number, string>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('application_documents')
    .select(['application_id', (eb) => eb.fn.min('uploaded_at').as('first')])
    .where('application_id', 'in', applicationIds)
    .where('kind', '=', 'resolution')
    .groupBy('application_id')
    .execute();
  return new Map(rows.map((r) => [r.application_id, String(r.first).slice(0, 10)]));
}

// ---------------------------------------------------------------- status links

export async function insertStatusLink(
  db: Executor,
  values: { application_id: number; token_hash: string; created_at: string },
): Promise<void> {
  await db.insertInto('application_status_links').values(values).execute();
}

/** The application a status link opens, noting when it was last used. */
export async function applicationIdByLink(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<number | undefined> {
  const row = await db
    .updateTable('application_status_links')
    .set({ last_used_at: now })
    .where('token_hash', '=', tokenHash)
    .returning('application_id')
    .executeTakeFirst();
  return row?.application_id;
}

// ---------------------------------------------------------------- officer invitations

export async function insertOfficerInvitation(
  db: Executor,
  values: Insertable<OfficerInvitationTable>,
): Promise<number> {
  const row = await db
    .insertInto('officer_invitations')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findInvitationByHash(
  db: Executor,
  tokenHash: string,
): Promise<OfficerInvitationRow | undefined> {
  return db
    .selectFrom('officer_invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/**
 * Marks an invitation used, only if it still is not: true for the one request that did it.
 * Two requests with one link race here, and only one of them gets an account.
 */
export async function markInvitationUsed(
  db: Executor,
  id: number,
  values: { used_at: string; user_id: number },
): Promise<boolean> {
  const result = await db
    .updateTable('officer_invitations')
    .set(values)
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function invitationsOfApplication(
  db: Executor,
  applicationId: number,
): Promise<OfficerInvitationRow[]> {
  return db
    .selectFrom('officer_invitations')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

// ---------------------------------------------------------------- the directory, read

/** Governments that may be the applicant already: of its country, or holding its CDP account. */
export function possibleDuplicates(db: Executor, country: string, cdpAccount: string | null) {
  return db
    .selectFrom('governments')
    .leftJoin('memberships', 'memberships.government_id', 'governments.id')
    .select([
      'governments.id',
      'governments.slug',
      'governments.country',
      'governments.kind',
      'governments.local_lang',
      'governments.cdp_account',
      'memberships.category',
    ])
    .where((eb) =>
      cdpAccount
        ? eb.or([
            eb('governments.country', '=', country),
            eb('governments.cdp_account', '=', cdpAccount),
          ])
        : eb('governments.country', '=', country),
    )
    .execute();
}

/** How many climate targets, inventories and reported totals each government holds. */
export async function climateRecordCounts(
  db: Executor,
  governmentIds: number[],
): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (governmentIds.length === 0) return counts;
  for (const table of ['climate_targets', 'inventories', 'emission_reports'] as const) {
    const rows = await db
      .selectFrom(table)
      .select(['government_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('government_id', 'in', governmentIds)
      .groupBy('government_id')
      .execute();
    for (const r of rows)
      counts.set(r.government_id, (counts.get(r.government_id) ?? 0) + Number(r.n));
  }
  return counts;
}

/** The names of the governments of many applications in one query (the audit log names them). */
export function applicantNamesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('applications')
    .where('id', 'in', ids)
    .select(['id', 'official_name', 'official_name_lang', 'english_name'])
    .execute();
}
