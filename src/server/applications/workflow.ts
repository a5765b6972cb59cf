/**
 * Moving an application from step to step, the one way every move is made (the applicant's
 * through the status link, the secretariat's from its pages): the rule of
 * src/core/applications.ts, the step row with who, when and a comment, the audit entry, and
 * the letter to the applicant at the steps that concern them, all in the caller's transaction.
 */
import { commentShownToApplicant } from '../../core/application-intake';
import {
  moveApplication,
  type ApplicationAction,
  type ApplicationParty,
  type ApplicationStep,
} from '../../core/applications';
import { ACCORD_ACTOR_LABELS } from '../../core/attribution';
import { recordAudit, type AuditActor, type SystemActor } from '../audit/service';
import { randomSecret, sha256 } from '../auth/secrets';
import type { AccordConfig } from '../config';
import { conflict, invalidField, notFound, problem as httpProblem } from '../http/problem';
import type { Store } from '../store';
import type { InvoiceRow } from '../membership/repository';
import { cancelApplicationInvoice } from './invoices';
import { deliver, isLetterAction, stepLetter } from './letters';
import type { ApplicationRow } from './repository';

/** Who moves an application: a signed-in member of the secretariat, or the link's holder. */
export type Mover =
  { party: 'secretariat'; actor: AuditActor } | { party: 'applicant'; actor: SystemActor };

export const APPLICANT: SystemActor = { userId: null, label: ACCORD_ACTOR_LABELS.applicant };

/** A new private status link: its secret goes into a letter or an answer, its hash is kept. */
export async function mintStatusLink(
  tx: Store,
  config: Pick<AccordConfig, 'publicUrl'>,
  applicationId: number,
  now: string,
): Promise<{ token: string; url: string }> {
  const token = randomSecret();
  await tx.applications.insertStatusLink({
    application_id: applicationId,
    token_hash: sha256(token),
    created_at: now,
  });
  return { token, url: `${config.publicUrl}/apply/status/${token}` };
}

const comment422 = (detail: string) => invalidField('/comment', 'comment-required', detail);

/** The move's refusal as a problem naming the field. */
function refusal(
  problem: 'final' | 'not-from-step' | 'not-yours' | 'comment-required',
  step: ApplicationStep,
  action: ApplicationAction,
) {
  switch (problem) {
    case 'final':
      return conflict('application-closed', `The application is closed (${step}).`, {
        params: { step },
        pointer: '/action',
        fieldDetail: `the application is closed (${step})`,
      });
    case 'not-from-step':
      return conflict(
        'action-not-from-step',
        `"${action}" cannot be taken at the step "${step}".`,
        {
          params: { step },
          pointer: '/action',
          fieldDetail: `cannot be taken at the step "${step}"`,
        },
      );
    case 'not-yours':
      return httpProblem(422, 'action-not-yours', `action: ${action} is not yours`, {
        pointer: '/action',
        fieldDetail: 'is the other party’s to take',
      });
    case 'comment-required':
      return comment422('is required: say what is asked, or why');
  }
}

export interface MoveResult {
  row: ApplicationRow;
  to: ApplicationStep;
}

/**
 * Takes `action` on the application (locking its row first, so concurrent moves queue and the
 * second one meets the step the first left), or refuses naming why. `extra` runs inside the
 * move, after the rule allowed it and before the step is written (the invoice, its payment,
 * making a member). Rejected or withdrawn, the application's open invoice is cancelled with
 * that reason.
 */
export async function moveStep(
  tx: Store,
  config: Pick<AccordConfig, 'publicUrl'>,
  id: number,
  action: ApplicationAction,
  mover: Mover,
  rawComment: string | null | undefined,
  now: string,
  extra?: (row: ApplicationRow) => Promise<{ governmentId?: number; invoice?: InvoiceRow }>,
): Promise<MoveResult> {
  const row = await tx.applications.claimApplication(id);
  if (!row) throw notFound('application', `no application ${id}`);
  const comment = rawComment?.trim() ? rawComment.trim() : null;
  const move = moveApplication(row.step, action, mover.party, comment);
  if (!move.ok) throw refusal(move.problem, row.step, action);
  if (action === 'reject' || action === 'withdraw') {
    const cause = action === 'reject' ? 'application-rejected' : 'application-withdrawn';
    await cancelApplicationInvoice(tx, mover.actor, id, cause, comment ?? null);
  }
  const added = extra ? await extra(row) : {};
  await tx.applications.setApplicationStep(id, {
    step: move.to,
    updated_at: now,
    ...(added.governmentId !== undefined ? { government_id: added.governmentId } : {}),
  });
  await tx.applications.insertStep({
    application_id: id,
    action,
    from_step: row.step,
    to_step: move.to,
    comment,
    party: mover.party,
    actor_user_id: mover.actor.userId,
    actor_label: mover.actor.label,
    at: now,
  });
  await recordAudit(tx, mover.actor, {
    action: 'update',
    entityType: 'application',
    entityId: id,
    summary: `Application of ${row.english_name}: ${row.step} → ${move.to} (${action})`,
    before: { step: row.step },
    after: { step: move.to, ...(comment ? { comment } : {}) },
  });
  const after = (await tx.applications.findApplication(id)) as ApplicationRow;
  if (move.transition.tellsApplicant && isLetterAction(action)) {
    const link = await mintStatusLink(tx, config, id, now);
    const shown = commentShownToApplicant(action, mover.party) ? comment : null;
    await deliver(
      tx,
      stepLetter(after, action, {
        statusUrl: link.url,
        comment: shown,
        invoice: added.invoice ?? null,
      }),
    );
  }
  return { row: after, to: move.to };
}

export type { ApplicationParty };
