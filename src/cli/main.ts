import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../core/roles';
import { ConfigError, configFromEnv, type AccordConfig } from '../server/config';
import { withDatabase } from './database';
import { migrateToLatest } from '../server/db/migrate';
import { seedDemoNetwork, regionsOnly } from '../server/setup/demo/seed';
import { seedDemoClimate } from '../server/setup/demo/climate';
import { seedDemoMembership } from '../server/setup/demo/membership';
import { seedDemoApplications } from '../server/setup/demo/applications';
import { bootstrapDatabase } from '../server/setup/bootstrap';
import { hashPassword } from '../server/auth/secrets';
import { nowIso } from '../server/clock';
import { createUser } from '../server/users/service';
import { resetPassword } from '../server/users/password-service';
import { HttpProblem } from '../server/http/problem';
import type { Io } from './io';
import { EXPORT_USAGE, IMPORT_USAGE, runExportCommand, runImportCommand } from './climate-commands';
import { runBackupCommand } from './backup-commands';

const HELP = `accord: the Accord command line

Usage:
  accord migrate                     bring the database schema up to date
  accord seed --demo                 load the demo network into an empty database
  accord user create --email E --role admin|officer|viewer [--government SLUG] [--name NAME]
                                     create a user; the password is read from standard input
                                     when it is piped, otherwise generated and printed once
  accord user reset-password EMAIL [--password-stdin]
                                     set a new password (asked twice on the terminal, or read
                                     from standard input); the user's sessions and API tokens
                                     end; works while Accord runs
  accord import cdp-targets|cdp-emissions FILE.csv [--dry-run] [--no-create] [--layout NAME]
                                     [--encoding NAME] [--decisions-from RUN]
  accord import nzt FILE.xlsx [--dry-run] [--no-create] [--layout NAME] [--decisions-from RUN]
                                     import climate data; prints the layout and encoding
                                     recognised, the counts, warnings, and where the row-level
                                     report is; --layout reads the file with a saved column
                                     layout, --encoding names the CSV's encoding when detection
                                     gets it wrong, --decisions-from applies what was decided on
                                     the uncertain matches of a preview
  accord import layouts              list the saved column layouts
  accord export targets --format csv|xlsx [--region R] [--out FILE]
  accord export inventory GOV YEAR --format csv|xlsx [--lang LANG] [--out FILE]
                                     the inventory's headers and words in en (default), ko,
                                     ja, zh-Hans or zh-Hant; the targets file keeps the Net
                                     Zero Tracker's column names
  accord backup DIR                  copy the database and the uploads into the new folder DIR,
                                     safely while Accord runs (PostgreSQL: needs pg_dump)
  accord restore DIR [--force]       put a backup back (stop Accord first); --force when the
                                     database already holds data
  accord serve                       start the web server (same as npm start, without building)
  accord --help                      this text

The database is chosen as the server chooses it: DATABASE_URL=postgres://… for PostgreSQL,
otherwise SQLite under ACCORD_DATA_DIR (default ./data).`;

export type { Io };

const processIo: Io = {
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  async readStdin() {
    if (process.stdin.isTTY) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8').trim();
    return text || null;
  },
  askSecret: askOnTerminal,
};

/** Reads a line from the terminal without echoing it. Ctrl-C cancels. */
function askOnTerminal(prompt: string): Promise<string | null> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.resolve(null);
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new Error('cancelled; nothing was changed'));
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
        else if (ch >= ' ') text += ch;
      }
    };
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
  });
}

const withDb = withDatabase;

async function userCreate(args: string[], config: AccordConfig, io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      government: { type: 'string' },
      name: { type: 'string' },
    },
    strict: true,
  });
  if (!values.email) {
    io.err('--email is required');
    return 2;
  }
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) {
    io.err(`--role must be one of ${ROLES.join(', ')}`);
    return 2;
  }
  const piped = await io.readStdin();
  if (piped !== null && piped.length < 12) {
    io.err('the password from standard input must have at least 12 characters');
    return 2;
  }
  return withDb(config, async (db) => {
    await migrateToLatest(db);
    await regionsOnly(db, nowIso());
    const result = await createUser(
      db,
      { userId: null, label: 'cli' },
      {
        email: values.email as string,
        displayName: values.name ?? (values.email as string).split('@')[0] ?? 'user',
        role: values.role as Role,
        governmentSlug: values.government ?? null,
        ...(piped ? { password: piped } : {}),
      },
    );
    io.out(`Created ${result.user.role} ${result.user.email} (id ${result.user.id})`);
    if (result.generatedPassword) io.out(`Password: ${result.generatedPassword}`);
    return 0;
  });
}

const RESET_USAGE = 'usage: accord user reset-password EMAIL [--password-stdin]';

/**
 * A new password for a user who lost theirs: never in the arguments (they show in `ps` and the
 * shell's history), but piped to standard input or typed twice on the terminal.
 */
async function userResetPassword(args: string[], config: AccordConfig, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'password-stdin': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const [email] = positionals;
  if (email === undefined || positionals.length > 1) {
    io.err(RESET_USAGE);
    return 2;
  }
  let password = await io.readStdin();
  if (password === null && values['password-stdin']) {
    io.err('--password-stdin: no password was piped to standard input');
    return 2;
  }
  if (password === null) {
    const first = (await io.askSecret?.(`New password for ${email}: `)) ?? null;
    if (first === null) {
      io.err(
        `pipe the new password to standard input (--password-stdin) or run this in a terminal`,
      );
      return 2;
    }
    const again = await io.askSecret?.('The same password again: ');
    if (again !== first) {
      io.err('the two passwords differ; nothing was changed');
      return 1;
    }
    password = first;
  }
  const newPassword = password;
  return withDb(config, async (db) => {
    await migrateToLatest(db);
    const user = await resetPassword(db, { userId: null, label: 'cli' }, email, newPassword);
    io.out(`New password set for ${user.email}; their sessions and API tokens have ended.`);
    return 0;
  });
}

/** Runs one command; returns the exit code. */
export async function main(
  argv: string[],
  io: Io = processIo,
  givenConfig?: AccordConfig,
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || ['--help', '-h', 'help'].includes(command)) {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  try {
    const config = givenConfig ?? configFromEnv();
    switch (command) {
      case 'migrate':
        return await withDb(config, async (db) => {
          const result = await migrateToLatest(db);
          const applied = (result.results ?? []).map((r) => r.migrationName);
          io.out(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
          return 0;
        });
      case 'seed': {
        const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } } });
        if (!values.demo) {
          io.err('say what to seed: accord seed --demo');
          return 2;
        }
        return await withDb(config, async (db) => {
          await migrateToLatest(db);
          const r = await seedDemoNetwork(db, { now: nowIso(), hashPassword });
          if (r.seeded) {
            await seedDemoClimate(db);
            await seedDemoMembership(db);
            await seedDemoApplications(db);
          }
          io.out(
            r.seeded
              ? `Loaded the demo network: ${r.governments} governments, ${r.offices} offices, ${r.people} people, ${r.users} officer accounts.`
              : 'The database already holds data; the demo network was not loaded.',
          );
          return 0;
        });
      }
      case 'user': {
        const [sub, ...args] = rest;
        if (sub === 'create') return await userCreate(args, config, io);
        if (sub === 'reset-password') return await userResetPassword(args, config, io);
        io.err(
          `usage: accord user create --email E --role R [--government SLUG]\n       ${RESET_USAGE.slice('usage: '.length)}`,
        );
        return 2;
      }
      case 'import':
        if (rest.length === 0 || rest[0] === '--help') {
          io.out(IMPORT_USAGE);
          return rest.length === 0 ? 2 : 0;
        }
        return await runImportCommand(rest, io, config);
      case 'export':
        if (rest.length === 0 || rest[0] === '--help') {
          io.out(EXPORT_USAGE);
          return rest.length === 0 ? 2 : 0;
        }
        return await runExportCommand(rest, io, config);
      case 'backup':
      case 'restore':
        return await runBackupCommand(command, rest, io, config);
      case 'serve': {
        const { startServer } = await import('../server/main');
        await startServer(config);
        return 0;
      }
      case 'bootstrap':
        return await withDb(config, async (db) => {
          await bootstrapDatabase(db, config);
          return 0;
        });
      default:
        io.err(`unknown command "${command}"\n\n${HELP}`);
        return 2;
    }
  } catch (err) {
    // A setting the operator must fix (DATABASE_URL, the data folder, a port): one line.
    if (err instanceof ConfigError) {
      io.err(`error: ${err.message}`);
      return 1;
    }
    if (err instanceof HttpProblem) {
      const fields = err.errors?.map((e) => `${e.pointer.slice(1)} ${e.detail}`).join('; ');
      io.err(`error: ${fields || err.detail || err.title}`);
      return 1;
    }
    if (err instanceof Error && 'code' in err && err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.err(err.message);
      return 2;
    }
    // Anything else (a database that cannot be reached, a folder that cannot be written) is
    // one line for the operator; ACCORD_DEBUG=1 shows the stack for a bug report.
    io.err(`error: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.ACCORD_DEBUG === '1' && err instanceof Error && err.stack) io.err(err.stack);
    return 1;
  }
}
