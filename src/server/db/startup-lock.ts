import { sql } from 'kysely';
import type { Db } from './database';

/**
 * The key of the PostgreSQL advisory lock under which a server prepares the database: any
 * number will do as long as every Accord process uses the same one ("Acco" in ASCII).
 */
const STARTUP_LOCK_KEY = 0x4163636f;

/**
 * Runs `work` while no other Accord process on the same PostgreSQL database runs its own:
 * servers started together (two replicas, a rolling restart) would otherwise migrate, seed the
 * demo and create the first administrator side by side, and the loser would die on a unique
 * key. The lock belongs to one pooled connection held for the duration; `work` may use others.
 * SQLite is one process's database, so there it simply runs.
 */
export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.dialect !== 'postgres') return work();
  return db.kysely.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(connection);
    }
  });
}
