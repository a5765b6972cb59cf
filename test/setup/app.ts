import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DialectName } from '../../src/server/db/database';
import { buildApp } from '../../src/server/app';
import { configFromEnv, type AccordConfig } from '../../src/server/config';
import { bootstrapDatabase, DEMO_ADMIN_EMAIL } from '../../src/server/setup/bootstrap';
import { createUser } from '../../src/server/users/service';
import { SYSTEM_ACTOR } from '../../src/server/audit/service';
import type { AppInstance } from '../../src/server/http/app-types';
import { freshDatabase } from './databases';

export const ADMIN_PASSWORD = 'test-admin-password-1';
export const OFFICER_PASSWORD = 'test-officer-password-1';

export interface TestApp {
  app: AppInstance;
  db: Awaited<ReturnType<typeof freshDatabase>>['db'];
  config: AccordConfig;
  close(): Promise<void>;
  /** Signs in and returns the headers a browser would send on later requests. */
  signIn(email: string, password: string): Promise<{ cookie: string; 'x-csrf-token': string }>;
  signInAdmin(): Promise<{ cookie: string; 'x-csrf-token': string }>;
  /** Creates an officer of the government and signs them in. */
  signInOfficer(governmentSlug: string): Promise<{ cookie: string; 'x-csrf-token': string }>;
}

/** Accord on a fresh database of the dialect, with the demo network, ready for inject(). */
export async function makeTestApp(
  dialect: DialectName,
  options: { demo?: boolean } = {},
): Promise<TestApp> {
  const { db, drop } = await freshDatabase(dialect);
  // Uploads of each test app go to a folder of its own, removed on close.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-test-'));
  const config: AccordConfig = {
    ...configFromEnv({}),
    dataDir,
    seedDemo: options.demo ?? true,
    adminPassword: ADMIN_PASSWORD,
    webRoot: undefined,
    // Tests run the daily jobs themselves, on the day they choose.
    dailyJobs: false,
  };
  await bootstrapDatabase(db, config);
  const app = await buildApp({ config, db });
  const signIn = async (email: string, password: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'accord_session');
    return {
      cookie: `accord_session=${cookie?.value ?? ''}`,
      'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken,
    };
  };
  return {
    app,
    db,
    config,
    async close() {
      await app.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    signIn,
    signInAdmin: () => signIn(DEMO_ADMIN_EMAIL, ADMIN_PASSWORD),
    async signInOfficer(slug) {
      const email = `test.officer.${slug}@accord.example`;
      await createUser(db, SYSTEM_ACTOR, {
        email,
        displayName: `Officer of ${slug}`,
        role: 'officer',
        governmentSlug: slug,
        password: OFFICER_PASSWORD,
      });
      return signIn(email, OFFICER_PASSWORD);
    },
  };
}
