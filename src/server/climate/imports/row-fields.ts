import type { ImportFieldSources } from '../schemas';
import type { RecognisedLayout } from './recognise';
import { NOT_APPLICABLE, present } from './values';

/**
 * Which source column fed which Accord field. A run keeps its column map: each field it reads
 * and the header of its column, as the file spells it. Each row keeps, compactly, the fields it
 * had a value for (their keys only); the two are put together when the row is read, so the
 * headers are stored once per run, not once per row.
 */

/**
 * A field the row had a value for: its key, read from its own column, or [field, ...the
 * fields whose columns fed it] for a value made from others (a scope total summed from CDP's
 * split columns, a long table's line read from its name and figure columns).
 */
export type RecordedField = string | readonly [string, ...string[]];

/** Field → the fields whose columns made its value. */
export type DerivedFields = Readonly<Partial<Record<string, readonly string[]>>>;

/** The run's column map: every column a field reads, in the file's order. */
export function columnMapOf(recognised: Pick<RecognisedLayout, 'columns'>): ImportFieldSources[] {
  const map = new Map<string, string[]>();
  for (const column of recognised.columns) {
    if (column.field === null) continue;
    const sources = map.get(column.field) ?? [];
    sources.push(column.header.trim());
    map.set(column.field, sources);
  }
  return [...map].map(([field, sources]) => ({ field, sources }));
}

/** A cell that says something: not empty, not "NA" or "-", not CDP's "Not applicable". */
export function hasValue(value: string | null | undefined): boolean {
  const text = present(value);
  return text !== null && !NOT_APPLICABLE.test(text);
}

/**
 * Field → the fields with columns that made its value, through values made from values (CDP's
 * 2022 scope 1 is the sum of two lines, each read from a line's name and figure columns).
 */
function expand(derived: DerivedFields): Map<string, string[]> {
  const expanded = new Map<string, string[]>();
  const columnsOf = (field: string, seen: ReadonlySet<string>): string[] => {
    const feeders = derived[field];
    if (!feeders || feeders.length === 0 || seen.has(field)) return [field];
    const inner = new Set([...seen, field]);
    return [...new Set(feeders.flatMap((feeder) => columnsOf(feeder, inner)))];
  };
  for (const field of Object.keys(derived)) {
    const columns = columnsOf(field, new Set());
    if (columns.length > 0 && !(columns.length === 1 && columns[0] === field)) {
      expanded.set(field, columns);
    }
  }
  return expanded;
}

/**
 * The fields a row had a value for, in the order of its cells. A value made from others is
 * listed with every field whose column fed it, in the place of the first of them; the values it
 * was made from are not listed again on their own.
 */
export function recordedFields(
  values: Partial<Record<string, string>>,
  derived: DerivedFields = {},
): RecordedField[] {
  // The rows of a file have a value for the same few sets of fields: each set is worked out once.
  let key = '';
  for (const field in values) if (hasValue(values[field])) key += `${field}\u0000`;
  for (const _ in derived) {
    key += JSON.stringify(derived);
    break;
  }
  let listed = fieldsListed.get(key);
  if (listed === undefined) {
    listed = listFields(values, derived);
    if (fieldsListed.size >= 1000) fieldsListed.clear();
    fieldsListed.set(key, listed);
  }
  return [...listed];
}
const fieldsListed = new Map<string, RecordedField[]>();

function listFields(
  values: Partial<Record<string, string>>,
  derived: DerivedFields,
): RecordedField[] {
  const madeFrom = new Map<string, string>();
  for (const [field, feeders] of Object.entries(derived)) {
    for (const feeder of feeders ?? []) {
      if (feeder !== field && !madeFrom.has(feeder)) madeFrom.set(feeder, field);
    }
  }
  /** The value a field went into, through values made from values. */
  const outermost = (field: string): string => {
    let current = field;
    for (const seen = new Set<string>(); madeFrom.has(current) && !seen.has(current);) {
      seen.add(current);
      current = madeFrom.get(current) as string;
    }
    return current;
  };
  const columns = expand(derived);
  const out: RecordedField[] = [];
  const listed = new Set<string>();
  const add = (field: string) => {
    if (listed.has(field)) return;
    listed.add(field);
    const [first, ...rest] = columns.get(field) ?? [];
    out.push(first === undefined ? field : [field, first, ...rest]);
  };
  for (const [field, value] of Object.entries(values)) {
    if (hasValue(value)) add(outermost(field));
  }
  for (const field of Object.keys(derived)) add(outermost(field));
  return out;
}

/** Each field a row recorded, with the headers of the columns that fed it. */
export function rowSources(
  recorded: readonly RecordedField[],
  columns: readonly ImportFieldSources[],
): ImportFieldSources[] {
  const headers = new Map(columns.map((c) => [c.field, c.sources]));
  return recorded.map((entry) => {
    if (typeof entry === 'string')
      return { field: entry, sources: [...(headers.get(entry) ?? [])] };
    const [field, ...feeders] = entry;
    const sources = feeders.flatMap((feeder) => headers.get(feeder) ?? []);
    return { field, sources: [...new Set(sources)] };
  });
}

/** The stored shape of a run's column map (import_runs.columns_json). */
export function isColumnMap(value: unknown): value is ImportFieldSources[] {
  return (
    Array.isArray(value) &&
    value.every(
      (c) =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as ImportFieldSources).field === 'string' &&
        Array.isArray((c as ImportFieldSources).sources) &&
        (c as ImportFieldSources).sources.every((s) => typeof s === 'string'),
    )
  );
}

/** The stored shape of a row's fields (import_run_rows.fields_json). */
export function isRecordedFields(value: unknown): value is RecordedField[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        typeof entry === 'string' ||
        (Array.isArray(entry) && entry.length > 0 && entry.every((f) => typeof f === 'string')),
    )
  );
}
