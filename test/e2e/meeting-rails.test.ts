/**
 * The safety rails of a meeting's admin page: the vote table follows the register without a
 * reload, and recording a decision asks first.
 */
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

describe.skipIf(skipReason !== null)('meeting safety rails in the browser', () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('a seat marked present while a motion is open may vote at once, and recording a decision asks first', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);

    await page.goto('/admin/meetings/new');
    await page.getByTestId('meeting-body').selectOption('east-asia-rexcom');
    await page.getByTestId('meeting-title-en').fill('Rails meeting');
    await page.getByTestId('meeting-format').selectOption('online');
    await page.getByTestId('meeting-zone').selectOption('Asia/Seoul');
    await page.getByTestId('meeting-start').fill('2026-06-10T14:00');
    await page.getByTestId('meeting-end').fill('2026-06-10T16:00');
    // The demo's last term ended in 2024: this meeting is the 2021–2024 members', said so.
    await page.getByTestId('meeting-term').selectOption({ index: 1 });
    await page.getByTestId('meeting-joinUrl').fill('https://meet.example.org/rails');
    await page.getByTestId('save-meeting').click();
    await page.waitForURL(/\/admin\/meetings\/\d+$/);

    await page.getByTestId('status-schedule').click();
    await page.getByTestId('invite-body').click();
    await expect.poll(() => page.getByTestId('invitation-seoul').count()).toBe(1);
    await page.getByTestId('status-start').click();

    // A motion opened before anyone is marked present: every seat starts absent.
    await page.getByTestId('motion-text').fill('Adopt the agenda');
    await page.getByTestId('add-motion').click();
    const kyoto = (choice: string) =>
      page.locator(`[data-testid^="vote-"][data-testid$="-kyoto-${choice}"]`);
    await kyoto('absent').waitFor();
    expect(await kyoto('absent').isChecked()).toBe(true);

    // Marked present, Kyoto's row follows the register without a reload.
    await page.getByTestId('mark-present-kyoto').click();
    await expect
      .poll(() => page.getByTestId('attendance-state-kyoto').innerText())
      .toMatch(/present/i);
    await expect.poll(() => kyoto('abstain').isChecked()).toBe(true);
    expect(await kyoto('absent').isChecked()).toBe(false);

    // Quorum, then the decision: recording it asks first, naming the motion and the outcome; declined, the
    // motion stays open.
    for (const slug of ['changchun', 'seoul']) {
      await page.getByTestId(`mark-present-${slug}`).click();
      await expect
        .poll(() => page.getByTestId(`attendance-state-${slug}`).innerText())
        .toMatch(/present/i);
    }
    await expect
      .poll(() => page.getByTestId('quorum-indicator').getAttribute('data-reached'))
      .toBe('true');
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByTestId('record-decision').click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/Adopt the agenda/);
    expect(asked[0]).toMatch(/would not carry/);
    expect(asked[0]).toMatch(/cannot be changed/);
    expect(await page.getByTestId('record-decision').count()).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('record-decision').click();
    await expect.poll(() => page.getByTestId('record-decision').count()).toBe(0);
    await page.context().close();
  });

  it('the meeting form asks before a link leaves it unsaved, and keeps a draft restored with a notice', async () => {
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/meetings/new');
    await page.getByTestId('meeting-title-en').fill('A meeting not saved yet');
    await page.getByTestId('agenda-add').click();
    await page.getByTestId('agenda-item-title-0').fill('Opening');

    // A link inside the app asks; declined, the form stays as it was.
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator('.admin-breadcrumb a').click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/not saved/);
    expect(new URL(page.url()).pathname).toBe('/admin/meetings/new');
    expect(await page.getByTestId('meeting-title-en').inputValue()).toBe('A meeting not saved yet');

    // A reload keeps the draft, restored with a notice.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await page.getByTestId('meeting-draft-restored').waitFor();
    expect(await page.getByTestId('meeting-title-en').inputValue()).toBe('A meeting not saved yet');
    expect(await page.getByTestId('agenda-item-title-0').inputValue()).toBe('Opening');

    // Discarded, the form is blank again and leaving it asks nothing.
    await page.getByTestId('discard-meeting-draft').click();
    expect(await page.getByTestId('meeting-title-en').inputValue()).toBe('');
    await page.locator('.admin-breadcrumb a').click();
    await page.waitForURL(/\/admin\/meetings$/);
    await page.context().close();
  });
});
