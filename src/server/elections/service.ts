import crypto from 'node:crypto';
import {
  candidateEligibility,
  checkBallot,
  checkElectionWindows,
  electionPhase,
  POLITICAL_LEADER_TITLES,
  tallyElection,
  voterEligibility,
  type BodyScope,
  type BodyKind,
  type CandidateIneligibility,
  type ElectionPhase,
  type ElectionWindows,
  type MemberStanding,
  type VoterIneligibility,
} from '../../core/governance';
import type { MembershipCategory, MembershipStatus } from '../../core/membership';
import { changedFields, recordAuditOnExecutor, type AuditActor } from '../audit/service';
import type { Db } from '../db/database';
import { parseTexts } from '../db/texts';
import { nowIso, type Executor } from '../db/types';
import { checkDocument } from '../media/documents';
import type { FileStore } from '../media/storage';
import {
  conflict,
  forbidden,
  HttpProblem,
  invalidField,
  notFound,
  type FieldProblem,
} from '../http/problem';
import * as governance from '../governance/repository';
import * as repo from './repository';
import type { CannotVoteReason } from './schemas';
import type { CandidateRow, ElectionRow, GovernmentRow } from './repository';
import type {
  BallotCast,
  Candidate,
  CandidateCreate,
  Election,
  ElectionCreate,
  ElectionPatch,
  ElectionResult,
  ElectionSummary,
  FillRequest,
  VoterRegister,
} from './schemas';

type Names = Record<string, string>;
type GovernmentRef = Candidate['government'];

const today = () => nowIso().slice(0, 10);
/** Windows are stored in UTC so that they compare as text and read the same everywhere. */
const utc = (instant: string) => new Date(instant).toISOString();
const englishOr = (names: Names, fallback: string) =>
  names.en ?? Object.values(names)[0] ?? fallback;

function unprocessable(errors: FieldProblem[]): HttpProblem {
  return new HttpProblem(
    422,
    'Unprocessable Content',
    errors.map((e) => `${e.pointer.slice(1)}: ${e.detail}`).join(' '),
    errors,
  );
}

function windowsOf(row: ElectionRow): ElectionWindows {
  return {
    nominationsOpen: row.nominations_open,
    nominationsClose: row.nominations_close,
    votingOpen: row.voting_open,
    votingClose: row.voting_close,
  };
}

const phaseOf = (row: ElectionRow): ElectionPhase => electionPhase(windowsOf(row), nowIso());

function scopeOf(row: ElectionRow): BodyScope {
  return { kind: row.body_kind as BodyKind, regionSlug: row.body_region_slug };
}

function standingOf(g: GovernmentRow): MemberStanding {
  return {
    governmentId: g.id,
    category: (g.category ?? 'non-member') as MembershipCategory,
    status: (g.status ?? 'none') as MembershipStatus,
    regionSlug: g.region_slug,
  };
}

async function loadElectionRow(db: Executor, id: number): Promise<ElectionRow> {
  const row = await repo.findElection(db, id);
  if (!row) throw notFound(`There is no election ${id}.`);
  return row;
}

async function governmentRefs(db: Executor, govs: GovernmentRow[]) {
  const names = await repo.governmentNames(
    db,
    govs.map((g) => g.id),
  );
  const refs = new Map<number, GovernmentRef>();
  for (const g of govs) {
    refs.set(g.id, {
      id: g.id,
      slug: g.slug,
      names: names.get(g.id) ?? {},
      localLang: g.local_lang,
      country: g.country,
    });
  }
  return refs;
}

// ---------------------------------------------------------------- candidates and the ballot

interface AssessedCandidate {
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
async function assessCandidates(
  db: Executor,
  election: ElectionRow,
  rows: CandidateRow[],
): Promise<AssessedCandidate[]> {
  const now = today();
  const closed = election.nominations_close.slice(0, 10);
  const asOf = closed < now ? closed : now;
  const govs = new Map(
    (await repo.findGovernmentsByIds(db, [...new Set(rows.map((r) => r.government_id))])).map(
      (g) => [g.id, g],
    ),
  );
  const out: AssessedCandidate[] = [];
  for (const row of rows) {
    const government = govs.get(row.government_id);
    if (!government) continue;
    const positions = await repo.positionsAt(db, row.government_id, row.person_id);
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

const onBallot = (c: AssessedCandidate) => c.row.status === 'nominated' && c.reasons.length === 0;

function canReadEndorsement(actor: AuditActor | null, governmentId: number): boolean {
  if (!actor) return false;
  return (
    actor.role === 'admin' || (actor.role === 'officer' && actor.governmentId === governmentId)
  );
}

// ---------------------------------------------------------------- presenting

async function summaries(db: Executor, rows: ElectionRow[]): Promise<ElectionSummary[]> {
  const terms = await repo.findTermSummaries(
    db,
    rows.flatMap((r) => (r.filled_term_id === null ? [] : [r.filled_term_id])),
  );
  return rows.map((r) => {
    const term = r.filled_term_id === null ? undefined : terms.get(r.filled_term_id);
    return {
      id: r.id,
      body: { slug: r.body_slug, names: parseTexts(r.body_names) },
      title: parseTexts(r.title),
      seats: r.seats,
      termLabel: r.term_label,
      termStartsOn: r.term_starts_on,
      termEndsOn: r.term_ends_on,
      ...windowsOf(r),
      phase: phaseOf(r),
      filledTerm: term
        ? {
            id: term.id,
            label: term.label,
            startsOn: term.starts_on,
            endsOn: term.ends_on,
            seatCount: term.seat_count,
          }
        : null,
    };
  });
}

/** The electorate: every full member in the body's scope, with whether it may vote. */
async function electorate(db: Executor, election: ElectionRow) {
  const scope = scopeOf(election);
  // A regional committee is elected by its region; the network-wide bodies by every member.
  const members = await repo.fullMembers(db, scope.kind === 'rexcom' ? scope.regionSlug : null);
  return members.map((g) => ({
    government: g,
    eligibility: voterEligibility(standingOf(g), scope),
  }));
}

async function viewerOf(
  db: Executor,
  election: ElectionRow,
  actor: AuditActor | null,
  phase: ElectionPhase,
): Promise<Election['viewer']> {
  const base = {
    canManage: actor?.role === 'admin',
    governmentId: null,
    canVote: false,
    hasVoted: false,
    votedOn: null,
  };
  if (!actor) return { ...base, cannotVoteReason: 'not-signed-in' };
  if (actor.role === 'admin') return { ...base, cannotVoteReason: 'administrator' };
  if (actor.role !== 'officer' || actor.governmentId === null) {
    return { ...base, cannotVoteReason: 'not-an-officer' };
  }
  const governmentId = actor.governmentId;
  const votedOn = await repo.votedOn(db, election.id, governmentId);
  const hasVoted = votedOn !== null;
  const government = await repo.findGovernment(db, governmentId);
  const eligibility = government
    ? voterEligibility(standingOf(government), scopeOf(election))
    : ({ eligible: false, reason: 'not-full-member' } as const);
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

async function present(
  db: Executor,
  election: ElectionRow,
  actor: AuditActor | null,
): Promise<Election> {
  const [summary] = await summaries(db, [election]);
  if (!summary) throw new Error('unreachable: one row gives one summary');
  const assessed = await assessCandidates(db, election, await repo.candidatesOf(db, election.id));
  const refs = await governmentRefs(
    db,
    assessed.map((c) => c.government),
  );
  const candidates: Candidate[] = assessed.map((c) => {
    const mayRead = canReadEndorsement(actor, c.row.government_id);
    const hasEndorsement = c.row.endorsement_key !== null;
    return {
      id: c.row.id,
      government: refs.get(c.row.government_id) as GovernmentRef,
      person: {
        id: c.row.person_id,
        fullName: c.row.person_full_name,
        names: parseTexts(c.row.person_names),
      },
      title: c.title,
      statement: parseTexts(c.row.statement),
      hasEndorsement,
      endorsementUrl:
        hasEndorsement && mayRead ? `/api/v1/candidates/${c.row.id}/endorsement` : null,
      codeOfHonourAcceptedAt: c.row.code_of_honour_accepted_at,
      status: c.row.status === 'withdrawn' ? 'withdrawn' : 'nominated',
      ineligibility: c.reasons,
    };
  });
  const voters = await electorate(db, election);
  return {
    ...summary,
    candidates,
    eligibleVoters: voters.filter((v) => v.eligibility.eligible).length,
    votesCast: await repo.countVoters(db, election.id),
    viewer: await viewerOf(db, election, actor, summary.phase),
  };
}

export async function listElections(db: Db, body: string | undefined) {
  return { items: await summaries(db.kysely, await repo.listElections(db.kysely, body)) };
}

export async function getElection(db: Db, actor: AuditActor | null, id: number) {
  return present(db.kysely, await loadElectionRow(db.kysely, id), actor);
}

// ---------------------------------------------------------------- creating and changing

function checkWindowsAndTerm(
  windows: ElectionWindows,
  term: { startsOn: string; endsOn: string },
): void {
  const errors: FieldProblem[] = checkElectionWindows(windows).map((p) => ({
    pointer: `/${p.field}`,
    detail: p.message,
  }));
  if (term.startsOn >= term.endsOn) {
    errors.push({ pointer: '/termEndsOn', detail: 'The term must end after it starts.' });
  }
  if (errors.length > 0) throw unprocessable(errors);
}

/** What the audit log keeps of an election: its settings, never anything about the votes. */
function auditView(row: ElectionRow) {
  return {
    body: row.body_slug,
    title: parseTexts(row.title),
    seats: row.seats,
    termLabel: row.term_label,
    termStartsOn: row.term_starts_on,
    termEndsOn: row.term_ends_on,
    ...windowsOf(row),
  };
}

const electionName = (row: ElectionRow) => englishOr(parseTexts(row.title), `election ${row.id}`);

function requireAdminActor(actor: AuditActor, what: string): void {
  if (actor.role !== 'admin') throw forbidden(`Only the secretariat ${what}.`);
}

export async function createElection(
  db: Db,
  actor: AuditActor,
  input: ElectionCreate,
): Promise<Election> {
  requireAdminActor(actor, 'calls elections');
  checkWindowsAndTerm(input, { startsOn: input.termStartsOn, endsOn: input.termEndsOn });
  return db.kysely.transaction().execute(async (trx) => {
    const body = await repo.findBodyBySlug(trx, input.body);
    if (!body) throw invalidField('/body', `There is no body "${input.body}".`);
    const now = nowIso();
    const id = await repo.insertElection(trx, {
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
    const row = await loadElectionRow(trx, id);
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'election',
      entityId: id,
      summary: `Election "${electionName(row)}" called for ${englishOr(parseTexts(body.names), body.slug)}`,
      after: auditView(row),
    });
    return present(trx, row, actor);
  });
}

const WINDOW_COLUMNS = {
  nominationsOpen: 'nominations_open',
  nominationsClose: 'nominations_close',
  votingOpen: 'voting_open',
  votingClose: 'voting_close',
} as const;

export async function updateElection(
  db: Db,
  actor: AuditActor,
  id: number,
  patch: ElectionPatch,
): Promise<Election> {
  requireAdminActor(actor, 'changes elections');
  return db.kysely.transaction().execute(async (trx) => {
    const before = await loadElectionRow(trx, id);
    if (before.filled_term_id !== null) {
      throw conflict('The seats of this election have been filled; it can no longer change.');
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
          `Voting has ${phase === 'closed' ? 'closed' : 'opened'}; ${field} can no longer change.`,
          [{ pointer: `/${field}`, detail: 'can no longer change' }],
        );
      }
      windows[field] = utc(value);
    }
    if (
      patch.seats !== undefined &&
      patch.seats !== before.seats &&
      (phase === 'voting' || phase === 'closed')
    ) {
      throw conflict('Ballots have been cast for this number of seats; it can no longer change.', [
        { pointer: '/seats', detail: 'can no longer change once voting has opened' },
      ]);
    }
    checkWindowsAndTerm(windows, {
      startsOn: patch.termStartsOn ?? before.term_starts_on,
      endsOn: patch.termEndsOn ?? before.term_ends_on,
    });
    await repo.updateElection(trx, id, {
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
    const after = await loadElectionRow(trx, id);
    const diff = changedFields(auditView(before), auditView(after));
    if (Object.keys(diff.after).length > 0) {
      await recordAuditOnExecutor(trx, actor, {
        action: 'update',
        entityType: 'election',
        entityId: id,
        summary: `Election "${electionName(after)}": ${Object.keys(diff.after).join(', ')} changed`,
        before: diff.before,
        after: diff.after,
      });
    }
    return present(trx, after, actor);
  });
}

// ---------------------------------------------------------------- nominations

/** Officers act during the nominations window; the secretariat until voting opens. */
function checkNominationsOpen(actor: AuditActor, election: ElectionRow): void {
  const phase = phaseOf(election);
  if (election.filled_term_id !== null) throw conflict('This election is over.');
  if (actor.role === 'admin') {
    if (phase === 'voting' || phase === 'closed') {
      throw conflict('Voting has opened; the candidates can no longer change.');
    }
    return;
  }
  if (phase !== 'nominations') {
    throw conflict(
      phase === 'upcoming'
        ? `Nominations open at ${election.nominations_open}.`
        : 'Nominations are closed.',
    );
  }
}

function checkActsFor(actor: AuditActor, governmentId: number, what: string): void {
  if (actor.role === 'admin') return;
  if (actor.role !== 'officer')
    throw forbidden(`Only the secretariat or a member's officer ${what}.`);
  if (actor.governmentId !== governmentId) {
    throw forbidden(`An officer ${what} only for their own government.`);
  }
}

export async function nominate(
  db: Db,
  actor: AuditActor,
  electionId: number,
  input: CandidateCreate,
): Promise<Election> {
  checkActsFor(actor, input.governmentId, 'nominates candidates');
  return db.kysely.transaction().execute(async (trx) => {
    const election = await loadElectionRow(trx, electionId);
    checkNominationsOpen(actor, election);
    const government = await repo.findGovernment(trx, input.governmentId);
    if (!government)
      throw invalidField('/governmentId', `There is no government ${input.governmentId}.`);
    const person = await repo.findPerson(trx, input.personId);
    if (!person) throw invalidField('/personId', `There is no person ${input.personId}.`);
    const existing = await repo.findCandidacy(trx, electionId, input.governmentId);
    if (existing) {
      throw conflict(
        existing.status === 'withdrawn'
          ? 'This government withdrew its candidacy from this election.'
          : 'This government already has a candidate in this election.',
        [{ pointer: '/governmentId', detail: 'already nominated in this election' }],
      );
    }
    const now = nowIso();
    const id = await repo.insertCandidate(trx, {
      election_id: electionId,
      government_id: input.governmentId,
      person_id: input.personId,
      statement: JSON.stringify(input.statement ?? {}),
      endorsement_key: null,
      endorsement_filename: null,
      code_of_honour_accepted_at: input.codeOfHonourAccepted ? now : null,
      status: 'nominated',
      created_at: now,
    });
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'candidate',
      entityId: id,
      summary: `${person.full_name} (${government.slug}) nominated in "${electionName(election)}"`,
      after: {
        electionId,
        governmentId: input.governmentId,
        personId: input.personId,
        codeOfHonourAccepted: input.codeOfHonourAccepted,
      },
    });
    return present(trx, election, actor);
  });
}

async function loadCandidate(db: Executor, id: number) {
  const candidate = await repo.findCandidate(db, id);
  if (!candidate) throw notFound(`There is no candidate ${id}.`);
  return candidate;
}

export async function attachEndorsement(
  db: Db,
  store: FileStore,
  actor: AuditActor,
  candidateId: number,
  upload: { buffer: Buffer; filename: string },
): Promise<Election> {
  return db.kysely.transaction().execute(async (trx) => {
    const candidate = await loadCandidate(trx, candidateId);
    checkActsFor(actor, candidate.government_id, 'uploads an endorsement');
    const election = await loadElectionRow(trx, candidate.election_id);
    checkNominationsOpen(actor, election);
    if (candidate.status === 'withdrawn') throw conflict('This candidacy has been withdrawn.');
    const { ext } = checkDocument(upload.buffer, upload.filename, '/file');
    const saved = await store.save(upload.buffer, ext);
    // Only the last path segment: the client's folders are none of our business.
    const filename =
      (upload.filename.split(/[\\/]/).pop() ?? '').slice(0, 200) || `endorsement.${ext}`;
    await repo.updateCandidate(trx, candidateId, {
      endorsement_key: saved.key,
      endorsement_filename: filename,
    });
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'candidate',
      entityId: candidateId,
      summary: `Endorsement of ${candidate.person_full_name} uploaded (${filename})`,
      before: { endorsement: candidate.endorsement_filename },
      after: { endorsement: filename, sha256: saved.sha256 },
    });
    return present(trx, election, actor);
  });
}

export async function readEndorsement(
  db: Db,
  store: FileStore,
  actor: AuditActor,
  candidateId: number,
): Promise<{ data: Buffer; filename: string; mime: string }> {
  const candidate = await loadCandidate(db.kysely, candidateId);
  if (!canReadEndorsement(actor, candidate.government_id)) {
    throw forbidden(
      "Only the secretariat and the candidate government's officers read the endorsement.",
    );
  }
  if (!candidate.endorsement_key || !candidate.endorsement_filename) {
    throw notFound('This candidate has no endorsement yet.');
  }
  const data = await store.read(candidate.endorsement_key).catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw notFound('The endorsement document is missing from the file store.');
    }
    throw e;
  });
  // The type was decided from the bytes at upload; the stored key keeps its extension.
  const ext = candidate.endorsement_key.split('.').pop() ?? '';
  const { mime } = checkDocument(data, `endorsement.${ext}`, '/file');
  return { data, filename: candidate.endorsement_filename, mime };
}

export async function withdraw(db: Db, actor: AuditActor, candidateId: number): Promise<Election> {
  return db.kysely.transaction().execute(async (trx) => {
    const candidate = await loadCandidate(trx, candidateId);
    checkActsFor(actor, candidate.government_id, 'withdraws a candidacy');
    const election = await loadElectionRow(trx, candidate.election_id);
    const phase = phaseOf(election);
    if (phase === 'voting' || phase === 'closed' || election.filled_term_id !== null) {
      throw conflict('Voting has opened; the candidates can no longer change.');
    }
    if (candidate.status === 'withdrawn') throw conflict('This candidacy is already withdrawn.');
    await repo.updateCandidate(trx, candidateId, { status: 'withdrawn' });
    await recordAuditOnExecutor(trx, actor, {
      action: 'update',
      entityType: 'candidate',
      entityId: candidateId,
      summary: `${candidate.person_full_name} withdrawn from "${electionName(election)}"`,
      before: { status: candidate.status },
      after: { status: 'withdrawn' },
    });
    return present(trx, election, actor);
  });
}

// ---------------------------------------------------------------- voting

/** Fisher–Yates with a cryptographic source: the new order must not be predictable. */
function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

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
 * the box receives the choices under a random id; the box is then rewritten in random order,
 * so neither the ids, the times nor the storage order tie a ballot to a member.
 */
export async function castBallot(
  db: Db,
  actor: AuditActor,
  electionId: number,
  input: BallotCast,
): Promise<{ votedOn: string }> {
  if (actor.role === 'admin') {
    throw forbidden("Administrators do not cast ballots for members; each member's officer votes.");
  }
  if (actor.role !== 'officer' || actor.governmentId === null) {
    throw forbidden("Only a member's officer casts its ballot.");
  }
  const governmentId = actor.governmentId;
  return db.kysely.transaction().execute(async (trx) => {
    // Concurrent casts would each rewrite the box from what they read; one at a time.
    await repo.lockElection(trx, electionId);
    const election = await loadElectionRow(trx, electionId);
    const phase = phaseOf(election);
    if (phase !== 'voting') {
      throw conflict(
        phase === 'closed' ? 'Voting has closed.' : `Voting opens at ${election.voting_open}.`,
      );
    }
    const government = await repo.findGovernment(trx, governmentId);
    const eligibility = government
      ? voterEligibility(standingOf(government), scopeOf(election))
      : ({ eligible: false, reason: 'not-full-member' } as const);
    if (!eligibility.eligible) {
      throw forbidden(
        `Your government may not vote in this election: ${VOTER_REASON[eligibility.reason]}.`,
      );
    }
    if ((await repo.votedOn(trx, electionId, governmentId)) !== null) throw conflict(ALREADY_VOTED);

    const assessed = await assessCandidates(
      trx,
      election,
      await repo.candidatesOf(trx, electionId),
    );
    const ballotIds = assessed.filter(onBallot).map((c) => c.row.id);
    const problems = checkBallot(input.choices, ballotIds, election.seats);
    if (problems.length > 0) {
      throw invalidField('/choices', problems.map((p) => p.message).join(' '));
    }

    const votedOn = today();
    try {
      await repo.insertVoter(trx, electionId, governmentId, votedOn);
    } catch (error) {
      // Two requests of the same member at once: the register's key lets only one through.
      if (isUniqueViolation(error)) throw conflict(ALREADY_VOTED);
      throw error;
    }
    // Sorted, so that the order in which boxes were ticked says nothing about the voter.
    const choices = [...input.choices].sort((a, b) => a - b);
    await repo.insertBallots(trx, electionId, [
      { id: crypto.randomUUID(), choices: JSON.stringify(choices) },
    ]);
    // Shake the box.
    const box = await repo.ballotsOf(trx, electionId);
    await repo.deleteBallots(trx, electionId);
    await repo.insertBallots(trx, electionId, shuffle(box));

    const names = await repo.governmentNames(trx, [governmentId]);
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'election',
      entityId: electionId,
      summary: `${englishOr(names.get(governmentId) ?? {}, government?.slug ?? String(governmentId))} voted in "${electionName(election)}"`,
    });
    return { votedOn };
  });
}

export async function voterRegister(db: Db, electionId: number): Promise<VoterRegister> {
  const election = await loadElectionRow(db.kysely, electionId);
  const members = await electorate(db.kysely, election);
  const voted = new Map(
    (await repo.votersOf(db.kysely, electionId)).map((v) => [v.government_id, v.voted_on]),
  );
  // A member that voted and has since left the electorate still belongs in the register.
  const known = new Set(members.map((m) => m.government.id));
  const others = await repo.findGovernmentsByIds(
    db.kysely,
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
    db.kysely,
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

// ---------------------------------------------------------------- the count

/**
 * Counts the stored ballots afresh. The candidates counted are those on the ballot now and
 * any a stored ballot marks: a candidate whose eligibility lapsed during the vote still
 * receives the votes cast for them, rather than voiding those ballots.
 */
async function count(db: Executor, election: ElectionRow): Promise<ElectionResult> {
  const candidates = await repo.candidatesOf(db, election.id);
  const assessed = await assessCandidates(db, election, candidates);
  const ballots = (await repo.ballotsOf(db, election.id)).map((b) => ({
    choices: JSON.parse(b.choices) as number[],
  }));
  const standing = new Set(candidates.filter((c) => c.status === 'nominated').map((c) => c.id));
  const marked = ballots.flatMap((b) => b.choices).filter((id) => standing.has(id));
  const ids = [...new Set([...assessed.filter(onBallot).map((c) => c.row.id), ...marked])];
  const result = tallyElection(ids, ballots, election.seats);
  return {
    seats: result.seats,
    ballots: result.ballots,
    blankBallots: result.blankBallots,
    invalidBallots: result.invalidBallots,
    candidates: result.candidates,
    elected: result.elected,
    tieAtCutoff: result.tieAtCutoff,
    seatsUndecided: result.seatsUndecided,
    countedAt: nowIso(),
  };
}

function checkVotingClosed(election: ElectionRow): void {
  const phase = phaseOf(election);
  if (phase !== 'closed') {
    throw conflict(
      phase === 'voting'
        ? `Voting is still open until ${election.voting_close}; the ballots are counted once it closes.`
        : 'Voting has not taken place yet; the ballots are counted once it closes.',
    );
  }
}

export async function electionResult(db: Db, electionId: number): Promise<ElectionResult> {
  const election = await loadElectionRow(db.kysely, electionId);
  checkVotingClosed(election);
  return count(db.kysely, election);
}

export async function fillSeats(
  db: Db,
  actor: AuditActor,
  electionId: number,
  input: FillRequest,
): Promise<Election> {
  requireAdminActor(actor, 'fills the seats');
  return db.kysely.transaction().execute(async (trx) => {
    await repo.lockElection(trx, electionId);
    const election = await loadElectionRow(trx, electionId);
    if (election.filled_term_id !== null) {
      throw conflict('The seats of this election have already been filled.');
    }
    checkVotingClosed(election);
    const result = await count(trx, election);
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
          `The count is tied across the last seat: choose exactly ${n} of the tied candidates (${[...tied].join(', ')}).`,
        );
      }
    } else if (tieWinners.length > 0) {
      throw invalidField('/tieWinners', 'The count has no tie to resolve.');
    }
    const winners = [...result.elected, ...tieWinners];
    if (winners.length === 0) throw conflict('Nobody was elected; there are no seats to fill.');
    const clash = await repo.termStartingOn(trx, election.body_id, election.term_starts_on);
    if (clash) {
      throw conflict(
        `The body already has a term starting on ${election.term_starts_on} ("${clash.label}").`,
        [{ pointer: '/termStartsOn', detail: 'another term of the body starts that day' }],
      );
    }

    const byId = new Map((await repo.candidatesOf(trx, electionId)).map((c) => [c.id, c]));
    const now = nowIso();
    // The new term and its seats are written as the governance area writes them.
    const termId = await governance.insertTerm(trx, {
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
      const seatId = await governance.insertSeat(trx, {
        term_id: termId,
        government_id: c.government_id,
        person_id: c.person_id,
        position: 'member',
        portfolio: null,
        sort_order: i,
        created_at: now,
        updated_at: now,
      });
      await governance.insertSeatEvent(trx, {
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
    await repo.updateElection(trx, electionId, { filled_term_id: termId, updated_at: now });

    const names = (ids: number[]) => ids.map((id) => byId.get(id)?.person_full_name ?? `#${id}`);
    let summary = `Seats of term "${election.term_label}" filled from "${electionName(election)}": ${names(winners).join(', ')}.`;
    if (result.tieAtCutoff) {
      summary += ` The tie across the last seat was resolved by the secretariat's decision in favour of ${names(tieWinners).join(', ')}.`;
    }
    await recordAuditOnExecutor(trx, actor, {
      action: 'create',
      entityType: 'election',
      entityId: electionId,
      summary,
      after: { termId, seats, tieWinners: result.tieAtCutoff ? tieWinners : null },
    });
    return present(trx, await loadElectionRow(trx, electionId), actor);
  });
}
