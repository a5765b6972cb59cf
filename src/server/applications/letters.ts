/**
 * The letters of membership applications: the confirmation, one at each step that concerns
 * the applicant, and the officers' set-password invitations, in the language the applicant
 * chose. Their words are the server catalog's `applications-mail`, laid out by the mail area's
 * templates (`application-step`, `officer-invitation`), and they are queued in the caller's
 * transaction, after the application itself is stored, so a letter that cannot go never costs
 * an application.
 */
import type { ApplicationAction } from '../../core/applications';
import { isLocale, type Locale } from '../../core/locales';
import { regionFor } from '../climate/imports/regions';
import type { AccordConfig } from '../config';
import type { InvoiceRow } from '../membership/repository';
import {
  queueLetter,
  recipientLocales,
  type LetterRecipient,
  type LetterRequest,
} from '../mail/service';
import {
  isApplicationLetterStep,
  type ApplicationLetterStep,
  type ApplicationSecretariatEvent,
} from '../mail/templates';
import type { Store } from '../store';
import type { ApplicationRow } from './repository';

export type Letter =
  | LetterRequest<'application-step'>
  | LetterRequest<'officer-invitation'>
  | LetterRequest<'application-secretariat'>;

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

/**
 * Who is written to when an application arrives or its applicant answers: the address set in
 * ACCORD_SECRETARIAT_EMAIL when there is one (its account's language, else English); else the
 * administrators who are the staff of the application's region (an office of the region holds
 * their position, found by their e-mail), else every administrator, each in the language their
 * account chose (English when none).
 */
export async function secretariatRecipients(
  tx: Store,
  config: Pick<AccordConfig, 'secretariatEmail'>,
  app: ApplicationRow,
  day: string,
): Promise<LetterRecipient[]> {
  if (config.secretariatEmail) {
    const localeOf = await recipientLocales(tx, [config.secretariatEmail]);
    return [
      { email: config.secretariatEmail, name: null, locale: localeOf(config.secretariatEmail) },
    ];
  }
  const regional = await tx.users.regionStaffAdmins(regionFor(app.country, null), day);
  const admins = regional.length > 0 ? regional : await tx.users.activeAdmins();
  return admins.map((a) => ({
    email: a.email,
    name: a.display_name,
    locale: a.locale !== null && isLocale(a.locale) ? a.locale : 'en',
  }));
}

/** The government's name for a reader of the secretariat: official where they read its language. */
function governmentNameForReader(app: ApplicationRow, locale: Locale): string {
  if (locale === app.official_name_lang || app.official_name === app.english_name) {
    return app.official_name;
  }
  return `${app.english_name} (${app.official_name})`;
}

/** One letter to each recipient: the application arrived, its applicant answered, or withdrew it. */
export function secretariatLetters(
  app: ApplicationRow,
  event: ApplicationSecretariatEvent,
  recipients: readonly LetterRecipient[],
  options: { publicUrl: string; answer?: string | null },
): Letter[] {
  return recipients.map((to) => ({
    to,
    template: 'application-secretariat',
    params: {
      event,
      government: governmentNameForReader(app, to.locale),
      country: app.country,
      category: app.category,
      answer: event === 'submitted' ? null : (options.answer ?? null),
      url: `${options.publicUrl}/admin/applications/${app.id}`,
    },
    related: { type: 'application', id: app.id },
  }));
}

/** Writes to the secretariat about the application, in the caller's transaction. */
export async function tellSecretariat(
  tx: Store,
  config: Pick<AccordConfig, 'publicUrl' | 'secretariatEmail'>,
  app: ApplicationRow,
  event: ApplicationSecretariatEvent,
  now: string,
  answer?: string | null,
): Promise<number> {
  const recipients = await secretariatRecipients(tx, config, app, now.slice(0, 10));
  const letters = secretariatLetters(app, event, recipients, {
    publicUrl: config.publicUrl,
    answer,
  });
  for (const letter of letters) await deliver(tx, letter);
  return letters.length;
}
