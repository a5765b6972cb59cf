import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

/** Users made at once with one address: the unique address keeps one, the rest hear 409. */
describe.each(dialectCases())('users under parallel creates on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect, { demo: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it_('creates one user for 10 creates with one e-mail; the others answer 409', async () => {
    const admin = await t.signInAdmin();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: admin,
          payload: {
            email: 'twice@race.example',
            displayName: `Twice ${i}`,
            role: 'viewer',
            password: 'a-long-enough-password',
          },
        }),
      ),
    );
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const res of responses.filter((r) => r.statusCode !== 201)) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].pointer).toBe('/email');
    }
    const rows = await t.db.kysely
      .selectFrom('users')
      .where('email', '=', 'twice@race.example')
      .select('id')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it_('keeps an administrator when two demote each other at once', async () => {
    const admin = await t.signInAdmin();
    const ids: number[] = [];
    for (const name of ['first', 'second']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: {
          email: `${name}@admins.example`,
          displayName: `Admin ${name}`,
          role: 'admin',
          password: 'a-long-enough-password',
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push((res.json() as { user: { id: number } }).user.id);
    }
    const first = await t.signIn('first@admins.example', 'a-long-enough-password');
    const second = await t.signIn('second@admins.example', 'a-long-enough-password');
    // The bootstrap administrator steps down, leaving the two.
    const me = (await t.app.inject({ url: '/api/v1/auth/session', headers: admin })).json() as {
      user: { id: number };
    };
    const down = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.user.id}`,
      headers: first,
      payload: { role: 'viewer' },
    });
    expect(down.statusCode, down.body).toBe(200);

    const [a, b] = await Promise.all([
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${ids[1]}`,
        headers: first,
        payload: { role: 'viewer' },
      }),
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${ids[0]}`,
        headers: second,
        payload: { disabled: true },
      }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    // One goes through; the other finds itself the last administrator's demoter (409), or,
    // demoted already, no longer allowed to manage users (403).
    expect(statuses[0], `${a.body} ${b.body}`).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const admins = await t.db.kysely
      .selectFrom('users')
      .where('role', '=', 'admin')
      .where('disabled', '=', 0)
      .select('id')
      .execute();
    expect(admins).toHaveLength(1);
  });
});
