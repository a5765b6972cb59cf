import type { AccordConfig } from '../server/config';
import { openConfiguredStore } from '../server/setup/preflight';
import type { StoreDb } from '../server/store';

/**
 * Runs a command on the database the configuration names, as the server would open it (so a
 * wrong DATABASE_URL or data folder is the same one clear line), and closes it afterwards.
 */
export async function withDatabase<T>(
  config: Pick<AccordConfig, 'databaseUrl' | 'dataDir'>,
  fn: (db: StoreDb) => Promise<T>,
): Promise<T> {
  const db = await openConfiguredStore(config);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
