import path from 'node:path';
import { PASSWORD_MIN_LENGTH } from '../core/passwords';

/** Everything the server needs to know about its surroundings, read once at start. */
export interface AccordConfig {
  port: number;
  host: string;
  /** Folder for the SQLite file and uploads. */
  dataDir: string;
  /** postgres://… to run on PostgreSQL; undefined for the embedded SQLite database. */
  databaseUrl: string | undefined;
  /** Demo administrator password; generated on first start when absent. */
  adminPassword: string | undefined;
  /** Load the demo network into an empty database on start. */
  seedDemo: boolean;
  /** Serve the built web app from this folder when it exists. */
  webRoot: string | undefined;
  logLevel: string;
  /** Cookies carry Secure when the public address is https. */
  secureCookies: boolean;
  version: string;
  /** The address people reach Accord at, for links in mail and calendar entries. */
  publicUrl: string;
  /** The secretariat's address: the sender of mail and the organizer of meetings. */
  mailFrom: string;
  /**
   * Where letters to the secretariat about membership applications go (ACCORD_SECRETARIAT_EMAIL,
   * one address, e.g. a shared inbox); undefined: to the administrators who are the staff of the
   * application's region, else to every administrator.
   */
  secretariatEmail: string | undefined;
  /**
   * Where letters are sent (SMTP_URL: smtp://user:password@host:587 or smtps://…:465);
   * undefined: nothing is sent, letters wait in the outbox until a server with it runs.
   */
  smtpUrl: string | undefined;
  /**
   * Whether to believe X-Forwarded-For/-Host/-Proto, as Fastify's `trustProxy`: false (the
   * default), true for any proxy, or a comma-separated list of proxy addresses and CIDR ranges.
   */
  trustProxy: boolean | string;
  /**
   * How long an import run stays its server's without a sign of life (ACCORD_IMPORT_LEASE_SECONDS,
   * default 60): a running server renews it; a run whose lease ran out was left by a process
   * that died and is marked interrupted.
   */
  importLeaseSeconds: number;
  /**
   * Whether this server runs the daily jobs (ACCORD_DAILY_JOBS, default true; 'false' turns
   * them off): membership statuses, renewal invoices, reminders. Several servers on one
   * database may all run them: each day's run happens once.
   */
  dailyJobs: boolean;
}

/** ACCORD_TRUST_PROXY: unset or 'false' trusts no one; 'true' any proxy; else proxy addresses. */
function trustProxyFrom(value: string | undefined): boolean | string {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  return v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .join(',');
}

/** A setting Accord cannot start with: its message names the variable and what is wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The address with any password in it hidden, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // Not even a URL: nothing in it can be told apart from a password, so show only its scheme.
    return `${url.split(':')[0]}:…`;
  }
}

function smtpUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new ConfigError(
      `SMTP_URL must be an smtp:// or smtps:// address with a host (or unset, to keep letters in the outbox), got "${redactedUrl(value)}"`,
    );
  }
  return value;
}

function secretariatEmailFrom(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/.test(v)) {
    throw new ConfigError(
      `ACCORD_SECRETARIAT_EMAIL must be one e-mail address (or unset, to write to the administrators), got "${v}"`,
    );
  }
  return v.toLowerCase();
}

function databaseUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new ConfigError(
      `DATABASE_URL must be a postgres:// or postgresql:// address (or unset, for SQLite), got "${redactedUrl(value)}"`,
    );
  }
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AccordConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  }
  const adminPassword = env.ACCORD_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < PASSWORD_MIN_LENGTH) {
    // The same rule as every account's password: a short one is refused, not silently used.
    throw new ConfigError(
      `ACCORD_ADMIN_PASSWORD must be at least ${PASSWORD_MIN_LENGTH} characters long, got ${adminPassword.length}`,
    );
  }
  const importLeaseSeconds = Number(env.ACCORD_IMPORT_LEASE_SECONDS ?? 60);
  if (!Number.isFinite(importLeaseSeconds) || importLeaseSeconds <= 0) {
    throw new ConfigError(
      `ACCORD_IMPORT_LEASE_SECONDS must be a positive number of seconds, got "${env.ACCORD_IMPORT_LEASE_SECONDS}"`,
    );
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.ACCORD_DATA_DIR ?? 'data'),
    databaseUrl: databaseUrlFrom(env.DATABASE_URL),
    adminPassword,
    seedDemo: env.ACCORD_DEMO !== 'false',
    webRoot: path.resolve(env.ACCORD_WEB_ROOT ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.ACCORD_SECURE_COOKIES === 'true',
    version: env.npm_package_version ?? '0.1.0',
    publicUrl: (env.ACCORD_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    mailFrom: env.ACCORD_MAIL_FROM || 'secretariat@accord.example',
    secretariatEmail: secretariatEmailFrom(env.ACCORD_SECRETARIAT_EMAIL),
    smtpUrl: smtpUrlFrom(env.SMTP_URL),
    trustProxy: trustProxyFrom(env.ACCORD_TRUST_PROXY),
    importLeaseSeconds,
    dailyJobs: env.ACCORD_DAILY_JOBS !== 'false',
  };
}
