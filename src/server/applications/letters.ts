/**
 * The letters of membership applications: the confirmation, one at each step that concerns
 * the applicant, and the officers' set-password invitations, in the language the applicant
 * chose (the server catalog `applications-mail`). They are composed here and queued in the
 * caller's transaction, after the application itself is stored, so a letter that cannot go
 * never costs an application.
 *
 * `deliver` is the one place that hands a letter to the mail system: today the outbox, whose
 * writer is the governance repository; when mail delivery has an area of its own, only
 * `deliver` changes.
 */
import type { ApplicationAction } from '../../core/applications';
import type { Locale } from '../../core/locales';
import type { MessageKey } from '../i18n/catalogs';
import { translator } from '../i18n/translator';
import type { Store } from '../store';
import type { ApplicationRow } from './repository';

/** One letter, ready to queue. */
export interface Letter {
  to: { email: string; name: string };
  subject: string;
  body: string;
  kind: 'application-step' | 'officer-invitation';
  related: { type: 'application' | 'officer-invitation'; id: number };
}

/** Hands a letter to the mail system, in the caller's transaction. */
export async function deliver(tx: Store, letter: Letter, now: string): Promise<void> {
  await tx.governance.queueMail({
    to_email: letter.to.email,
    to_name: letter.to.name,
    subject: letter.subject,
    body_text: letter.body,
    kind: letter.kind,
    related_type: letter.related.type,
    related_id: String(letter.related.id),
    attachment_name: null,
    attachment_text: null,
    created_at: now,
  });
}

/** The actions whose step the applicant is written about, with their catalog keys. */
const STEP_TEXTS = {
  'request-information': {
    subject: 'applications-mail:steps.request-information.subject',
    body: 'applications-mail:steps.request-information.body',
  },
  'resume-review': {
    subject: 'applications-mail:steps.resume-review.subject',
    body: 'applications-mail:steps.resume-review.body',
  },
  accept: {
    subject: 'applications-mail:steps.accept.subject',
    body: 'applications-mail:steps.accept.body',
  },
  invoice: {
    subject: 'applications-mail:steps.invoice.subject',
    body: 'applications-mail:steps.invoice.body',
  },
  'mark-paid': {
    subject: 'applications-mail:steps.mark-paid.subject',
    body: 'applications-mail:steps.mark-paid.body',
  },
  'make-member': {
    subject: 'applications-mail:steps.make-member.subject',
    body: 'applications-mail:steps.make-member.body',
  },
  reject: {
    subject: 'applications-mail:steps.reject.subject',
    body: 'applications-mail:steps.reject.body',
  },
  withdraw: {
    subject: 'applications-mail:steps.withdraw.subject',
    body: 'applications-mail:steps.withdraw.body',
  },
} as const satisfies Partial<Record<ApplicationAction, { subject: MessageKey; body: MessageKey }>>;

export type LetterAction = keyof typeof STEP_TEXTS;

export function isLetterAction(action: ApplicationAction): action is LetterAction {
  return Object.hasOwn(STEP_TEXTS, action);
}

/** A day (YYYY-MM-DD or an instant) as the reader's language writes a date. */
export function longDate(day: string, locale: Locale): string {
  const instant = day.length === 10 ? `${day}T00:00:00Z` : day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(instant),
  );
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
}

/** A letter to the applicant's staff liaison: received (`submitted`) or a step taken. */
export function stepLetter(
  app: ApplicationRow,
  step: 'submitted' | LetterAction,
  options: StepLetterOptions,
): Letter {
  const t = translator(app.language);
  const government = governmentNameFor(app);
  const texts =
    step === 'submitted'
      ? {
          subject: t('applications-mail:submitted.subject', { government }),
          body: t('applications-mail:submitted.body', { government }),
        }
      : {
          subject: t(STEP_TEXTS[step].subject, { government }),
          body: t(STEP_TEXTS[step].body, { government }),
        };
  const paragraphs = [t('applications-mail:greeting', { name: app.liaison_name }), texts.body];
  if (options.comment?.trim()) {
    paragraphs.push(`${t('applications-mail:commentFromSecretariat')}\n${options.comment.trim()}`);
  }
  if (step === 'submitted' && options.resolutionDueBy) {
    paragraphs.push(
      t('applications-mail:submitted.resolutionDue', {
        date: longDate(options.resolutionDueBy, app.language),
      }),
    );
  }
  paragraphs.push(`${t('applications-mail:statusLink')}\n${options.statusUrl}`);
  paragraphs.push(t('applications-mail:signature'));
  return {
    to: { email: app.liaison_email, name: app.liaison_name },
    subject: texts.subject,
    body: paragraphs.join('\n\n'),
    kind: 'application-step',
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
  const t = translator(input.language);
  const government = input.government;
  return {
    to: { email: input.email, name: input.displayName },
    subject: t('applications-mail:officerInvitation.subject', { government }),
    body: [
      t('applications-mail:greeting', { name: input.displayName }),
      `${t('applications-mail:officerInvitation.body', { government })}\n${input.url}`,
      t('applications-mail:officerInvitation.expiry', {
        date: longDate(input.expiresAt, input.language),
      }),
      t('applications-mail:officerInvitation.signIn', { url: input.signInUrl }),
      t('applications-mail:signature'),
    ].join('\n\n'),
    kind: 'officer-invitation',
    related: { type: 'officer-invitation', id: input.invitationId },
  };
}
