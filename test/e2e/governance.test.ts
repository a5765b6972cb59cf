import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/server/users/service';
import { SYSTEM_ACTOR } from '../../src/server/audit/service';
import {
  browserUnavailable,
  signIn,
  startE2E,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type E2E,
} from './harness';

const skipReason = browserUnavailable();
const OFFICER_EMAIL = 'e2e.officer.seoul@accord.example';
const OFFICER_PASSWORD = 'e2e-officer-password-1';

/** The meeting id from the admin page's address. */
function meetingIdOf(page: Page): number {
  const match = /\/admin\/meetings\/(\d+)/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not on a meeting page: ${page.url()}`);
  return Number(match[1]);
}

describe.skipIf(skipReason !== null)('governance in the browser', () => {
  let e: E2E;
  let meetingId = 0;
  let postSlug = '';

  beforeAll(async () => {
    e = await startE2E();
    await createUser(e.db, SYSTEM_ACTOR, {
      email: OFFICER_EMAIL,
      displayName: 'Seoul officer',
      role: 'officer',
      governmentSlug: 'seoul',
      password: OFFICER_PASSWORD,
    });
  });
  afterAll(async () => {
    await e?.close();
  });

  it('an admin runs a RexCom meeting: agenda, invitations, a proxy, quorum, a decision, closing, the news post', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);

    // A meeting with three agenda items.
    await page.goto('/admin/meetings/new');
    await page.getByTestId('meeting-body').selectOption('east-asia-rexcom');
    await page.getByTestId('meeting-title-en').fill('2026 East Asia RexCom Meeting');
    await page.getByTestId('meeting-title-ko').fill('2026 동아시아 지역집행위원회 회의');
    await page.getByTestId('meeting-format').selectOption('online');
    // Zones by the names people know, from the full IANA list, found by typing.
    expect(await page.getByTestId('meeting-zone').locator('option').count()).toBeGreaterThan(300);
    await page.getByTestId('meeting-zone-search').fill('seoul');
    await page.getByTestId('meeting-zone').selectOption('Asia/Seoul');
    expect(
      await page.getByTestId('meeting-zone').locator('option[value="Asia/Seoul"]').innerText(),
    ).toBe('Seoul (Korean Standard Time, UTC+9)');
    await page.getByTestId('meeting-start').fill('2026-12-03T14:00');
    await page.getByTestId('meeting-end').fill('2026-12-03T16:00');
    // The 2021–2024 term has ended and no later one exists: the form says so beside the term,
    // with the way to open the next one, and the members of the last term are chosen on purpose.
    await expect
      .poll(() => page.getByTestId('meeting-no-current-term').innerText())
      .toMatch(/2021–2024 term ended on Dec 31, 2024/);
    expect(await page.getByTestId('meeting-open-term').getAttribute('href')).toBe(
      '/bodies/east-asia-rexcom',
    );
    await page.getByTestId('meeting-term').selectOption({ index: 1 });
    await expect.poll(() => page.getByTestId('meeting-no-current-term').count()).toBe(0);
    await page.getByTestId('meeting-joinUrl').fill('https://meet.example.org/rexcom-2026');
    const titles = ['Opening remark', 'Reports of the members', 'Work plan 2027'];
    for (const [i, title] of titles.entries()) {
      await page.getByTestId('agenda-add').click();
      await page.getByTestId(`agenda-item-title-${i}`).fill(title);
    }
    await page.getByTestId('save-meeting').click();
    await page.waitForURL(/\/admin\/meetings\/\d+$/);
    meetingId = meetingIdOf(page);

    // Scheduled, the RexCom invited, then under way.
    await page.getByTestId('status-schedule').click();
    await page.getByTestId('invite-body').click();
    await expect.poll(() => page.getByTestId('invitation-seoul').count()).toBe(1);
    await page.getByTestId('status-start').click();

    // Kyoto and Changchun in their own right; Seoul through its proxy.
    await page.getByTestId('mark-present-kyoto').click();
    await expect
      .poll(() => page.getByTestId('attendance-state-kyoto').innerText())
      .toMatch(/present/i);
    const quorum = page.getByTestId('quorum-indicator');
    expect(await quorum.getAttribute('data-reached')).toBe('false');
    await page.getByTestId('mark-present-changchun').click();
    await expect
      .poll(() => page.getByTestId('attendance-state-changchun').innerText())
      .toMatch(/present/i);
    await page.getByTestId('mark-proxy-seoul').click();
    await page.getByTestId('proxy-name').fill('Min Kwon');
    const principal = page.getByTestId('principal-name');
    if ((await principal.inputValue()) === '') await principal.fill('Jeong Hyup Seo');
    await page.getByTestId('save-attendance').click();
    await expect
      .poll(() => page.getByTestId('attendance-state-seoul').innerText())
      .toMatch(/Min Kwon/);
    await expect.poll(() => quorum.getAttribute('data-reached')).toBe('true');
    expect(await quorum.innerText()).toMatch(/3/);

    // A decision, carried by the three present seats.
    await page.getByTestId('motion-text').fill('Adopt the 2027 work plan');
    await page.getByTestId('add-motion').click();
    const forKyoto = page.locator('[data-testid^="vote-"][data-testid$="-kyoto-for"]');
    await forKyoto.waitFor();
    await forKyoto.check();
    await page.locator('[data-testid^="vote-"][data-testid$="-seoul-for"]').check();
    await page.locator('[data-testid^="vote-"][data-testid$="-changchun-for"]').check();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('record-decision').click();
    await expect
      .poll(() => page.locator('[data-testid^="motion-"]').first().innerText())
      .toMatch(/carried/i);

    // Closed, then the news post made from it and published.
    await page.getByTestId('status-close').click();
    await page.getByTestId('confirm').click();
    await page.getByTestId('make-news-post').click();
    await page.waitForURL(/\/admin\/news\/[a-z0-9-]+$/);
    postSlug = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('publish-post').click();
    await expect.poll(() => page.getByTestId('post-status').innerText()).toMatch(/published/i);
    await page.context().close();
  });

  it("says a body's last term has ended instead of calling it current", async () => {
    const page = await e.newPage();
    // The demo RexCom's 2021–2024 term is the latest it has; its members serve on.
    await page.goto('/bodies/east-asia-rexcom');
    await expect.poll(() => page.getByTestId('term-ended').innerText()).toMatch(/ended on .*2024/);
    expect(await page.locator('#body-composition').innerText()).toBe(
      'Composition of the last term',
    );
  });

  it('an admin sets up a thematic network, which can then hold meetings', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/bodies');
    await page.getByTestId('new-body').click();
    await page.getByTestId('body-kind').selectOption('network');
    await page.getByTestId('body-region').selectOption('east-asia');
    // Without the English name the form says what is missing, beside the field.
    await page.getByTestId('save-body').click();
    await expect.poll(() => page.getByTestId('body-errors').innerText()).toMatch(/English/);
    await page.getByTestId('body-name-en').fill('East Asia Clean Air Cities');
    await page.getByTestId('body-name-ko').fill('동아시아 청정대기 도시');
    expect(await page.getByTestId('body-slug').inputValue()).toBe('east-asia-clean-air-cities');
    await page.getByTestId('save-body').click();
    await page.waitForURL(/\/bodies\/east-asia-clean-air-cities$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('East Asia Clean Air Cities');
    await page.goto('/admin/meetings/new');
    const option = page.getByTestId('meeting-body').locator('option', {
      hasText: 'East Asia Clean Air Cities',
    });
    await expect.poll(() => option.count()).toBe(1);
    await page.context().close();
  });

  it('an admin adds a photo to the 2020 meeting, makes it public, and the public sees it', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const demo = await e.db.kysely
      .selectFrom('meetings')
      .where('is_demo', '=', 1)
      .select('id')
      .executeTakeFirstOrThrow();
    await page.goto(`/admin/meetings/${demo.id}`);
    const photo = await sharp({
      create: { width: 1600, height: 900, channels: 3, background: '#2a6f97' },
    })
      .jpeg()
      .toBuffer();
    await page
      .getByTestId('upload-file')
      .setInputFiles({ name: 'meeting.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByTestId('upload-kind').selectOption('photo');
    await page.getByTestId('upload-caption-en').fill('The members on screen');
    await page.getByTestId('upload-credit').fill('Accord demo');
    // Uploaded private, then made public through the file's own form.
    await page.getByTestId('upload-public').uncheck();
    await page.getByTestId('upload-submit').click();
    const edit = page.locator('[data-testid^="edit-file-"]');
    await edit.first().waitFor();
    await edit.first().click();
    await page.getByTestId('file-public').check();
    await page.getByTestId('save-file').click();
    await page.getByTestId('file-saved').waitFor();
    await page.context().close();

    const visitor = await e.newPage();
    await visitor.goto(`/meetings/${demo.id}`);
    const img = visitor.getByTestId('photos').getByRole('img', { name: 'The members on screen' });
    await img.waitFor();
    const src = await img.getAttribute('src');
    const thumb = await visitor.request.get(src ?? '');
    expect(thumb.status()).toBe(200);
    expect(thumb.headers()['content-type']).toBe('image/jpeg');
    const meta = await sharp(await thumb.body()).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(480);
    await visitor.context().close();
  });

  it('the public reads the post in Korean', async () => {
    const page = await e.newPage('ko-KR');
    await page.goto('/news');
    const link = page.getByRole('link', { name: /2026 동아시아 지역집행위원회 회의/ });
    await link.first().click();
    await page.waitForURL(new RegExp(`/news/${postSlug}$`));
    await expect.poll(() => page.getByTestId('news-title').innerText()).toMatch(/동아시아/);
    expect(await page.getByTestId('news-title').getAttribute('lang')).toBe('ko');
    await page.context().close();
  });

  it('an invitee downloads the meeting as .ics and it parses, with the join link', async () => {
    const page = await e.newPage();
    await signIn(page, OFFICER_EMAIL, OFFICER_PASSWORD);
    await page.goto(`/meetings/${meetingId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('ics-link').click(),
    ]);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe('2026 East Asia RexCom Meeting');
    // 14:00 in Seoul is 05:00 UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T05:00:00.000Z');
    expect(String(vevent.getFirstPropertyValue('conference'))).toBe(
      'https://meet.example.org/rexcom-2026',
    );
    // A feed served over HTTP names no one's e-mail address, not even for an invitee.
    expect(vevent.getAllProperties('attendee')).toEqual([]);
    expect(text).not.toMatch(/mailto:/i);
    await page.context().close();
  });

  it('an invitee makes a private calendar address in Korean, on a phone, and their calendar reads the meeting from it', async () => {
    const page = await e.newPage('ko-KR');
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, OFFICER_EMAIL, OFFICER_PASSWORD);
    await page.goto('/meetings');
    const panel = page.getByTestId('personal-calendar');
    await expect.poll(() => panel.getByRole('heading').innerText()).toBe('내 캘린더');
    await page.getByTestId('personal-calendar-create').click();
    const address = await page.getByTestId('personal-calendar-address').innerText();
    expect(address).toMatch(/\/api\/v1\/calendar\/cal_[\w-]+\.ics$/);
    await expect
      .poll(() => page.getByTestId('personal-calendar-status').innerText())
      .toContain('아직');
    // Nothing on the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

    // A calendar application has no session: the address alone is enough.
    const feed = await fetch(e.baseUrl + new URL(address).pathname);
    expect(feed.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent');
    const meeting = events.find(
      (v) => v.getFirstPropertyValue('summary') === '2026 East Asia RexCom Meeting',
    );
    expect(String(meeting?.getFirstPropertyValue('conference'))).toBe(
      'https://meet.example.org/rexcom-2026',
    );

    // Revoking asks first; once confirmed the address stops answering.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await page.getByTestId('personal-calendar-revoke').click();
    await expect.poll(() => page.getByTestId('personal-calendar-create').count()).toBe(1);
    expect((await fetch(e.baseUrl + new URL(address).pathname)).status).toBe(404);
    await page.context().close();
  });
});
