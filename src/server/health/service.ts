import type { Db } from '../db/database';

/** The demo network marks itself with a setting, so the UI can label demo data as such. */
export async function isDemoNetwork(db: Db): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('settings')
    .where('key', '=', 'demo')
    .select('value')
    .executeTakeFirst();
  return row?.value === 'true';
}
