import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** A database handle or an open transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;

export { nowIso } from '../clock';
