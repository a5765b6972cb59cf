import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserUnavailable,
  signIn,
  startE2E,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type E2E,
  apiCall,
} from './harness';

const skipReason = browserUnavailable();

describe.skipIf(skipReason !== null)('an edit form whose record changed meanwhile', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('keeps the input, says the record changed, and reloads it only when asked', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const created = await apiCall(page, 'POST', '/api/v1/governments/suwon/targets', {
      type: 'fixed-level',
      title: 'Carbon neutral by 2050',
      status: 'declaration',
      targetYear: 2050,
      targetEmissions: 0,
    });
    expect(created.status).toBe(201);
    const id = created.json.id;

    await page.goto(`/members/suwon/climate/targets/${id}/edit`);
    const title = page.getByTestId('target-title');
    await expect.poll(() => title.inputValue()).toBe('Carbon neutral by 2050');
    await title.fill('Net zero by 2045');

    // Someone else saves the target while the form is open.
    const theirs = await apiCall(page, 'PATCH', `/api/v1/targets/${id}`, {
      title: 'Climate neutral by 2050',
    });
    expect(theirs.json.version).toBe(2);

    await page.getByTestId('target-save').click();
    const notice = page.getByTestId('stale-write');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(
      'This record was changed by someone else since you opened it',
    );
    expect(await title.inputValue()).toBe('Net zero by 2045');
    expect(new URL(page.url()).pathname).toBe(`/members/suwon/climate/targets/${id}/edit`);
    const stored = await apiCall(page, 'GET', `/api/v1/targets/${id}`);
    expect(stored.json).toMatchObject({ title: 'Climate neutral by 2050' });

    await page.getByTestId('stale-write-reload').click();
    await expect.poll(() => title.inputValue()).toBe('Climate neutral by 2050');
    expect(await notice.count()).toBe(0);

    // From the record as it is now, the change goes through.
    await title.fill('Net zero by 2045');
    await page.getByTestId('target-save').click();
    await page.waitForURL((url) => url.pathname === '/members/suwon/climate');
    const after = await apiCall(page, 'GET', `/api/v1/targets/${id}`);
    expect(after.json).toMatchObject({ title: 'Net zero by 2045' });
    await page.context().close();
  });
});
