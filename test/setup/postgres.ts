import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { PG_ADMIN_URL } from './pg-url';

/**
 * Runs once before the unit/API suite: is PostgreSQL there? With CI=true a missing database
 * fails the run; elsewhere the PostgreSQL half of the suite is skipped and says why.
 */
export default async function setup(project: TestProject) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  let available = false;
  let reason = '';
  try {
    await client.connect();
    await client.query('SELECT 1');
    available = true;
  } catch (err) {
    reason = err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!available) {
    const message = `PostgreSQL is not reachable at ${PG_ADMIN_URL} (${reason})`;
    if (process.env.CI === 'true') throw new Error(`${message}; CI needs it.`);
    console.warn(
      `\n  SKIPPING the PostgreSQL tests: ${message}.\n  Set ACCORD_TEST_PG_URL or start PostgreSQL to run them.\n`,
    );
  }
  project.provide('postgres', available);
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: boolean;
  }
}
