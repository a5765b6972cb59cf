/**
 * Every letter Accord writes, as a template: a subject and a body of blocks (paragraphs,
 * links, numbered lists) whose words come from the `mail` catalog in the recipient's language
 * (src/server/i18n/locales/<lang>/mail.json). render.ts turns the blocks into plain text and
 * into HTML. A new letter is a new entry in TEMPLATES, its words in all five catalogs, and an
 * example in render.test.ts (which every template must have).
 */
import type { SoughtCategory } from '../../core/application-form';
import type { ApplicationAction } from '../../core/applications';
import { headerText } from '../../core/mail-header';
import type { Translate } from '../i18n/translator';

/** A part of a letter's body. Texts are plain: the HTML renderer escapes them. */
export type Block =
  | { kind: 'paragraph'; text: string }
  /** A link; shown as text (label and address) when the address is not http(s). */
  | { kind: 'link'; label: string; url: string }
  | { kind: 'list'; title: string; items: readonly string[] };

export interface LetterContent {
  subject: string;
  blocks: Block[];
}

/** An invitation to a meeting; the meeting itself travels as the letter's calendar file. */
export interface MeetingInvitationParams {
  /** The meeting's title in the recipient's language. */
  title: string;
  /** The meeting's start in its own time zone: YYYY-MM-DD, HH:MM and the zone's name. */
  date: string;
  time: string;
  timeZone: string;
  /** The address to join an online meeting, when it has one. */
  joinUrl: string | null;
  /** The agenda's titles in the recipient's language, in order. */
  agenda: readonly string[];
  /** The meeting's page, where the invitee replies or names a proxy. */
  replyUrl: string;
}

function meetingInvitation(t: Translate, p: MeetingInvitationParams): LetterContent {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t('mail:meetingInvitation.intro', {
        title: p.title,
        date: p.date,
        time: p.time,
        timeZone: p.timeZone,
      }),
    },
  ];
  if (p.joinUrl) {
    blocks.push({ kind: 'link', label: t('mail:meetingInvitation.join'), url: p.joinUrl });
  }
  if (p.agenda.length > 0) {
    blocks.push({ kind: 'list', title: t('mail:meetingInvitation.agenda'), items: p.agenda });
  }
  blocks.push(
    { kind: 'link', label: t('mail:meetingInvitation.reply'), url: p.replyUrl },
    { kind: 'paragraph', text: t('mail:meetingInvitation.calendar') },
    { kind: 'paragraph', text: t('mail:meetingInvitation.reason') },
  );
  return { subject: t('mail:meetingInvitation.subject', { title: p.title }), blocks };
}

/** A day (YYYY-MM-DD or an instant) as the reader's language writes a date. */
function longDate(day: string, locale: string): string {
  const instant = day.length === 10 ? `${day}T00:00:00Z` : day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(instant),
  );
}

/** The steps of a membership application that the applicant is written about. */
const APPLICATION_STEP_TEXTS = {
  submitted: {
    subject: 'applications-mail:submitted.subject',
    body: 'applications-mail:submitted.body',
  },
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
} as const satisfies Partial<Record<ApplicationAction | 'submitted', unknown>>;

export type ApplicationLetterStep = keyof typeof APPLICATION_STEP_TEXTS;

export function isApplicationLetterStep(step: string): step is ApplicationLetterStep {
  return Object.hasOwn(APPLICATION_STEP_TEXTS, step);
}

/** A letter to an applicant: the application received, or a step taken that concerns them. */
export interface ApplicationStepParams {
  step: ApplicationLetterStep;
  /** The government's name as the applicant's language calls it. */
  government: string;
  /** What the secretariat wrote with the step, when the applicant may read it. */
  comment: string | null;
  /** For the confirmation: the last day the council resolution may follow (YYYY-MM-DD). */
  resolutionDueBy: string | null;
  /** The applicant's private status link. */
  statusUrl: string;
  /** For the invoice step: the invoice issued (its amount in whole units of its currency). */
  invoice?: { number: string; amount: number; currency: string; dueOn: string } | null;
}

function applicationStep(t: Translate, p: ApplicationStepParams): LetterContent {
  const texts = APPLICATION_STEP_TEXTS[p.step];
  const government = p.government;
  const blocks: Block[] = [{ kind: 'paragraph', text: t(texts.body, { government }) }];
  const comment = p.comment?.trim();
  if (comment) {
    blocks.push({
      kind: 'paragraph',
      text: `${t('applications-mail:commentFromSecretariat')}\n${comment}`,
    });
  }
  if (p.invoice) {
    blocks.push({
      kind: 'paragraph',
      text: t('applications-mail:invoiceDetails', {
        number: p.invoice.number,
        amount: new Intl.NumberFormat(t.locale, {
          style: 'currency',
          currency: p.invoice.currency,
        }).format(p.invoice.amount),
        dueOn: longDate(p.invoice.dueOn, t.locale),
      }),
    });
  }
  if (p.step === 'submitted' && p.resolutionDueBy) {
    blocks.push({
      kind: 'paragraph',
      text: t('applications-mail:submitted.resolutionDue', {
        date: longDate(p.resolutionDueBy, t.locale),
      }),
    });
  }
  blocks.push(
    { kind: 'paragraph', text: t('applications-mail:statusLink') },
    { kind: 'link', label: t('applications-mail:statusLinkLabel'), url: p.statusUrl },
    { kind: 'paragraph', text: t('applications-mail:signature') },
  );
  return { subject: t(texts.subject, { government }), blocks };
}

/** What a letter to the secretariat about an application tells of. */
export type ApplicationSecretariatEvent = 'submitted' | 'answered' | 'withdrawn';

/**
 * A letter to the secretariat: an application arrived, its applicant answered a request for
 * more information, or withdrew it. Names and the answer are the applicant's words: the subject carries only
 * the government's name, made one line, and the answer goes in the body alone.
 */
export interface ApplicationSecretariatParams {
  event: ApplicationSecretariatEvent;
  /** The government's name as the reader's language calls it (its official name, or English). */
  government: string;
  /** ISO 3166-1 alpha-2, written as the reader's language names the country. */
  country: string;
  category: SoughtCategory;
  /** For `answered`: what the applicant wrote; for `withdrawn`: the reason they gave, if any. */
  answer: string | null;
  /** The application's page in the administration. */
  url: string;
}

/** A country's name in the reader's language, or its code when the language has none. */
function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function applicationSecretariat(t: Translate, p: ApplicationSecretariatParams): LetterContent {
  const government = headerText(p.government);
  const words = {
    government,
    country: countryName(p.country, t.locale),
    category: t(`applications-mail:secretariat.categories.${p.category}`),
  };
  const blocks: Block[] = [
    { kind: 'paragraph', text: t(`applications-mail:secretariat.${p.event}.body`, words) },
  ];
  const answer = p.answer?.trim();
  if (p.event !== 'submitted' && answer) {
    const label = p.event === 'answered' ? 'answerLabel' : 'reasonLabel';
    blocks.push({
      kind: 'paragraph',
      text: `${t(`applications-mail:secretariat.${label}`)}\n${answer}`,
    });
  }
  blocks.push(
    { kind: 'link', label: t('applications-mail:secretariat.linkLabel'), url: p.url },
    { kind: 'paragraph', text: t('applications-mail:secretariat.reason') },
  );
  return { subject: t(`applications-mail:secretariat.${p.event}.subject`, words), blocks };
}

/** A new member's officer is asked to choose a password. */
export interface OfficerInvitationParams {
  government: string;
  /** The set-password link, and the moment it stops working. */
  url: string;
  expiresAt: string;
  signInUrl: string;
}

function officerInvitation(t: Translate, p: OfficerInvitationParams): LetterContent {
  const government = p.government;
  return {
    subject: t('applications-mail:officerInvitation.subject', { government }),
    blocks: [
      { kind: 'paragraph', text: t('applications-mail:officerInvitation.body', { government }) },
      { kind: 'link', label: t('applications-mail:officerInvitation.linkLabel'), url: p.url },
      {
        kind: 'paragraph',
        text: t('applications-mail:officerInvitation.expiry', {
          date: longDate(p.expiresAt, t.locale),
        }),
      },
      {
        kind: 'paragraph',
        text: t('applications-mail:officerInvitation.signIn', { url: p.signInUrl }),
      },
      { kind: 'paragraph', text: t('applications-mail:signature') },
    ],
  };
}

/**
 * A letter about a membership invoice: a renewal issued a month before a year ends, or a
 * reminder of one overdue. Amounts and days come written in the recipient's language.
 */
export interface MembershipInvoiceParams {
  government: string;
  number: string;
  amount: string;
  periodStart: string;
  periodEnd: string;
  /** For a renewal: the last day of the year the invoice pays for. */
  nextEnd: string;
  dueOn: string;
  /** Where to write about the invoice. */
  secretariat: string;
}

/** A catalog text of several paragraphs (parted by a blank line) as paragraph blocks. */
const paragraphs = (text: string): Block[] =>
  text.split(/\n{2,}/).map((part) => ({ kind: 'paragraph', text: part }));

function membershipRenewal(t: Translate, p: MembershipInvoiceParams): LetterContent {
  return {
    subject: t('membership-mail:renewal.subject', { ...p }),
    blocks: paragraphs(t('membership-mail:renewal.body', { ...p })),
  };
}

function membershipReminder(t: Translate, p: MembershipInvoiceParams): LetterContent {
  return {
    subject: t('membership-mail:reminder.subject', { ...p }),
    blocks: paragraphs(t('membership-mail:reminder.body', { ...p })),
  };
}

/** Every template by the name stored with its letters (the outbox's `kind`). */
export const TEMPLATES = {
  'meeting-invitation': meetingInvitation,
  'application-step': applicationStep,
  'officer-invitation': officerInvitation,
  'application-secretariat': applicationSecretariat,
  'membership-renewal': membershipRenewal,
  'membership-reminder': membershipReminder,
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export type TemplateParams<N extends TemplateName> = Parameters<(typeof TEMPLATES)[N]>[1];
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];
