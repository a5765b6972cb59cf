import { parseJsonColumn } from '../db/json';
import { tallyElection } from '../../core/governance';
import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { conflict, invalidField } from '../http/problem';
import type { Store } from '../store';
import { assessCandidates, loadElectionRow, onBallot, phaseOf } from './eligibility';
import { presentElection, requireManager } from './election-service';
import { electionName, presentResult } from './present';
import type { ElectionRow } from './repository';
import type { Election, ElectionResult, FillRequest } from './schemas';

/**
 * The count, re-run from the stored ballots whenever asked, and filling the seats from it:
 * the new term, its seats and their history are written by the governance repository.
 */

/**
 * Counts the stored ballots afresh. The candidates counted are those on the ballot now and
 * any a stored ballot marks: a candidate whose eligibility lapsed during the vote still
 * receives the votes cast for them, rather than voiding those ballots.
 */
const isIdList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((v) => Number.isInteger(v));

async function count(store: Store, election: ElectionRow): Promise<ElectionResult> {
  const candidates = await store.elections.candidatesOf(election.id);
  const assessed = await assessCandidates(store, election, candidates);
  const ballots = (await store.elections.ballotsOf(election.id)).map((b) => ({
    choices: parseJsonColumn('ballots', b.id, b.choices, isIdList) ?? [],
  }));
  const standing = new Set(candidates.filter((c) => c.status === 'nominated').map((c) => c.id));
  const marked = ballots.flatMap((b) => b.choices).filter((id) => standing.has(id));
  const ids = [...new Set([...assessed.filter(onBallot).map((c) => c.row.id), ...marked])];
  const result = tallyElection(ids, ballots, election.seats);
  return presentResult(result, nowIso());
}

/**
 * Once voting has closed, the box is sealed before it is first counted (see sealBallotBox):
 * afterwards no row of the box or the register tells, by its place or its writer's id, which
 * cast it came from. Voting can no longer reopen then (its window is fixed once closed), so a
 * box is sealed once. Inside a caller's transaction the rewrite joins it and the clearing of
 * the replaced rows is left to PostgreSQL's own autovacuum.
 */
async function sealOnceClosed(store: Store, election: ElectionRow): Promise<void> {
  if (election.ballots_sealed_at !== null) return;
  await store.transaction(async (tx) => {
    await tx.elections.lockElection(election.id);
    const current = await loadElectionRow(tx, election.id);
    if (current.ballots_sealed_at === null) {
      await tx.elections.sealBallotBox(election.id, nowIso());
    }
  });
  if (store.dialect === 'postgres' && !store.inTransaction) {
    await store.elections.vacuumBallotBoxes();
  }
}

function checkVotingClosed(election: ElectionRow): void {
  const phase = phaseOf(election);
  if (phase !== 'closed') {
    throw phase === 'voting'
      ? conflict(
          'count-while-voting',
          `Voting is still open until ${election.voting_close}; the ballots are counted once it closes.`,
          { params: { at: election.voting_close } },
        )
      : conflict(
          'count-before-voting',
          'Voting has not taken place yet; the ballots are counted once it closes.',
        );
  }
}

export async function electionResult(store: Store, electionId: number): Promise<ElectionResult> {
  const election = await loadElectionRow(store, electionId);
  checkVotingClosed(election);
  await sealOnceClosed(store, election);
  return count(store, election);
}

export async function fillSeats(
  store: Store,
  actor: AuditActor,
  electionId: number,
  input: FillRequest,
): Promise<Election> {
  requireManager(actor, 'fills the seats');
  const before = await loadElectionRow(store, electionId);
  if (phaseOf(before) === 'closed') await sealOnceClosed(store, before);
  return store.transaction(async (tx) => {
    // Fills of one election queue here; filling changes the election, so a copy read before
    // it is stale (the claim is undone with the rest when the fill is refused).
    await tx.elections.claimElectionVersion(electionId);
    const election = await loadElectionRow(tx, electionId);
    if (election.filled_term_id !== null) {
      throw conflict('seats-filled', 'The seats of this election have already been filled.');
    }
    checkVotingClosed(election);
    const result = await count(tx, election);
    const tieWinners = input.tieWinners ?? [];
    if (result.tieAtCutoff) {
      const tied = new Set(result.candidates.filter((c) => c.tied).map((c) => c.candidateId));
      const n = result.seatsUndecided;
      if (
        tieWinners.length !== n ||
        new Set(tieWinners).size !== n ||
        tieWinners.some((id) => !tied.has(id))
      ) {
        throw invalidField(
          '/tieWinners',
          'tie-choice-count',
          `The count is tied across the last seat: choose exactly ${n} of the tied candidates (${[...tied].join(', ')}).`,
          { count: n },
        );
      }
    } else if (tieWinners.length > 0) {
      throw invalidField('/tieWinners', 'no-tie', 'The count has no tie to resolve.');
    }
    const winners = [...result.elected, ...tieWinners];
    if (winners.length === 0)
      throw conflict('nobody-elected', 'Nobody was elected; there are no seats to fill.');
    const clash = await tx.elections.termStartingOn(election.body_id, election.term_starts_on);
    if (clash) {
      throw conflict(
        'term-start-taken',
        `The body already has a term starting on ${election.term_starts_on} ("${clash.label}").`,
        {
          params: { day: election.term_starts_on, term: clash.label },
          pointer: '/termStartsOn',
          fieldDetail: 'another term of the body starts that day',
        },
      );
    }

    const byId = new Map((await tx.elections.candidatesOf(electionId)).map((c) => [c.id, c]));
    const now = nowIso();
    // The new term and its seats are written as the governance area writes them.
    const termId = await tx.governance.insertTerm({
      body_id: election.body_id,
      label: election.term_label,
      starts_on: election.term_starts_on,
      ends_on: election.term_ends_on,
      created_at: now,
    });
    const seats: { governmentId: number; personId: number; seatId: number }[] = [];
    for (const [i, candidateId] of winners.entries()) {
      const c = byId.get(candidateId);
      if (!c) throw new Error(`candidate ${candidateId} vanished during the fill`);
      const seatId = await tx.governance.insertSeat({
        term_id: termId,
        government_id: c.government_id,
        person_id: c.person_id,
        position: 'member',
        portfolio: null,
        sort_order: i,
        created_at: now,
        updated_at: now,
      });
      await tx.governance.insertSeatEvent({
        seat_id: seatId,
        at: now,
        kind: 'created',
        person_id: c.person_id,
        position: 'member',
        portfolio: null,
        actor_label: actor.label,
      });
      seats.push({ governmentId: c.government_id, personId: c.person_id, seatId });
    }
    await tx.elections.updateElection(electionId, { filled_term_id: termId, updated_at: now });

    const names = (ids: number[]) => ids.map((id) => byId.get(id)?.person_full_name ?? `#${id}`);
    let summary = `Seats of term "${election.term_label}" filled from "${electionName(election)}": ${names(winners).join(', ')}.`;
    if (result.tieAtCutoff) {
      summary += ` The tie across the last seat was resolved by the secretariat's decision in favour of ${names(tieWinners).join(', ')}.`;
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'election',
      entityId: electionId,
      summary,
      after: { termId, seats, tieWinners: result.tieAtCutoff ? tieWinners : null },
    });
    return presentElection(tx, await loadElectionRow(tx, electionId), actor);
  });
}
