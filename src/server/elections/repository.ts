import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { CandidateTable, ElectionTable } from '../db/schema';
import type { BodyKind } from '../../core/governance';
import type { MembershipCategory, MembershipStatus } from '../../core/membership';
import type { Executor } from '../db/types';
import { claimVersionById } from '../db/version-claim';
import { moveRowsToGovernment } from '../db/government-move';

/**
 * Elections, candidates, the register of who voted and the ballot box. The register and the
 * box are read and written by separate functions on purpose: nothing here joins them.
 */

export interface BodyRow {
  id: number;
  slug: string;
  kind: string;
  names: string;
  region_slug: string | null;
}

function bodiesQuery(db: Executor) {
  return db
    .selectFrom('bodies')
    .leftJoin('regions', 'regions.id', 'bodies.region_id')
    .select([
      'bodies.id',
      'bodies.slug',
      'bodies.kind',
      'bodies.names',
      'regions.slug as region_slug',
    ]);
}

export function findBodyBySlug(db: Executor, slug: string): Promise<BodyRow | undefined> {
  return bodiesQuery(db).where('bodies.slug', '=', slug).executeTakeFirst();
}

export type ElectionRow = Selectable<ElectionTable> & {
  body_slug: string;
  body_kind: BodyKind;
  body_names: string;
  body_region_slug: string | null;
};

function electionsQuery(db: Executor) {
  return db
    .selectFrom('elections')
    .innerJoin('bodies', 'bodies.id', 'elections.body_id')
    .leftJoin('regions', 'regions.id', 'bodies.region_id')
    .selectAll('elections')
    .select([
      'bodies.slug as body_slug',
      'bodies.kind as body_kind',
      'bodies.names as body_names',
      'regions.slug as body_region_slug',
    ]);
}

export function findElection(db: Executor, id: number): Promise<ElectionRow | undefined> {
  return electionsQuery(db).where('elections.id', '=', id).executeTakeFirst();
}

/** Newest first. */
export function listElections(db: Executor, bodySlug?: string): Promise<ElectionRow[]> {
  let q = electionsQuery(db);
  if (bodySlug) q = q.where('bodies.slug', '=', bodySlug);
  return q.orderBy('elections.created_at', 'desc').orderBy('elections.id', 'desc').execute();
}

export async function insertElection(
  db: Executor,
  values: Insertable<ElectionTable>,
): Promise<number> {
  const row = await db
    .insertInto('elections')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Takes the election's row lock for the rest of the transaction (a no-op write, which both
 * dialects support), so that casts and fills of one election run one after another.
 */
export async function lockElection(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('elections')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', id)
    .execute();
}

/**
 * Takes the next version of an election (the row stays locked until the transaction ends, so
 * concurrent changes queue): the new version, or undefined when the row is gone or its version
 * is not one of `expected` (a stale If-Match).
 */
export function claimElectionVersion(
  db: Executor,
  id: number,
  expected?: readonly number[],
): Promise<number | undefined> {
  return claimVersionById(db, 'elections', id, expected);
}

export async function updateElection(
  db: Executor,
  id: number,
  values: Updateable<ElectionTable>,
): Promise<void> {
  await db.updateTable('elections').set(values).where('id', '=', id).execute();
}

export interface TermRow {
  id: number;
  label: string;
  starts_on: string;
  ends_on: string;
  seat_count: number;
}

export async function findTermSummaries(
  db: Executor,
  ids: number[],
): Promise<Map<number, TermRow>> {
  const out = new Map<number, TermRow>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('body_terms')
    .leftJoin('seats', 'seats.term_id', 'body_terms.id')
    .where('body_terms.id', 'in', ids)
    .select([
      'body_terms.id',
      'body_terms.label',
      'body_terms.starts_on',
      'body_terms.ends_on',
      (eb) => eb.fn.count<number>('seats.id').as('seat_count'),
    ])
    .groupBy(['body_terms.id', 'body_terms.label', 'body_terms.starts_on', 'body_terms.ends_on'])
    .execute();
  for (const r of rows) out.set(r.id, { ...r, seat_count: Number(r.seat_count) });
  return out;
}

// ---------------------------------------------------------------- governments and people

export interface GovernmentRow {
  id: number;
  slug: string;
  local_lang: string;
  country: string;
  region_slug: string;
  category: MembershipCategory | null;
  status: MembershipStatus | null;
}

function governmentsQuery(db: Executor) {
  return db
    .selectFrom('governments')
    .innerJoin('regions', 'regions.id', 'governments.region_id')
    .leftJoin('memberships', 'memberships.government_id', 'governments.id')
    .select([
      'governments.id',
      'governments.slug',
      'governments.local_lang',
      'governments.country',
      'regions.slug as region_slug',
      'memberships.category',
      'memberships.status',
    ]);
}

export function findGovernment(db: Executor, id: number): Promise<GovernmentRow | undefined> {
  return governmentsQuery(db).where('governments.id', '=', id).executeTakeFirst();
}

/** Full members, in the region when one is given (the electorate of a regional body). */
export function fullMembers(db: Executor, regionSlug: string | null): Promise<GovernmentRow[]> {
  let q = governmentsQuery(db).where('memberships.category', '=', 'full-member');
  if (regionSlug !== null) q = q.where('regions.slug', '=', regionSlug);
  return q.orderBy('governments.slug').execute();
}

export function findGovernmentsByIds(db: Executor, ids: number[]): Promise<GovernmentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return governmentsQuery(db).where('governments.id', 'in', ids).execute();
}

/** Names (not aliases) of many governments in one query. */
export async function governmentNames(
  db: Executor,
  ids: number[],
): Promise<Map<number, Record<string, string>>> {
  const out = new Map<number, Record<string, string>>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('government_names')
    .where('government_id', 'in', ids)
    .where('kind', '=', 'name')
    .select(['government_id', 'lang', 'name'])
    .orderBy('id')
    .execute();
  for (const r of rows) {
    if (!r.lang) continue;
    const names = out.get(r.government_id) ?? {};
    names[r.lang] = r.name;
    out.set(r.government_id, names);
  }
  return out;
}

export function findPerson(db: Executor, id: number) {
  return db
    .selectFrom('people')
    .where('id', '=', id)
    .select(['id', 'full_name', 'names'])
    .executeTakeFirst();
}

/** Every position a person holds or held at one government. */
export function positionsAt(db: Executor, governmentId: number, personId: number) {
  return db
    .selectFrom('positions')
    .where('government_id', '=', governmentId)
    .where('person_id', '=', personId)
    .select(['id', 'title', 'start_date', 'end_date'])
    .orderBy('id')
    .execute();
}

// ---------------------------------------------------------------- candidates

export type CandidateRow = Selectable<CandidateTable> & {
  person_full_name: string;
  person_names: string;
};

function candidatesQuery(db: Executor) {
  return db
    .selectFrom('candidates')
    .innerJoin('people', 'people.id', 'candidates.person_id')
    .selectAll('candidates')
    .select(['people.full_name as person_full_name', 'people.names as person_names']);
}

export function candidatesOf(db: Executor, electionId: number): Promise<CandidateRow[]> {
  return candidatesQuery(db)
    .where('candidates.election_id', '=', electionId)
    .orderBy('candidates.id')
    .execute();
}

export function findCandidate(db: Executor, id: number): Promise<CandidateRow | undefined> {
  return candidatesQuery(db).where('candidates.id', '=', id).executeTakeFirst();
}

export function findCandidacy(db: Executor, electionId: number, governmentId: number) {
  return db
    .selectFrom('candidates')
    .where('election_id', '=', electionId)
    .where('government_id', '=', governmentId)
    .select(['id', 'status'])
    .executeTakeFirst();
}

export async function insertCandidate(
  db: Executor,
  values: Insertable<CandidateTable>,
): Promise<number> {
  const row = await db
    .insertInto('candidates')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCandidate(
  db: Executor,
  id: number,
  values: Updateable<CandidateTable>,
): Promise<void> {
  await db.updateTable('candidates').set(values).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- the register of who voted

export function votersOf(db: Executor, electionId: number) {
  return db
    .selectFrom('election_voters')
    .where('election_id', '=', electionId)
    .select(['government_id', 'voted_on'])
    .execute();
}

/** The day the member voted, or null when it has not. */
export async function votedOn(
  db: Executor,
  electionId: number,
  governmentId: number,
): Promise<string | null> {
  const row = await db
    .selectFrom('election_voters')
    .where('election_id', '=', electionId)
    .where('government_id', '=', governmentId)
    .select('voted_on')
    .executeTakeFirst();
  return row?.voted_on ?? null;
}

export async function countVoters(db: Executor, electionId: number): Promise<number> {
  const row = await db
    .selectFrom('election_voters')
    .where('election_id', '=', electionId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertVoter(
  db: Executor,
  electionId: number,
  governmentId: number,
  votedOn: string,
): Promise<void> {
  await db
    .insertInto('election_voters')
    .values({ election_id: electionId, government_id: governmentId, voted_on: votedOn })
    .execute();
}

// ---------------------------------------------------------------- the ballot box

export interface StoredBallot {
  id: string;
  choices: string;
}

/**
 * The box in key order (random keys: see src/core/elections/ballot-box.ts), never in the order
 * the ballots were written.
 */
export function ballotsOf(db: Executor, electionId: number): Promise<StoredBallot[]> {
  return db
    .selectFrom('ballots')
    .where('election_id', '=', electionId)
    .select(['id', 'choices'])
    .orderBy('id')
    .execute();
}

/** Writes one ballot, once: ballots are never moved or rewritten. */
export async function insertBallot(
  db: Executor,
  electionId: number,
  ballot: StoredBallot,
): Promise<void> {
  await db
    .insertInto('ballots')
    .values({ id: ballot.id, election_id: electionId, choices: ballot.choices })
    .execute();
}

/**
 * Rewrites an election's box in key order, and the register's lines of that election, in the
 * caller's transaction, and marks the election sealed. On PostgreSQL every row carries the id
 * of the transaction that wrote it (xmin) and lies where it was appended: a ballot and the
 * register's line of the same cast shared that id, and the box lay in the order of the casts.
 * Rewritten together, every ballot and every line carry the seal's id and lie in key order.
 */
export async function sealBallotBox(
  db: Executor,
  electionId: number,
  sealedAt: string,
): Promise<void> {
  const box = await ballotsOf(db, electionId);
  await db.deleteFrom('ballots').where('election_id', '=', electionId).execute();
  // In slices: one statement's parameters are bounded (three per ballot).
  for (let i = 0; i < box.length; i += 1000) {
    await db
      .insertInto('ballots')
      .values(
        box
          .slice(i, i + 1000)
          .map((b) => ({ id: b.id, election_id: electionId, choices: b.choices })),
      )
      .execute();
  }
  await db
    .updateTable('election_voters')
    .set((eb) => ({ voted_on: eb.ref('voted_on') }))
    .where('election_id', '=', electionId)
    .execute();
  await db
    .updateTable('elections')
    .set({ ballots_sealed_at: sealedAt })
    .where('id', '=', electionId)
    .execute();
}

/**
 * PostgreSQL keeps the rows a rewrite replaced, with their old ids, until VACUUM clears them;
 * outside any transaction (VACUUM cannot run in one).
 */
export async function vacuumBallotBoxes(db: Executor): Promise<void> {
  await sql`VACUUM ballots, election_voters`.execute(db);
}

// ---------------------------------------------------------------- filling the seats

export async function termStartingOn(db: Executor, bodyId: number, startsOn: string) {
  return db
    .selectFrom('body_terms')
    .where('body_id', '=', bodyId)
    .where('starts_on', '=', startsOn)
    .select(['id', 'label'])
    .executeTakeFirst();
}

// ---------------------------------------------------------------- merges of governments

/** Points candidacies at another government (a merge of governments, and its undo). */
export async function setCandidatesGovernment(
  db: Executor,
  ids: readonly number[],
  governmentId: number,
): Promise<void> {
  await moveRowsToGovernment(db, 'candidates', ids, governmentId);
}

/** Moves the register of who voted in these elections from one government to another. */
export async function setElectionVotersGovernment(
  db: Executor,
  electionIds: readonly number[],
  from: number,
  to: number,
): Promise<void> {
  for (let i = 0; i < electionIds.length; i += 500) {
    await db
      .updateTable('election_voters')
      .set({ government_id: to })
      .where('government_id', '=', from)
      .where('election_id', 'in', electionIds.slice(i, i + 500))
      .execute();
  }
}

/** The titles of many elections in one query (the audit log names them). */
export function electionTitlesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('elections').where('id', 'in', ids).select(['id', 'title']).execute();
}

/** The names of many candidates (the people standing) in one query (the audit log names them). */
export function candidateNamesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('candidates')
    .innerJoin('people', 'people.id', 'candidates.person_id')
    .where('candidates.id', 'in', ids)
    .select(['candidates.id', 'people.full_name', 'people.names'])
    .execute();
}
