import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../core/names';
import { api, query } from '../api';
import { countryName } from '../app/format';
import type { GovernmentSummary, PageOf } from '../types';
import type { FieldControlProps } from './form';
import { useLocale } from '../app/locale';

export interface PickedGovernment {
  slug: string;
  label: string;
}

/** A value that settles: the last one typed once the typing pauses. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * Chooses a government by typing part of any of its names, in any script. A combobox in
 * the WAI-ARIA pattern: arrows move through the suggestions, Enter picks, Escape closes.
 */
export function GovernmentPicker({
  control,
  value,
  onChange,
  testId,
}: {
  control: FieldControlProps;
  value: PickedGovernment | null;
  onChange(value: PickedGovernment | null): void;
  testId?: string;
}) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const listId = useId();
  const [text, setText] = useState(value?.label ?? '');
  const [open, setOpen] = useState(false);
  // -1: no suggestion highlighted yet; the first ArrowDown moves to the first one.
  const [active, setActive] = useState(-1);
  const search = useSettled(text.trim(), 250);

  const results = useQuery({
    queryKey: ['governments', { q: search, pageSize: 8, lang: locale }],
    queryFn: () =>
      api.get<PageOf<GovernmentSummary>>(
        `/api/v1/governments${query({ q: search, pageSize: 8, sort: 'name', lang: locale })}`,
      ),
    enabled: open && search.length > 0,
  });
  const options = (results.data?.items ?? []).map((government) => {
    const name = displayName(government.names, government.localLang, locale);
    return {
      slug: government.slug,
      label: name.secondary ? `${name.primary} (${name.secondary})` : name.primary,
      country: countryName(government.country, locale),
    };
  });
  const expanded = open && search.length > 0;
  const activeIndex = Math.min(active, options.length - 1);

  function pick(option: PickedGovernment) {
    onChange({ slug: option.slug, label: option.label });
    setText(option.label);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive(Math.min(activeIndex + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(activeIndex - 1, 0));
    } else if (event.key === 'Enter' && expanded) {
      // Enter with nothing highlighted takes the best match, as people expect when typing.
      const option = options[Math.max(activeIndex, 0)];
      if (option) {
        event.preventDefault();
        pick(option);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div className="admin-combobox">
      <input
        {...control}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={
          expanded && options[activeIndex] ? `${listId}-${activeIndex}` : undefined
        }
        value={text}
        placeholder={t('picker.placeholder')}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid={testId}
      />
      <ul id={listId} role="listbox" className="admin-combobox__list" hidden={!expanded}>
        {expanded && results.isFetching && options.length === 0 && (
          <li className="admin-combobox__note" role="presentation">
            {t('common:loading')}
          </li>
        )}
        {expanded && !results.isFetching && options.length === 0 && (
          <li className="admin-combobox__note" role="presentation">
            {t('picker.noMatch')}
          </li>
        )}
        {options.map((option, index) => (
          <li
            key={option.slug}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className="admin-combobox__option"
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(option);
            }}
          >
            {option.label} <span className="admin-secondary">{option.country}</span>
          </li>
        ))}
      </ul>
      {value && (
        <p className="admin-hint" aria-live="polite">
          {t('picker.chosen', { name: value.label, slug: value.slug })}
        </p>
      )}
    </div>
  );
}
