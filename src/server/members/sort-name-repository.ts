/**
 * The directory's order by name (table government_sort_names, migration 0028): for each
 * government and interface language, the key the directory sorts it by. The names' writers in
 * members/repository.ts refresh it in the same transaction as they change a name, so it never
 * disagrees with government_names.
 */
import { sql } from 'kysely';
import { LOCALES } from '../../core/locales';
import type { Executor } from '../db/types';

const CHUNK = 400;

function sortKeysSelect(ids: readonly number[]) {
  const languages = sql.join(
    LOCALES.map((lang) => sql`SELECT ${lang} AS lang`),
    sql` UNION ALL `,
  );
  // The name in the language, else the English name, else the web address: the order a reader
  // of that language expects, and what the listing sorted by before the key was stored.
  return sql`
    SELECT g.id, l.lang, COALESCE(
      (SELECT MIN(n.search_key) FROM government_names n
        WHERE n.government_id = g.id AND n.kind = 'name' AND n.lang = l.lang),
      (SELECT MIN(n.search_key) FROM government_names n
        WHERE n.government_id = g.id AND n.kind = 'name' AND n.lang = 'en'),
      g.slug)
    FROM governments g CROSS JOIN (${languages}) l WHERE g.id IN (${sql.join(ids)})`;
}

/** Works the sort keys of these governments out again from their names. */
export async function refreshSortNames(
  db: Executor,
  governmentIds: readonly number[],
): Promise<void> {
  const ids = [...new Set(governmentIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    await db.deleteFrom('government_sort_names').where('government_id', 'in', part).execute();
    await sql`INSERT INTO government_sort_names (government_id, lang, sort_key) ${sortKeysSelect(part)}`.execute(
      db,
    );
  }
}

/** Removes the sort keys of governments that are being deleted. */
export async function forgetSortNames(
  db: Executor,
  governmentIds: readonly number[],
): Promise<void> {
  if (governmentIds.length === 0) return;
  await db
    .deleteFrom('government_sort_names')
    .where('government_id', 'in', governmentIds)
    .execute();
}
