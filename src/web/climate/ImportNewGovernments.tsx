import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../components/format';
import { useClimateFormat } from './format';
import type { NewGovernmentsChoice } from './import-new-governments';
import type { ImportRun } from './types';

/**
 * The preview's question about governments the file names and Accord does not know: how many,
 * how many rows are about them, and whether the import adds them as prospects or leaves their
 * rows out. Nothing is chosen for the person: Import waits for an answer.
 */
export function NewGovernmentsChoiceField({
  run,
  value,
  onChange,
}: {
  run: Pick<ImportRun, 'newGovernments'>;
  value: NewGovernmentsChoice | null;
  onChange: (choice: NewGovernmentsChoice) => void;
}) {
  const { t } = useTranslation('climate');
  const locale = useClimateFormat().locale;
  const id = useId();
  const { count, rows } = run.newGovernments;
  return (
    <fieldset
      className="admin-fieldset climate-new-governments"
      aria-describedby={`${id}-hint`}
      data-testid="import-new-governments"
      data-count={count}
    >
      <legend>
        {t('imports.newGovernments.legend', { count, governments: formatNumber(count, locale) })}
      </legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('imports.newGovernments.hint', { count: rows, rows: formatNumber(rows, locale) })}
      </p>
      {(['create', 'skip'] as const).map((choice) => (
        <label key={choice} className="admin-radio">
          <input
            type="radio"
            name={`${id}-choice`}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
            data-testid={`import-new-governments-${choice}`}
          />
          {t(`imports.newGovernments.${choice}`, { count })}
        </label>
      ))}
    </fieldset>
  );
}
