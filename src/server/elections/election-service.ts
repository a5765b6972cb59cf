import {
  checkElectionWindows,
  type ElectionPhase,
  type ElectionWindows,
} from '../../core/governance';
import { can } from '../../core/policy';
import { changedFields, recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { parseTexts } from '../db/texts';
import { authorize } from '../http/authorize';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import {
  conflict,
  invalidField,
  invalidFields,
  type FieldProblem,
  type HttpProblem,
} from '../http/problem';
import type { Store } from '../store';
import {
  assessCandidates,
  canReadEndorsement,
  electorate,
  governmentRefs,
  loadElectionRow,
  memberEligibility,
  phaseOf,
} from './eligibility';
import {
  auditView,
  electionName,
  englishOr,
  presentCandidate,
  presentSummary,
  windowsOf,
  type GovernmentRef,
} from './present';
import type { ElectionRow } from './repository';
import type {
  CannotVoteReason,
  Election,
  ElectionCreate,
  ElectionPatch,
  ElectionSummary,
} from './schemas';

/** Elections and their windows: reading, calling and changing them. */

/** Windows are stored in UTC so that they compare as text and read the same everywhere. */
const utc = (instant: string) => new Date(instant).toISOString();

function unprocessable(errors: FieldProblem[]): HttpProblem {
  return invalidFields(errors, errors.map((e) => `${e.pointer.slice(1)}: ${e.detail}`).join(' '));
}

// ---------------------------------------------------------------- presenting

async function summaries(store: Store, rows: ElectionRow[]): Promise<ElectionSummary[]> {
  const terms = await store.elections.findTermSummaries(
    rows.flatMap((r) => (r.filled_term_id === null ? [] : [r.filled_term_id])),
  );
  return rows.map((r) =>
    presentSummary(
      r,
      phaseOf(r),
      r.filled_term_id === null ? undefined : terms.get(r.filled_term_id),
    ),
  );
}

/** What the viewer may do: manage, vote, or why not (enumerated, for the web to explain). */
async function viewerOf(
  store: Store,
  election: ElectionRow,
  actor: AuditActor | null,
  phase: ElectionPhase,
): Promise<Election['viewer']> {
  const base = {
    canManage: can(actor, 'election.manage'),
    governmentId: null,
    canVote: false,
    hasVoted: false,
    votedOn: null,
  };
  if (!actor) return { ...base, cannotVoteReason: 'not-signed-in' };
  if (can(actor, 'election.manage')) return { ...base, cannotVoteReason: 'administrator' };
  const governmentId = actor.governmentId;
  if (governmentId === null || !can(actor, 'election.vote', { governmentId })) {
    return { ...base, cannotVoteReason: 'not-an-officer' };
  }
  const votedOn = await store.elections.votedOn(election.id, governmentId);
  const hasVoted = votedOn !== null;
  const { eligibility } = await memberEligibility(store, election, governmentId);
  let cannotVoteReason: CannotVoteReason | null = null;
  if (hasVoted) cannotVoteReason = 'already-voted';
  else if (!eligibility.eligible) cannotVoteReason = eligibility.reason;
  else if (phase === 'closed') cannotVoteReason = 'voting-closed';
  else if (phase !== 'voting') cannotVoteReason = 'voting-not-open';
  return {
    ...base,
    governmentId,
    canVote: cannotVoteReason === null,
    hasVoted,
    votedOn,
    cannotVoteReason,
  };
}

/** An election in full: candidates as judged today, turnout and what the viewer may do. */
export async function presentElection(
  store: Store,
  election: ElectionRow,
  actor: AuditActor | null,
): Promise<Election> {
  const [summary] = await summaries(store, [election]);
  if (!summary) throw new Error('unreachable: one row gives one summary');
  const assessed = await assessCandidates(
    store,
    election,
    await store.elections.candidatesOf(election.id),
  );
  const refs = await governmentRefs(
    store,
    assessed.map((c) => c.government),
  );
  const candidates = assessed.map((c) =>
    presentCandidate(
      c.row,
      refs.get(c.row.government_id) as GovernmentRef,
      c,
      canReadEndorsement(actor, c.row.government_id),
    ),
  );
  const voters = await electorate(store, election);
  return {
    ...summary,
    candidates,
    eligibleVoters: voters.filter((v) => v.eligibility.eligible).length,
    votesCast: await store.elections.countVoters(election.id),
    viewer: await viewerOf(store, election, actor, summary.phase),
  };
}

export async function listElections(store: Store, body: string | undefined) {
  return { items: await summaries(store, await store.elections.listElections(body)) };
}

export async function getElection(store: Store, actor: AuditActor | null, id: number) {
  return presentElection(store, await loadElectionRow(store, id), actor);
}

// ---------------------------------------------------------------- creating and changing

function checkWindowsAndTerm(
  windows: ElectionWindows,
  term: { startsOn: string; endsOn: string },
): void {
  const errors: FieldProblem[] = checkElectionWindows(windows).map((p) => ({
    pointer: `/${p.field}`,
    detail: p.message,
    code: p.code,
  }));
  if (term.startsOn >= term.endsOn) {
    errors.push({
      pointer: '/termEndsOn',
      detail: 'The term must end after it starts.',
      code: 'end-before-start',
    });
  }
  if (errors.length > 0) throw unprocessable(errors);
}

export function requireManager(actor: AuditActor, what: string): void {
  authorize(actor, 'election.manage', {}, `Only the secretariat ${what}.`);
}

export async function createElection(
  store: Store,
  actor: AuditActor,
  input: ElectionCreate,
): Promise<Election> {
  requireManager(actor, 'calls elections');
  checkWindowsAndTerm(input, { startsOn: input.termStartsOn, endsOn: input.termEndsOn });
  return store.transaction(async (tx) => {
    const body = await tx.elections.findBodyBySlug(input.body);
    if (!body) {
      throw invalidField('/body', 'unknown-reference', `There is no body "${input.body}".`, {
        record: 'body',
      });
    }
    const now = nowIso();
    const id = await tx.elections.insertElection({
      body_id: body.id,
      title: JSON.stringify(input.title),
      seats: input.seats,
      term_label: input.termLabel,
      term_starts_on: input.termStartsOn,
      term_ends_on: input.termEndsOn,
      nominations_open: utc(input.nominationsOpen),
      nominations_close: utc(input.nominationsClose),
      voting_open: utc(input.votingOpen),
      voting_close: utc(input.votingClose),
      filled_term_id: null,
      created_at: now,
      updated_at: now,
    });
    const row = await loadElectionRow(tx, id);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'election',
      entityId: id,
      summary: `Election "${electionName(row)}" called for ${englishOr(parseTexts(body.names, { table: 'bodies', id: body.id }), body.slug)}`,
      after: auditView(row),
    });
    return presentElection(tx, row, actor);
  });
}

const WINDOW_COLUMNS = {
  nominationsOpen: 'nominations_open',
  nominationsClose: 'nominations_close',
  votingOpen: 'voting_open',
  votingClose: 'voting_close',
} as const;

export async function updateElection(
  store: Store,
  actor: AuditActor,
  id: number,
  patch: ElectionPatch,
  expected?: ExpectedVersions,
): Promise<Election> {
  requireManager(actor, 'changes elections');
  return store.transaction(async (tx) => {
    await loadElectionRow(tx, id);
    // Concurrent changes of the election queue here; each then reads what the one before wrote.
    claimedVersion(await tx.elections.claimElectionVersion(id, expected));
    const before = await loadElectionRow(tx, id);
    if (before.filled_term_id !== null) {
      throw conflict(
        'election-filled',
        'The seats of this election have been filled; it can no longer change.',
      );
    }
    const phase = phaseOf(before);
    const windows = windowsOf(before);
    for (const field of Object.keys(WINDOW_COLUMNS) as (keyof ElectionWindows)[]) {
      const value = patch[field];
      if (value === undefined) continue;
      const changed = Date.parse(value) !== Date.parse(windows[field]);
      // Once members vote, the ballot and its timetable are fixed; voting may still be
      // extended or ended early, but a closed vote is never reopened.
      const locked = phase === 'closed' || (phase === 'voting' && field !== 'votingClose');
      if (changed && locked) {
        throw conflict(
          'window-fixed',
          `Voting has ${phase === 'closed' ? 'closed' : 'opened'}; ${field} can no longer change.`,
          { pointer: `/${field}`, fieldDetail: 'can no longer change' },
        );
      }
      windows[field] = utc(value);
    }
    if (
      patch.seats !== undefined &&
      patch.seats !== before.seats &&
      (phase === 'voting' || phase === 'closed')
    ) {
      throw conflict(
        'seats-fixed',
        'Ballots have been cast for this number of seats; it can no longer change.',
        { pointer: '/seats', fieldDetail: 'can no longer change once voting has opened' },
      );
    }
    checkWindowsAndTerm(windows, {
      startsOn: patch.termStartsOn ?? before.term_starts_on,
      endsOn: patch.termEndsOn ?? before.term_ends_on,
    });
    await tx.elections.updateElection(id, {
      ...(patch.title !== undefined ? { title: JSON.stringify(patch.title) } : {}),
      ...(patch.seats !== undefined ? { seats: patch.seats } : {}),
      ...(patch.termLabel !== undefined ? { term_label: patch.termLabel } : {}),
      ...(patch.termStartsOn !== undefined ? { term_starts_on: patch.termStartsOn } : {}),
      ...(patch.termEndsOn !== undefined ? { term_ends_on: patch.termEndsOn } : {}),
      nominations_open: windows.nominationsOpen,
      nominations_close: windows.nominationsClose,
      voting_open: windows.votingOpen,
      voting_close: windows.votingClose,
      updated_at: nowIso(),
    });
    const after = await loadElectionRow(tx, id);
    const diff = changedFields(auditView(before), auditView(after));
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 'election',
        entityId: id,
        summary: `Election "${electionName(after)}": ${Object.keys(diff.after).join(', ')} changed`,
        before: diff.before,
        after: diff.after,
      });
    }
    return presentElection(tx, after, actor);
  });
}
