/**
 * Governing bodies, their terms and seats: reading them, and the secretariat's changes with
 * the seats' history. Meetings are in meetings-service.ts and the services beside it.
 */
import {
  bodyTimeZone,
  DEFAULT_QUORUM,
  validateQuorumRule,
  type ZonedOffice,
} from '../../core/governance';
import type { Actor } from '../../core/roles';
import { changedFields, recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { textIn } from '../db/texts';
import { authorize } from '../http/authorize';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { conflict, invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import { attributionsFor } from '../users/attribution';
import {
  bodyDescription,
  bodyNames,
  currentTermOf,
  presentBodySummary,
  presentSeat,
  presentSeatEvent,
  presentTerm,
  refsOf,
  rulesOf,
  type BodyRules,
} from './present';
import type { BodyRow, SeatRow } from './repository';
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

/** The secretariat alone sets up bodies, terms and seats. */
function requireBodyManager(actor: AuditActor): void {
  authorize(actor, 'body.manage', {}, 'Only administrators may do this.');
}

export async function presentSeats(store: Store, rows: SeatRow[]): Promise<Seat[]> {
  const governments = await store.governance.governmentRefs(rows.map((r) => r.government_id));
  const people = await store.governance.personRefs(
    rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])),
  );
  return rows.map((r) => presentSeat(r, governments, people));
}

/** Each office's region, kind and zone, for the zone a body's meetings default to. */
async function zonedOffices(store: Store): Promise<ZonedOffice[]> {
  return (await store.offices.listOffices()).map((o) => ({
    region: o.region_slug,
    kind: o.kind,
    timeZone: o.time_zone,
  }));
}

export async function listBodies(store: Store): Promise<BodySummary[]> {
  const rows = await store.governance.listBodies();
  const offices = await zonedOffices(store);
  const terms = await store.governance.termsOfBodies(rows.map((r) => r.id));
  const counts = await store.governance.seatCounts(terms.map((t) => t.id));
  const day = today();
  return rows.map((r) =>
    presentBodySummary(
      r,
      currentTermOf(
        terms.filter((t) => t.body_id === r.id),
        day,
      ),
      counts,
      bodyTimeZone(offices, r.region_slug),
    ),
  );
}

export async function findBody(store: Store, slug: string): Promise<BodyRow> {
  const row = await store.governance.findBodyBySlug(slug);
  if (!row) throw notFound('body', `No governing body "${slug}".`);
  return row;
}

export async function getBody(store: Store, slug: string): Promise<Body> {
  const row = await findBody(store, slug);
  const terms = await store.governance.termsOfBodies([row.id]);
  const counts = await store.governance.seatCounts(terms.map((t) => t.id));
  const current = currentTermOf(terms, today());
  const seats = current
    ? await presentSeats(store, await store.governance.seatsOfTerm(current.id))
    : [];
  return {
    ...presentBodySummary(
      row,
      current,
      counts,
      bodyTimeZone(await zonedOffices(store), row.region_slug),
    ),
    description: bodyDescription(row),
    rules: rulesOf(row),
    seats,
    terms: terms.map((t) => presentTerm(t, counts.get(t.id) ?? 0)),
    version: row.version,
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
  if (first) throw invalidField(`/rules/quorum/${first.field}`, first.code, first.message);
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

export async function createBody(
  store: Store,
  actor: AuditActor,
  input: BodyCreate,
): Promise<Body> {
  requireBodyManager(actor);
  const rules = checkRules(input.rules ?? {}, DEFAULT_RULES);
  await store.transaction(async (tx) => {
    if (await tx.governance.findBodyBySlug(input.slug)) {
      throw conflict('duplicate-value', `A body with the slug "${input.slug}" exists.`, {
        pointer: '/slug',
        fieldDetail: 'This slug is taken.',
      });
    }
    let regionId: number | null = null;
    if (input.region) {
      regionId = (await tx.members.findRegionIdBySlug(input.region)) ?? null;
      if (regionId === null) {
        throw invalidField('/region', 'unknown-reference', `No region "${input.region}".`, {
          record: 'region',
        });
      }
    } else if (input.kind === 'rexcom') {
      throw invalidField(
        '/region',
        'rexcom-needs-region',
        'A regional executive committee needs its region.',
      );
    }
    const now = nowIso();
    const id = await tx.governance.insertBody({
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
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'body',
      entityId: id,
      summary: `Created governing body ${textIn(input.names)}`,
      after: input,
    });
  });
  return getBody(store, input.slug);
}

export async function updateBody(
  store: Store,
  actor: AuditActor,
  slug: string,
  patch: BodyPatch,
  expected?: ExpectedVersions,
): Promise<Body> {
  requireBodyManager(actor);
  await store.transaction(async (tx) => {
    // Concurrent changes of the body queue here; each then reads what the one before wrote.
    claimedVersion(await tx.governance.claimBodyVersion((await findBody(tx, slug)).id, expected));
    const row = await findBody(tx, slug);
    const before = rulesOf(row);
    const rules = checkRules(patch.rules ?? {}, before);
    await tx.governance.updateBody(row.id, {
      ...(patch.names ? { names: JSON.stringify(patch.names) } : {}),
      ...(patch.description ? { description: JSON.stringify(patch.description) } : {}),
      ...ruleColumns(rules),
      updated_at: nowIso(),
    });
    const names = bodyNames(row);
    const description = bodyDescription(row);
    const diff = changedFields(
      { names, description, rules: before },
      { names: patch.names ?? names, description: patch.description ?? description, rules },
    );
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'body',
      entityId: row.id,
      summary: `Changed governing body ${textIn(names)}`,
      ...diff,
    });
  });
  return getBody(store, slug);
}

// ---------------------------------------------------------------- terms

export async function getTerm(store: Store, id: number): Promise<Term> {
  const term = await store.governance.findTerm(id);
  if (!term) throw notFound('term', `No term ${id}.`);
  const seats = await presentSeats(store, await store.governance.seatsOfTerm(id));
  return { ...presentTerm(term, seats.length), seats };
}

export async function createTerm(
  store: Store,
  actor: AuditActor,
  slug: string,
  input: TermCreate,
): Promise<Term> {
  requireBodyManager(actor);
  if (input.endsOn <= input.startsOn) {
    throw invalidField('/endsOn', 'end-before-start', 'A term ends after it starts.');
  }
  const id = await store.transaction(async (tx) => {
    const body = await findBody(tx, slug);
    const terms = await tx.governance.termsOfBodies([body.id]);
    const overlapping = terms.find(
      (t) => t.starts_on <= input.endsOn && input.startsOn <= t.ends_on,
    );
    if (overlapping) {
      throw conflict('term-overlaps', `The term overlaps ${overlapping.label}.`, {
        params: { term: overlapping.label },
        pointer: '/startsOn',
        fieldDetail: `Overlaps the term ${overlapping.label}.`,
      });
    }
    const termId = await tx.governance.insertTerm({
      body_id: body.id,
      label: input.label,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      created_at: nowIso(),
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'term',
      entityId: termId,
      summary: `Opened term ${input.label} of ${textIn(bodyNames(body))}`,
      after: input,
    });
    return termId;
  });
  return getTerm(store, id);
}

// ---------------------------------------------------------------- seats

async function checkSeatRefs(
  tx: Store,
  governmentId: number | undefined,
  personId: number | null | undefined,
): Promise<void> {
  if (governmentId !== undefined && !(await tx.governance.governmentExists(governmentId))) {
    throw invalidField('/governmentId', 'unknown-reference', `No government ${governmentId}.`, {
      record: 'government',
    });
  }
  if (personId != null && !(await tx.governance.personExists(personId))) {
    throw invalidField('/personId', 'unknown-reference', `No person ${personId}.`, {
      record: 'person',
    });
  }
}

async function seatById(store: Store, id: number): Promise<Seat> {
  const row = await store.governance.findSeat(id);
  if (!row) throw notFound('seat', `No seat ${id}.`);
  const [seat] = await presentSeats(store, [row]);
  return seat as Seat;
}

export async function addSeat(
  store: Store,
  actor: AuditActor,
  termId: number,
  input: SeatCreate,
): Promise<Seat> {
  requireBodyManager(actor);
  const id = await store.transaction(async (tx) => {
    const term = await tx.governance.findTerm(termId);
    if (!term) throw notFound('term', `No term ${termId}.`);
    await checkSeatRefs(tx, input.governmentId, input.personId);
    if (await tx.governance.seatOfGovernmentInTerm(termId, input.governmentId)) {
      throw conflict('seat-taken', 'This government already holds a seat in the term.', {
        pointer: '/governmentId',
        fieldDetail: 'Already has a seat in this term.',
      });
    }
    const now = nowIso();
    const seatId = await tx.governance.insertSeat({
      term_id: termId,
      government_id: input.governmentId,
      person_id: input.personId ?? null,
      position: input.position,
      portfolio: input.portfolio ?? null,
      sort_order: input.sortOrder ?? 0,
      created_at: now,
      updated_at: now,
    });
    await tx.governance.insertSeatEvent({
      seat_id: seatId,
      at: now,
      kind: 'created',
      person_id: input.personId ?? null,
      position: input.position,
      portfolio: input.portfolio ?? null,
      actor_label: actor.label,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'seat',
      entityId: seatId,
      summary: `Added a seat to term ${term.label}`,
      after: input,
    });
    return seatId;
  });
  return seatById(store, id);
}

export async function updateSeat(
  store: Store,
  actor: AuditActor,
  id: number,
  patch: SeatPatch,
  expected?: ExpectedVersions,
): Promise<Seat> {
  requireBodyManager(actor);
  await store.transaction(async (tx) => {
    if (!(await tx.governance.findSeat(id))) throw notFound('seat', `No seat ${id}.`);
    // Concurrent changes of the seat queue here; each then reads what the one before wrote.
    claimedVersion(await tx.governance.claimSeatVersion(id, expected));
    const row = await tx.governance.findSeat(id);
    if (!row) throw notFound('seat', `No seat ${id}.`);
    await checkSeatRefs(tx, undefined, patch.personId);
    const next = {
      person_id: patch.personId === undefined ? row.person_id : patch.personId,
      position: patch.position ?? row.position,
      portfolio: patch.portfolio === undefined ? row.portfolio : patch.portfolio,
      sort_order: patch.sortOrder ?? row.sort_order,
    };
    const now = nowIso();
    await tx.governance.updateSeat(id, { ...next, updated_at: now });
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
      await tx.governance.insertSeatEvent({
        seat_id: id,
        at: now,
        kind: 'changed',
        person_id: next.person_id,
        position: next.position,
        portfolio: next.portfolio,
        actor_label: actor.label,
      });
    }
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'seat',
      entityId: id,
      summary: 'Changed a seat',
      ...diff,
    });
  });
  return seatById(store, id);
}

export async function removeSeat(store: Store, actor: AuditActor, id: number): Promise<void> {
  requireBodyManager(actor);
  await store.transaction(async (tx) => {
    // A change of the seat under way finishes first (its row is locked until then).
    await tx.governance.claimSeatVersion(id);
    const row = await tx.governance.findSeat(id);
    if (!row) throw notFound('seat', `No seat ${id}.`);
    if (await tx.governance.seatHasVotes(id)) {
      throw conflict(
        'seat-has-votes',
        'Votes were recorded for this seat; it stays in the record. Change its representative instead.',
      );
    }
    await tx.governance.detachInvitationsFromSeat(id);
    await tx.governance.deleteSeat(id);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'seat',
      entityId: id,
      summary: 'Removed a seat',
      before: row,
    });
  });
}

/** A seat's events and terms; who made each change as the viewer (null: the public) may see. */
export async function seatHistory(
  store: Store,
  viewer: Actor | null,
  id: number,
): Promise<SeatHistory> {
  const row = await store.governance.findSeat(id);
  if (!row) throw notFound('seat', `No seat ${id}.`);
  const term = await store.governance.findTerm(row.term_id);
  if (!term) throw notFound('term', `No term ${row.term_id}.`);
  const events = await store.governance.seatEvents(id);
  const people = await store.governance.personRefs(
    events.flatMap((e) => (e.person_id === null ? [] : [e.person_id])),
  );
  const sameGovernment = await store.governance.seatsOfGovernmentOnBody(
    term.body_id,
    row.government_id,
  );
  const seats = await presentSeats(store, sameGovernment);
  const termRows = await store.governance.termsOfBodies([term.body_id]);
  const counts = await store.governance.seatCounts(termRows.map((t) => t.id));
  const [seat] = await presentSeats(store, [row]);
  const refs = refsOf(new Map(), people);
  const actor = await attributionsFor(
    store,
    viewer,
    events.map((e) => e.actor_label),
  );
  return {
    seat: seat as Seat,
    term: presentTerm(term, counts.get(term.id) ?? 0),
    events: events.map((e) => presentSeatEvent(e, refs, actor(e.actor_label))),
    terms: seats.flatMap((s) => {
      const t = termRows.find((x) => x.id === s.termId);
      return t ? [{ term: presentTerm(t, counts.get(t.id) ?? 0), seat: s }] : [];
    }),
  };
}
