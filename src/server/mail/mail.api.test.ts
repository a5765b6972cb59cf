import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../test/setup/app';
import { applicationBody, submit } from '../applications/test-support';
import { dialectCases } from '../../../test/setup/databases';
import { buildApp } from '../app';
import type { AppInstance } from '../http/app-types';
import type { OutboxLetter, OutboxPage } from './schemas';
import { queueLetter } from './service';
import { startTestSmtpServer, type TestSmtpServer } from './test-support';

/**
 * The outbox through the API, on both databases: administrators only; counts, filters, pages
 * and one letter whole; without SMTP_URL nothing is sent and sending is refused; a server
 * started with SMTP_URL sends what waited, and sends again a letter that failed when asked.
 */

type Headers = Record<string, string>;

const PARAMS = {
  title: 'Outbox test meeting',
  date: '2024-06-01',
  time: '09:30',
  timeZone: 'Europe/Bonn',
  joinUrl: null,
  agenda: ['Opening'],
  replyUrl: 'https://accord.test/meetings/1',
};

/** Waits until `check` passes (the worker runs beside the test), or fails with its error. */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe.each(dialectCases())('the outbox API on $label', ({ dialect, skip }) => {
  const it_ = skip ? it.skip : it;
  let t: TestApp;
  let admin: Headers;
  let officer: Headers;
  let smtp: TestSmtpServer;
  let sending: AppInstance | undefined;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    if (skip) return;
    t = await makeTestApp(dialect);
    admin = await t.signInAdmin();
    officer = await t.signInOfficer('seoul');
    smtp = await startTestSmtpServer();
    await t.db.transaction(async (tx) => {
      for (const [key, email, locale] of [
        ['first', 'first@outbox.test', 'en'],
        ['second', 'second@outbox.test', 'ja'],
        ['bounce', 'bounce@outbox.test', 'en'],
      ] as const) {
        ids[key] = await queueLetter(tx, {
          to: { email, name: `Reader ${key}`, locale },
          template: 'meeting-invitation',
          params: PARAMS,
          related: { type: 'invitation', id: 99 },
          attachment: { name: 'invitation.ics', text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
        });
      }
    });
  }, 120_000);
  afterAll(async () => {
    await sending?.close();
    await smtp?.close();
    await t?.close();
  });

  const call = (method: 'GET' | 'POST', url: string, headers?: Headers, app: AppInstance = t.app) =>
    app.inject({ method, url: `/api/v1${url}`, ...(headers ? { headers } : {}) });

  it_('is the secretariat’s alone', async () => {
    for (const [method, url] of [
      ['GET', '/mail/outbox'],
      ['GET', `/mail/outbox/${ids.first}`],
      ['POST', `/mail/outbox/${ids.first}/send`],
    ] as const) {
      expect((await call(method, url)).statusCode, `${method} ${url}`).toBe(401);
      const refused = await call(method, url, officer);
      expect(refused.statusCode, `${method} ${url}`).toBe(403);
      expect(refused.body).not.toContain('first@outbox.test');
    }
  });

  it_('lists letters newest first with counts, by status and page', async () => {
    const res = await call('GET', '/mail/outbox?pageSize=2', admin);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as OutboxPage;
    expect(page).toMatchObject({
      total: 3,
      page: 1,
      pageSize: 2,
      configured: false,
      maxAttempts: 6,
      counts: { queued: 3, sending: 0, sent: 0, failed: 0 },
    });
    expect(page.items.map((i) => i.to.email)).toEqual(['bounce@outbox.test', 'second@outbox.test']);
    expect(page.items[1]).toMatchObject({
      subject: 'ご招待：Outbox test meeting',
      template: 'meeting-invitation',
      locale: 'ja',
      status: 'queued',
      attempts: 0,
      nextAttemptAt: null,
      sentAt: null,
    });
    const second = (
      await call('GET', '/mail/outbox?pageSize=2&page=2', admin)
    ).json() as OutboxPage;
    expect(second.items.map((i) => i.to.email)).toEqual(['first@outbox.test']);
    const sent = (await call('GET', '/mail/outbox?status=sent', admin)).json() as OutboxPage;
    expect(sent).toMatchObject({ total: 0, items: [] });
    expect((await call('GET', '/mail/outbox?status=lost', admin)).statusCode).toBe(400);
  });

  it_('shows one letter whole', async () => {
    const res = await call('GET', `/mail/outbox/${ids.first}`, admin);
    expect(res.statusCode, res.body).toBe(200);
    const letter = res.json() as OutboxLetter;
    expect(letter).toMatchObject({
      to: { email: 'first@outbox.test', name: 'Reader first' },
      subject: 'Invitation: Outbox test meeting',
      attachment: { name: 'invitation.ics', bytes: 32 },
      related: { type: 'invitation', id: '99' },
      messageId: null,
    });
    expect(letter.text).toContain('Dear Reader first,');
    expect(letter.html).toContain('<html lang="en">');
    expect((await call('GET', '/mail/outbox/999999', admin)).statusCode).toBe(404);
  });

  it_('queues a letter to send now even without SMTP_URL, and sends nothing', async () => {
    const res = await call('POST', `/mail/outbox/${ids.first}/send`, admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'queued', nextAttemptAt: null });
    expect((await call('POST', '/mail/outbox/999999/send', admin)).statusCode).toBe(404);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.arrived).toEqual([]);
  });

  it_(
    'sends what waited once a server with SMTP_URL starts, and sends again on request',
    async () => {
      smtp.refuse('bounce@outbox.test', 550);
      sending = await buildApp({ config: { ...t.config, smtpUrl: smtp.url }, db: t.db });
      await sending.ready();
      const page = async () =>
        (await call('GET', '/mail/outbox', admin, sending)).json() as OutboxPage;
      await eventually(async () => {
        expect((await page()).counts).toEqual({ queued: 0, sending: 0, sent: 2, failed: 1 });
      });
      expect(smtp.to('first@outbox.test')).toHaveLength(1);
      expect(smtp.to('second@outbox.test')[0]?.mail.subject).toBe('ご招待：Outbox test meeting');
      expect((await page()).configured).toBe(true);
      const failed = (await call('GET', `/mail/outbox/${ids.bounce}`, admin, sending)).json();
      expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
      expect((failed as OutboxLetter).lastError).toMatch(/^550 /);

      const again = await call('POST', `/mail/outbox/${ids.bounce}/send`, admin, sending);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ status: 'queued', attempts: 0 });
      // The server looks at the outbox at once: no waiting for its next round.
      await eventually(async () => expect(smtp.to('bounce@outbox.test')).toHaveLength(1), 3000);
      await eventually(async () => {
        const letter = (await call('GET', `/mail/outbox/${ids.bounce}`, admin, sending)).json();
        expect(letter).toMatchObject({ status: 'sent', attempts: 1 });
      });
      // Sent letters are not sent twice.
      const twice = await call('POST', `/mail/outbox/${ids.first}/send`, admin, sending);
      expect(twice.statusCode).toBe(409);
    },
  );

  it_('sends the letters a request queued at once, not at the next round', async () => {
    sending ??= await buildApp({ config: { ...t.config, smtpUrl: smtp.url }, db: t.db });
    await sending.ready();
    const body = applicationBody({ englishName: 'Prompt Letter Town' });
    await submit({ app: sending, db: t.db }, body);
    // The worker's next round is 15 s away: only the answered write can have woken it.
    await eventually(async () => expect(smtp.to(body.liaison.email)).toHaveLength(1), 5000);
  });
});
