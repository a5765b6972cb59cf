/** One field an audited change touched, with its value before and after. */
export interface FieldChange {
  /** Dotted path into the record, e.g. "population" or "names.ja". */
  path: string;
  before: unknown;
  after: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields that differ between the before and after snapshots of an audit entry.
 * Nested objects (names by language, membership) are opened so that a change of one
 * name shows as "names.ja" rather than the whole names object; arrays compare whole.
 * A created record has no before and a deleted one no after: every field then counts.
 */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(before ?? null, after ?? null, '', changes);
  return changes;
}

function walk(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (isPlainObject(before) || isPlainObject(after)) {
    const b = isPlainObject(before) ? before : {};
    const a = isPlainObject(after) ? after : {};
    // A value that turned from an object into a scalar (or back) is one change, not many.
    if (
      path &&
      (!isPlainObject(before) || !isPlainObject(after)) &&
      before !== null &&
      after !== null
    ) {
      out.push({ path, before, after });
      return;
    }
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    for (const key of keys)
      walk(b[key] ?? null, a[key] ?? null, path ? `${path}.${key}` : key, out);
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, before, after });
}

/** A value as the diff shows it: text as it is, lists one per line, nothing as null. */
export function auditValueText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.length === 0 ? null : value.join('\n');
  }
  return JSON.stringify(value, null, 2);
}
