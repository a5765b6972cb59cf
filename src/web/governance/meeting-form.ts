/**
 * The meeting form's values, the checks the browser makes before sending, and the bodies it
 * sends: start and end are wall-clock times in the chosen zone, which the server turns into
 * UTC instants.
 */
import { isTimeZone, zonedTimeToUtc } from '../../core/governance/time';
import { LOCALES, type Locale } from '../../core/locales';
import { checkAgenda, toAgendaInput, type AgendaProblemCode, type EditorItem } from './agenda-tree';
import { termIdFromSelect } from './term-choice';
import { cleanTexts } from './text';
import type { Meeting, MeetingCreate, MeetingFormat, MeetingPatch } from './types';
import { overBlank } from '../forms/draft';

export interface MeetingFormValues {
  /** A body's slug, or '' for a meeting of no body (a network event). */
  body: string;
  /**
   * The body's term whose seats meet, as the select gives it, or '' to let the server choose
   * from the date. Only a new meeting chooses; an existing one keeps its term.
   */
  termId: string;
  title: Record<Locale, string>;
  format: MeetingFormat;
  /** YYYY-MM-DDTHH:mm in timeZone, as a datetime-local input gives it. */
  start: string;
  end: string;
  timeZone: string;
  venue: string;
  joinUrl: string;
}

function emptyTitles(): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((l) => [l, ''])) as Record<Locale, string>;
}

export function emptyMeetingValues(timeZone: string, body = ''): MeetingFormValues {
  return {
    body,
    termId: '',
    title: emptyTitles(),
    format: 'in-person',
    start: '',
    end: '',
    timeZone,
    venue: '',
    joinUrl: '',
  };
}

/**
 * The zone a new meeting of the body starts in: the body's (its secretariat's), else the
 * reader's own. A meeting of no body takes the reader's.
 */
export function defaultMeetingZone(
  body: string,
  bodies: readonly { slug: string; timeZone: string | null }[],
  viewerZone: string,
): string {
  if (!body) return viewerZone;
  const zone = bodies.find((b) => b.slug === body)?.timeZone;
  return zone && isTimeZone(zone) ? zone : viewerZone;
}

/** The form filled from a meeting; times as they read on the clock in the meeting's zone. */
export function meetingFormValues(meeting: Meeting): MeetingFormValues {
  const title = emptyTitles();
  for (const lang of LOCALES) title[lang] = meeting.title[lang] ?? '';
  return {
    body: meeting.body?.slug ?? '',
    termId: '',
    title,
    format: meeting.format,
    start: meeting.localStart.slice(0, 16),
    end: meeting.localEnd.slice(0, 16),
    timeZone: meeting.timeZone,
    venue: meeting.venue ?? '',
    joinUrl: meeting.joinUrl ?? '',
  };
}

export type MeetingProblemCode =
  | 'englishTitleRequired'
  | 'required'
  | 'badDateTime'
  | 'endBeforeStart'
  | 'badZone'
  | 'badUrl'
  | AgendaProblemCode;

export interface MeetingProblem {
  pointer: string;
  code: MeetingProblemCode;
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

function utcOf(local: string, zone: string): string | null {
  try {
    return zonedTimeToUtc(local, zone);
  } catch {
    return null;
  }
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Problems the browser can see on its own, as pointers into the request body. */
export function checkMeeting(
  values: MeetingFormValues,
  agenda: readonly EditorItem[] | null,
): MeetingProblem[] {
  const problems: MeetingProblem[] = [];
  if (!values.title.en.trim())
    problems.push({ pointer: '/title/en', code: 'englishTitleRequired' });
  const zoneOk = isTimeZone(values.timeZone.trim());
  if (!zoneOk) problems.push({ pointer: '/timeZone', code: 'badZone' });
  const times: Record<'start' | 'end', string | null> = { start: null, end: null };
  for (const field of ['start', 'end'] as const) {
    const text = values[field].trim();
    if (!text) {
      problems.push({ pointer: `/${field}`, code: 'required' });
    } else if (!LOCAL.test(text) || (zoneOk && !utcOf(text, values.timeZone.trim()))) {
      problems.push({ pointer: `/${field}`, code: 'badDateTime' });
    } else {
      times[field] = zoneOk ? utcOf(text, values.timeZone.trim()) : text;
    }
  }
  if (times.start && times.end && times.end <= times.start) {
    problems.push({ pointer: '/end', code: 'endBeforeStart' });
  }
  if (values.joinUrl.trim() && !isWebUrl(values.joinUrl.trim())) {
    problems.push({ pointer: '/joinUrl', code: 'badUrl' });
  }
  if (agenda) problems.push(...checkAgenda(agenda, '/agenda'));
  return problems;
}

function common(values: MeetingFormValues) {
  return {
    title: cleanTexts(values.title),
    format: values.format,
    start: values.start.trim(),
    end: values.end.trim(),
    timeZone: values.timeZone.trim(),
    venue: values.venue.trim() || null,
    joinUrl: values.joinUrl.trim() || null,
  };
}

export function meetingCreateBody(
  values: MeetingFormValues,
  agenda: readonly EditorItem[],
): MeetingCreate {
  const termId = values.body ? termIdFromSelect(values.termId) : null;
  return {
    body: values.body || null,
    // Left out unless chosen: the server's default (the term of the meeting's day) is the rule.
    ...(termId !== null ? { termId } : {}),
    ...common(values),
    agenda: toAgendaInput(agenda),
  };
}

/** An existing meeting keeps its body; the agenda goes separately (PUT …/agenda). */
export function meetingPatchBody(values: MeetingFormValues): MeetingPatch {
  return common(values);
}

// ---------------------------------------------------------------- the draft

/** Where this tab keeps the draft of a new meeting, or of the edit of one. */
export const meetingDraftKey = (meetingId: number | null): string =>
  `accord.meeting.draft.${meetingId ?? 'new'}`;

export interface MeetingDraft {
  /** The meeting's version the edit started from; null for a new meeting. */
  version: number | null;
  values: MeetingFormValues;
  agenda: EditorItem[];
}

/**
 * A stored draft this form can use: one for the same version of the meeting (a draft of an
 * older version would undo someone else's save), on the fields the form has now.
 */
export function acceptMeetingDraft(
  parsed: unknown,
  blank: MeetingFormValues,
  version: number | null,
): MeetingDraft | null {
  if (!parsed || typeof parsed !== 'object') return null;
  const draft = parsed as Partial<MeetingDraft>;
  if ((draft.version ?? null) !== version || !Array.isArray(draft.agenda)) return null;
  const values = overBlank(blank, draft.values);
  if (!values) return null;
  const title = overBlank(blank.title, draft.values?.title);
  return { version, values: { ...values, title: title ?? blank.title }, agenda: draft.agenda };
}

/** The highest "item-N" key in a restored agenda, so new keys do not repeat one. */
export function highestKey(agenda: readonly EditorItem[]): number {
  let highest = 0;
  JSON.stringify(agenda, (name, value: unknown) => {
    if (name === 'key' && typeof value === 'string') {
      const match = /^item-(\d+)$/.exec(value);
      if (match) highest = Math.max(highest, Number(match[1]));
    }
    return value;
  });
  return highest;
}
