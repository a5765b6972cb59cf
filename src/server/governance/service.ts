/**
 * Governing bodies, their terms and seats: the rules and transactions. Meetings are in
 * meeting-service.ts.
 */
import { DEFAULT_QUORUM, validateQuorumRule, type MajorityRule } from '../../core/governance';
import { changedFields, recordAuditOnExecutor, type AuditActor } from '../audit/service';
import type { Db } from '../db/database';
import { nowIso, type Executor } from '../db/types';
import { conflict, invalidField, notFound } from '../http/problem';
import { currentTermOf, presentPersonRef, presentSeat, presentTerm } from './present';
import { parseTexts, textIn } from '../db/texts';
import * as repo from './repository';
import type {
  Body,
  BodyCreate,
  BodyPatch,
  BodyRulesPatch,
  BodySummary,
  Seat,
  SeatCreate,
  SeatHistory,
  SeatPatch,
  Term,
  TermCreate,
} from './schemas';

export const today = (): string => new Date().toISOString().slice(0, 10);

export interface BodyRules {
  quorum: { numerator: number; denominator: number; strict: boolean; proxiesCount: boolean };
  maxPrincipalsPerProxy: number;
  majorityRule: MajorityRule;
  termYears: number;
}

export function rulesOf(row: repo.BodyRow): BodyRules {
  return {
    quorum: {
      numerator: row.quorum_numerator,
      denominator: row.quorum_denominator,
      strict: row.quorum_strict === 1,
      proxiesCount: row.proxies_count === 1,
    },
    maxPrincipalsPerProxy: row.max_principals_per_proxy,
    majorityRule: row.majority_rule as MajorityRule,
    termYears: row.term_years,
  };
}

export async function presentSeats(db: Executor, rows: repo.SeatRow[]): Promise<Seat[]> {
  const governments = await repo.governmentRefs(
    db,
    rows.map((r) => r.government_id),
  );
  const people = await repo.personRefs(
    db,
    rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])),
  );
  return rows.map((r) => presentSeat(r, governments, people));
}

function presentSummary(
  row: repo.BodyRow,
  current: repo.TermRow | null,
  counts: Map<number, number>,
): BodySummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind as BodySummary['kind'],
    names: parseTexts(row.names),
    region: row.region_slug,
    currentTerm: current ? presentTerm(current, counts.get(current.id) ?? 0) : null,
    isDemo: row.is_demo === 1,
  };
}

export async function listBodies(db: Db): Promise<BodySummary[]> {
  const rows = await repo.listBodies(db.kysely);
  const terms = await repo.termsOfBodies(
    db.kysely,
    rows.map((r) => r.id),
  );
  const counts = await repo.seatCounts(
    db.kysely,
    terms.map((t) => t.id),
  );
  const day = today();
  return rows.map((r) =>
    presentSummary(
      r,
      currentTermOf(
        terms.filter((t) => t.body_id === r.id),
        day,
      ),
      counts,
    ),
  );
}

export async function findBody(db: Executor, slug: string): Promise<repo.BodyRow> {
  const row = await repo.findBodyBySlug(db, slug);
  if (!row) throw notFound(`No governing body "${slug}".`);
  return row;
}

export async function getBody(db: Db, slug: string): Promise<Body> {
  const row = await findBody(db.kysely, slug);
  const terms = await repo.termsOfBodies(db.kysely, [row.id]);
  const counts = await repo.seatCounts(
    db.kysely,
    terms.map((t) => t.id),
  );
  const current = currentTermOf(terms, today());
  const seats = current
    ? await presentSeats(db.kysely, await repo.seatsOfTerm(db.kysely, current.id))
    : [];
  return {
    ...presentSummary(row, current, counts),
    description: parseTexts(row.description),
    rules: rulesOf(row),
    seats,
    terms: terms.map((t) => presentTerm(t, counts.get(t.id) ?? 0)),
  };
}

function checkRules(rules: BodyRulesPatch, base: BodyRules): BodyRules {
  const merged: BodyRules = {
    ...base,
    ...rules,
    quorum: { ...base.quorum, ...(rules.quorum ?? {}) },
  };
  const problems = validateQuorumRule(merged.quorum);
  const first = problems[0];
  if (first) throw invalidField(`/rules/quorum/${first.field}`, first.message);
  return merged;
}

function ruleColumns(rules: BodyRules) {
  return {
    quorum_numerator: rules.quorum.numerator,
    quorum_denominator: rules.quorum.denominator,
    quorum_strict: rules.quorum.strict ? 1 : 0,
    proxies_count: rules.quorum.proxiesCount ? 1 : 0,
    max_principals_per_proxy: rules.maxPrincipalsPerProxy,
    majority_rule: rules.majorityRule,
    term_years: rules.termYears,
  };
}

const DEFAULT_RULES: BodyRules = {
  quorum: DEFAULT_QUORUM,
  maxPrincipalsPerProxy: 1,
  majorityRule: 'simple',
  termYears: 3,
};

export async function createBody(db: Db, actor: AuditActor, input: BodyCreate): Promise<Body> {
  const rules = checkRules(input.rules ?? {}, DEFAULT_RULES);
  await db.kysely.transaction().execute(async (trx) => {
    if (await repo.findBodyBySlug(trx, input.slug)) {
      throw conflict(`A body with the slug "${input.slug}" exists.`, [
        { pointer: '/slug', detail: 'This slug is taken.' },
      ]);
    }
    let regionId: number | null = null;
    if (input.region) {
      regionId = (await repo.regionIdBySlug(trx, input.region)) ?? null;
      if (regionId === null) throw invalidField('/region', `No region "${input.region}".`);
    } else if (input.kind === 'rexcom') {
      throw invalidField('/region', 'A regional executive committee needs its region.');
    }
    const now = nowIso();
    const id = await repo.insertBody(trx, {
      slug: input.slug,
      kind: input.kind,
      region_id: regionId,
      names: JSON.stringify(input.names),
      description: JSON.stringify(input.description ?? {}),
      ...ruleColumns(rules),
      sort_order: 100,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    });
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'body',
      entityId: id,
      summary: `Created governing body ${textIn(input.names)}`,
      after: input,
    });
  });
  return getBody(db, input.slug);
}

export async function updateBody(
  db: Db,
  actor: AuditActor,
  slug: string,
  patch: BodyPatch,
): Promise<Body> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await findBody(trx, slug);
    const before = rulesOf(row);
    const rules = checkRules(patch.rules ?? {}, before);
    await repo.updateBody(trx, row.id, {
      ...(patch.names ? { names: JSON.stringify(patch.names) } : {}),
      ...(patch.description ? { description: JSON.stringify(patch.description) } : {}),
      ...ruleColumns(rules),
      updated_at: nowIso(),
    });
    const diff = changedFields(
      { names: parseTexts(row.names), description: parseTexts(row.description), rules: before },
      {
        names: patch.names ?? parseTexts(row.names),
        description: patch.description ?? parseTexts(row.description),
        rules,
      },
    );
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'body',
      entityId: row.id,
      summary: `Changed governing body ${textIn(parseTexts(row.names))}`,
      ...diff,
    });
  });
  return getBody(db, slug);
}

// ---------------------------------------------------------------- terms

export async function getTerm(db: Db, id: number): Promise<Term> {
  const term = await repo.findTerm(db.kysely, id);
  if (!term) throw notFound(`No term ${id}.`);
  const seats = await presentSeats(db.kysely, await repo.seatsOfTerm(db.kysely, id));
  return { ...presentTerm(term, seats.length), seats };
}

export async function createTerm(
  db: Db,
  actor: AuditActor,
  slug: string,
  input: TermCreate,
): Promise<Term> {
  if (input.endsOn <= input.startsOn) {
    throw invalidField('/endsOn', 'A term ends after it starts.');
  }
  const id = await db.kysely.transaction().execute(async (trx) => {
    const body = await findBody(trx, slug);
    const terms = await repo.termsOfBodies(trx, [body.id]);
    const overlapping = terms.find(
      (t) => t.starts_on <= input.endsOn && input.startsOn <= t.ends_on,
    );
    if (overlapping) {
      throw conflict(`The term overlaps ${overlapping.label}.`, [
        { pointer: '/startsOn', detail: `Overlaps the term ${overlapping.label}.` },
      ]);
    }
    const termId = await repo.insertTerm(trx, {
      body_id: body.id,
      label: input.label,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      created_at: nowIso(),
    });
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'term',
      entityId: termId,
      summary: `Opened term ${input.label} of ${textIn(parseTexts(body.names))}`,
      after: input,
    });
    return termId;
  });
  return getTerm(db, id);
}

// ---------------------------------------------------------------- seats

async function checkSeatRefs(
  trx: Executor,
  governmentId: number | undefined,
  personId: number | null | undefined,
): Promise<void> {
  if (governmentId !== undefined && !(await repo.governmentExists(trx, governmentId))) {
    throw invalidField('/governmentId', `No government ${governmentId}.`);
  }
  if (personId != null && !(await repo.personExists(trx, personId))) {
    throw invalidField('/personId', `No person ${personId}.`);
  }
}

export async function addSeat(
  db: Db,
  actor: AuditActor,
  termId: number,
  input: SeatCreate,
): Promise<Seat> {
  const id = await db.kysely.transaction().execute(async (trx) => {
    const term = await repo.findTerm(trx, termId);
    if (!term) throw notFound(`No term ${termId}.`);
    await checkSeatRefs(trx, input.governmentId, input.personId);
    if (await repo.seatOfGovernmentInTerm(trx, termId, input.governmentId)) {
      throw conflict('This government already holds a seat in the term.', [
        { pointer: '/governmentId', detail: 'Already has a seat in this term.' },
      ]);
    }
    const now = nowIso();
    const seatId = await repo.insertSeat(trx, {
      term_id: termId,
      government_id: input.governmentId,
      person_id: input.personId ?? null,
      position: input.position,
      portfolio: input.portfolio ?? null,
      sort_order: input.sortOrder ?? 0,
      created_at: now,
      updated_at: now,
    });
    await repo.insertSeatEvent(trx, {
      seat_id: seatId,
      at: now,
      kind: 'created',
      person_id: input.personId ?? null,
      position: input.position,
      portfolio: input.portfolio ?? null,
      actor_label: actor.label,
    });
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'seat',
      entityId: seatId,
      summary: `Added a seat to term ${term.label}`,
      after: input,
    });
    return seatId;
  });
  return seatById(db.kysely, id);
}

async function seatById(db: Executor, id: number): Promise<Seat> {
  const row = await repo.findSeat(db, id);
  if (!row) throw notFound(`No seat ${id}.`);
  const [seat] = await presentSeats(db, [row]);
  return seat as Seat;
}

export async function updateSeat(
  db: Db,
  actor: AuditActor,
  id: number,
  patch: SeatPatch,
): Promise<Seat> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findSeat(trx, id);
    if (!row) throw notFound(`No seat ${id}.`);
    await checkSeatRefs(trx, undefined, patch.personId);
    const next = {
      person_id: patch.personId === undefined ? row.person_id : patch.personId,
      position: patch.position ?? row.position,
      portfolio: patch.portfolio === undefined ? row.portfolio : patch.portfolio,
      sort_order: patch.sortOrder ?? row.sort_order,
    };
    const now = nowIso();
    await repo.updateSeat(trx, id, { ...next, updated_at: now });
    const diff = changedFields(
      {
        person_id: row.person_id,
        position: row.position,
        portfolio: row.portfolio,
        sort_order: row.sort_order,
      },
      next,
    );
    if (Object.keys(diff.after).some((k) => k !== 'sort_order')) {
      await repo.insertSeatEvent(trx, {
        seat_id: id,
        at: now,
        kind: 'changed',
        person_id: next.person_id,
        position: next.position,
        portfolio: next.portfolio,
        actor_label: actor.label,
      });
    }
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'seat',
      entityId: id,
      summary: 'Changed a seat',
      ...diff,
    });
  });
  return seatById(db.kysely, id);
}

export async function removeSeat(db: Db, actor: AuditActor, id: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const row = await repo.findSeat(trx, id);
    if (!row) throw notFound(`No seat ${id}.`);
    if (await repo.seatHasVotes(trx, id)) {
      throw conflict(
        'Votes were recorded for this seat; it stays in the record. Change its representative instead.',
      );
    }
    await repo.deleteSeat(trx, id);
    await recordAuditOnExecutor(trx, actor, {
      action: 'delete',
      entityType: 'seat',
      entityId: id,
      summary: 'Removed a seat',
      before: row,
    });
  });
}

export async function seatHistory(db: Db, id: number): Promise<SeatHistory> {
  const row = await repo.findSeat(db.kysely, id);
  if (!row) throw notFound(`No seat ${id}.`);
  const term = await repo.findTerm(db.kysely, row.term_id);
  if (!term) throw notFound(`No term ${row.term_id}.`);
  const events = await repo.seatEvents(db.kysely, id);
  const people = await repo.personRefs(
    db.kysely,
    events.flatMap((e) => (e.person_id === null ? [] : [e.person_id])),
  );
  const sameGovernment = await repo.seatsOfGovernmentOnBody(
    db.kysely,
    term.body_id,
    row.government_id,
  );
  const seats = await presentSeats(db.kysely, sameGovernment);
  const termRows = await repo.termsOfBodies(db.kysely, [term.body_id]);
  const counts = await repo.seatCounts(
    db.kysely,
    termRows.map((t) => t.id),
  );
  const [seat] = await presentSeats(db.kysely, [row]);
  return {
    seat: seat as Seat,
    term: presentTerm(term, counts.get(term.id) ?? 0),
    events: events.map((e) => {
      const person = e.person_id === null ? undefined : people.get(e.person_id);
      return {
        at: e.at,
        kind: e.kind as 'created' | 'changed' | 'removed',
        person: person ? presentPersonRef(person) : null,
        position: e.position as Seat['position'] | null,
        portfolio: e.portfolio,
        actor: e.actor_label,
      };
    }),
    terms: seats.flatMap((s) => {
      const t = termRows.find((x) => x.id === s.termId);
      return t ? [{ term: presentTerm(t, counts.get(t.id) ?? 0), seat: s }] : [];
    }),
  };
}
