/**
 * The vocabulary of an import's outcomes: why each row was created, updated, kept or skipped,
 * what it is about, and why a run could not read its file. Each is a stable code with
 * parameters; the words are in the catalogs (the web's `importReasons` namespace, the server's
 * `imports` namespace for the CSV report and the API's English `reason`), never built here.
 *
 * Parameters hold data, never words: field keys (the catalogs name each field), numbers, the
 * file's own text as written (`value`), government names, descriptions of records (`TargetRef`),
 * and nested codes (`problem`, `why`). A code's parameters are listed beside it.
 */
import type { TargetType } from './types';

/** A target described without its id: by its title, type and target year. */
export interface TargetRef {
  title: string;
  type: TargetType;
  year: number | null;
}

/** A record a row's reason names: a target, or an emission report by its year. */
export type RecordRef = ({ kind: 'target' } & TargetRef) | { kind: 'report'; year: number };

/** Where a target came from, by its import key (a target another source gave the government). */
export const TARGET_ORIGINS = ['cdp', 'tracker', 'accord-export', 'import', 'entered'] as const;
export type TargetOrigin = (typeof TARGET_ORIGINS)[number];

/**
 * A target's own fields, by the names the web's target form gives them (`fields.*` of the
 * climate catalog): what another source's target took from a row.
 */
export const TARGET_RECORD_FIELDS = [
  'type',
  'netZeroLabel',
  'title',
  'description',
  'baseYear',
  'baseEmissions',
  'targetYear',
  'reductionPercent',
  'targetEmissions',
  'bauEmissions',
  'baseIntensity',
  'intensityUnit',
  'gases',
  'scopes',
  'sectors',
  'boundary',
  'status',
  'dateSet',
  'sourceUrl',
  'sourceDocument',
  'initiatives',
  'offsetsAllowed',
  'selfReported',
  'parentTargetId',
] as const;
export type TargetRecordField = (typeof TARGET_RECORD_FIELDS)[number];

// Why a value was not read

/** Why a date could not be read; `month` and `word` are what the cell says. */
export type DateProblem =
  | { problem: 'no-such-month'; month: number }
  | { problem: 'not-a-calendar-day' }
  | { problem: 'year-out-of-range'; min: number; max: number }
  | { problem: 'impossible-time' }
  | { problem: 'two-digit-year' }
  /** Numbers that fit the other order of day and month (the layout's order is day first). */
  | { problem: 'not-day-first' }
  | { problem: 'not-month-first' }
  | { problem: 'not-a-month'; word: string }
  | { problem: 'not-a-date' };

/** Why a period ("2018-04-01 - 2019-03-31") could not be read; `part` says which end. */
export type PeriodProblem =
  | { problem: 'not-one-period' }
  | { problem: 'period-without-start' }
  | { problem: 'period-ends-before-start' }
  | (DateProblem & { part: 'start' | 'end' });

/** Why an amount of emissions with its unit ("12.5 MtCO2e") could not be read. */
export type AmountProblem =
  | { problem: 'not-an-amount' }
  | { problem: 'negative-amount' }
  /** "MT": megatonnes or metric tonnes? */
  | { problem: 'ambiguous-unit'; unit: string }
  | { problem: 'more-than-the-world'; amount: string; unit: string };

/** Why a number of a row was not read. */
export type NumberProblem =
  | { problem: 'not-a-number' }
  | { problem: 'not-a-year'; min: number; max: number }
  | { problem: 'negative-or-too-large' }
  | { problem: 'beyond-1000-percent' };

export type ValueProblem = DateProblem | AmountProblem | NumberProblem;

export const VALUE_PROBLEM_CODES = [
  'no-such-month',
  'not-a-calendar-day',
  'year-out-of-range',
  'impossible-time',
  'two-digit-year',
  'not-day-first',
  'not-month-first',
  'not-a-month',
  'not-a-date',
  'not-one-period',
  'period-without-start',
  'period-ends-before-start',
  'not-an-amount',
  'negative-amount',
  'ambiguous-unit',
  'more-than-the-world',
  'not-a-number',
  'not-a-year',
  'negative-or-too-large',
  'beyond-1000-percent',
] as const satisfies readonly (ValueProblem | PeriodProblem)['problem'][];
export type ValueProblemCode = (typeof VALUE_PROBLEM_CODES)[number];

/** Which end of a period a date problem is about (`part` of a PeriodProblem). */
export const PERIOD_PARTS = ['start', 'end'] as const;

/** Why a figure the Net Zero Tracker gives was not kept: the target's type cannot hold it. */
export const NOT_KEPT_BECAUSE = [
  'intensity-not-amount',
  'other-states-no-reduction',
  'other-states-no-level',
  'other-states-no-bau',
  'net-zero-level-is-zero',
  'intensity-level-as-percent',
  'intensity-no-bau',
  'absolute-level-is-target',
  'below-base-no-bau',
] as const;
export type NotKeptBecause = (typeof NOT_KEPT_BECAUSE)[number];

// Why a row did what it did

/** A reason without parameters. */
type Plain<C extends string> = { code: C; params?: undefined };
type With<C extends string, P> = { code: C; params: P };

export type ImportReason =
  // The row names no one, or no one Accord keeps.
  | Plain<'no-government-named'>
  | Plain<'no-id-code'>
  /** `value`: the tracker's actor type as written ("Country", "Company"). */
  | With<'not-local-government', { value: string }>
  // The row states nothing to import.
  | Plain<'no-target'>
  | Plain<'target-type-missing'>
  | With<'target-type-unknown', { value: string }>
  | Plain<'accounting-year-unknown'>
  | With<'accounting-year-not-read', { value: string } & PeriodProblem>
  | Plain<'no-emission-figures'>
  | Plain<'nothing-to-import'>
  /** A mapper failed on the row (a fault of Accord's); `detail` is the error, in English. */
  | With<'row-not-read', { detail: string }>
  /** A line of a long table without the cells that say whose report it is (field keys). */
  | With<'line-without-report', { fields: string[] }>
  // What was not read or kept of a row that was imported.
  /** `field`: the import field's key; `value`: the cell as written (cut to 60 characters). */
  | With<'value-not-read', { field: string; value: string } & ValueProblem>
  /** A figure the target's type cannot hold; `value` as read ("60", "350000 t"). */
  | With<'value-not-kept', { field: string; value: string; why: NotKeptBecause }>
  /** The tracker's type of the end or interim target is none Accord knows. */
  | With<'tracker-type-unknown', { target: 'end' | 'interim'; value: string }>
  | Plain<'last-row-unterminated'>
  // How the row found its government.
  | Plain<'matched-by-name'>
  /** `government`: the name of the government matched. */
  | With<'matched-by-likely-name', { government: string }>
  /** `run`: the preview a person decided in. */
  | With<'matched-as-confirmed', { run: number }>
  | With<'cdp-account-recorded', { account: string }>
  | With<'nzt-id-recorded', { id: string }>
  /** `name`: the name the new government has (or would have, in a preview). */
  | With<'new-prospect', { name: string }>
  | With<'new-prospect-as-chosen', { name: string; run: number }>
  /** `namesakes`: governments of the same name kept apart because they carry another key. */
  | With<'new-prospect-beside-namesakes', { name: string; namesakes: string[] }>
  | With<'rejected-in-preview', { run: number }>
  | With<'several-governments', { governments: string[] }>
  | Plain<'no-matching-government'>
  | With<'no-matching-government-namesakes', { namesakes: string[] }>
  | Plain<'no-name-for-government'>
  /** `value`: the country as written. */
  | With<'country-unknown', { value: string }>
  // What the row's records are to the ones Accord holds.
  | With<'already-stated', { target: TargetRef }>
  | With<
      'states-target-of-other-source',
      { target: TargetRef; origin: TargetOrigin; filled: TargetRecordField[] }
    >
  | With<'took-over-target', { target: TargetRef }>
  | With<'took-over-report', { year: number }>
  /** The rows (file numbers) that gave the same records before. */
  | With<'same-record-as-rows', { rows: number[] }>
  | With<'part-given-in-rows', { rows: number[] }>
  | Plain<'changed-meanwhile'>
  | With<'records-changed-meanwhile', { records: RecordRef[] }>;

export type ImportReasonCode = ImportReason['code'];

export const IMPORT_REASON_CODES = [
  'no-government-named',
  'no-id-code',
  'not-local-government',
  'no-target',
  'target-type-missing',
  'target-type-unknown',
  'accounting-year-unknown',
  'accounting-year-not-read',
  'no-emission-figures',
  'nothing-to-import',
  'row-not-read',
  'line-without-report',
  'value-not-read',
  'value-not-kept',
  'tracker-type-unknown',
  'last-row-unterminated',
  'matched-by-name',
  'matched-by-likely-name',
  'matched-as-confirmed',
  'cdp-account-recorded',
  'nzt-id-recorded',
  'new-prospect',
  'new-prospect-as-chosen',
  'new-prospect-beside-namesakes',
  'rejected-in-preview',
  'several-governments',
  'no-matching-government',
  'no-matching-government-namesakes',
  'no-name-for-government',
  'country-unknown',
  'already-stated',
  'states-target-of-other-source',
  'took-over-target',
  'took-over-report',
  'same-record-as-rows',
  'part-given-in-rows',
  'changed-meanwhile',
  'records-changed-meanwhile',
] as const satisfies readonly ImportReasonCode[];

// What a row is about

export const IMPORT_ENTITY_KINDS = [
  'target',
  'end-target',
  'interim-target',
  'emission-report',
] as const;

/**
 * A record a row carries, as its outcome names it: a target of a type and year (CDP), the
 * tracker's end or interim target of a year, an emission report of a year and, for a report
 * gathered from a long table, the rows it came from.
 */
export type ImportEntity =
  | { kind: 'target'; year: number | null; type: TargetType }
  | { kind: 'end-target' | 'interim-target'; year: number | null }
  | { kind: 'emission-report'; year: number; rows?: { first: number; last: number } };

// Why a run could not read its file

/**
 * What ended a run before its rows: a file that could not be read (where and why), a stop, a
 * fault. `line` is the file's line, `row` the spreadsheet's row number; `column` a letter with
 * the header when there is one (`C ("Country")`).
 */
export type RunProblem =
  | With<'layout-not-recognised', { kind: string; layout: string; missing: string[] }>
  | Plain<'file-empty'>
  | With<'quote-not-closed', { line: number; row: number; column: number }>
  | With<'row-too-long', { line: number; row: number; column: string; max: number }>
  | With<'row-too-long-open-quote', { line: number; row: number; column: string; max: number }>
  /** `detail`: the CSV parser's own words, in English. */
  | With<'not-valid-csv', { line: number; detail: string }>
  | With<'cell-too-long', { line: number; row: number; column: string; chars: number; max: number }>
  | With<'file-cut-short-in-row', { line: number; row: number; cells: number; width: number }>
  | With<'row-too-few-cells', { line: number; row: number; cells: number; width: number }>
  | With<'last-row-too-few-cells', { line: number; row: number; cells: number; width: number }>
  | With<
      'row-too-many-cells',
      { line: number; row: number; cells: number; width: number; column: string; value: string }
    >
  /** `encoding`: its name as written everywhere (UTF-8, Shift-JIS). */
  | With<'encoding-not-readable', { encoding: string; line: number }>
  | With<'encoding-detected-not-readable', { encoding: string; line: number }>
  | With<'ends-mid-character', { line: number }>
  /** A file no reader could open (`detail`: the reader's words, in English). */
  | With<'file-not-read', { detail: string }>
  | Plain<'workbook-incomplete'>
  | With<'workbook-damaged', { part: string }>
  /** `megabytes`: the limit. */
  | With<'file-too-large', { megabytes: number }>
  | Plain<'upload-stopped'>
  | Plain<'stopped'>
  /** Ctrl-C or a signal to the command line's process. */
  | With<'stopped-by-signal', { signal: string }>
  | Plain<'server-stopped'>
  /** `lastSign`: when the process running it last renewed its lease (ISO time). */
  | With<'process-died', { lastSign: string }>
  /** A fault of Accord's (the database, the disk); `detail` in English. */
  | With<'unexpected', { detail: string }>;

export type RunProblemCode = RunProblem['code'];

export const RUN_PROBLEM_CODES = [
  'layout-not-recognised',
  'file-empty',
  'quote-not-closed',
  'row-too-long',
  'row-too-long-open-quote',
  'not-valid-csv',
  'cell-too-long',
  'file-cut-short-in-row',
  'row-too-few-cells',
  'last-row-too-few-cells',
  'row-too-many-cells',
  'encoding-not-readable',
  'encoding-detected-not-readable',
  'ends-mid-character',
  'file-not-read',
  'workbook-incomplete',
  'workbook-damaged',
  'file-too-large',
  'upload-stopped',
  'stopped',
  'stopped-by-signal',
  'server-stopped',
  'process-died',
  'unexpected',
] as const satisfies readonly RunProblemCode[];

/** What a run that ended early had written: nothing (a preview, or before any batch) or rows. */
export type RunWritten =
  | Plain<'dry-run'>
  | Plain<'nothing'>
  | With<'kept-after-stop', { rows: number }>
  | With<'kept-after-failure', { rows: number }>;

export const RUN_WRITTEN_CODES = [
  'dry-run',
  'nothing',
  'kept-after-stop',
  'kept-after-failure',
] as const satisfies readonly RunWritten['code'][];

/** Why a run failed or was interrupted, and what it had written by then. */
export type RunError = RunProblem & { written?: RunWritten | null };
