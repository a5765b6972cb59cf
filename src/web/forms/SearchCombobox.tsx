import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldControlProps } from './form';

/** A value that settles: the last one typed once the typing pauses. */
export function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export interface ComboboxOption<T> {
  key: string | number;
  label: string;
  /** Shown after the label, quieter: where the person works, the government's country. */
  detail?: string;
  value: T;
}

export interface SearchComboboxProps<T> {
  control: FieldControlProps;
  /** The label of the current choice, shown in the box at first. */
  initialText: string;
  /** Called with the settled search text and whether the list is open; returns the suggestions. */
  useOptions(search: string, open: boolean): { options: ComboboxOption<T>[]; fetching: boolean };
  onPick(value: T | null, label: string): void;
  /** Whether something is chosen; typing clears the choice. */
  chosen: boolean;
  placeholder: string;
  noMatch: string;
  /** What is chosen, announced under the box. */
  chosenText: string | null;
  testId?: string;
}

/**
 * Chooses a record by typing part of its name: a combobox in the WAI-ARIA pattern. Arrows
 * move through the suggestions, Enter picks (the best match when none is highlighted), Escape
 * closes. The pickers of governments and people are this with their own search.
 */
export function SearchCombobox<T>({
  control,
  initialText,
  useOptions,
  onPick,
  chosen,
  placeholder,
  noMatch,
  chosenText,
  testId,
}: SearchComboboxProps<T>) {
  const { t } = useTranslation('common');
  const listId = useId();
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(false);
  // -1: no suggestion highlighted yet; the first ArrowDown moves to the first one.
  const [active, setActive] = useState(-1);
  const search = useSettled(text.trim(), 250);
  const { options, fetching } = useOptions(search, open);
  const expanded = open && search.length > 0;
  const activeIndex = Math.min(active, options.length - 1);

  function pick(option: ComboboxOption<T>) {
    onPick(option.value, option.label);
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
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
          if (chosen) onPick(null, '');
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid={testId}
      />
      <ul id={listId} role="listbox" className="admin-combobox__list" hidden={!expanded}>
        {expanded && fetching && options.length === 0 && (
          <li className="admin-combobox__note" role="presentation">
            {t('loading')}
          </li>
        )}
        {expanded && !fetching && options.length === 0 && (
          <li className="admin-combobox__note" role="presentation">
            {noMatch}
          </li>
        )}
        {options.map((option, index) => (
          <li
            key={option.key}
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
            {option.label}
            {option.detail && <span className="admin-secondary"> {option.detail}</span>}
          </li>
        ))}
      </ul>
      {chosenText && (
        <p className="admin-hint" aria-live="polite">
          {chosenText}
        </p>
      )}
    </div>
  );
}
