/** Form pieces of the climate editors that the admin form kit has no equivalent for. */
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldDetail } from '../forms/form';

/**
 * A group of checkboxes with one legend and one error, described to assistive technology.
 */
export function CheckboxGroup<T extends string | number>({
  id,
  legend,
  options,
  selected,
  onChange,
  labelOf,
  error,
  hint,
  testId,
}: {
  id: string;
  legend: string;
  options: readonly T[];
  selected: readonly T[];
  onChange(next: T[]): void;
  labelOf(option: T): ReactNode;
  error?: string | undefined;
  hint?: string;
  testId?: string;
}) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`climate-checks${error ? ' admin-field--invalid' : ''}`}
      aria-describedby={describedBy || undefined}
      data-testid={testId}
    >
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="admin-field__error">
          {error}
        </p>
      )}
      <div className="climate-checks__options">
        {options.map((option) => (
          <label key={String(option)} className="admin-radio">
            <input
              type="checkbox"
              checked={selected.includes(option)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? [...selected, option]
                    : selected.filter((value) => value !== option),
                )
              }
            />
            {labelOf(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Messages the climate forms make themselves, translated; the rest go to the admin kit. */
export function useClimateFieldDetail(): (detail: string) => string {
  const { t } = useTranslation('climate');
  const general = useFieldDetail();
  return useCallback(
    (detail: string) => {
      if (detail === 'must be after the base year') return t('validation.afterBaseYear');
      return general(detail);
    },
    [t, general],
  );
}
