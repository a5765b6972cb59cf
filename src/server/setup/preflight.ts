/**
 * Opening the database a configuration names, with the operator's mistakes told apart from
 * Accord's: an address that does not answer, a refused user, a data folder Accord may not
 * write to, each becomes a ConfigError naming the setting to fix.
 */
import { ConfigError, redactedUrl, type AccordConfig } from '../config';
import { postgresConnectionProblem } from '../db/database';
import { openStore, type StoreDb } from '../store';

const FOLDER_PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
  SQLITE_CANTOPEN: 'SQLite cannot open the database file there',
};

export async function openConfiguredStore(
  config: Pick<AccordConfig, 'databaseUrl' | 'dataDir'>,
): Promise<StoreDb> {
  if (config.databaseUrl) {
    const problem = await postgresConnectionProblem(config.databaseUrl);
    if (problem)
      throw new ConfigError(`DATABASE_URL ${redactedUrl(config.databaseUrl)}: ${problem}`);
    return openStore({ databaseUrl: config.databaseUrl });
  }
  try {
    return openStore({ dataDir: config.dataDir });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const problem = FOLDER_PROBLEMS[code];
    if (problem) throw new ConfigError(`ACCORD_DATA_DIR ${config.dataDir}: ${problem} (${code})`);
    throw error;
  }
}
