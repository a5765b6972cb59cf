/**
 * The least `accord restore` moves the data versions by (advanceDataVersions in
 * src/server/climate/summary-repository.ts): no run of writes comes near it, so a server that
 * sees its version move this far knows the data was replaced and starts afresh rather than
 * asking what changed (the restored rows' marks are the backup's, older than it holds).
 */
export const RESTORE_JUMP = 2 ** 32;
