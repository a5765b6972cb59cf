/**
 * The letters of membership applications: the confirmation, one at each step that concerns
 * the applicant, and the officers' set-password invitations, in the language the applicant
 * chose. Their words are the server catalog's `applications-mail`, laid out by the mail area's
 * templates (`application-step`, `officer-invitation`), and they are queued in the caller's
 * transaction, after the application itself is stored, so a letter that cannot go never costs
 * an application.
 */
import type { ApplicationAction } from '../../core/applications';
import type { Locale } from '../../core/locales';
import { queueLetter, type LetterRequest } from '../mail/service';
import { isApplicationLetterStep, type ApplicationLetterStep } from '../mail/templates';
import type { InvoiceRow } from '../membership/repository';
import type { Store } from '../store';
import type { ApplicationRow } from './repository';

export type Letter = LetterRequest<'application-step'> | LetterRequest<'officer-invitation'>;

/** Hands a letter to the mail system, in the caller's transaction. */
export async function deliver(tx: Store, letter: Letter): Promise<void> {
  await queueLetter(tx, letter);
}

export type LetterAction = Exclude<ApplicationLetterStep, 'submitted'>;

/** Whether the applicant is written to when the application takes this action. */
export function isLetterAction(action: ApplicationAction): action is LetterAction {
  return isApplicationLetterStep(action);
}

/** The government's name as the applicant's language calls it. */
export function governmentNameFor(app: ApplicationRow): string {
  return app.language === app.official_name_lang ? app.official_name : app.english_name;
}

export interface StepLetterOptions {
  /** The applicant's private status link. */
  statusUrl: string;
  /** What the secretariat wrote with the step, when the applicant may read it. */
  comment?: string | null;
  /** For the confirmation: the last day the council resolution may follow, if still due. */
  resolutionDueBy?: string | null;
  /** For the invoice step: the invoice issued, told in the letter. */
  invoice?: Pick<InvoiceRow, 'number' | 'amount' | 'currency' | 'due_on'> | null;
}

/** A letter to the applicant's staff liaison: received (`submitted`) or a step taken. */
export function stepLetter(
  app: ApplicationRow,
  step: 'submitted' | LetterAction,
  options: StepLetterOptions,
): Letter {
  return {
    to: { email: app.liaison_email, name: app.liaison_name, locale: app.language },
    template: 'application-step',
    params: {
      step,
      government: governmentNameFor(app),
      comment: options.comment ?? null,
      resolutionDueBy: options.resolutionDueBy ?? null,
      statusUrl: options.statusUrl,
      invoice: options.invoice
        ? {
            number: options.invoice.number,
            amount: options.invoice.amount,
            currency: options.invoice.currency,
            dueOn: options.invoice.due_on,
          }
        : null,
    },
    related: { type: 'application', id: app.id },
  };
}

export interface OfficerInvitationLetter {
  invitationId: number;
  email: string;
  displayName: string;
  language: Locale;
  government: string;
  /** The set-password link. */
  url: string;
  expiresAt: string;
  signInUrl: string;
}

/** A new member's officer is asked to choose a password. */
export function officerInvitationLetter(input: OfficerInvitationLetter): Letter {
  return {
    to: { email: input.email, name: input.displayName, locale: input.language },
    template: 'officer-invitation',
    params: {
      government: input.government,
      url: input.url,
      expiresAt: input.expiresAt,
      signInUrl: input.signInUrl,
    },
    related: { type: 'officer-invitation', id: input.invitationId },
  };
}
