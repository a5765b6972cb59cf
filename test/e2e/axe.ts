import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One fault axe-core found: its rule, how bad, and the elements (CSS selectors) it is on. */
export interface AxeFault {
  rule: string;
  impact: string;
  targets: string[];
}

/**
 * The rules the browser tests hold every main page to: WCAG 2.x A and AA and axe's best
 * practices, plus label-in-name (WCAG 2.5.3), which axe still counts as experimental and so
 * leaves out unless asked.
 */
const RUN_OPTIONS = {
  runOnly: {
    type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  },
  rules: { 'label-content-name-mismatch': { enabled: true } },
  resultTypes: ['violations'],
} as const;

/**
 * Runs axe-core on the page as it is now and answers what it found, every impact. The script
 * is put in through the browser's debugging protocol, so the page's Content-Security-Policy
 * does not stop it.
 */
export async function axeFaults(page: Page): Promise<AxeFault[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async (options) => {
    const w = window as unknown as {
      axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> };
    };
    interface AxeViolation {
      id: string;
      impact: string | null;
      nodes: { target: unknown[] }[];
    }
    const result = await w.axe.run(document, options);
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, RUN_OPTIONS);
}

/** Whether a fault must fail the test: serious and critical ones do. */
export function blocking(fault: AxeFault): boolean {
  return fault.impact === 'serious' || fault.impact === 'critical';
}
