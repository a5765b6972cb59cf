/**
 * The one reader of JSON columns. A stored value that does not parse is a damaged row: it is an
 * error that names the table and the row, never a silent cast or a quiet default.
 */

/** A JSON column that does not hold JSON. */
export class JsonColumnError extends Error {
  constructor(
    readonly table: string,
    readonly id: number | string,
    cause: unknown,
  ) {
    super(`${table} ${id}: the stored JSON does not parse`, { cause });
    this.name = 'JsonColumnError';
  }
}

/**
 * Parses a JSON column of the row `id` of `table`; null and undefined read as null. The
 * optional check narrows the value and must accept it, else the same error is thrown.
 */
export function parseJsonColumn<T = unknown>(
  table: string,
  id: number | string,
  text: string | null | undefined,
  check?: (value: unknown) => value is T,
): T | null {
  if (text === null || text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new JsonColumnError(table, id, error);
  }
  if (check && !check(value)) {
    throw new JsonColumnError(table, id, new TypeError('unexpected shape'));
  }
  return value as T;
}
