import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import * as governance from './service';
import {
  admin,
  auditOf,
  countRows,
  draftMeeting,
  openFixture,
  REXCOM,
  sittingMeeting,
  type Fixture,
} from './test-support';

/** The attendance register without HTTP, on both databases: proxies, its rules, the quorum. */

describe.each(dialectCases())('register service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let f: Fixture;

  beforeAll(async () => {
    if (!skip) f = await openFixture(dialect);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it_('keeps the register only while the meeting is scheduled or sitting', async () => {
    const m = await draftMeeting(f.db);
    const entry = {
      governmentId: f.gov.kyoto!,
      name: 'Someone',
      capacity: 'own-right',
      mode: 'online',
    } as const;
    await expect(governance.addAttendance(f.db, admin, m.id, entry)).rejects.toMatchObject({
      status: 409,
      detail: 'Schedule the meeting before recording attendance.',
    });
    await expect(
      governance.addAttendance(f.db, f.officer('kyoto'), m.id, entry),
    ).rejects.toMatchObject({ status: 403 });
    await governance.setMeetingStatus(f.db, admin, m.id, 'scheduled');
    await governance.setMeetingStatus(f.db, admin, m.id, 'cancelled');
    await expect(governance.addAttendance(f.db, admin, m.id, entry)).rejects.toMatchObject({
      status: 409,
      detail: 'The meeting is cancelled; its register is final.',
    });
  });

  it_('records proxies for the seat holders and follows the quorum', async () => {
    const m = await sittingMeeting(f.db);
    expect(m.quorum).toMatchObject({ votingSeats: 5, required: 3, present: 0, reached: false });

    let now = await governance.addAttendance(f.db, admin, m.id, {
      governmentId: f.gov.kyoto!,
      personId: f.person['Daisaku Kadokawa']!,
      capacity: 'own-right',
      mode: 'in-person',
    });
    expect(now.quorum).toMatchObject({ present: 1, reached: false });

    now = await governance.addAttendance(f.db, admin, m.id, {
      governmentId: f.gov.seoul!,
      name: 'Min Kwon',
      capacity: 'proxy',
      mode: 'online',
    });
    const proxy = now.attendance.find((a) => a.capacity === 'proxy');
    // The principal defaults to whoever holds Seoul's seat.
    expect(proxy?.principal).toMatchObject({
      name: 'Jeong Hyup Seo',
      person: { fullName: 'Jeong Hyup Seo' },
    });
    expect(now.quorum).toMatchObject({ present: 2, reached: false });
    expect(await auditOf(f.db, 'attendance', proxy!.id)).toMatchObject([
      { action: 'create', summary: 'Min Kwon present as proxy of Jeong Hyup Seo' },
    ]);

    now = await governance.addAttendance(f.db, admin, m.id, {
      governmentId: f.gov.suwon!,
      personId: f.person['Moo Young Jo']!,
      capacity: 'proxy',
      mode: 'online',
    });
    expect(now.quorum).toMatchObject({ present: 3, required: 3, reached: true });

    // An adviser of the secretariat attends for no government and does not count.
    now = await governance.addAttendance(f.db, admin, m.id, {
      personId: f.person['Gino Van Begin']!,
      capacity: 'adviser',
      mode: 'online',
    });
    expect(now.attendance.find((a) => a.capacity === 'adviser')).toMatchObject({
      name: 'Gino Van Begin',
      government: null,
      principal: null,
    });
    expect(now.quorum).toMatchObject({ present: 3, reached: true });

    // Someone leaving is the register's business too: quorum is lost.
    const kyoto = now.attendance.find((a) => a.government?.slug === 'kyoto')!;
    now = await governance.patchAttendance(f.db, admin, kyoto.id, { present: false });
    expect(now.quorum).toMatchObject({ present: 2, reached: false });
    expect((await auditOf(f.db, 'attendance', kyoto.id)).at(-1)).toMatchObject({
      action: 'update',
      summary: 'Daisaku Kadokawa: left (in-person)',
    });
    now = await governance.removeAttendance(f.db, admin, kyoto.id);
    expect(now.attendance.map((a) => a.id)).not.toContain(kyoto.id);
    expect((await auditOf(f.db, 'attendance', kyoto.id)).at(-1)).toMatchObject({
      action: 'delete',
    });
  });

  it_('refuses a register that breaks the rules and writes nothing', async () => {
    const m = await sittingMeeting(f.db);
    await governance.addAttendance(f.db, admin, m.id, {
      governmentId: f.gov.seoul!,
      name: 'Min Kwon',
      capacity: 'proxy',
      mode: 'online',
    });
    const rows = await countRows(f.db, 'attendance');
    const refused = async (
      input: Parameters<typeof governance.addAttendance>[3],
      pointer: string,
    ) =>
      expect(governance.addAttendance(f.db, admin, m.id, input)).rejects.toMatchObject({
        status: 422,
        errors: [{ pointer }],
      });
    // The represented principal cannot take part too.
    await refused(
      {
        governmentId: f.gov.seoul!,
        personId: f.person['Jeong Hyup Seo']!,
        capacity: 'own-right',
        mode: 'online',
      },
      '/governmentId',
    );
    // One proxy acts for one principal per meeting (the body's rule).
    await refused(
      { governmentId: f.gov.suwon!, name: 'Min Kwon', capacity: 'proxy', mode: 'online' },
      '/name',
    );
    await refused({ name: 'Nobody', capacity: 'own-right', mode: 'online' }, '/governmentId');
    await refused(
      { name: 'Adviser', capacity: 'adviser', principalName: 'Someone', mode: 'online' },
      '/principalName',
    );
    await refused({ governmentId: f.gov.kyoto!, capacity: 'own-right', mode: 'online' }, '/name');
    await refused(
      { governmentId: f.gov.kyoto!, personId: 999_999, capacity: 'own-right', mode: 'online' },
      '/personId',
    );
    expect(await countRows(f.db, 'attendance')).toBe(rows);
  });

  it_('counts only own-right presence when the body says proxies do not count', async () => {
    const m = await sittingMeeting(f.db);
    for (const [slug, name, capacity] of [
      ['kyoto', 'Daisaku Kadokawa', 'own-right'],
      ['changchun', 'Lina Jia', 'own-right'],
      ['seoul', 'Min Kwon', 'proxy'],
    ] as const) {
      await governance.addAttendance(f.db, admin, m.id, {
        governmentId: f.gov[slug]!,
        personId: f.person[name]!,
        capacity,
        mode: 'online',
      });
    }
    expect((await governance.getMeeting(f.db, m.id, admin)).quorum).toMatchObject({
      present: 3,
      reached: true,
    });
    await governance.updateBody(f.db, admin, REXCOM, {
      rules: { quorum: { proxiesCount: false } },
    });
    try {
      const quorum = (await governance.getMeeting(f.db, m.id, admin)).quorum;
      expect(quorum).toMatchObject({ present: 2, required: 3, reached: false });
      expect(quorum?.notCounted).toContainEqual({
        governmentId: f.gov.seoul,
        reason: 'proxy-not-counted',
      });
    } finally {
      await governance.updateBody(f.db, admin, REXCOM, {
        rules: { quorum: { proxiesCount: true } },
      });
    }
  });
});
