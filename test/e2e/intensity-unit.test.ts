import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  apiCall,
  browserUnavailable,
  signIn,
  startE2E,
  type E2E,
} from './harness';

const skipReason = browserUnavailable();

/**
 * An intensity target's unit in the target form (issue 12): a unit Accord knows is chosen by
 * its name in the reader's language, never shown as its code ('per-gdp'); another is typed, and
 * kept as typed.
 */
describe.skipIf(skipReason !== null)('the intensity unit in the target form', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('words a known unit in Korean and keeps a typed one as typed', async () => {
    const ko = await e.newPage('ko-KR');
    await signIn(ko, ADMIN_EMAIL, ADMIN_PASSWORD);
    const created = await apiCall(ko, 'POST', '/api/v1/governments/kyoto/targets', {
      type: 'intensity',
      title: 'Intensity down 30 % by 2030',
      status: 'policy',
      baseYear: 2013,
      targetYear: 2030,
      reductionPercent: 30,
      baseIntensity: 5.2,
      intensityUnit: 'per-gdp',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const id = created.json.id;

    await ko.goto(`/members/kyoto/climate/targets/${id}/edit`);
    const unit = ko.getByTestId('target-field-intensityUnit');
    await expect.poll(() => unit.locator('option:checked').innerText()).toBe('GDP당');
    // No field holds the code as its text, and the form shows it nowhere.
    const inputs = await ko
      .locator('form input')
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
    expect(inputs).not.toContain('per-gdp');
    expect(await ko.locator('form').innerText()).not.toMatch(/per-gdp|per-capita/);

    // Another unit, typed: saved as typed.
    await unit.selectOption('other');
    await ko.getByTestId('target-field-intensityUnit-typed').fill('가구');
    await ko.getByTestId('target-save').click();
    await ko.waitForURL(`**/members/kyoto/climate#target-${id}`);
    const row = await e.db.kysely
      .selectFrom('climate_targets')
      .where('id', '=', id)
      .select('intensity_unit')
      .executeTakeFirstOrThrow();
    expect(row.intensity_unit).toBe('가구');

    // Opened again, it reads as another unit with the text typed.
    await ko.goto(`/members/kyoto/climate/targets/${id}/edit`);
    await expect.poll(() => unit.inputValue()).toBe('other');
    await expect
      .poll(() => ko.getByTestId('target-field-intensityUnit-typed').inputValue())
      .toBe('가구');
    await ko.context().close();
  });
});
