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
} from './harness';

const skipReason = browserUnavailable();
const OFFICER_EMAIL = 'e2e.officer.suwon@accord.example';
const OFFICER_PASSWORD = 'e2e-officer-password-2';
const DAY = 86_400_000;
const at = (offset: number) => new Date(Date.now() + offset).toISOString();
/** The smallest file Accord takes as a PDF: its signature and an end marker. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.skipIf(skipReason !== null)('elections in the browser', () => {
  let e: E2E;
  let admin: { cookie: string; 'x-csrf-token': string };
  let electionId = 0;
  const candidates: Record<string, number> = {};

  async function api(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    const res = await e.app.inject({ method, url: `/api/v1${url}`, headers: admin, payload });
    if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  async function idOf(
    table: 'governments' | 'people',
    column: 'slug' | 'full_name',
    value: string,
  ) {
    const row = await e.db.kysely
      .selectFrom(table)
      .where(column, '=', value)
      .select('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    e = await startE2E();
    await createUser(e.db, SYSTEM_ACTOR, {
      email: OFFICER_EMAIL,
      displayName: 'Suwon officer',
      role: 'officer',
      governmentSlug: 'suwon',
      password: OFFICER_PASSWORD,
    });
    const login = await e.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    admin = {
      cookie: `accord_session=${login.cookies.find((c) => c.name === 'accord_session')?.value}`,
      'x-csrf-token': login.json().csrfToken,
    };

    // The secretariat calls an election for two seats and takes three candidacies.
    const election = await api('POST', '/elections', {
      body: 'east-asia-rexcom',
      title: { en: 'East Asia RexCom election 2027–2029' },
      seats: 2,
      termLabel: '2027–2029',
      termStartsOn: '2027-01-01',
      termEndsOn: '2029-12-31',
      nominationsOpen: at(-10 * DAY),
      nominationsClose: at(DAY),
      votingOpen: at(2 * DAY),
      votingClose: at(5 * DAY),
    });
    electionId = election.id;
    const stand = [
      ['kyoto', 'Daisaku Kadokawa'],
      ['changchun', 'Lina Jia'],
      ['new-taipei', 'Cheng-Ta Hsieh'],
    ] as const;
    for (const [slug, leader] of stand) {
      const after = await api('POST', `/elections/${electionId}/candidates`, {
        governmentId: await idOf('governments', 'slug', slug),
        personId: await idOf('people', 'full_name', leader),
        codeOfHonourAccepted: true,
      });
      const id = after.candidates.find(
        (c: { government: { slug: string } }) => c.government.slug === slug,
      ).id;
      candidates[slug] = id;
      const boundary = 'accord-e2e-boundary';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="endorsement.pdf"\r\n` +
            'Content-Type: application/pdf\r\n\r\n',
        ),
        PDF,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await e.app.inject({
        method: 'POST',
        url: `/api/v1/candidates/${id}/endorsement`,
        headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Voting opens.
    await api('PATCH', `/elections/${electionId}`, {
      nominationsClose: at(-2 * DAY),
      votingOpen: at(-DAY),
    });
  });
  afterAll(async () => {
    await e?.close();
  });

  it("a member's officer casts its ballot once, for at most as many candidates as seats", async () => {
    const page = await e.newPage();
    await signIn(page, OFFICER_EMAIL, OFFICER_PASSWORD);
    await page.goto(`/elections/${electionId}`);
    await page.getByTestId('ballot-form').waitFor();
    await page.getByTestId(`ballot-choice-${candidates.kyoto}`).check();
    await page.getByTestId(`ballot-choice-${candidates.changchun}`).check();
    // Two seats: a third choice is not offered.
    expect(await page.getByTestId(`ballot-choice-${candidates['new-taipei']}`).isDisabled()).toBe(
      true,
    );
    await page.getByTestId('cast-ballot').click();
    await page.getByTestId('confirm-ballot').click();
    await expect.poll(() => page.getByTestId('voted-message').innerText()).toMatch(/voted/i);
    // Reloaded, the page knows the member has voted and offers no ballot.
    await page.reload();
    await page.getByTestId('voted-message').waitFor();
    expect(await page.getByTestId('voted-message').innerText()).toMatch(/\d{4}/);
    expect(await page.getByTestId('ballot-form').count()).toBe(0);
    await page.context().close();
  });

  it('after the vote the public sees the count, and the secretariat fills the seats', async () => {
    await api('PATCH', `/elections/${electionId}`, { votingClose: at(-1000) });
    const page = await e.newPage();
    await page.goto(`/elections/${electionId}`);
    await page.getByTestId('result-table').waitFor();
    expect(await page.getByTestId(`outcome-${candidates.kyoto}`).innerText()).toMatch(/elected/i);
    expect(await page.getByTestId(`outcome-${candidates['new-taipei']}`).innerText()).not.toMatch(
      /^elected/i,
    );
    // The chart comes in its own chunk after the page: wait for it to be drawn.
    await page.getByTestId('result-chart').locator('svg').first().waitFor();
    expect(await page.getByTestId('result-chart').count()).toBe(1);
    await page.context().close();

    const adminPage = await e.newPage();
    await signIn(adminPage, ADMIN_EMAIL, ADMIN_PASSWORD);
    await adminPage.goto(`/admin/elections/${electionId}`);
    await adminPage.getByTestId('fill-seats').click();
    await adminPage.getByTestId('confirm-fill').click();
    await adminPage.getByTestId('new-term-link').click();
    await adminPage.waitForURL(/\/bodies\/east-asia-rexcom/);
    const term = await api('GET', '/bodies/east-asia-rexcom');
    const filled = term.terms.find((t: { label: string }) => t.label === '2027–2029');
    expect(filled?.seatCount).toBe(2);
    await adminPage.context().close();
  });
});
