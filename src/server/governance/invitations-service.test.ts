import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import * as governance from './service';
import {
  admin,
  auditOf,
  countRows,
  draftMeeting,
  MAIL,
  nobody,
  openFixture,
  scheduledMeeting,
  viewer,
  type Fixture,
} from './test-support';

/** Invitations without HTTP, on both databases: inviting, letters, replies and who sees what. */

describe.each(dialectCases())('invitations service on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let f: Fixture;

  beforeAll(async () => {
    if (!skip) f = await openFixture(dialect);
  });
  afterAll(async () => {
    await f?.drop();
  });

  it_('invites every seat once and queues a letter for each invitee with an address', async () => {
    const m = await draftMeeting(f.db);
    await expect(
      governance.invite(f.db, MAIL, f.officer('seoul'), m.id, { seats: true }),
    ).rejects.toMatchObject({ status: 403 });
    const outbox = await countRows(f.db, 'outbox');
    const { items } = await governance.invite(f.db, MAIL, admin, m.id, { seats: true });
    expect(items.map((i) => i.government?.slug)).toEqual([
      'kyoto',
      'seoul',
      'suwon',
      'changchun',
      'new-taipei',
    ]);
    expect(items.every((i) => i.reply === 'pending' && i.role === 'REQ-PARTICIPANT')).toBe(true);
    const mailed = items.filter((i) => i.email !== null).length;
    expect(await countRows(f.db, 'outbox')).toBe(outbox + mailed);
    // Inviting again adds nobody and mails nobody.
    const again = await governance.invite(f.db, MAIL, admin, m.id, { seats: true });
    expect(again.items).toHaveLength(5);
    expect(await countRows(f.db, 'outbox')).toBe(outbox + mailed);
    expect((await auditOf(f.db, 'meeting', m.id)).map((a) => a.summary).slice(-2)).toEqual([
      'Invited 5 to Extraordinary RexCom meeting',
      'Invited 0 to Extraordinary RexCom meeting',
    ]);
  });

  it_('gives each letter a calendar file naming its reader, no other invitee', async () => {
    const m = await draftMeeting(f.db);
    const guests = [
      { name: 'Cy Observer', email: 'cy@example.org' },
      { name: 'Di Observer', email: 'di@example.org' },
    ];
    await governance.invite(f.db, MAIL, admin, m.id, { seats: false, guests });
    for (const { email } of guests) {
      const letter = await f.db.kysely
        .selectFrom('outbox')
        .where('to_email', '=', email)
        .select('attachment_text')
        .executeTakeFirstOrThrow();
      const text = (letter.attachment_text ?? '').replace(/\r\n[ \t]/g, '');
      const addresses = [...text.matchAll(/mailto:([^\s;:"]+)/gi)].map((x) => x[1]?.toLowerCase());
      // The reader and the secretariat that sends: a letter is no way to collect addresses.
      expect(new Set(addresses)).toEqual(new Set([email, MAIL.mailFrom]));
    }
  });

  it_('writes no invitation and no letter when one guest of several is refused', async () => {
    const m = await draftMeeting(f.db);
    const invitations = await countRows(f.db, 'invitations');
    const outbox = await countRows(f.db, 'outbox');
    await governance.invite(f.db, MAIL, admin, m.id, {
      seats: false,
      guests: [{ name: 'Ada Observer', email: 'Ada@Example.org' }],
    });
    expect(await countRows(f.db, 'invitations')).toBe(invitations + 1);
    const letter = await f.db.kysely
      .selectFrom('outbox')
      .where('to_email', '=', 'ada@example.org')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(letter).toMatchObject({
      subject: 'Invitation: Extraordinary RexCom meeting',
      attachment_name: 'invitation.ics',
    });
    expect(letter.body_text).toContain('2023-03-14 at 10:00 (Asia/Seoul)');
    expect(letter.attachment_text).toContain('CONFERENCE');
    await expect(
      governance.invite(f.db, MAIL, admin, m.id, {
        seats: true,
        guests: [
          { name: 'Bo Observer', email: 'bo@example.org' },
          { name: 'Ada again', email: 'ada@example.org' },
        ],
      }),
    ).rejects.toMatchObject({ status: 409, errors: [{ pointer: '/guests/1/email' }] });
    // The five seats and Bo were written before Ada was found already invited: all undone.
    expect(await countRows(f.db, 'invitations')).toBe(invitations + 1);
    expect(await countRows(f.db, 'outbox')).toBe(outbox + 1);
  });

  it_('stores no line break in the header fields of a letter (no header injection)', async () => {
    const m = await draftMeeting(f.db, {
      title: { en: 'Budget\r\nBcc: everyone@evil.example' },
    });
    await governance.invite(f.db, MAIL, admin, m.id, {
      seats: false,
      guests: [{ name: 'Eve\r\nBcc: spy@evil.example\n\rX: y', email: 'eve@example.org' }],
    });
    const letter = await f.db.kysely
      .selectFrom('outbox')
      .where('to_email', '=', 'eve@example.org')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(letter.subject).toBe('Invitation: Budget Bcc: everyone@evil.example');
    expect(letter.to_name).toBe('Eve Bcc: spy@evil.example X: y');
    for (const field of [letter.to_email, letter.to_name, letter.subject, letter.attachment_name]) {
      expect(field).not.toMatch(/[\r\n]/);
    }
  });

  it_('lets an officer answer for their own government only, and name a proxy', async () => {
    const m = await scheduledMeeting(f.db);
    const seoul = m.invitations.find((i) => i.government?.slug === 'seoul')!;
    const kyoto = m.invitations.find((i) => i.government?.slug === 'kyoto')!;
    const denied = {
      status: 403,
      detail: "Only the secretariat or the invited government's officers may reply.",
    };
    await expect(
      governance.reply(f.db, f.officer('seoul'), kyoto.id, { reply: 'attending' }),
    ).rejects.toMatchObject(denied);
    await expect(
      governance.reply(f.db, { ...f.officer('seoul'), role: 'viewer' }, seoul.id, {
        reply: 'attending',
      }),
    ).rejects.toMatchObject(denied);
    await expect(
      governance.reply(f.db, f.officer('seoul'), seoul.id, { reply: 'proxy' }),
    ).rejects.toMatchObject({ status: 422, errors: [{ pointer: '/proxyName' }] });
    await expect(
      governance.reply(f.db, f.officer('seoul'), 999_999, { reply: 'attending' }),
    ).rejects.toMatchObject({ status: 404 });

    const answered = await governance.reply(f.db, f.officer('seoul'), seoul.id, {
      reply: 'proxy',
      proxyPersonId: f.person['Min Kwon']!,
      proxyEmail: 'Min.Kwon@Seoul.example',
      comment: 'The mayor is abroad.',
    });
    expect(answered).toMatchObject({
      reply: 'proxy',
      proxy: { name: 'Min Kwon', person: { fullName: 'Min Kwon' }, email: null },
      comment: 'The mayor is abroad.',
    });
    // The secretariat answers any invitation.
    await governance.reply(f.db, admin, kyoto.id, { reply: 'not-attending' });
    expect(await auditOf(f.db, 'invitation', seoul.id)).toMatchObject([
      {
        action: 'update',
        actor_label: 'officer of seoul',
        summary: expect.stringContaining('proxy Min Kwon'),
      },
    ]);
  });

  it_(
    'shows addresses to the secretariat, comments to their writers, the list to members',
    async () => {
      const m = await scheduledMeeting(f.db);
      const seoulInv = m.invitations.find((i) => i.government?.slug === 'seoul')!;
      await governance.reply(f.db, f.officer('seoul'), seoulInv.id, {
        reply: 'proxy',
        proxyName: 'Min Kwon',
        proxyEmail: 'min.kwon@seoul.example',
        comment: 'Private note',
      });
      const asAdmin = await governance.getMeeting(f.db, m.id, admin);
      const asSeoul = await governance.getMeeting(f.db, m.id, f.officer('seoul'));
      const asKyoto = await governance.getMeeting(f.db, m.id, f.officer('kyoto'));
      const asTokyo = await governance.getMeeting(f.db, m.id, f.officer('tokyo'));
      const asViewer = await governance.getMeeting(f.db, m.id, viewer);
      const asPublic = await governance.getMeeting(f.db, m.id, nobody);
      const seoulIn = (view: typeof asAdmin) => view.invitations.find((i) => i.id === seoulInv.id);

      expect(seoulIn(asAdmin)?.proxy?.email).toBe('min.kwon@seoul.example');
      expect(seoulIn(asSeoul)).toMatchObject({ comment: 'Private note', proxy: { email: null } });
      expect(seoulIn(asKyoto)?.comment).toBeNull();
      expect(asViewer.invitations).toHaveLength(5);
      expect(asViewer.invitations.every((i) => i.email === null)).toBe(true);
      expect(asPublic.invitations).toEqual([]);

      expect(asSeoul.viewer).toEqual({ canManage: false, invitationId: seoulInv.id });
      expect(asAdmin.viewer).toEqual({ canManage: true, invitationId: null });
      expect(asTokyo.viewer.invitationId).toBeNull();
      // The join link: the secretariat and invited governments, not the uninvited or the public.
      expect(asAdmin.joinUrl).toBe('https://meet.example.org/rexcom-2023');
      expect(asKyoto.joinUrl).toBe('https://meet.example.org/rexcom-2023');
      for (const view of [asTokyo, asViewer, asPublic]) {
        expect(view).toMatchObject({ joinUrl: null, hasJoinUrl: true });
      }
    },
  );

  it_("greets a recorded person by their name in the letter's language", async () => {
    // The mayor of Kyoto's address is an account that reads Japanese.
    const address = 'officer.kyoto@accord.example';
    await f.db.kysely
      .updateTable('people')
      .set({ email: address })
      .where('full_name', '=', 'Daisaku Kadokawa')
      .execute();
    expect(
      (
        await f.db.kysely
          .selectFrom('users')
          .where('email', '=', address)
          .select('locale')
          .executeTakeFirstOrThrow()
      ).locale,
    ).toBe('ja');
    const m = await draftMeeting(f.db);
    await governance.invite(f.db, MAIL, admin, m.id, { seats: true });
    const letter = await f.db.kysely
      .selectFrom('outbox')
      .where('to_email', '=', address)
      .orderBy('id', 'desc')
      .select(['to_name', 'body_text'])
      .executeTakeFirstOrThrow();
    expect(letter.to_name).toBe('門川大作');
    expect(letter.body_text).toContain('門川大作');
  });
});
