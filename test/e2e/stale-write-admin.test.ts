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
const NOTICE = 'This record was changed by someone else since you opened it';

/** The people and users pages' edits of positions and accounts changed meanwhile. */
describe.skipIf(skipReason !== null)('admin forms whose record changed meanwhile', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it("keeps a position's end date, says it changed, and reloads it only when asked", async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const person = await apiCall(page, 'POST', '/api/v1/people', { fullName: 'Stale Position' });
    expect(person.status).toBe(201);
    const position = await apiCall(page, 'POST', '/api/v1/positions', {
      personId: person.json.id,
      governmentSlug: 'suwon',
      title: 'mayor',
      startDate: '2022-07-01',
    });
    expect(position.status).toBe(201);
    const id = position.json.id as number;

    await page.goto('/admin/people?q=Stale%20Position');
    await page.getByTestId('position-end').click();
    const date = page.getByTestId('position-end-date');
    await date.fill('2030-01-31');

    const theirs = await apiCall(page, 'PATCH', `/api/v1/positions/${id}`, {
      endDate: '2030-06-30',
    });
    expect(theirs.json.version).toBe(2);

    await page.getByTestId('position-end-save').click();
    const notice = page.getByTestId(`position-${id}-stale`);
    await notice.waitFor();
    expect(await notice.innerText()).toContain(NOTICE);
    expect(await date.inputValue()).toBe('2030-01-31');

    await page.getByTestId(`position-${id}-stale-reload`).click();
    await expect.poll(() => date.inputValue()).toBe('2030-06-30');
    expect(await notice.count()).toBe(0);

    await date.fill('2030-01-31');
    await page.getByTestId('position-end-save').click();
    await page.getByTestId('people-saved').waitFor();
    const after = await apiCall(page, 'GET', `/api/v1/people/${person.json.id as number}`);
    expect((after.json.positions as object[])[0]).toMatchObject({
      endDate: '2030-01-31',
      version: 3,
    });
    await page.context().close();
  });

  it("keeps a user's edits, says the account changed, and reloads it only when asked", async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const created = await apiCall(page, 'POST', '/api/v1/users', {
      email: 'stale.user@accord.example',
      displayName: 'Stale User',
      role: 'viewer',
      password: 'a-long-enough-password-1',
    });
    expect(created.status).toBe(201);
    const id = (created.json.user as { id: number }).id;

    await page.goto('/admin/users?q=stale.user');
    await page.getByTestId('user-edit').click();
    const name = page.getByTestId('user-display-name');
    await name.fill('Mine');

    const theirs = await apiCall(page, 'PATCH', `/api/v1/users/${id}`, { displayName: 'Theirs' });
    expect(theirs.json.version).toBe(2);

    await page.getByTestId('user-save').click();
    const notice = page.getByTestId(`user-${id}-stale`);
    await notice.waitFor();
    expect(await notice.innerText()).toContain(NOTICE);
    expect(await name.inputValue()).toBe('Mine');

    await page.getByTestId(`user-${id}-stale-reload`).click();
    await expect.poll(() => name.inputValue()).toBe('Theirs');
    expect(await notice.count()).toBe(0);

    await name.fill('Mine');
    await page.getByTestId('user-save').click();
    await page.getByTestId('users-saved').waitFor();
    const list = await apiCall(page, 'GET', '/api/v1/users?q=stale.user');
    expect((list.json.items as object[])[0]).toMatchObject({ displayName: 'Mine', version: 3 });
    await page.context().close();
  });
});
