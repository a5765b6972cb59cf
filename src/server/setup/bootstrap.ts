import type { AccordConfig } from '../config';
import { hashPassword, generatePassword } from '../auth/secrets';
import { SYSTEM_ACTOR } from '../audit/service';
import { createUser } from '../users/service';
import type { StoreDb as Db } from '../store';
import { migrateToLatest } from '../db/migrate';
import { withStartupLock } from '../db/startup-lock';
import { regionsOnly, seedDemoNetwork } from './demo/seed';
import { seedDemoClimate } from './demo/climate';
import { demoGovernanceMissing, seedDemoGovernance } from './demo/governance';
import { demoMembershipMissing, seedDemoMembership } from './demo/membership';
import { demoApplicationsMissing, seedDemoApplications } from './demo/applications';
import { nowIso } from '../clock';

export const DEMO_ADMIN_EMAIL = 'admin@accord.example';

export interface BootstrapReport {
  migrations: string[];
  demoSeeded: boolean;
  /** Set when the administrator was created now with a generated password (printed once). */
  adminCreated: { email: string; password: string | null } | null;
}

/**
 * Brings a database to a usable state on start: migrations, regions, the demo network on
 * an empty database, and the first administrator. Safe to run on every start.
 */
export async function bootstrapDatabase(db: Db, config: BootstrapConfig): Promise<BootstrapReport> {
  const prepared = await prepareDatabase(db, config);
  return { ...prepared, adminCreated: await ensureFirstAdministrator(db, config) };
}

type BootstrapConfig = Pick<AccordConfig, 'seedDemo' | 'adminPassword'> &
  Partial<Pick<AccordConfig, 'publicUrl' | 'mailFrom'>>;

/** Everything bootstrapDatabase does but the first administrator. */
export function prepareDatabase(
  db: Db,
  config: BootstrapConfig,
): Promise<Omit<BootstrapReport, 'adminCreated'>> {
  // Servers started together take turns: the first migrates and seeds, the others find it done.
  return withStartupLock(db, () => prepareUnlocked(db, config));
}

async function prepareUnlocked(
  db: Db,
  config: BootstrapConfig,
): Promise<Omit<BootstrapReport, 'adminCreated'>> {
  const result = await migrateToLatest(db);
  const migrations = (result.results ?? []).map((r) => r.migrationName);
  const now = nowIso();
  let demoSeeded = false;
  if (config.seedDemo) {
    demoSeeded = (await seedDemoNetwork(db, { now, hashPassword })).seeded;
    if (demoSeeded) await seedDemoClimate(db);
    // Also for a demo database made before governance existed: its bodies come with this start.
    if (await demoGovernanceMissing(db)) {
      await seedDemoGovernance(db, {
        publicUrl: config.publicUrl ?? 'http://localhost:3000',
        mailFrom: config.mailFrom ?? 'secretariat@accord.example',
      });
    }
    // Also for a demo database made before membership periods existed.
    if (await demoMembershipMissing(db)) await seedDemoMembership(db);
    // And for one made before membership applications existed.
    if (await demoApplicationsMissing(db)) await seedDemoApplications(db);
  }
  await regionsOnly(db, now);
  return { migrations, demoSeeded };
}

/**
 * Creates the first administrator when there is none. A generated password exists only in the
 * report: the server calls this once it is listening and prints it at once, so a start that
 * fails earlier leaves no administrator behind whose password nobody saw.
 */
export function ensureFirstAdministrator(
  db: Db,
  config: Pick<AccordConfig, 'adminPassword'>,
): Promise<BootstrapReport['adminCreated']> {
  // Two servers starting together must not both create (or both print) the first administrator.
  return withStartupLock(db, () => createFirstAdministrator(db, config));
}

async function createFirstAdministrator(
  db: Db,
  config: Pick<AccordConfig, 'adminPassword'>,
): Promise<BootstrapReport['adminCreated']> {
  if (await db.users.findUserByEmail(DEMO_ADMIN_EMAIL)) return null;
  if (await db.users.hasAnyAdmin()) return null;
  const password = config.adminPassword ?? generatePassword();
  await createUser(db, SYSTEM_ACTOR, {
    email: DEMO_ADMIN_EMAIL,
    displayName: 'Administrator',
    role: 'admin',
    password,
  });
  return { email: DEMO_ADMIN_EMAIL, password: config.adminPassword ? null : password };
}

/**
 * What to say at start-up when ACCORD_ADMIN_PASSWORD is set but was not used: it sets the
 * password of the first administrator only, when Accord creates them, never afterwards.
 */
export function ignoredAdminPasswordWarning(
  config: Pick<AccordConfig, 'adminPassword'>,
  adminCreated: BootstrapReport['adminCreated'],
): string | null {
  if (config.adminPassword === undefined || adminCreated !== null) return null;
  return (
    'ACCORD_ADMIN_PASSWORD was ignored: an administrator exists already, and the variable only ' +
    'sets the password of the first one, on the first start. To set a new password: ' +
    `accord user reset-password ${DEMO_ADMIN_EMAIL} (or another user's e-mail)`
  );
}
