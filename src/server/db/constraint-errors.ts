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
