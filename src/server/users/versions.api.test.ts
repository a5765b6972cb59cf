import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

const PASSWORD = 'a-long-enough-password-1';

type Headers = Record<string, string>;
interface UserJson {
  id: number;
  email: string;
  displayName: string;
  role: string;
  disabled: boolean;
  version: number;
}

/**
 * Users carry a version that every change takes the next of (PATCH /users/{id}, a password
 * changed by its owner, disabling, a new role); a change from a copy read before answers 412.
 */
describe.each(dialectCases())('users changed concurrently on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect, { demo: false });
    admin = await t.signInAdmin();
  });
  afterAll(async () => {
    await t?.close();
  });

  let n = 0;
  async function newViewer(): Promise<UserJson> {
    n += 1;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: {
        email: `versioned.${n}@x.example`,
        displayName: `Versioned ${n}`,
        role: 'viewer',
        password: PASSWORD,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { user: UserJson }).user;
  }

  /** There is no GET of one user: the web reads users, and their versions, from the list. */
  async function read(user: { email: string }): Promise<UserJson> {
    const res = await t.app.inject({
      url: `/api/v1/users?q=${encodeURIComponent(user.email)}`,
      headers: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const found = (res.json() as { items: UserJson[] }).items.find((u) => u.email === user.email);
    expect(found).toBeDefined();
    return found as UserJson;
  }

  const patch = (id: number, payload: object, version?: number) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: version === undefined ? admin : { ...admin, 'if-match': `"${version}"` },
      payload,
    });

  function expectStale(res: Awaited<ReturnType<typeof patch>>) {
    expect(res.statusCode, res.body).toBe(412);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 412, code: 'stale-write' });
  }

  it_(
    'refuses a change made from a stale copy with 412 and keeps the change before it',
    async () => {
      const user = await newViewer();
      expect(user.version).toBe(1);
      const { version } = await read(user);
      expect(version).toBe(1);

      const fresh = await patch(user.id, { displayName: 'Renamed once' }, version);
      expect(fresh.statusCode, fresh.body).toBe(200);
      expect(fresh.headers.etag).toBe(`"${version + 1}"`);
      expect((fresh.json() as UserJson).version).toBe(version + 1);

      expectStale(await patch(user.id, { displayName: 'Someone else', role: 'admin' }, version));
      expect(await read(user)).toMatchObject({
        displayName: 'Renamed once',
        role: 'viewer',
        version: version + 1,
      });
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .where('entity_type', '=', 'user')
        .where('entity_id', '=', String(user.id))
        .select('action')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);

      // Without If-Match the change is made, and takes the next version.
      const unconditional = await patch(user.id, { displayName: 'Renamed twice' });
      expect(unconditional.statusCode, unconditional.body).toBe(200);
      expect(unconditional.headers.etag).toBe(`"${version + 2}"`);
    },
  );

  it_('counts a role change, disabling and a new password as changes', async () => {
    const user = await newViewer();
    const changes: object[] = [
      { role: 'admin' },
      { disabled: true },
      { disabled: false },
      { password: 'another-long-password-2' },
    ];
    for (const change of changes) {
      const { version } = await read(user);
      const res = await patch(user.id, change);
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as UserJson).version).toBe(version + 1);
      expectStale(await patch(user.id, { displayName: 'From an old copy' }, version));
    }
    expect(await read(user)).toMatchObject({ displayName: user.displayName, version: 5 });
  });

  it_('counts a password its owner changes as a change of the user', async () => {
    const user = await newViewer();
    const { version } = await read(user);
    const own = await t.signIn(user.email, PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: own,
      payload: { currentPassword: PASSWORD, newPassword: 'a-new-long-password-3' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { user: UserJson }).user.version).toBe(version + 1);
    expect((await read(user)).version).toBe(version + 1);
    expectStale(await patch(user.id, { role: 'admin' }, version));
    expect((await read(user)).role).toBe('viewer');
  });

  it_('answers 404 for a user that does not exist, with or without If-Match', async () => {
    expect((await patch(999_999, { displayName: 'Nobody' })).statusCode).toBe(404);
    expect((await patch(999_999, { displayName: 'Nobody' }, 1)).statusCode).toBe(404);
  });
});
