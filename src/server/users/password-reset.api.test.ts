import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { HttpProblem } from '../http/problem';
import { resetPassword } from './password-service';

const OLD = 'the-old-password-1';
const NEW = 'the-reset-password-2';
const CLI = { userId: null, label: 'cli' } as const;

describe.each(dialectCases())('resetting a lost password on $label', ({ dialect, skip }) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['signInAdmin']>>;
  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect, { demo: false });
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  let n = 0;
  async function newViewer(): Promise<{ id: number; email: string }> {
    n += 1;
    const email = `forgetful.${n}@x.example`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { email, displayName: `Forgetful ${n}`, role: 'viewer', password: OLD },
    });
    return { id: res.json().user.id, email };
  }
  const sessionUser = async (headers: Record<string, string>) =>
    (await t.app.inject({ url: '/api/v1/auth/session', headers })).json().user;

  it_('sets the password, ends sessions, tokens and a sign-in lock, and is audited', async () => {
    const { id, email } = await newViewer();
    const here = await t.signIn(email, OLD);
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: here,
      payload: { name: 'a script' },
    });
    const bearer = { authorization: `Bearer ${token.json().secret}` };
    // Someone guessed until the account locked.
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'a-wrong-guess-here' },
        remoteAddress: `203.0.113.${i + 1}`,
      });
    }
    await expect(t.signIn(email, OLD)).rejects.toThrow();

    const user = await resetPassword(t.db, CLI, email.toUpperCase(), NEW);
    expect(user).toMatchObject({ id, email });

    expect(await sessionUser({ cookie: here.cookie })).toBeNull();
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: bearer })).statusCode).toBe(
      401,
    );
    await expect(t.signIn(email, NEW)).resolves.toBeTruthy();
    await expect(t.signIn(email, OLD)).rejects.toThrow(/failed/);

    const log = await t.app.inject({
      url: `/api/v1/audit?entityType=user&entityId=${id}`,
      headers: admin,
    });
    const entry = log
      .json()
      .items.find((e: { summary: string }) => /reset from the command line/.test(e.summary));
    expect(entry).toMatchObject({ after: { password: 'reset' } });
    expect(JSON.stringify(log.json())).not.toContain(NEW);
  });

  it_('asks for a password as long as every other, of an account that exists', async () => {
    const { email } = await newViewer();
    const short = await resetPassword(t.db, CLI, email, 'short').catch((e: unknown) => e);
    expect(short).toBeInstanceOf(HttpProblem);
    expect((short as HttpProblem).errors?.[0]?.pointer).toBe('/password');
    const long = await resetPassword(t.db, CLI, email, 'x'.repeat(201)).catch((e: unknown) => e);
    expect((long as HttpProblem).errors?.[0]?.pointer).toBe('/password');
    await expect(t.signIn(email, OLD)).resolves.toBeTruthy();
    const nobody = await resetPassword(t.db, CLI, 'nobody@x.example', NEW).catch((e) => e);
    expect((nobody as HttpProblem).status).toBe(404);
  });
});
