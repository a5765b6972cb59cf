import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  browserUnavailable,
  signIn,
  startE2E,
  type E2E,
} from './harness';

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

  it('lets the secretariat correct a target’s Korean title in the target form', async () => {
    const target = await e.db.kysely
      .selectFrom('climate_targets')
      .innerJoin('governments', 'governments.id', 'climate_targets.government_id')
      .where('governments.slug', '=', 'kyoto')
      .where('climate_targets.title', '=', 'Zero emissions by 2050')
      .select('climate_targets.id')
      .executeTakeFirstOrThrow();
    const page = await e.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto(`/members/kyoto/climate/targets/${target.id}/edit`);
    // The translations are folded away until asked for, and hold what the demo gave.
    const korean = page.getByTestId('target-titles-ko');
    await page.locator('.translations-fields summary').click();
    await expect.poll(() => korean.inputValue()).toBe('2050년까지 배출 제로');
    await korean.fill('2050년 탄소중립');
    await page.getByTestId('target-save').click();
    await page.waitForURL(`**/members/kyoto/climate#target-${target.id}`);

    const ko = await e.newPage('ko-KR');
    await ko.goto('/members/kyoto/climate');
    const titles = ko.locator('.climate-target__title');
    // The page's code and its Korean words load on demand: wait for it to be drawn.
    await titles.first().waitFor();
    await expect.poll(() => titles.allInnerTexts()).toContain('2050년 탄소중립');
    // The title as entered and the other languages are as they were.
    const row = await e.db.kysely
      .selectFrom('climate_targets')
      .where('id', '=', target.id)
      .select(['title', 'titles'])
      .executeTakeFirstOrThrow();
    expect(row.title).toBe('Zero emissions by 2050');
    expect(JSON.parse(row.titles)).toMatchObject({ ko: '2050년 탄소중립' });
    expect(Object.keys(JSON.parse(row.titles) as object)).toEqual(
      expect.arrayContaining(['ja', 'zh-Hans', 'zh-Hant']),
    );
    await ko.context().close();
    await page.context().close();
  });
});
