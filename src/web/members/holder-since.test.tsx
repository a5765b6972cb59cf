import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { HolderSince } from './holder-since';

afterAll(async () => {
  await i18n.changeLanguage('en');
});

const today = '2026-12-07';

describe('HolderSince', () => {
  it('says a holder since 2008 with nothing recorded since is not confirmed since 2008', async () => {
    await i18n.changeLanguage('en');
    const html = renderToStaticMarkup(
      <HolderSince holder={{ startDate: '2008-07-01', endDate: null }} today={today} />,
    );
    expect(html).toContain('since Jul 1, 2008');
    expect(html).toContain('not confirmed since 2008');
  });

  it('shows a recent holder plainly with the date', async () => {
    await i18n.changeLanguage('en');
    const html = renderToStaticMarkup(
      <HolderSince holder={{ startDate: '2024-04-01', endDate: null }} today={today} />,
    );
    expect(html).toContain('since Apr 1, 2024');
    expect(html).not.toContain('holder-unconfirmed');
  });

  it('speaks every language', async () => {
    for (const lang of ['ko', 'ja', 'zh-Hans', 'zh-Hant']) {
      await i18n.changeLanguage(lang);
      const html = renderToStaticMarkup(
        <HolderSince holder={{ startDate: '2008-07-01', endDate: null }} today={today} />,
      );
      expect(html).toContain('2008');
      expect(html).not.toMatch(/not confirmed|profile\./);
    }
  });
});
