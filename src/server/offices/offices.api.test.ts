import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { makeTestApp, type TestApp } from '../../../test/setup/app';

/** An office's time zone: shown, changed by the secretariat alone, checked as an IANA zone. */
describe.each(dialectCases())('offices on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await makeTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  const url = '/api/v1/offices/east-asia-secretariat';
  const patch = (payload: unknown, headers: Record<string, string>) =>
    t.app.inject({ method: 'PATCH', url, headers, payload: payload as object });
  const bodyZone = async () =>
    (await t.app.inject({ url: '/api/v1/bodies/east-asia-rexcom' })).json().timeZone;

  it_('shows each office’s zone, the East Asia secretariat’s Seoul', async () => {
    const list = (await t.app.inject({ url: '/api/v1/offices' })).json();
    expect(list.items.find((o: { slug: string }) => o.slug === 'japan-office')).toMatchObject({
      timeZone: 'Asia/Tokyo',
      version: 1,
    });
    const one = await t.app.inject({ url });
    expect(one.json()).toMatchObject({ timeZone: 'Asia/Seoul', region: 'east-asia' });
    expect(one.headers.etag).toBe('"1"');
  });

  it_('lets only the secretariat change it', async () => {
    const officer = await t.signInOfficer('seoul');
    expect((await patch({ timeZone: 'Asia/Tokyo' }, officer)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PATCH', url, payload: {} })).statusCode).toBe(401);
    expect(await bodyZone()).toBe('Asia/Seoul');
  });

  it_('refuses a zone that is not an IANA zone, naming the field', async () => {
    const admin = await t.signInAdmin();
    const res = await patch({ timeZone: 'Seoul' }, admin);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'unknown-time-zone',
      params: { zone: 'Seoul' },
      errors: [{ pointer: '/timeZone' }],
    });
  });

  it_(
    'changes the zone, which the body’s meetings then default to; a stale copy is refused',
    async () => {
      const admin = await t.signInAdmin();
      const before = (await t.app.inject({ url })).json();
      const res = await patch(
        { timeZone: 'Asia/Tokyo' },
        { ...admin, 'if-match': `"${before.version}"` },
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ timeZone: 'Asia/Tokyo', version: before.version + 1 });
      expect(await bodyZone()).toBe('Asia/Tokyo');
      const stale = await patch(
        { timeZone: null },
        { ...admin, 'if-match': `"${before.version}"` },
      );
      expect(stale.statusCode).toBe(412);
      // Cleared, the body falls back to the region's next office with a zone (Tokyo, then Suwon).
      expect((await patch({ timeZone: null }, admin)).json().timeZone).toBeNull();
      expect(await bodyZone()).toBe('Asia/Tokyo');
      await patch({ timeZone: 'Asia/Seoul' }, admin);
    },
  );
});
