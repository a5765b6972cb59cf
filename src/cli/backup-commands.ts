/**
 * `accord backup DIR` and `accord restore DIR`. A backup is a folder:
 *
 *   DIR/manifest.json   what the backup holds: format, Accord's version, the time, the
 *                       dialect, the newest migration, row counts, and the size and SHA-256
 *                       of every file below
 *   DIR/accord.sqlite   the SQLite database (SQLite's online backup: safe while Accord runs)
 *   DIR/accord.pgdump   or PostgreSQL's, from pg_dump --format=custom
 *   DIR/uploads/…       the uploaded files, as in the data folder
 *
 * The manifest is written last: a folder without one is not a finished backup.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AccordConfig } from '../server/config';
import {
  findExecutable,
  latestMigration,
  pgDump,
  pgRestore,
  restoreSqlite,
  snapshotSqlite,
  sqliteIntegrityProblem,
  tableRowCounts,
} from '../server/db/backup';
import { PRIVATE_FILE, PRIVATE_FOLDER, SQLITE_FILE_NAME } from '../server/db/database';
import { MIGRATION_NAMES } from '../server/db/migrate';
import { openStore } from '../server/store';
import { RESTORE_JUMP } from '../server/db/restore-jump';
import { withDatabase } from './database';
import type { Io } from './io';

export const BACKUP_USAGE = `Usage:
  accord backup DIR              copy the database and the uploads into the new folder DIR
  accord restore DIR [--force]   replace the database and the uploads with the backup in DIR;
                                 --force is needed when the database already holds data

Stop Accord before a restore; a backup may be taken while it runs.`;

const MANIFEST = 'manifest.json';
const PG_DUMP_FILE = 'accord.pgdump';
const FORMAT = 'accord-backup';
const FORMAT_VERSION = 1;

/** Tables Accord fills by itself (reference data, regions): rows there are not "data". */
const PREFILLED = new Set(['gpc_sectors', 'gpc_subsectors', 'gpc_subcategories', 'regions']);

interface FileEntry {
  path: string;
  bytes: number;
  sha256: string;
}

interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  accordVersion: string;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  migration: string | null;
  database: FileEntry;
  /** Rows per table, exact for SQLite (counted in the copy); absent for PostgreSQL. */
  rows?: Record<string, number>;
  uploads: FileEntry[];
}

class BackupError extends Error {}

function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function entryOf(root: string, file: string): FileEntry {
  return {
    path: path.relative(root, file).split(path.sep).join('/'),
    bytes: fs.statSync(file).size,
    sha256: sha256Of(file),
  };
}

/** Every file below a folder, as paths relative to it; temporary and hidden files left out. */
function filesBelow(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      // FileStore writes ".<hash>.<random>.tmp" beside a file before renaming it into place.
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

/** Copies the files of `from` that `to` lacks; owner-only, as the data folder keeps them. */
function copyMissing(from: string, to: string): void {
  for (const relative of filesBelow(from)) {
    const target = path.join(to, relative);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_FOLDER });
    fs.copyFileSync(path.join(from, relative), target);
    fs.chmodSync(target, PRIVATE_FILE);
  }
}

const uploadsOf = (config: Pick<AccordConfig, 'dataDir'>) => path.join(config.dataDir, 'uploads');

function describeRows(rows: Record<string, number>): string {
  const held = Object.entries(rows).filter(([table, n]) => n > 0 && !PREFILLED.has(table));
  return held.length === 0 ? 'no data' : held.map(([table, n]) => `${n} ${table}`).join(', ');
}

// ---------------------------------------------------------------------------------- backup

async function backup(dir: string, config: AccordConfig, io: Io, searchPath: string) {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new BackupError(`${dir} already exists and is not empty; name a new folder`);
  }
  const postgres = config.databaseUrl !== undefined;
  const pgDumpPath = postgres ? findExecutable('pg_dump', searchPath) : undefined;
  if (postgres && !pgDumpPath) {
    throw new BackupError(
      'pg_dump is not on the PATH. Install the PostgreSQL client tools of your server’s version ' +
        '(Debian: apt-get install postgresql-client) and run accord backup again, or back up ' +
        'yourself: pg_dump --format=custom --file=accord.pgdump "$DATABASE_URL", and copy ' +
        `${uploadsOf(config)}.`,
    );
  }
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
  const uploadsCopy = path.join(dir, 'uploads');
  // Uploads are saved before the row naming them is committed. Copying them before and after
  // the database means every file a copied row names is in the backup.
  copyMissing(uploadsOf(config), uploadsCopy);

  let databaseFile: string;
  let rows: Record<string, number> | undefined;
  let migration: string | undefined;
  if (postgres) {
    databaseFile = path.join(dir, PG_DUMP_FILE);
    await pgDump(pgDumpPath as string, config.databaseUrl as string, databaseFile);
    migration = await withDatabase(config, (db) => latestMigration(db));
  } else {
    const live = path.join(config.dataDir, SQLITE_FILE_NAME);
    if (!fs.existsSync(live)) throw new BackupError(`there is no database at ${live}`);
    databaseFile = path.join(dir, SQLITE_FILE_NAME);
    await snapshotSqlite(live, databaseFile);
    const copy = openStore({ sqliteFile: databaseFile });
    try {
      rows = await tableRowCounts(copy);
      migration = await latestMigration(copy);
    } finally {
      await copy.close();
    }
  }
  copyMissing(uploadsOf(config), uploadsCopy);

  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    accordVersion: config.version,
    createdAt: new Date().toISOString(),
    dialect: postgres ? 'postgres' : 'sqlite',
    migration: migration ?? null,
    database: entryOf(dir, databaseFile),
    ...(rows ? { rows } : {}),
    uploads: filesBelow(uploadsCopy).map((f) => entryOf(dir, path.join(uploadsCopy, f))),
  };
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, {
    mode: PRIVATE_FILE,
  });
  const bytes = manifest.uploads.reduce((sum, f) => sum + f.bytes, 0);
  io.out(`Backed up to ${dir}:`);
  io.out(`  database: ${manifest.database.path} (${rows ? describeRows(rows) : 'pg_dump'})`);
  io.out(`  uploads: ${manifest.uploads.length} files, ${bytes} bytes`);
}

// --------------------------------------------------------------------------------- restore

function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) {
    throw new BackupError(`${dir} holds no ${MANIFEST}: not a finished Accord backup`);
  }
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== FORMAT || manifest.formatVersion !== FORMAT_VERSION) {
    throw new BackupError(`${file} is not an Accord backup of format ${FORMAT_VERSION}`);
  }
  return manifest;
}

/** Every file the manifest lists, with its size and checksum; what is wrong, if anything. */
function checksumProblems(dir: string, manifest: Manifest): string[] {
  const problems: string[] = [];
  for (const entry of [manifest.database, ...manifest.uploads]) {
    const file = path.join(dir, ...entry.path.split('/'));
    if (path.relative(dir, file).startsWith('..'))
      problems.push(`${entry.path}: outside the backup`);
    else if (!fs.existsSync(file)) problems.push(`${entry.path}: missing`);
    else if (fs.statSync(file).size !== entry.bytes || sha256Of(file) !== entry.sha256) {
      problems.push(`${entry.path}: checksum does not match`);
    }
  }
  return problems;
}

/** Puts the backup's uploads in place of the data folder's, as whole folders. */
function replaceUploads(dir: string, config: AccordConfig): void {
  const live = uploadsOf(config);
  const tag = randomBytes(4).toString('hex');
  const incoming = `${live}.restoring-${tag}`;
  const outgoing = `${live}.replaced-${tag}`;
  fs.mkdirSync(config.dataDir, { recursive: true, mode: PRIVATE_FOLDER });
  fs.mkdirSync(incoming, { mode: PRIVATE_FOLDER });
  copyMissing(path.join(dir, 'uploads'), incoming);
  if (fs.existsSync(live)) fs.renameSync(live, outgoing);
  fs.renameSync(incoming, live);
  fs.rmSync(outgoing, { recursive: true, force: true });
}

async function restore(
  dir: string,
  force: boolean,
  config: AccordConfig,
  io: Io,
  searchPath: string,
) {
  const manifest = readManifest(dir);
  const postgres = config.databaseUrl !== undefined;
  if (manifest.dialect !== (postgres ? 'postgres' : 'sqlite')) {
    throw new BackupError(
      `the backup is of a ${manifest.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} database ` +
        `and Accord is configured for ${postgres ? 'PostgreSQL (DATABASE_URL)' : 'SQLite'}: restore it into the same kind`,
    );
  }
  if (manifest.migration !== null && !MIGRATION_NAMES.includes(manifest.migration)) {
    throw new BackupError(
      `the backup's schema (${manifest.migration}) is newer than this Accord knows; restore it with Accord ${manifest.accordVersion} or later`,
    );
  }
  const pgRestorePath = postgres ? findExecutable('pg_restore', searchPath) : undefined;
  if (postgres && !pgRestorePath) {
    throw new BackupError(
      'pg_restore is not on the PATH. Install the PostgreSQL client tools (Debian: apt-get ' +
        'install postgresql-client), or restore yourself: pg_restore --clean --if-exists ' +
        `--no-owner --dbname="$DATABASE_URL" ${path.join(dir, PG_DUMP_FILE)}, and copy ` +
        `${path.join(dir, 'uploads')} to ${uploadsOf(config)}.`,
    );
  }
  const problems = checksumProblems(dir, manifest);
  if (problems.length > 0) {
    throw new BackupError(
      `the backup is damaged, nothing was changed: ${problems.slice(0, 5).join('; ')}` +
        (problems.length > 5 ? `; and ${problems.length - 5} more` : ''),
    );
  }
  const databaseFile = path.join(dir, manifest.database.path);
  if (!postgres) {
    const unsound = sqliteIntegrityProblem(databaseFile);
    if (unsound) throw new BackupError(`the backup's database is damaged: ${unsound}`);
  }

  const target = postgres
    ? 'the PostgreSQL database of DATABASE_URL'
    : path.join(config.dataDir, SQLITE_FILE_NAME);
  const current =
    postgres || fs.existsSync(target) ? await withDatabase(config, tableRowCounts) : {};
  const currentFiles = filesBelow(uploadsOf(config)).length;
  const holdsData = describeRows(current) !== 'no data' || currentFiles > 0;
  const replacing = `${target} (${describeRows(current)}) and ${uploadsOf(config)} (${currentFiles} files)`;
  if (holdsData && !force) {
    io.err(`Restoring would replace ${replacing}`);
    io.err(`with the backup of ${manifest.createdAt}. Run again with --force to replace them.`);
    throw new BackupError('refused: the database holds data and --force was not given');
  }
  io.out(`${holdsData ? 'Replacing' : 'Restoring into'} ${replacing}`);
  io.out(`with the backup of ${manifest.createdAt} (Accord ${manifest.accordVersion}).`);

  if (postgres) {
    await pgRestore(pgRestorePath as string, config.databaseUrl as string, databaseFile);
  } else {
    fs.mkdirSync(config.dataDir, { recursive: true, mode: PRIVATE_FOLDER });
    await restoreSqlite(databaseFile, target);
  }
  replaceUploads(dir, config);
  // A server that ran before the restore keeps answers by data version, and browsers keep their
  // ETags: the restored versions jump far past any of them (a random 2^32 to 2^48 ahead).
  const jump = RESTORE_JUMP + randomInt(2 ** 47);
  await withDatabase(config, (db) => db.climate.advanceDataVersions(jump));

  // Read back what was written: the rows the backup counted, the files it listed.
  const restored = await withDatabase(config, tableRowCounts);
  if (manifest.rows) {
    const differ = Object.keys(manifest.rows).filter((t) => restored[t] !== manifest.rows?.[t]);
    if (differ.length > 0) {
      throw new BackupError(
        `after the restore these tables differ from the backup: ${differ.join(', ')}`,
      );
    }
  }
  const restoredFiles = filesBelow(uploadsOf(config)).length;
  if (restoredFiles !== manifest.uploads.length) {
    throw new BackupError(
      `after the restore the uploads hold ${restoredFiles} files, the backup ${manifest.uploads.length}`,
    );
  }
  io.out(`Restored: ${describeRows(restored)}; ${restoredFiles} uploaded files.`);
}

/** Runs `backup DIR` or `restore DIR [--force]`; returns the exit code. */
export async function runBackupCommand(
  command: 'backup' | 'restore',
  args: string[],
  io: Io,
  config: AccordConfig,
  searchPath = process.env.PATH ?? '',
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { force: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0 || (command === 'backup' && values.force)) {
    io.err(BACKUP_USAGE);
    return 2;
  }
  try {
    if (command === 'backup') await backup(path.resolve(dir), config, io, searchPath);
    else await restore(path.resolve(dir), values.force ?? false, config, io, searchPath);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.err(`error: ${error.message}`);
    return 1;
  }
}
