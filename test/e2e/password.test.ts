import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/users/service';
import { browserUnavailable, signIn, startE2E, type E2E } from './harness';

const skipReason = browserUnavailable();

const EMAIL = 'changes.password@accord.example';
const OLD = 'the-old-password-1';
const NEW = 'a-new-and-longer-password-2';

describe.skipIf(skipReason !== null)('changing one’s own password in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    await createUser(
      e.db,
      { userId: null, label: 'e2e' },
      { email: EMAIL, displayName: 'Password changer', role: 'viewer', password: OLD },
    );
  });
  afterAll(async () => {
    await e?.close();
  });

  it('changes the password from the name in the header, then signs in with the new one', async () => {
    const page = await e.newPage();
    await signIn(page, EMAIL, OLD);
    await page.getByTestId('nav-account').click();
    await page.waitForURL('**/account/password');

    // A wrong current password is named beside its field.
    await page.getByTestId('password-current').fill('not-my-password');
    await page.getByTestId('password-new').fill(NEW);
    await page.getByTestId('password-repeat').fill(NEW);
    await page.getByTestId('password-submit').click();
    await expect
      .poll(() => page.locator('#password-current-error').innerText())
      .toBe('This is not your current password.');
    expect(await page.getByTestId('password-current').getAttribute('aria-invalid')).toBe('true');

    await page.getByTestId('password-current').fill(OLD);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-changed').waitFor();
    // Still signed in, on the new session: the header shows the name.
    await expect
      .poll(() => page.getByTestId('nav-account').innerText())
      .toContain('Password changer');

    await page.getByTestId('nav-signout').click();
    await page.getByTestId('nav-signin').waitFor();
    await page.goto('/signin');
    await page.getByTestId('signin-email').fill(EMAIL);
    await page.getByTestId('signin-password').fill(OLD);
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.locator('.admin-error-summary').innerText()).toMatch(/not right/);

    await signIn(page, EMAIL, NEW);
    await expect
      .poll(() => page.getByTestId('nav-account').innerText())
      .toContain('Password changer');
    await page.context().close();
  });
});
