import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import * as governance from './service';
import {
  admin,
  anonymous,
  auditOf,
  draftMeeting,
  openFixture,
  viewer,
  type Fixture,
} from './test-support';

/** Minutes without HTTP, on both databases: sanitised, logged, the secretariat's alone. */

describe.each(dialectCases())('minutes service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let f: Fixture;

  beforeAll(async () => {
    if (!skip) f = await openFixture(dialect);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it_('keeps the minutes’ text and drops what could run in a browser', async () => {
    const m = await draftMeeting(f.db);
    const written = await governance.putMinutes(
      f.db,
      admin,
      m.id,
      '<p>Adopted <strong>unanimously</strong>.</p><script>alert(1)</script><img src=x onerror=alert(2)>',
    );
    expect(written.minutesHtml).toBe('<p>Adopted <strong>unanimously</strong>.</p>');
    const audit = (await auditOf(f.db, 'meeting', m.id)).at(-1);
    expect(audit).toMatchObject({
      action: 'update',
      summary: 'Minutes of Extraordinary RexCom meeting',
    });
    expect(JSON.parse(audit?.before_json ?? 'null')).toEqual({ minutes: null });
    // Minutes without any text left are no minutes.
    const emptied = await governance.putMinutes(f.db, admin, m.id, '<p> </p><script>x()</script>');
    expect(emptied.minutesHtml).toBeNull();
  });

  it_('lets only the secretariat write them, and not for a cancelled meeting', async () => {
    const m = await draftMeeting(f.db);
    for (const actor of [f.officer('seoul'), viewer]) {
      await expect(governance.putMinutes(f.db, actor, m.id, '<p>x</p>')).rejects.toMatchObject({
        status: 403,
      });
    }
    await expect(governance.putMinutes(f.db, anonymous, m.id, '<p>x</p>')).rejects.toMatchObject({
      status: 401,
    });
    expect((await governance.getMeeting(f.db, m.id, admin)).minutesHtml).toBeNull();
    await governance.setMeetingStatus(f.db, admin, m.id, 'cancelled');
    await expect(governance.putMinutes(f.db, admin, m.id, '<p>x</p>')).rejects.toMatchObject({
      status: 409,
      detail: 'A cancelled meeting has no minutes.',
    });
    await expect(governance.putMinutes(f.db, admin, 999_999, '<p>x</p>')).rejects.toMatchObject({
      status: 404,
    });
  });
});
