import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/users/service';
import { SYSTEM_ACTOR } from '../../src/server/audit/service';
import {
  browserUnavailable,
  signIn,
  startE2E,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type E2E,
  apiCall as callAsPage,
} from './harness';

const skipReason = browserUnavailable();
const OFFICER_EMAIL = 'e2e.stale.officer.seoul@accord.example';
const OFFICER_PASSWORD = 'e2e-officer-password-1';
const STALE = 'This record was changed by someone else since you opened it';

type Json = Record<string, unknown> & { id: number; version: number };

async function apiCall(page: Page, method: string, url: string, body?: object): Promise<Json> {
  const answer = await callAsPage<Json>(page, method, url, body);
  expect(answer.status, JSON.stringify(answer.json)).toBeLessThan(300);
  return answer.json;
}

interface MeetingJson extends Json {
  seats: { id: number; government: { id: number; slug: string }; person: { id: number } | null }[];
  attendance: { id: number; mode: string; present: boolean; version: number }[];
  invitations: { id: number; reply: string; comment: string | null; version: number }[];
  viewer: { invitationId: number | null };
}

/** A RexCom meeting made through the API, moved on to `status`. */
async function meetingIn(page: Page, status: 'scheduled' | 'in-progress'): Promise<MeetingJson> {
  // The demo's only term ended in 2024: a meeting in 2026 names it (its members serve on).
  const body = (await apiCall(page, 'GET', '/api/v1/bodies/east-asia-rexcom')) as unknown as {
    terms: { id: number }[];
  };
  let m = (await apiCall(page, 'POST', '/api/v1/meetings', {
    body: 'east-asia-rexcom',
    termId: body.terms[0]!.id,
    title: { en: 'Stale copies meeting' },
    format: 'hybrid',
    start: '2026-05-14T10:00',
    end: '2026-05-14T12:00',
    timeZone: 'Asia/Seoul',
  })) as MeetingJson;
  for (const next of ['scheduled', 'in-progress'] as const) {
    m = (await apiCall(page, 'POST', `/api/v1/meetings/${m.id}/status`, {
      status: next,
    })) as MeetingJson;
    if (next === status) break;
  }
  return m;
}

describe.skipIf(skipReason !== null)('governance records changed meanwhile', () => {
  let e: E2E;
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

  it('the register refuses a click on an entry changed meanwhile and reloads on request', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const m = await meetingIn(page, 'in-progress');
    const kyoto = m.seats.find((s) => s.government.slug === 'kyoto');
    const registered = (await apiCall(page, 'POST', `/api/v1/meetings/${m.id}/attendance`, {
      governmentId: kyoto?.government.id,
      personId: kyoto?.person?.id ?? null,
      capacity: 'own-right',
      mode: 'in-person',
    })) as MeetingJson;
    const entry = registered.attendance[0];
    if (!entry) throw new Error('not registered');

    await page.goto(`/admin/meetings/${m.id}`);
    const state = page.getByTestId('attendance-state-kyoto');
    await expect.poll(() => state.innerText()).toMatch(/present.*in person/i);

    // Someone else records Kyoto as online while the page shows in person.
    const theirs = (await apiCall(page, 'PATCH', `/api/v1/attendance/${entry.id}`, {
      mode: 'online',
    })) as MeetingJson;
    expect(theirs.attendance[0]?.version).toBe(2);

    await page.getByTestId('mark-absent-kyoto').click();
    const notice = page.getByTestId('attendance-stale');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(STALE);
    expect(await notice.innerText()).toContain('Your change to the register was not saved');
    const stored = (await apiCall(page, 'GET', `/api/v1/meetings/${m.id}`)) as MeetingJson;
    expect(stored.attendance[0]).toMatchObject({ present: true, mode: 'online', version: 2 });

    await page.getByTestId('attendance-stale-reload').click();
    await expect.poll(() => state.innerText()).toMatch(/present.*online/i);
    expect(await notice.count()).toBe(0);

    // From the register as it is now, the change goes through.
    await page.getByTestId('mark-absent-kyoto').click();
    await expect.poll(() => state.innerText()).toMatch(/absent/i);
    const after = (await apiCall(page, 'GET', `/api/v1/meetings/${m.id}`)) as MeetingJson;
    expect(after.attendance[0]).toMatchObject({ present: false, version: 3 });
    await page.context().close();
  });

  it('the seat form keeps its input when the seat changed meanwhile', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/bodies/east-asia-rexcom');
    const card = page.getByTestId('seat-kyoto');
    await card.getByRole('button', { name: /^Edit/ }).click();
    const portfolio = page.getByTestId('seat-portfolio');
    await portfolio.fill('Energy transition');

    const body = (await apiCall(page, 'GET', '/api/v1/bodies/east-asia-rexcom')) as Json & {
      seats: { id: number; government: { slug: string } }[];
    };
    const seatId = body.seats.find((s) => s.government.slug === 'kyoto')?.id;
    await apiCall(page, 'PATCH', `/api/v1/seats/${seatId}`, { portfolio: 'Transport' });

    await page.getByTestId('save-seat').click();
    const notice = page.getByTestId(`seat-${seatId}-stale`);
    await notice.waitFor();
    expect(await notice.innerText()).toContain(STALE);
    expect(await portfolio.inputValue()).toBe('Energy transition');

    await page.getByTestId(`seat-${seatId}-stale-reload`).click();
    await expect.poll(() => portfolio.inputValue()).toBe('Transport');
    expect(await notice.count()).toBe(0);
    await portfolio.fill('Energy transition');
    await page.getByTestId('save-seat').click();
    await expect.poll(() => portfolio.count()).toBe(0);
    const after = (await apiCall(page, 'GET', `/api/v1/seats/${seatId}/history`)) as Json & {
      seat: { portfolio: string; version: number };
    };
    expect(after.seat).toMatchObject({ portfolio: 'Energy transition', version: 3 });
    await page.context().close();
  });

  it('an officer’s reply is refused when the invitation was answered meanwhile', async () => {
    const admin = await e.newPage();
    await signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
    const m = await meetingIn(admin, 'scheduled');
    await apiCall(admin, 'POST', `/api/v1/meetings/${m.id}/invitations`, { seats: true });

    const page = await e.newPage();
    await signIn(page, OFFICER_EMAIL, OFFICER_PASSWORD);
    await page.goto(`/meetings/${m.id}`);
    await page.getByTestId('reply-form').waitFor();
    await page.getByTestId('reply-attending').check();

    // The secretariat records Seoul's answer while the officer's form is open.
    const read = (await apiCall(page, 'GET', `/api/v1/meetings/${m.id}`)) as MeetingJson;
    const invitationId = read.viewer.invitationId;
    await apiCall(admin, 'PUT', `/api/v1/invitations/${invitationId}/reply`, {
      reply: 'not-attending',
    });

    await page.getByTestId('reply-submit').click();
    const notice = page.getByTestId('reply-stale');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(STALE);
    expect(await page.getByTestId('reply-attending').isChecked()).toBe(true);

    await page.getByTestId('reply-stale-reload').click();
    await expect.poll(() => page.getByTestId('reply-not-attending').isChecked()).toBe(true);
    expect(await notice.count()).toBe(0);
    await page.getByTestId('reply-attending').check();
    await page.getByTestId('reply-submit').click();
    await page.getByTestId('reply-saved').waitFor();
    const after = (await apiCall(page, 'GET', `/api/v1/meetings/${m.id}`)) as MeetingJson;
    expect(after.invitations.find((i) => i.id === invitationId)).toMatchObject({
      reply: 'attending',
      version: 3,
    });
    await page.context().close();
    await admin.context().close();
  });
});
