/**
 * What the two databases say when a write breaks a constraint, read the same way: services turn
 * these into a 409 that names the problem instead of a 500.
 */

const codeOf = (error: unknown): unknown =>
  error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined;

/** A row is still referenced by another table's foreign key (SQLite and PostgreSQL). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** The key a write would have made twice: its table (when the database says) and its columns. */
export interface UniqueViolation {
  table: string | null;
  columns: string[];
}

const textOf = (error: object, key: string): string | null =>
  key in error && typeof (error as Record<string, unknown>)[key] === 'string'
    ? ((error as Record<string, unknown>)[key] as string)
    : null;

/**
 * A unique key (a constraint or a unique index, partial ones too) refused a row, read from
 * either database: PostgreSQL's 23505 names the table and says "Key (a, b)=(…) already
 * exists."; SQLite says "UNIQUE constraint failed: t.a, t.b". Null for any other error.
 */
export function uniqueViolation(error: unknown): UniqueViolation | null {
  if (error === null || typeof error !== 'object') return null;
  const code = codeOf(error);
  if (code === '23505') {
    const key = /^Key \((.+?)\)=/.exec(textOf(error, 'detail') ?? '');
    return {
      table: textOf(error, 'table'),
      columns: key?.[1] ? key[1].split(',').map((c) => c.trim().replace(/^"|"$/g, '')) : [],
    };
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const failed = /constraint failed: (.+)$/.exec(textOf(error, 'message') ?? '');
    const qualified = (failed?.[1] ?? '').split(',').map((c) => c.trim());
    const columns = qualified.filter((c) => /^\w+\.\w+$/.test(c));
    return {
      table: columns[0]?.split('.')[0] ?? null,
      columns: columns.map((c) => c.split('.')[1] as string),
    };
  }
  return null;
}
