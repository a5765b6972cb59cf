/**
 * Every letter Accord writes, as a template: a subject and a body of blocks (paragraphs,
 * links, numbered lists) whose words come from the `mail` catalog in the recipient's language
 * (src/server/i18n/locales/<lang>/mail.json). render.ts turns the blocks into plain text and
 * into HTML. A new letter is a new entry in TEMPLATES, its words in all five catalogs, and an
 * example in render.test.ts (which every template must have).
 */
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

/** Every template by the name stored with its letters (the outbox's `kind`). */
export const TEMPLATES = {
  'meeting-invitation': meetingInvitation,
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export type TemplateParams<N extends TemplateName> = Parameters<(typeof TEMPLATES)[N]>[1];
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];
