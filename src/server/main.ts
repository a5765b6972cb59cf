import { buildApp } from './app';
import { ConfigError, configFromEnv, type AccordConfig } from './config';
import {
  ensureFirstAdministrator,
  ignoredAdminPasswordWarning,
  prepareDatabase,
} from './setup/bootstrap';
import { openConfiguredStore } from './setup/preflight';

/** Why the server could not listen, as a setting to change; other errors are returned as is. */
function listenError(error: unknown, config: AccordConfig): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new ConfigError(
      `PORT ${config.port} on ${config.host} is in use by another program; stop it or set PORT to a free port`,
    );
  }
  if (code === 'EACCES') {
    return new ConfigError(
      `PORT ${config.port}: not allowed to listen there (ports below 1024 need privileges)`,
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new ConfigError(`HOST ${config.host} is not an address of this machine`);
  }
  return error;
}

/** Starts Accord: opens and prepares the database, then listens. */
export async function startServer(config = configFromEnv()): Promise<void> {
  const db = await openConfiguredStore(config);
  let server: Awaited<ReturnType<typeof buildApp>> | undefined;
  // A stop asked for while start-up still works (a supervisor giving up, a test's clean-up,
  // Ctrl-C while the demo loads) waits for it to finish, then closes: closing the database
  // under a start-up query would end the process with "driver has already been destroyed"
  // and leave a migration or the first administrator half done.
  let startingUp: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const close = async () => {
    stopping = true;
    await startingUp.catch(() => undefined);
    await server?.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());

  const startUp = async () => {
    let report: Awaited<ReturnType<typeof prepareDatabase>>;
    try {
      report = await prepareDatabase(db, config);
      server = await buildApp({
        config,
        db,
        logger: { level: config.logLevel, transport: undefined },
      });
    } catch (error) {
      await db.close();
      throw error;
    }
    if (stopping) return null;
    try {
      await server.listen({ port: config.port, host: config.host });
    } catch (error) {
      await server.close();
      await db.close();
      throw listenError(error, config);
    }
    // Only now: a generated password printed by a start that then failed would be one nobody
    // could use again, and a start that fails before here creates no administrator at all.
    const adminCreated = await ensureFirstAdministrator(db, config);
    return { report, server, adminCreated };
  };
  const started = startUp();
  startingUp = started;
  const done = await started;
  if (!done) return;
  const { report, adminCreated } = done;
  server = done.server;
  const ignored = ignoredAdminPasswordWarning(config, adminCreated);
  if (ignored) server.log.warn(ignored);
  const url = `http://localhost:${(server.server.address() as { port: number }).port}`;
  const where =
    db.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `  Accord is running at ${url}`,
    `  Database: ${where}${report.migrations.length ? `, migrated (${report.migrations.join(', ')})` : ''}`,
    report.demoSeeded ? '  Loaded the demo network (labelled as demo data in the app).' : '',
    `  API docs: ${url}/api/docs`,
  ];
  if (adminCreated) {
    lines.push(`  Sign in as ${adminCreated.email}`);
    lines.push(
      adminCreated.password
        ? `  with the password ${adminCreated.password}  (shown only now: keep it)`
        : '  with the password from ACCORD_ADMIN_PASSWORD',
    );
  } else {
    lines.push('  Sign in with your account (the demo administrator is admin@accord.example).');
    if (ignored) lines.push(`  Warning: ${ignored}`);
  }
  console.log(lines.filter(Boolean).join('\n') + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().catch((err: unknown) => {
    // A bad setting is the operator's to fix: say which, without a stack trace.
    console.error(err instanceof ConfigError ? `Accord cannot start: ${err.message}` : err);
    process.exit(1);
  });
}
