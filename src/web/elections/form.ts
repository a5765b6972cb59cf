/**
 * The election editor's values (what the inputs hold: text, and window times as wall times
 * in the viewer's zone) and the request they make. Checks the form can make itself are made
 * here, each naming the field by the pointer the server would use.
 */
import { checkElectionWindows } from '../../core/governance/election';
import { LOCALES, type Locale } from '../../core/locales';
import {
  instantToLocalInput,
  localInputToInstant,
  WINDOW_FIELDS,
  type WindowField,
  type Windows,
} from './windows';
import type { Election, ElectionCreate, ElectionPatch } from './types';

export interface ElectionValues {
  body: string;
  title: Record<Locale, string>;
  seats: string;
  termLabel: string;
  termStartsOn: string;
  termEndsOn: string;
  /** datetime-local values in the viewer's zone. */
  windows: Record<WindowField, string>;
}

export const ELECTION_PROBLEM_CODES = [
  'required',
  'titleRequired',
  'seats',
  'date',
  'termOrder',
  'instant',
  'nominationsOrder',
  'votingOrder',
  'votingAfterNominations',
] as const;
export type ElectionProblemCode = (typeof ELECTION_PROBLEM_CODES)[number];

export interface ElectionProblem {
  pointer: string;
  code: ElectionProblemCode;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function emptyElectionValues(): ElectionValues {
  return {
    body: '',
    title: Object.fromEntries(LOCALES.map((l) => [l, ''])) as Record<Locale, string>,
    seats: '1',
    termLabel: '',
    termStartsOn: '',
    termEndsOn: '',
    windows: { nominationsOpen: '', nominationsClose: '', votingOpen: '', votingClose: '' },
  };
}

export function electionValues(election: Election, timeZone: string): ElectionValues {
  const empty = emptyElectionValues();
  return {
    body: election.body.slug,
    title: Object.fromEntries(LOCALES.map((l) => [l, election.title[l] ?? ''])) as Record<
      Locale,
      string
    >,
    seats: String(election.seats),
    termLabel: election.termLabel,
    termStartsOn: election.termStartsOn,
    termEndsOn: election.termEndsOn,
    windows: Object.fromEntries(
      WINDOW_FIELDS.map((f) => [f, instantToLocalInput(election[f], timeZone) || empty.windows[f]]),
    ) as Record<WindowField, string>,
  };
}

const ORDER_CODES: Record<WindowField, ElectionProblemCode> = {
  nominationsOpen: 'instant',
  nominationsClose: 'nominationsOrder',
  votingOpen: 'votingAfterNominations',
  votingClose: 'votingOrder',
};

/** The create request for the values, with what is wrong with them. */
export function electionBody(
  values: ElectionValues,
  timeZone: string,
): { body: ElectionCreate; problems: ElectionProblem[] } {
  const problems: ElectionProblem[] = [];
  if (values.body === '') problems.push({ pointer: '/body', code: 'required' });

  const title: Record<string, string> = {};
  for (const lang of LOCALES) {
    const text = values.title[lang].trim();
    if (text !== '') title[lang] = text;
  }
  if (Object.keys(title).length === 0)
    problems.push({ pointer: '/title/en', code: 'titleRequired' });

  const seatsText = values.seats.trim();
  const seats = Number(seatsText);
  if (!/^\d+$/.test(seatsText) || seats < 1 || seats > 50) {
    problems.push({ pointer: '/seats', code: 'seats' });
  }

  const termLabel = values.termLabel.trim();
  if (termLabel === '') problems.push({ pointer: '/termLabel', code: 'required' });
  for (const field of ['termStartsOn', 'termEndsOn'] as const) {
    if (values[field] === '') problems.push({ pointer: `/${field}`, code: 'required' });
    else if (!isDate(values[field])) problems.push({ pointer: `/${field}`, code: 'date' });
  }
  if (isDate(values.termStartsOn) && isDate(values.termEndsOn)) {
    if (values.termEndsOn <= values.termStartsOn) {
      problems.push({ pointer: '/termEndsOn', code: 'termOrder' });
    }
  }

  const windows = {} as Windows;
  let windowsComplete = true;
  for (const field of WINDOW_FIELDS) {
    const local = values.windows[field];
    const instant = local.trim() === '' ? null : localInputToInstant(local, timeZone);
    if (instant === null) {
      windowsComplete = false;
      problems.push({ pointer: `/${field}`, code: local.trim() === '' ? 'required' : 'instant' });
      windows[field] = '';
    } else {
      windows[field] = instant;
    }
  }
  if (windowsComplete) {
    for (const problem of checkElectionWindows(windows)) {
      problems.push({ pointer: `/${problem.field}`, code: ORDER_CODES[problem.field] });
    }
  }

  return {
    body: {
      body: values.body,
      title,
      seats: Number.isFinite(seats) ? seats : 0,
      termLabel,
      termStartsOn: values.termStartsOn,
      termEndsOn: values.termEndsOn,
      ...windows,
    },
    problems,
  };
}

/**
 * The update request: only what differs from the saved election, because once voting has
 * opened the server accepts a change to votingClose alone.
 */
export function electionPatch(create: ElectionCreate, saved: Election): ElectionPatch {
  const patch: ElectionPatch = {};
  if (JSON.stringify(sortKeys(create.title)) !== JSON.stringify(sortKeys(saved.title))) {
    patch.title = create.title;
  }
  if (create.seats !== saved.seats) patch.seats = create.seats;
  if (create.termLabel !== saved.termLabel) patch.termLabel = create.termLabel;
  if (create.termStartsOn !== saved.termStartsOn) patch.termStartsOn = create.termStartsOn;
  if (create.termEndsOn !== saved.termEndsOn) patch.termEndsOn = create.termEndsOn;
  for (const field of WINDOW_FIELDS) {
    if (Date.parse(create[field]) !== Date.parse(saved[field])) patch[field] = create[field];
  }
  return patch;
}

function sortKeys(record: Partial<Record<string, string>>): [string, string | undefined][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}
