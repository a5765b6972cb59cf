import {
  candidateEligibility,
  electionPhase,
  POLITICAL_LEADER_TITLES,
  voterEligibility,
  type BodyScope,
  type CandidateIneligibility,
  type ElectionPhase,
  type MemberStanding,
} from '../../core/governance';
import { can } from '../../core/policy';
import type { Actor } from '../../core/roles';
import { nowIso } from '../clock';
import { notFound } from '../http/problem';
import type { Store } from '../store';
import { presentGovernmentRef, windowsOf, type GovernmentRef } from './present';
import type { CandidateRow, ElectionRow, GovernmentRow } from './repository';

/**
 * What every elections service shares: the phase of an election, who may stand and who may
 * vote (the rules are the core's; this reads the facts they need), and the loaders.
 */

type VoterEligibility = ReturnType<typeof voterEligibility>;

export const today = () => nowIso().slice(0, 10);

export const phaseOf = (row: ElectionRow): ElectionPhase => electionPhase(windowsOf(row), nowIso());

export function scopeOf(row: ElectionRow): BodyScope {
  return { kind: row.body_kind, regionSlug: row.body_region_slug };
}

export function standingOf(g: GovernmentRow): MemberStanding {
  return {
    governmentId: g.id,
    category: g.category ?? 'non-member',
    status: g.status ?? 'none',
    regionSlug: g.region_slug,
  };
}

export async function loadElectionRow(store: Store, id: number): Promise<ElectionRow> {
  const row = await store.elections.findElection(id);
  if (!row) throw notFound('election', `There is no election ${id}.`);
  return row;
}

export async function loadCandidate(store: Store, id: number) {
  const candidate = await store.elections.findCandidate(id);
  if (!candidate) throw notFound('candidate', `There is no candidate ${id}.`);
  return candidate;
}

/** The governments as the API refers to them, with their names, by id. */
export async function governmentRefs(
  store: Store,
  govs: GovernmentRow[],
): Promise<Map<number, GovernmentRef>> {
  const names = await store.elections.governmentNames(govs.map((g) => g.id));
  return new Map(govs.map((g) => [g.id, presentGovernmentRef(g, names.get(g.id))]));
}

/** The secretariat, and the candidate government's own officers, read its endorsement. */
export function canReadEndorsement(actor: Actor | null, governmentId: number): boolean {
  return can(actor, 'election.nominate', { governmentId });
}

/** The electorate: every full member in the body's scope, with whether it may vote. */
export async function electorate(store: Store, election: ElectionRow) {
  const scope = scopeOf(election);
  // A regional committee is elected by its region; the network-wide bodies by every member.
  const members = await store.elections.fullMembers(
    scope.kind === 'rexcom' ? scope.regionSlug : null,
  );
  return members.map((g) => ({
    government: g,
    eligibility: voterEligibility(standingOf(g), scope),
  }));
}

/** Whether one member may vote in the election (an unknown government is no full member). */
export async function memberEligibility(
  store: Store,
  election: ElectionRow,
  governmentId: number,
): Promise<{ government: GovernmentRow | undefined; eligibility: VoterEligibility }> {
  const government = await store.elections.findGovernment(governmentId);
  const eligibility: VoterEligibility = government
    ? voterEligibility(standingOf(government), scopeOf(election))
    : { eligible: false, reason: 'not-full-member' };
  return { government, eligibility };
}

// ---------------------------------------------------------------- candidates and the ballot

export interface AssessedCandidate {
  row: CandidateRow;
  government: GovernmentRow;
  /** The leader's position at the government held today, if any. */
  title: string | null;
  reasons: CandidateIneligibility[];
}

const heldOn = (p: { start_date: string | null; end_date: string | null }, day: string) =>
  (p.start_date === null || p.start_date.slice(0, 10) <= day) &&
  (p.end_date === null || p.end_date.slice(0, 10) >= day);
const isPolitical = (title: string) =>
  (POLITICAL_LEADER_TITLES as readonly string[]).includes(title);

/**
 * Checks every candidacy against the rules. Eligibility is judged as of today, or as of the
 * day nominations closed once they have: the ballot must not shift because a mayor's term
 * ends while the members are voting.
 */
export async function assessCandidates(
  store: Store,
  election: ElectionRow,
  rows: CandidateRow[],
): Promise<AssessedCandidate[]> {
  const now = today();
  const closed = election.nominations_close.slice(0, 10);
  const asOf = closed < now ? closed : now;
  const govs = new Map(
    (
      await store.elections.findGovernmentsByIds([...new Set(rows.map((r) => r.government_id))])
    ).map((g) => [g.id, g]),
  );
  const out: AssessedCandidate[] = [];
  for (const row of rows) {
    const government = govs.get(row.government_id);
    if (!government) continue;
    const positions = await store.elections.positionsAt(row.government_id, row.person_id);
    // The leader's best claim: a political post held on the day, else one held at another
    // time (reported as not in office), else any post at all (reported as not political).
    const leader =
      positions.find((p) => isPolitical(p.title) && heldOn(p, asOf)) ??
      positions.find((p) => isPolitical(p.title)) ??
      positions.find((p) => heldOn(p, asOf)) ??
      positions[0];
    const { reasons } = candidateEligibility({
      member: standingOf(government),
      body: scopeOf(election),
      leader: leader
        ? { title: leader.title, startDate: leader.start_date, endDate: leader.end_date }
        : null,
      asOf,
      codeOfHonourAccepted: row.code_of_honour_accepted_at !== null,
      hasEndorsement: row.endorsement_key !== null,
    });
    const current =
      positions.find((p) => isPolitical(p.title) && heldOn(p, now)) ??
      positions.find((p) => heldOn(p, now));
    out.push({ row, government, title: current?.title ?? null, reasons });
  }
  return out;
}

export const onBallot = (c: AssessedCandidate) =>
  c.row.status === 'nominated' && c.reasons.length === 0;
