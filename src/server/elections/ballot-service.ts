import crypto from 'node:crypto';
import { ballotKey, sealedChoices } from '../../core/elections/ballot-box';
import { checkBallot, voterEligibility, type VoterIneligibility } from '../../core/governance';
import { can } from '../../core/policy';
import { recordAudit, type AuditActor } from '../audit/service';
import { authorize } from '../http/authorize';
import { conflict, forbidden, invalidField } from '../http/problem';
import type { Store } from '../store';
import {
  assessCandidates,
  electorate,
  governmentRefs,
  loadElectionRow,
  memberEligibility,
  onBallot,
  phaseOf,
  scopeOf,
  standingOf,
  today,
} from './eligibility';
import { electionName, englishOr, type GovernmentRef } from './present';
import type { BallotCast, VoterRegister } from './schemas';

/**
 * Casting ballots and the register of who voted. The register and the ballot box are kept
 * apart: the register says that a member voted and on which day, the box holds choices with
 * nothing that leads back to the member.
 */

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}

const ALREADY_VOTED = 'This member has already voted.';

const VOTER_REASON: Record<VoterIneligibility, string> = {
  'not-full-member': 'only full members vote',
  'not-in-good-standing': 'its membership is not in good standing',
  'other-region': 'this body is elected by the members of another region',
};

/**
 * Casts one member's ballot. The register records that the member voted (the day only) and
 * the box receives the choices, once, under a fresh random key that is also the box's order
 * (src/core/elections/ballot-box.ts says why that is enough), so neither the key, a time nor
 * the order of the box ties a ballot to a member. The cost does not grow with the box.
 */
export async function castBallot(
  store: Store,
  actor: AuditActor,
  electionId: number,
  input: BallotCast,
): Promise<{ votedOn: string }> {
  const governmentId = actor.governmentId;
  if (governmentId === null || !can(actor, 'election.vote', { governmentId })) {
    throw forbidden(
      can(actor, 'election.manage') ? 'admin-no-ballot' : 'officer-ballot-only',
      can(actor, 'election.manage')
        ? "Administrators do not cast ballots for members; each member's officer votes."
        : "Only a member's officer casts its ballot.",
    );
  }
  return store.transaction(async (tx) => {
    // Casts and a fill of one election queue here, so a count never misses a cast that began
    // while voting was open.
    await tx.elections.lockElection(electionId);
    const election = await loadElectionRow(tx, electionId);
    const phase = phaseOf(election);
    if (phase !== 'voting') {
      throw phase === 'closed'
        ? conflict('voting-closed', 'Voting has closed.')
        : conflict('voting-not-open', `Voting opens at ${election.voting_open}.`, {
            params: { at: election.voting_open },
          });
    }
    const { government, eligibility } = await memberEligibility(tx, election, governmentId);
    if (!eligibility.eligible) {
      throw forbidden(
        `voter-${eligibility.reason}`,
        `Your government may not vote in this election: ${VOTER_REASON[eligibility.reason]}.`,
      );
    }
    if ((await tx.elections.votedOn(electionId, governmentId)) !== null)
      throw conflict('already-voted', ALREADY_VOTED);

    const assessed = await assessCandidates(
      tx,
      election,
      await tx.elections.candidatesOf(electionId),
    );
    const ballotIds = assessed.filter(onBallot).map((c) => c.row.id);
    const problems = checkBallot(input.choices, ballotIds, election.seats);
    if (problems.length > 0) {
      const [first] = problems;
      throw invalidField(
        '/choices',
        first?.code ?? 'invalid-value',
        problems.map((p) => p.message).join(' '),
        first?.params,
      );
    }

    const votedOn = today();
    try {
      await tx.elections.insertVoter(electionId, governmentId, votedOn);
    } catch (error) {
      // Two requests of the same member at once: the register's key lets only one through.
      if (isUniqueViolation(error)) throw conflict('already-voted', ALREADY_VOTED);
      throw error;
    }
    await tx.elections.insertBallot(electionId, {
      id: ballotKey(crypto.randomBytes),
      choices: JSON.stringify(sealedChoices(input.choices)),
    });

    const names = await tx.elections.governmentNames([governmentId]);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'election',
      entityId: electionId,
      summary: `${englishOr(names.get(governmentId) ?? {}, government?.slug ?? String(governmentId))} voted in "${electionName(election)}"`,
    });
    return { votedOn };
  });
}

/** The register, for the secretariat: every member in scope, whether it may vote, when it did. */
export async function voterRegister(
  store: Store,
  actor: AuditActor,
  electionId: number,
): Promise<VoterRegister> {
  authorize(actor, 'election.manage', {}, 'Only the secretariat reads the register.');
  const election = await loadElectionRow(store, electionId);
  const members = await electorate(store, election);
  const voted = new Map(
    (await store.elections.votersOf(electionId)).map((v) => [v.government_id, v.voted_on]),
  );
  // A member that voted and has since left the electorate still belongs in the register.
  const known = new Set(members.map((m) => m.government.id));
  const others = await store.elections.findGovernmentsByIds(
    [...voted.keys()].filter((id) => !known.has(id)),
  );
  const all = [
    ...members,
    ...others.map((g) => ({
      government: g,
      eligibility: voterEligibility(standingOf(g), scopeOf(election)),
    })),
  ];
  const refs = await governmentRefs(
    store,
    all.map((m) => m.government),
  );
  return {
    items: all.map((m) => ({
      government: refs.get(m.government.id) as GovernmentRef,
      eligible: m.eligibility.eligible,
      reason: m.eligibility.eligible ? null : m.eligibility.reason,
      votedOn: voted.get(m.government.id) ?? null,
    })),
  };
}
