import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserUnavailable,
  signIn,
  startE2E,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type E2E,
} from './harness';

/**
 * Actors that are not people — Accord itself, the demo loader — are said in the reader's
 * language: a Korean reader sees neither "system" nor "demo loader", in the audit log's "Who"
 * nor in a climate record's history.
 */

const skipReason = browserUnavailable();

/** The English labels the records keep for Accord's own actors. */
const ENGLISH_ACTORS = /\bsystem\b|demo loader/i;

async function whoColumn(page: Page): Promise<string[]> {
  await page.getByTestId('audit-row').first().waitFor();
  return page.getByTestId('audit-actor').allInnerTexts();
}

describe.skipIf(skipReason !== null)('actors in words', { timeout: 180_000 }, () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('the audit log says Accord and the demo loader in Korean', async () => {
    // The kinds of record Accord and the demo loader wrote entries for as the demo was loaded.
    const rows = await e.db.kysely
      .selectFrom('audit_log')
      .where('actor_label', 'in', ['system', 'demo loader'])
      .select(['entity_type', 'actor_label'])
      .distinct()
      .execute();
    const labels = new Set(rows.map((r) => r.actor_label));
    expect(labels).toEqual(new Set(['system', 'demo loader']));

    const ko = await e.newPage('ko-KR');
    await signIn(ko, ADMIN_EMAIL, ADMIN_PASSWORD);
    const seen = new Set<string>();
    for (const type of new Set(rows.map((r) => r.entity_type))) {
      await ko.goto(`/admin/audit?entityType=${encodeURIComponent(type)}`);
      for (const who of await whoColumn(ko)) {
        expect(who, type).not.toMatch(ENGLISH_ACTORS);
        seen.add(who);
      }
    }
    expect(seen).toContain('Accord (자동)');
    expect(seen).toContain('데모 데이터');
    await ko.context().close();
  });

  it("a demo member's climate history says who made each version in Korean", async () => {
    const ko = await e.newPage('ko-KR');
    await signIn(ko, ADMIN_EMAIL, ADMIN_PASSWORD);
    await ko.goto('/members/kyoto/climate');
    const panel = ko.getByTestId('climate-history').first();
    await panel.locator('summary').click();
    const item = panel.locator('.climate-history__item').first();
    await item.waitFor();
    const text = await panel.innerText();
    expect(text).not.toMatch(ENGLISH_ACTORS);
    expect(text).toContain('데모 데이터');
    await ko.context().close();
  });
});
