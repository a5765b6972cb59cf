import { rolesFor, can } from '../../core/policy';
import { recordAudit, type AuditActor } from '../audit/service';
import { nowIso } from '../clock';
import { conflict, forbidden, invalidField, notFound } from '../http/problem';
import { checkDocument } from '../media/documents';
import type { FileStore } from '../media/storage';
import type { Store } from '../store';
import { canReadEndorsement, loadCandidate, loadElectionRow, phaseOf } from './eligibility';
import { presentElection } from './election-service';
import { electionName } from './present';
import type { ElectionRow } from './repository';
import type { CandidateCreate, Election } from './schemas';

/**
 * Nominations: candidacies, their endorsements and withdrawals. Whether a candidate may stand
 * is judged when the election is shown and counted (eligibility.ts), not when nominated.
 */

/** Officers act during the nominations window; the secretariat until voting opens. */
function checkNominationsOpen(actor: AuditActor, election: ElectionRow): void {
  const phase = phaseOf(election);
  if (election.filled_term_id !== null) throw conflict('election-over', 'This election is over.');
  if (can(actor, 'election.manage')) {
    if (phase === 'voting' || phase === 'closed') {
      throw conflict('candidates-fixed', 'Voting has opened; the candidates can no longer change.');
    }
    return;
  }
  if (phase !== 'nominations') {
    throw phase === 'upcoming'
      ? conflict('nominations-not-open', `Nominations open at ${election.nominations_open}.`, {
          params: { at: election.nominations_open },
        })
      : conflict('nominations-closed', 'Nominations are closed.');
  }
}

/** The secretariat acts for any member, an officer for their own government only. */
function checkActsFor(actor: AuditActor, governmentId: number, what: string): void {
  if (can(actor, 'election.nominate', { governmentId })) return;
  throw forbidden(
    rolesFor('election.nominate').includes(actor.role) ? 'own-government-only' : 'not-allowed',
    rolesFor('election.nominate').includes(actor.role)
      ? `An officer ${what} only for their own government.`
      : `Only the secretariat or a member's officer ${what}.`,
  );
}

export async function nominate(
  store: Store,
  actor: AuditActor,
  electionId: number,
  input: CandidateCreate,
): Promise<Election> {
  checkActsFor(actor, input.governmentId, 'nominates candidates');
  return store.transaction(async (tx) => {
    const election = await loadElectionRow(tx, electionId);
    checkNominationsOpen(actor, election);
    const government = await tx.elections.findGovernment(input.governmentId);
    if (!government)
      throw invalidField(
        '/governmentId',
        'unknown-reference',
        `There is no government ${input.governmentId}.`,
        { record: 'government' },
      );
    const person = await tx.elections.findPerson(input.personId);
    if (!person) {
      throw invalidField(
        '/personId',
        'unknown-reference',
        `There is no person ${input.personId}.`,
        {
          record: 'person',
        },
      );
    }
    const existing = await tx.elections.findCandidacy(electionId, input.governmentId);
    if (existing) {
      throw conflict(
        existing.status === 'withdrawn' ? 'candidacy-withdrawn' : 'already-nominated',
        existing.status === 'withdrawn'
          ? 'This government withdrew its candidacy from this election.'
          : 'This government already has a candidate in this election.',
        { pointer: '/governmentId', fieldDetail: 'already nominated in this election' },
      );
    }
    const now = nowIso();
    const id = await tx.elections.insertCandidate({
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
    await recordAudit(tx, actor, {
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
    return presentElection(tx, election, actor);
  });
}

export async function attachEndorsement(
  store: Store,
  files: FileStore,
  actor: AuditActor,
  candidateId: number,
  upload: { buffer: Buffer; filename: string },
): Promise<Election> {
  return store.transaction(async (tx) => {
    const candidate = await loadCandidate(tx, candidateId);
    checkActsFor(actor, candidate.government_id, 'uploads an endorsement');
    const election = await loadElectionRow(tx, candidate.election_id);
    checkNominationsOpen(actor, election);
    if (candidate.status === 'withdrawn') {
      throw conflict('candidacy-withdrawn', 'This candidacy has been withdrawn.');
    }
    const { ext } = checkDocument(upload.buffer, upload.filename, '/file');
    const saved = await files.save(upload.buffer, ext);
    // Only the last path segment: the client's folders are none of our business. Control
    // characters go too (PostgreSQL refuses a NUL; the others break Content-Disposition).
    const filename =
      (upload.filename.split(/[\\/]/).pop() ?? '')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f]/g, '')
        .trim()
        .slice(0, 200) || `endorsement.${ext}`;
    await tx.elections.updateCandidate(candidateId, {
      endorsement_key: saved.key,
      endorsement_filename: filename,
    });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'candidate',
      entityId: candidateId,
      summary: `Endorsement of ${candidate.person_full_name} uploaded (${filename})`,
      before: { endorsement: candidate.endorsement_filename },
      after: { endorsement: filename, sha256: saved.sha256 },
    });
    return presentElection(tx, election, actor);
  });
}

export async function readEndorsement(
  store: Store,
  files: FileStore,
  actor: AuditActor,
  candidateId: number,
): Promise<{ data: Buffer; filename: string; mime: string }> {
  const candidate = await loadCandidate(store, candidateId);
  if (!canReadEndorsement(actor, candidate.government_id)) {
    throw forbidden(
      'not-allowed',
      "Only the secretariat and the candidate government's officers read the endorsement.",
    );
  }
  if (!candidate.endorsement_key || !candidate.endorsement_filename) {
    throw notFound('endorsement', 'This candidate has no endorsement yet.');
  }
  const data = await files.read(candidate.endorsement_key).catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw notFound('endorsement', 'The endorsement document is missing from the file store.');
    }
    throw e;
  });
  // The type was decided from the bytes at upload; the stored key keeps its extension.
  const ext = candidate.endorsement_key.split('.').pop() ?? '';
  const { mime } = checkDocument(data, `endorsement.${ext}`, '/file');
  return { data, filename: candidate.endorsement_filename, mime };
}

export async function withdraw(
  store: Store,
  actor: AuditActor,
  candidateId: number,
): Promise<Election> {
  return store.transaction(async (tx) => {
    const candidate = await loadCandidate(tx, candidateId);
    checkActsFor(actor, candidate.government_id, 'withdraws a candidacy');
    const election = await loadElectionRow(tx, candidate.election_id);
    const phase = phaseOf(election);
    if (phase === 'voting' || phase === 'closed' || election.filled_term_id !== null) {
      throw conflict('candidates-fixed', 'Voting has opened; the candidates can no longer change.');
    }
    if (candidate.status === 'withdrawn') {
      throw conflict('candidacy-withdrawn', 'This candidacy is already withdrawn.');
    }
    await tx.elections.updateCandidate(candidateId, { status: 'withdrawn' });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'candidate',
      entityId: candidateId,
      summary: `${candidate.person_full_name} withdrawn from "${electionName(election)}"`,
      before: { status: candidate.status },
      after: { status: 'withdrawn' },
    });
    return presentElection(tx, election, actor);
  });
}
