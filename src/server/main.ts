import { buildApp } from './app';
import { ConfigError, configFromEnv } from './config';
import { openStore as openDatabase } from './store';
import { bootstrapDatabase } from './setup/bootstrap';

/** Starts Accord: opens and prepares the database, then listens. */
export async function startServer(config = configFromEnv()): Promise<void> {
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const report = await bootstrapDatabase(db, config);
  const app = await buildApp({
    config,
    db,
    logger: { level: config.logLevel, transport: undefined },
  });
  const close = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
  const where =
    db.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `  Accord is running at ${url}`,
    `  Database: ${where}${report.migrations.length ? `, migrated (${report.migrations.join(', ')})` : ''}`,
    report.demoSeeded ? '  Loaded the demo network (labelled as demo data in the app).' : '',
    `  API docs: ${url}/api/docs`,
  ];
  if (report.adminCreated) {
    lines.push(`  Sign in as ${report.adminCreated.email}`);
    lines.push(
      report.adminCreated.password
        ? `  with the password ${report.adminCreated.password}  (shown only now: keep it)`
        : '  with the password from ACCORD_ADMIN_PASSWORD',
    );
  } else {
    lines.push('  Sign in with your account (the demo administrator is admin@accord.example).');
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
