import type { Insertable, Selectable } from 'kysely';
import type { VersionedRecord } from '../../core/climate/types';
import type { RecordVersionTable } from '../db/schema';
import type { Executor } from '../db/types';

/** Stored versions of climate records, for history and restore (re-exported by repository.ts). */

export type VersionRow = Selectable<RecordVersionTable>;
export type VersionInsert = Insertable<RecordVersionTable>;

/** Stored copies of climate records, in chunks the databases' parameter limits allow. */
export async function insertVersions(db: Executor, rows: readonly VersionInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    if (chunk.length > 0) await db.insertInto('record_versions').values(chunk).execute();
  }
}

/** Every version of one record, newest first. */
export function listVersions(
  db: Executor,
  type: VersionedRecord,
  id: number,
): Promise<VersionRow[]> {
  return db
    .selectFrom('record_versions')
    .where('entity_type', '=', type)
    .where('entity_id', '=', id)
    .selectAll()
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
