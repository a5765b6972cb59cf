/** The year assessments are made in: the server's current year, or an earlier one from the URL. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYear } from './format';

const EARLIEST = 2015;

export function useAsOf(params: URLSearchParams): number | null {
  const value = Number(params.get('asOf'));
  return Number.isInteger(value) && value >= 1990 && value <= 2100 ? value : null;
}

export function AsOfSelect({
  value,
  current,
  onChange,
}: {
  value: number | null;
  /** The year the server assessed in when no year was asked for. */
  current: number | null;
  onChange(year: number | null): void;
}) {
  const { t } = useTranslation('climate');
  const id = useId();
  // The server's year when it said one (it knows the date best), never less than this year.
  const latest = Math.max(current ?? 0, new Date().getFullYear());
  const top = Math.max(latest, value ?? 0);
  const years = Array.from({ length: top - EARLIEST + 1 }, (_, i) => top - i);
  return (
    <div className="field climate-as-of">
      <label className="field__label" htmlFor={id}>
        {t('asOf.label')}
      </label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        aria-describedby={`${id}-hint`}
        data-testid="climate-as-of"
      >
        <option value="">{t('asOf.current')}</option>
        {years.map((year) => (
          <option key={year} value={year}>
            {formatYear(year)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field__hint">
        {t('asOf.hint')}
      </p>
    </div>
  );
}
