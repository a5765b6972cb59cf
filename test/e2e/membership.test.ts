import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserUnavailable,
  signIn,
  startE2E,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type E2E,
} from './harness';

const skipReason = browserUnavailable();

/** The secretariat's membership pages in a browser: a payment, the fee schedule's checks. */
describe.skipIf(skipReason !== null)('memberships and fees', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('says Suwon is in grace with an overdue invoice, and is current once it is paid', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/governments/suwon');
    const status = page.getByTestId('membership-status');
    await status.waitFor();
    expect(await status.innerText()).toContain('Grace period');
    // The record's form shows the membership but never lets it be typed: it follows the years.
    expect(await page.getByTestId('gov-membership-status').innerText()).toBe('Grace period');
    expect(await page.locator('select#gov-membership-status').count()).toBe(0);
    expect(await page.getByTestId('gov-membership-hint').innerText()).toContain(
      'Membership follows its years',
    );
    const overdue = page.getByTestId('membership-invoice').filter({ hasText: 'Overdue' });
    expect(await overdue.count()).toBe(1);
    expect(await overdue.innerText()).toMatch(/days? ago/);

    await overdue.getByTestId('invoice-mark-paid').click();
    page.once('dialog', (dialog) => void dialog.accept());
    await overdue.getByRole('button', { name: 'Save payment' }).click();
    await expect.poll(() => status.innerText()).toContain('Current since');
    expect(
      await page.getByTestId('membership-invoice').filter({ hasText: 'Overdue' }).count(),
    ).toBe(0);
    await page.context().close();
  });

  it('marks placeholders, says a falling fee is wrong beside it, and previews a fee', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/fees');
    await page.getByTestId('fee-table').waitFor();
    expect(await page.getByTestId('fees-illustrative-note').innerText()).toContain('5,985');
    const cell = page.locator('#fee-fees-high-3');
    expect(await cell.inputValue()).toBe('1950');
    await cell.fill('100');
    const error = page.locator('#fee-fees-high-3-error');
    expect(await error.innerText()).toBe('Must be at least the fee of the smaller band.');
    // The edited value is no longer marked illustrative.
    expect(await page.locator('#fee-fees-high-3-mark').count()).toBe(0);

    const result = page.getByTestId('preview-result');
    await page.getByTestId('preview-population').fill('1452549');
    expect(await result.innerText()).toBe('The schedule above has problems to fix first.');
    await cell.fill('1950');
    expect(await error.count()).toBe(0);
    // Japan, 1,452,549 people: the band from 1,000,000, as the schedule stands in the form.
    await expect.poll(() => result.innerText()).toContain('€2,600');
    await page.locator('#fee-fees-high-4').fill('2700');
    await expect.poll(() => result.innerText()).toContain('€2,700 a year (High income');
    await page.context().close();
  });
});
