import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api';
import type { FieldControlProps } from '../admin/form';
import type { PageOf, Person } from '../types';

export interface PickedPerson {
  id: number;
  fullName: string;
}

/** The text once typing pauses, so a search is not sent per keystroke. */
function useSettled(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * Chooses a person from the people register (GET /people?q=) by typing part of the name.
 * The WAI-ARIA combobox pattern: arrows move, Enter picks, Escape closes. Clearing the text
 * clears the choice, which is how a seat is left vacant.
 */
export function PersonPicker({
  control,
  value,
  onChange,
  testId,
}: {
  control: FieldControlProps;
  value: PickedPerson | null;
  onChange(value: PickedPerson | null): void;
  testId?: string;
}) {
  const { t } = useTranslation('governance');
  const listId = useId();
  const [text, setText] = useState(value?.fullName ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const search = useSettled(text.trim(), 250);

  const results = useQuery({
    queryKey: ['people', { q: search, pageSize: 8 }],
    queryFn: () => api.get<PageOf<Person>>(`/api/v1/people${query({ q: search, pageSize: 8 })}`),
    enabled: open && search.length > 0,
  });
  const options = (results.data?.items ?? []).map((person) => ({
    id: person.id,
    fullName: person.fullName,
    where: person.positions
      .filter((p) => !p.endDate)
      .map((p) => p.government?.names.en ?? p.office?.name ?? '')
      .filter(Boolean)
      .join(', '),
  }));
  const expanded = open && search.length > 0;
  const activeIndex = Math.min(active, options.length - 1);

  function pick(option: PickedPerson) {
    onChange({ id: option.id, fullName: option.fullName });
    setText(option.fullName);
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
        placeholder={t('people.placeholder')}
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
            {t('people.noMatch')}
          </li>
        )}
        {options.map((option, index) => (
          <li
            key={option.id}
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
            {option.fullName}
            {option.where && <span className="admin-secondary"> {option.where}</span>}
          </li>
        ))}
      </ul>
      {value && (
        <p className="admin-hint" aria-live="polite">
          {t('people.chosen', { name: value.fullName })}
        </p>
      )}
    </div>
  );
}
