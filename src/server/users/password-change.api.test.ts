import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

const OLD = 'the-old-password-1';
const NEW = 'the-new-password-2';

describe.each(dialectCases())('changing one’s own password on $label', ({ dialect, skip }) => {
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
  const it_ = skip ? it.skip : it;

  let n = 0;
  async function newViewer(): Promise<{ id: number; email: string }> {
    n += 1;
    const email = `changer.${n}@x.example`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { email, displayName: `Changer ${n}`, role: 'viewer', password: OLD },
    });
    return { id: res.json().user.id, email };
  }

  const change = (
    headers: Record<string, string>,
    payload: Record<string, unknown>,
    remoteAddress = `198.51.100.${n}`,
  ) =>
    t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers, payload, remoteAddress });

  const sessionUser = async (headers: Record<string, string>) =>
    (await t.app.inject({ url: '/api/v1/auth/session', headers })).json().user;

  it_('sets the new password, rotates the session and ends other sessions and tokens', async () => {
    const { id, email } = await newViewer();
    const here = await t.signIn(email, OLD);
    const elsewhere = await t.signIn(email, OLD);
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: here,
      payload: { name: 'a script' },
    });
    const bearer = { authorization: `Bearer ${token.json().secret}` };

    const res = await change(here, { currentPassword: OLD, newPassword: NEW });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id, email });
    const cookie = res.cookies.find((c) => c.name === 'accord_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(`accord_session=${cookie?.value}`).not.toBe(here.cookie);
    const rotated = { cookie: `accord_session=${cookie?.value}` };
    expect((await sessionUser(rotated))?.id).toBe(id);
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: rotated })).json()).toEqual(
      expect.objectContaining({ csrfToken: res.json().csrfToken }),
    );

    expect(await sessionUser({ cookie: here.cookie })).toBeNull();
    expect(await sessionUser({ cookie: elsewhere.cookie })).toBeNull();
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
      .items.find((e: { summary: string }) => /changed their password/.test(e.summary));
    expect(entry).toMatchObject({ actor: { userId: id }, after: { password: 'changed' } });
    expect(JSON.stringify(log.json())).not.toContain(NEW);
  });

  it_('refuses a wrong current password on its field, and counts it towards the lock', async () => {
    const { email } = await newViewer();
    const h = await t.signIn(email, OLD);
    for (let i = 0; i < 5; i++) {
      const res = await change(h, { currentPassword: 'not-the-password', newPassword: NEW });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().errors).toMatchObject([
        { pointer: '/currentPassword', detail: 'is not your current password' },
      ]);
    }
    // Locked now: the right current password is refused too, and so is signing in.
    const locked = await change(h, { currentPassword: OLD, newPassword: NEW });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: OLD },
    });
    expect(signIn.statusCode).toBe(429);
    // Nothing changed: the old password is still the one.
    expect(await sessionUser({ cookie: h.cookie })).toMatchObject({ email });
  });

  it_('asks for a new password as long as every other, and different from the old', async () => {
    const { email } = await newViewer();
    const h = await t.signIn(email, OLD);
    const short = await change(h, { currentPassword: OLD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].pointer).toBe('/newPassword');
    const same = await change(h, { currentPassword: OLD, newPassword: OLD });
    expect(same.statusCode).toBe(422);
    expect(same.json().errors[0].pointer).toBe('/newPassword');
  });

  it_('is for signed-in users, with the CSRF token', async () => {
    const anonymous = await change({}, { currentPassword: OLD, newPassword: NEW });
    expect(anonymous.statusCode).toBe(401);
    const { email } = await newViewer();
    const h = await t.signIn(email, OLD);
    const noCsrf = await change({ cookie: h.cookie }, { currentPassword: OLD, newPassword: NEW });
    expect(noCsrf.statusCode).toBe(403);
    await expect(t.signIn(email, OLD)).resolves.toBeTruthy();
  });
});
