import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageTabs } from './LanguageTabs';

function render(selected: 'en' | 'ko' | 'ja') {
  return renderToStaticMarkup(
    <LanguageTabs
      idPrefix="t"
      label="Languages"
      languages={['en', 'ko', 'ja'] as const}
      selected={selected}
      onSelect={() => undefined}
      tabLabel={(lang) => lang.toUpperCase()}
    >
      {(lang) => <input aria-label={`title ${lang}`} />}
    </LanguageTabs>,
  );
}

describe('LanguageTabs', () => {
  it('is a labelled tab list whose tabs control their panels', () => {
    const html = render('ko');
    expect(html).toContain('role="tablist" aria-label="Languages"');
    expect(html).toContain('id="t-tab-ko" aria-controls="t-panel-ko" aria-selected="true"');
    expect(html).toContain('id="t-tab-en" aria-controls="t-panel-en" aria-selected="false"');
    expect(html).toContain('role="tabpanel" id="t-panel-ko" aria-labelledby="t-tab-ko"');
  });

  it('puts only the selected tab in the tab order', () => {
    const html = render('ja');
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(/id="t-tab-ja"[^>]*tabindex="0"/);
    expect(html.match(/tabindex="-1"/g)).toHaveLength(2);
  });

  it('keeps the other panels mounted but hidden', () => {
    const html = render('en');
    expect(html).toMatch(/id="t-panel-en"[^>]*class="news-tabs__panel"><input/);
    expect(html).toMatch(/id="t-panel-ko"[^>]*hidden=""/);
    expect(html).toContain('aria-label="title ko"');
  });
});
