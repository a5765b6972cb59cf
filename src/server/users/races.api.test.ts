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
});
