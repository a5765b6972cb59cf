import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { buildApp } from '../app';
import { advanceClockForTests, nowIso, resetClockForTests } from '../clock';
import type { AppInstance } from '../http/app-types';
import { addressKey } from './throttle-service';

const PASSWORD = 'the-right-password-1';
const MINUTES = 60_000;

describe.each(dialectCases())('the sign-in throttle on $label', ({ dialect, skip }) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['signInAdmin']>>;
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => resetClockForTests());
  const it_ = skip ? it.skip : it;

  let n = 0;
  async function newAccount(): Promise<{ id: number; email: string }> {
    n += 1;
    const email = `guessed.${n}@x.example`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { email, displayName: `Guessed ${n}`, role: 'viewer', password: PASSWORD },
    });
    expect(res.statusCode).toBe(201);
    return { id: res.json().user.id, email };
  }

  // Each test signs in from its own address, so the address ceiling of one does not reach another.
  const signIn = (
    email: string,
    password: string,
    address = `198.51.100.${n}`,
    app: AppInstance = t.app,
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: address,
      payload: { email, password },
    });

  it_(
    'refuses the 6th attempt even with the right password, until the window has passed',
    async () => {
      const { email } = await newAccount();
      for (let i = 0; i < 5; i++)
        expect((await signIn(email, 'wrong-password')).statusCode).toBe(401);
      const refused = await signIn(email, PASSWORD);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
      expect(refused.cookies.find((c) => c.name === 'accord_session')).toBeUndefined();

      advanceClockForTests(10 * MINUTES);
      expect((await signIn(email, PASSWORD)).statusCode).toBe(429);
      advanceClockForTests(5 * MINUTES + 1000);
      expect((await signIn(email, PASSWORD)).statusCode).toBe(200);
    },
  );

  it_('answers an unknown e-mail exactly as it answers an account', async () => {
    const { email } = await newAccount();
    const unknown = 'nobody.here@x.example';
    const answers = async (who: string) => {
      const out = [];
      let retryAfter = 0;
      for (let i = 0; i < 6; i++) {
        const res = await signIn(who, i < 5 ? 'wrong-password' : PASSWORD);
        out.push({ status: res.statusCode, type: res.headers['content-type'], body: res.json() });
        retryAfter = Number(res.headers['retry-after']);
      }
      return { out, retryAfter };
    };
    const known = await answers(email);
    const nobody = await answers(unknown);
    expect(nobody.out).toEqual(known.out);
    expect(nobody.out.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
    // The same wait, give or take the seconds between the two runs.
    expect(Math.abs(nobody.retryAfter - known.retryAfter)).toBeLessThanOrEqual(5);
    expect(known.retryAfter).toBeGreaterThan(14 * 60);
  });

  it_('locks longer each time, and a success forgets the failures', async () => {
    const { email } = await newAccount();
    for (let i = 0; i < 4; i++) await signIn(email, 'wrong-password');
    expect((await signIn(email, PASSWORD)).statusCode).toBe(200);
    // The count started again: four more failures do not lock.
    for (let i = 0; i < 4; i++)
      expect((await signIn(email, 'wrong-password')).statusCode).toBe(401);
    expect((await signIn(email, 'wrong-password')).statusCode).toBe(401);
    expect((await signIn(email, PASSWORD)).statusCode).toBe(429);

    advanceClockForTests(15 * MINUTES + 1000);
    for (let i = 0; i < 5; i++)
      expect((await signIn(email, 'wrong-password')).statusCode).toBe(401);
    const second = await signIn(email, PASSWORD);
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(29 * 60);
    advanceClockForTests(15 * MINUTES + 1000);
    expect((await signIn(email, PASSWORD)).statusCode).toBe(429);
    advanceClockForTests(15 * MINUTES);
    expect((await signIn(email, PASSWORD)).statusCode).toBe(200);
  });

  it_('counts failures made through another server on the same database', async () => {
    const { email } = await newAccount();
    const other = await buildApp({ config: t.config, db: t.db });
    try {
      for (let i = 0; i < 3; i++) await signIn(email, 'wrong-password');
      for (let i = 0; i < 2; i++) await signIn(email, 'wrong-password', undefined, other);
      expect((await signIn(email, PASSWORD)).statusCode).toBe(429);
      expect((await signIn(email, PASSWORD, undefined, other)).statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });

  it_('lets no more than 5 of many parallel guesses have their password checked', async () => {
    const { email } = await newAccount();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(email, i === 11 ? PASSWORD : `wrong-${i}`)),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(5);
  });

  it_('records the lock in the audit log', async () => {
    const { id, email } = await newAccount();
    for (let i = 0; i < 5; i++) await signIn(email, 'wrong-password', '192.0.2.44');
    const log = await t.app.inject({
      url: `/api/v1/audit?entityType=user&entityId=${id}`,
      headers: admin,
    });
    const entry = log.json().items.find((e: { summary: string }) => /locked/.test(e.summary));
    expect(entry).toMatchObject({
      action: 'update',
      actor: { userId: null, kind: 'sign-in', label: '192.0.2.44' },
    });
    expect(entry.summary).toContain(email);
    expect(entry.after.lockouts).toBe(1);
  });

  it_('locks a client address that guesses across many accounts', async () => {
    const { email } = await newAccount();
    const address = '203.0.113.9';
    // 45 failures from the address across accounts are on record (each costs an argon2
    // check, too slow to make one by one here); five guesses at other e-mails make 50.
    const key = addressKey(address);
    await t.db.users.claimThrottle(key, nowIso());
    await t.db.users.saveThrottle(key, {
      failures: 45,
      window_started_at: nowIso(),
      locked_until: null,
      lockouts: 0,
      updated_at: nowIso(),
    });
    for (let i = 0; i < 5; i++) {
      const res = await signIn(`sprayed.${i}@x.example`, 'wrong-password', address);
      expect(res.statusCode).toBe(401);
    }
    const fromThere = await signIn(email, PASSWORD, address);
    expect(fromThere.statusCode).toBe(429);
    expect(Number(fromThere.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // The account itself is not locked: from elsewhere its owner signs in.
    expect((await signIn(email, PASSWORD, '198.51.100.250')).statusCode).toBe(200);
    const log = await t.app.inject({ url: '/api/v1/audit?entityType=sign-in', headers: admin });
    expect(log.json().items.map((e: { entityId: string }) => e.entityId)).toContain(address);
  });
});
