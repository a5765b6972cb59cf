import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, startE2E, type E2E } from './harness';

const skipReason = browserUnavailable();

/**
 * The demo in the reader's language (issue 12): a member's targets and actions titled in Korean
 * for a Korean reader, and the East Asia RexCom named and described in Japanese for a Japanese
 * one, where they used to show in English.
 */
describe.skipIf(skipReason !== null)('the demo in the reader’s language', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('titles Kyoto’s targets and actions in Korean for a Korean reader', async () => {
    const page = await e.newPage('ko-KR');
    await page.goto('/members/kyoto/climate');
    const titles = page.locator('.climate-target__title');
    await titles.first().waitFor();
    await expect.poll(() => titles.allInnerTexts()).toContain('2050년까지 배출 제로');
    expect(await titles.allInnerTexts()).toContain('2030년까지 2013년도 대비 40% 감축');
    expect(await titles.allInnerTexts()).not.toContain('Zero emissions by 2050');
    const actions = page.getByTestId('climate-action').locator('h3');
    expect(await actions.allInnerTexts()).toEqual(
      expect.arrayContaining(['1.5 °C 라이프스타일 캠페인', '지구온난화 대책 조례 개정']),
    );
    await page.context().close();
  });

  it('names and describes the East Asia RexCom in Japanese for a Japanese reader', async () => {
    const page = await e.newPage('ja-JP');
    await page.goto('/bodies/east-asia-rexcom');
    const heading = page.locator('h1');
    await expect.poll(() => heading.innerText()).toBe('東アジア地域執行委員会');
    expect(await page.locator('.page-header__lead').innerText()).toBe(
      '地域の会員が4年の任期で選出し、その地域におけるネットワークの活動を導きます。',
    );
    await page.context().close();
  });
});
