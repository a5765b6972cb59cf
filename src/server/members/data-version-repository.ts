import type { Executor } from '../db/types';

/**
 * The data versions of the public pages (migration 0030), read once per request: a page's kept
 * answer is current while its version has not moved (src/server/http/answer-cache.ts). Reads
 * only; the triggers raise them.
 */
export type PageDataVersion = 'directory' | 'government-climate';

export async function pageDataVersion(db: Executor, name: PageDataVersion): Promise<string> {
  const row = await db
    .selectFrom('data_versions')
    .select('version')
    .where('name', '=', name)
    .executeTakeFirst();
  return String(row?.version ?? 0);
}
