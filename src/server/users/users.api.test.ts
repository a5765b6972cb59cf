import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { ADMIN_PASSWORD, makeTestApp, type TestApp } from '../../../test/setup/app';

describe.each(dialectCases())('sign-in, users and API tokens on $label', ({ dialect, skip }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await makeTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });
  const it_ = skip ? it.skip : it;

  it_('signs in with an HttpOnly SameSite=Lax cookie and tells who is signed in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ADMIN@accord.example', password: ADMIN_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'accord_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const session = await t.app.inject({
      url: '/api/v1/auth/session',
      headers: { cookie: `accord_session=${cookie?.value}` },
    });
    expect(session.json().user).toMatchObject({ email: 'admin@accord.example', role: 'admin' });
    expect(session.json().csrfToken).toBe(res.json().csrfToken);
  });

  it_('refuses a wrong password without saying which part was wrong', async () => {
    for (const email of ['admin@accord.example', 'nobody@accord.example']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'wrong-password' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toBe('The e-mail or the password is wrong.');
    }
  });

  it_('ends the session on sign-out', async () => {
    const h = await t.signInAdmin();
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: h });
    expect(out.statusCode).toBe(204);
    const session = await t.app.inject({
      url: '/api/v1/auth/session',
      headers: { cookie: h.cookie },
    });
    expect(session.json().user).toBeNull();
  });

  it_('creates an officer with a generated password that works once shown', async () => {
    const admin = await t.signInAdmin();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: {
        email: 'new.officer@suwon.example',
        displayName: 'Suwon liaison',
        role: 'officer',
        governmentSlug: 'suwon',
      },
    });
    expect(res.statusCode).toBe(201);
    const { user, generatedPassword } = res.json();
    expect(user.government.slug).toBe('suwon');
    expect(generatedPassword).toMatch(/^[\w]{5}(-[\w]{5}){3}$/);
    await expect(t.signIn('new.officer@suwon.example', generatedPassword)).resolves.toBeTruthy();
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { email: 'new.officer@suwon.example', displayName: 'x', role: 'viewer' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].pointer).toBe('/email');
  });

  it_('requires a government for officers and refuses one for viewers', async () => {
    const admin = await t.signInAdmin();
    const officer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { email: 'o2@x.example', displayName: 'O', role: 'officer' },
    });
    expect(officer.statusCode).toBe(422);
    expect(officer.json().errors[0].pointer).toBe('/governmentSlug');
    const viewer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { email: 'v@x.example', displayName: 'V', role: 'viewer', governmentSlug: 'kyoto' },
    });
    expect(viewer.statusCode).toBe(422);
  });

  it_('never leaves the network without an administrator', async () => {
    const admin = await t.signInAdmin();
    const me = (await t.app.inject({ url: '/api/v1/auth/session', headers: admin })).json().user;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.id}`,
      headers: admin,
      payload: { role: 'viewer' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].pointer).toBe('/role');
  });

  it_('keeps user administration to admins', async () => {
    const officer = await t.signInOfficer('changchun');
    const list = await t.app.inject({ url: '/api/v1/users', headers: officer });
    expect(list.statusCode).toBe(403);
    const audit = await t.app.inject({ url: '/api/v1/audit', headers: officer });
    expect(audit.statusCode).toBe(403);
  });

  it_('disabling a user ends their sessions', async () => {
    const admin = await t.signInAdmin();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: {
        email: 'leaving@x.example',
        displayName: 'Leaving',
        role: 'viewer',
        password: 'a-long-password-1',
      },
    });
    const h = await t.signIn('leaving@x.example', 'a-long-password-1');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${created.json().user.id}`,
      headers: admin,
      payload: { disabled: true },
    });
    const session = await t.app.inject({
      url: '/api/v1/auth/session',
      headers: { cookie: h.cookie },
    });
    expect(session.json().user).toBeNull();
  });

  it_("ends the user's API tokens when the secretariat sets a new password", async () => {
    const admin = await t.signInAdmin();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: {
        email: 'scripted@x.example',
        displayName: 'Scripted',
        role: 'viewer',
        password: 'a-long-password-2',
      },
    });
    const h = await t.signIn('scripted@x.example', 'a-long-password-2');
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: h,
      payload: { name: 'made by whoever knew the password' },
    });
    const auth = { authorization: `Bearer ${token.json().secret}` };
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: auth })).statusCode).toBe(
      200,
    );
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${created.json().user.id}`,
      headers: admin,
      payload: { password: 'a-new-long-password-3' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: auth })).statusCode).toBe(
      401,
    );
  });

  it_('lets scripts use an API token without CSRF, until it is revoked', async () => {
    const officer = await t.signInOfficer('new-taipei');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: officer,
      payload: { name: 'sync script' },
    });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.json();
    expect(secret).toMatch(/^acc_/);
    const auth = { authorization: `Bearer ${secret}` };
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/new-taipei',
      headers: auth,
      payload: { website: 'https://www.ntpc.gov.tw/' },
    });
    expect(ok.statusCode).toBe(200);
    const refused = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/governments/seoul',
      headers: auth,
      payload: { website: 'https://example.org/' },
    });
    expect(refused.statusCode).toBe(403);
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${token.id}`,
      headers: officer,
    });
    const after = await t.app.inject({ url: '/api/v1/auth/session', headers: auth });
    expect(after.statusCode).toBe(401);
  });
});
