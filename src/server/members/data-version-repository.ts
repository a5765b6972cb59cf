import type { Executor } from '../db/types';

/**
 * The data versions the kept answers are checked against (migrations 0025 and 0030): a page's
 * kept answer is current while its version has not moved (src/server/http/answer-cache.ts).
 * Reads only; the triggers raise them.
 */

/** Every data version by name, in one read (src/server/http/data-version-reader.ts). */
export async function allDataVersions(db: Executor): Promise<ReadonlyMap<string, string>> {
  const rows = await db.selectFrom('data_versions').select(['name', 'version']).execute();
  return new Map(rows.map((r) => [r.name, String(r.version)]));
}
