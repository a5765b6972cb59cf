import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectCases } from '../../../test/setup/databases';
import { PG_ADMIN_URL } from '../../../test/setup/pg-url';
import { SYSTEM_ACTOR } from '../audit/service';
import {
  admin,
  auditOf,
  draftMeeting,
  MAIL,
  openFixture,
  type Fixture,
} from '../governance/test-support';
import * as governance from '../governance/service';
import { openStore, type StoreDb } from '../store';
import { createUser, updateUser } from '../users/service';
import { queueLetter, sendLetterNow, type MailSender } from './service';
import { messageIdOf, smtpTransport } from './smtp';
import { startTestSmtpServer, testClock, type TestSmtpServer } from './test-support';
import { MailWorker } from './worker';

/**
 * Letters delivered for real: the worker sends through nodemailer to an SMTP server started
 * on loopback for the test, which keeps what arrives; mailparser reads it back. On both
 * databases: invitations with their calendar file in the invitee's language, headers that
 * people's text cannot add to, retries after a temporary refusal, failure on a permanent one
 * and sending again, a server that died while sending, and two workers on one database.
 */

const MINUTE = 60_000;
const SENDER: MailSender = { configured: true, wake: () => {} };
const FROM = 'Accord Secretariat <secretariat@accord.test>';

describe.each(dialectCases())('mail delivery on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let f: Fixture;
  let smtp: TestSmtpServer;
  const clock = testClock();
  const workers: MailWorker[] = [];

  /** A worker of this test, on the shared clock, closed at the end. */
  const worker = (options: { store?: StoreDb; id?: string; batchSize?: number } = {}) => {
    const w = new MailWorker({
      store: options.store ?? f.db,
      transport: smtpTransport(smtp.url),
      from: FROM,
      clock: clock.now,
      ...(options.id ? { workerId: options.id } : {}),
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
    workers.push(w);
    return w;
  };

  const letterTo = (email: string) =>
    f.db.kysely
      .selectFrom('outbox')
      .where('to_email', '=', email)
      .selectAll()
      .executeTakeFirstOrThrow();

  /** Queues a plain invitation letter to one guest of a new meeting; its outbox id. */
  const inviteGuest = async (email: string, name = 'Guest') => {
    const m = await draftMeeting(f.db);
    await governance.invite(f.db, MAIL, admin, m.id, { seats: false, guests: [{ name, email }] });
    return (await letterTo(email)).id;
  };

  beforeAll(async () => {
    if (skip) return;
    f = await openFixture(dialect);
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
    await smtp?.close();
    await f?.drop();
  });

  it_('delivers invitations with their calendar file, each in its reader’s language', async () => {
    const { user } = await createUser(f.db, SYSTEM_ACTOR, {
      email: 'min.ko@mail.test',
      displayName: 'Min Ko',
      role: 'viewer',
      password: 'mail-test-password-1',
    });
    await updateUser(f.db, admin, user.id, { locale: 'ko' });
    const m = await draftMeeting(f.db);
    await governance.invite(f.db, MAIL, admin, m.id, {
      seats: false,
      guests: [
        { name: 'Ada Observer', email: 'ada@mail.test' },
        { name: '고민', email: 'Min.Ko@mail.test' },
      ],
    });

    const report = await worker().runOnce();
    expect(report).toEqual({ sent: 2, retried: 0, failed: 0, lost: 0 });

    const [ada] = smtp.to('ada@mail.test');
    expect(smtp.to('ada@mail.test')).toHaveLength(1);
    const mail = ada!.mail;
    expect(mail.subject).toBe('Invitation: Extraordinary RexCom meeting');
    expect(mail.from?.value).toEqual([
      { name: 'Accord Secretariat', address: 'secretariat@accord.test' },
    ]);
    expect(mail.to).toMatchObject({ value: [{ name: 'Ada Observer', address: 'ada@mail.test' }] });
    expect(mail.text).toContain('Dear Ada Observer,');
    expect(mail.text).toContain('2023-03-14 at 10:00 (Asia/Seoul)');
    expect(mail.html).toContain('<a href="https://meet.example.org/rexcom-2023"');
    expect(mail.headers.get('content-language')).toBe('en');
    expect(mail.attachments).toHaveLength(1);
    const [ics] = mail.attachments;
    expect(ics?.filename).toBe('invitation.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const event = new ICAL.Component(
      ICAL.parse(ics!.content.toString('utf8')),
    ).getFirstSubcomponent('vevent') as ICAL.Component;
    expect(event.getFirstPropertyValue('summary')).toBe('Extraordinary RexCom meeting');
    expect(String(event.getFirstPropertyValue('conference'))).toBe(
      'https://meet.example.org/rexcom-2023',
    );

    // The stored letter is marked sent with the Message-ID it went out with.
    const stored = await letterTo('ada@mail.test');
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(stored.sent_at).toBe(clock.now().toISOString());
    expect(stored.message_id).toBe(mail.messageId);
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@accord\.test>$/);

    // The reader with an account that reads Accord in Korean gets the letter in Korean.
    const [min] = smtp.to('min.ko@mail.test');
    expect(min?.mail.subject).toBe('초대: 임시 지역집행위원회 회의');
    expect(min?.mail.text).toContain('고민 님께');
    expect(min?.mail.headers.get('content-language')).toBe('ko');
    const koEvent = new ICAL.Component(
      ICAL.parse(min!.mail.attachments[0]!.content.toString('utf8')),
    ).getFirstSubcomponent('vevent') as ICAL.Component;
    expect(koEvent.getFirstPropertyValue('summary')).toBe('임시 지역집행위원회 회의');

    // Nothing is left to send.
    expect(await worker().runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, lost: 0 });
  });

  it_('sends headers nodemailer built: a line break typed in a name adds no header', async () => {
    const m = await draftMeeting(f.db, { title: { en: 'Budget\r\nBcc: all@evil.example' } });
    await governance.invite(f.db, MAIL, admin, m.id, {
      seats: false,
      guests: [{ name: 'Eve\r\nBcc: spy@evil.example', email: 'eve@mail.test' }],
    });
    await worker().runOnce();
    const [eve] = smtp.to('eve@mail.test');
    expect(eve?.envelopeTo).toEqual(['eve@mail.test']);
    expect(smtp.to('spy@evil.example')).toEqual([]);
    expect(eve?.mail.bcc).toBeUndefined();
    expect(eve?.mail.subject).toBe('Invitation: Budget Bcc: all@evil.example');
    expect(eve?.mail.to).toMatchObject({
      value: [{ name: 'Eve Bcc: spy@evil.example', address: 'eve@mail.test' }],
    });
    const headers = eve?.raw.split(/\r?\n\r?\n/)[0] ?? '';
    expect(headers).toMatch(/^Subject: /m);
    expect(headers).not.toMatch(/^Bcc:/im);
    // The greeting names the reader as the header does, on one line.
    expect(eve?.mail.text).toContain('Dear Eve Bcc: spy@evil.example,');
  });

  it_('tries again later after a temporary refusal, with the same Message-ID', async () => {
    smtp.refuse('busy@mail.test', 451);
    const id = await inviteGuest('busy@mail.test');
    expect(await worker().runOnce()).toMatchObject({ sent: 0, retried: 1 });
    const waiting = await letterTo('busy@mail.test');
    expect(waiting).toMatchObject({ id, status: 'queued', attempts: 1, claimed_by: null });
    expect(waiting.last_error).toMatch(/^451 /);
    expect(waiting.next_attempt_at).toBe(new Date(clock.now().getTime() + MINUTE).toISOString());
    expect(smtp.to('busy@mail.test')).toEqual([]);

    // Not before its time.
    clock.advance(MINUTE - 1000);
    expect(await worker().runOnce()).toMatchObject({ sent: 0, retried: 0 });
    clock.advance(1000);
    expect(await worker().runOnce()).toMatchObject({ sent: 1 });
    const sent = await letterTo('busy@mail.test');
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(smtp.to('busy@mail.test').map((a) => a.mail.messageId)).toEqual([waiting.message_id]);
  });

  it_('gives up after the last attempt', async () => {
    smtp.refuse('flaky@mail.test', 421, 450, 451, 452, 451, 451);
    await inviteGuest('flaky@mail.test');
    const w = worker();
    const waits = [1, 5, 30, 120, 720];
    for (const wait of waits) {
      expect(await w.runOnce()).toMatchObject({ retried: 1 });
      clock.advance(wait * MINUTE);
    }
    expect(await w.runOnce()).toMatchObject({ retried: 0, failed: 1 });
    expect(await letterTo('flaky@mail.test')).toMatchObject({
      status: 'failed',
      attempts: 6,
      last_error: expect.stringMatching(/^451 /) as unknown,
    });
    expect(smtp.to('flaky@mail.test')).toEqual([]);
  });

  it_('fails a letter refused for good at once, and delivers it when sent again', async () => {
    smtp.refuse('gone@mail.test', 550);
    const id = await inviteGuest('gone@mail.test');
    expect(await worker().runOnce()).toMatchObject({ failed: 1 });
    const failed = await letterTo('gone@mail.test');
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: null });
    expect(failed.last_error).toMatch(/^550 .*no such user/);

    // The administrator sends it again (the address was put right at the other end).
    const again = await sendLetterNow(f.db, admin, SENDER, id);
    expect(again).toMatchObject({ status: 'queued', attempts: 0, lastError: failed.last_error });
    expect(await worker().runOnce()).toMatchObject({ sent: 1 });
    expect(smtp.to('gone@mail.test')).toHaveLength(1);
    expect(await letterTo('gone@mail.test')).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await auditOf(f.db, 'mail', id)).map((a) => a.summary)).toEqual([
      'Sent again: Invitation: Extraordinary RexCom meeting',
    ]);
    // A letter sent already is not sent again.
    await expect(sendLetterNow(f.db, admin, SENDER, id)).rejects.toMatchObject({ status: 409 });
  });

  it_('takes over a letter whose server died while sending, once its lease ran out', async () => {
    const id = await inviteGuest('orphan@mail.test');
    // A server claims the letter and dies before it can say how the attempt went.
    const now = clock.now();
    const [claimed] = await f.db.mail.claimDueLetters({
      worker: 'dead-server',
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + 5 * MINUTE).toISOString(),
      limit: 100,
    });
    expect(claimed).toMatchObject({ id, status: 'sending', attempts: 1 });
    expect(await worker().runOnce()).toMatchObject({ sent: 0 });
    clock.advance(5 * MINUTE + 1000);
    expect(await worker({ id: 'live-server' }).runOnce()).toMatchObject({ sent: 1 });
    expect(await letterTo('orphan@mail.test')).toMatchObject({ status: 'sent', attempts: 2 });
    // With the Message-ID the dead server sent it with, had it got that far.
    expect(smtp.to('orphan@mail.test')[0]?.mail.messageId).toBe(messageIdOf(FROM, claimed!));
    // The dead server's word, should it come back, changes nothing.
    expect(
      await f.db.mail.finishAttempt(id, 'dead-server', {
        status: 'failed',
        error: 'late',
        messageId: '<late@accord.test>',
      }),
    ).toBe(false);
  });

  it_('delivers each letter once when two workers on one database send at once', async () => {
    // On PostgreSQL the second worker has a connection pool of its own, as a second server has.
    let other: StoreDb = f.db;
    if (dialect === 'postgres') {
      const { name } = await f.db.kysely
        .selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name'))
        .executeTakeFirstOrThrow();
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${name}`;
      other = openStore({ databaseUrl: url.toString() });
    }
    try {
      const addresses = Array.from({ length: 30 }, (_, i) => `many-${i}@mail.test`);
      await f.db.transaction(async (tx) => {
        for (const email of addresses) {
          await queueLetter(tx, {
            to: { email, name: null, locale: 'en' },
            template: 'meeting-invitation',
            params: {
              title: 'Many',
              date: '2024-01-01',
              time: '09:00',
              timeZone: 'UTC',
              joinUrl: null,
              agenda: [],
              replyUrl: 'https://accord.test/meetings/1',
            },
          });
        }
      });
      // Claims at the same instant, many at once: no letter is claimed twice.
      const now = clock.now();
      const claim = (store: StoreDb, i: number) =>
        store.mail.claimDueLetters({
          worker: `claimer-${i}`,
          now: now.toISOString(),
          leaseUntil: new Date(now.getTime() + 1000).toISOString(),
          limit: 7,
        });
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => claim(i % 2 ? other : f.db, i)),
      );
      const claimedIds = claims.flat().map((r) => r.id);
      expect(claimedIds.length).toBeGreaterThan(0);
      expect(new Set(claimedIds).size).toBe(claimedIds.length);
      // Their leases run out, and two workers send everything.
      clock.advance(2000);
      const a = worker({ id: 'server-a', batchSize: 3 });
      const b = worker({ id: 'server-b', store: other, batchSize: 3 });
      const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
      expect(ra.sent + rb.sent).toBe(addresses.length);
      expect(ra.sent).toBeGreaterThan(0);
      expect(rb.sent).toBeGreaterThan(0);
      for (const email of addresses) expect(smtp.to(email), email).toHaveLength(1);
    } finally {
      if (other !== f.db) await other.close();
    }
  });
});
