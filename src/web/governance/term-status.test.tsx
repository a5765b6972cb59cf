import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { TermStatus } from './term-status';

afterAll(async () => {
  await i18n.changeLanguage('en');
});

const term = { label: '2021–2024', startsOn: '2021-01-01', endsOn: '2024-12-31' };
const render = (today: string, canManage = false) =>
  renderToStaticMarkup(
    <TermStatus term={term} today={today} canManage={canManage} onOpenNext={() => {}} />,
  );

describe('TermStatus', () => {
  it('does not call the 2021–2024 term current in 2026 and says no term was entered since', async () => {
    await i18n.changeLanguage('en');
    const html = render('2026-12-07');
    expect(html).not.toContain('Current composition');
    expect(html).toContain(
      'The 2021–2024 term ended on Dec 31, 2024; no term has been entered since.',
    );
    expect(html).not.toContain('open-next-term');
  });

  it('offers the secretariat the way to open the next term', async () => {
    await i18n.changeLanguage('en');
    expect(render('2026-12-07', true)).toContain('Open the next term');
  });

  it('gives a four-year term its four years', async () => {
    await i18n.changeLanguage('en');
    const html = render('2023-05-01');
    expect(html).toContain('Current composition');
    expect(html).toContain('4 years');
    expect(html).not.toContain('term-ended');
  });

  it('speaks every language', async () => {
    for (const lang of ['ko', 'ja', 'zh-Hans', 'zh-Hant']) {
      await i18n.changeLanguage(lang);
      const html = render('2026-12-07', true);
      expect(html).toContain('2021–2024');
      expect(html).not.toMatch(/no term has been entered|Open the next term|bodyPage\./);
    }
  });
});
