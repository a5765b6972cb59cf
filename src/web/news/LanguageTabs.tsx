/**
 * Tabs, one per language, in the WAI-ARIA tabs pattern: only the selected tab is in the tab
 * order, the arrow keys (and Home, End) move between tabs, and each panel is labelled by its
 * tab. Panels stay mounted while hidden, so what was typed in another language is kept.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { tabKeyTarget } from './tabs';

export function LanguageTabs<L extends string>({
  idPrefix,
  label,
  languages,
  selected,
  onSelect,
  tabLabel,
  children,
}: {
  idPrefix: string;
  /** What the tabs choose between, for assistive technology. */
  label: string;
  languages: readonly L[];
  selected: L;
  onSelect(lang: L): void;
  tabLabel(lang: L): ReactNode;
  children(lang: L): ReactNode;
}) {
  const tabs = useRef(new Map<L, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const target = tabKeyTarget(event.key, index, languages.length);
    if (target === null) return;
    event.preventDefault();
    const lang = languages[target] as L;
    onSelect(lang);
    tabs.current.get(lang)?.focus();
  }

  return (
    <div className="news-tabs">
      <div role="tablist" aria-label={label} className="news-tabs__list">
        {languages.map((lang, index) => (
          <button
            key={lang}
            ref={(element) => {
              if (element) tabs.current.set(lang, element);
              else tabs.current.delete(lang);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${lang}`}
            aria-controls={`${idPrefix}-panel-${lang}`}
            aria-selected={lang === selected}
            tabIndex={lang === selected ? 0 : -1}
            className="news-tabs__tab"
            onClick={() => onSelect(lang)}
            onKeyDown={(event) => onKeyDown(event, index)}
            data-testid={`${idPrefix}-tab-${lang}`}
          >
            {tabLabel(lang)}
          </button>
        ))}
      </div>
      {languages.map((lang) => (
        <div
          key={lang}
          role="tabpanel"
          id={`${idPrefix}-panel-${lang}`}
          aria-labelledby={`${idPrefix}-tab-${lang}`}
          hidden={lang !== selected}
          className="news-tabs__panel"
        >
          {children(lang)}
        </div>
      ))}
    </div>
  );
}
