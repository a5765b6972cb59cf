/** The last step of the application form: everything once more, the consent, then send. */
import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES, isLocale } from '../../core/locales';
import { countryName, languageName } from '../components/format';
import { useLocale } from '../components/locale';
import { FormField } from '../forms/form';
import { fieldId, STEP_FIELDS, type ApplyStep, type ApplyValues } from './application-form';
import type { StepFieldsProps } from './ApplyFields';

const SECTIONS: Exclude<ApplyStep, 'summary'>[] = ['government', 'figures', 'people', 'membership'];

export function ApplySummary(
  props: StepFieldsProps & { file: File | null; onChange(step: ApplyStep): void },
) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const { values } = props;

  const shown = (key: keyof ApplyValues): string => {
    const value = values[key];
    if (key === 'country') return value ? countryName(String(value), locale) : '';
    if (key === 'kind') return t(`common:kinds.${values.kind}`);
    if (key === 'category') return t(`common:categories.${values.category}`);
    if (key === 'language') return LOCALE_NAMES[values.language];
    if (key === 'officialNameLang') {
      const tag = values.officialNameLang;
      return isLocale(tag) ? LOCALE_NAMES[tag] : languageName(tag, locale);
    }
    return typeof value === 'string' ? value.trim() : '';
  };

  return (
    <>
      {SECTIONS.map((section) => (
        <section key={section} className="apply-summary" aria-labelledby={`summary-${section}`}>
          <div className="admin-heading">
            <h3 id={`summary-${section}`}>{t(`steps.${section}`)}</h3>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => props.onChange(section)}
              data-testid={`apply-change-${section}`}
            >
              {t('apply.change')}
              <span className="visually-hidden"> {t(`steps.${section}`)}</span>
            </button>
          </div>
          <dl className="apply-summary__list">
            {STEP_FIELDS[section].map(([pointer, key]) => {
              const error = props.errorFor(pointer);
              return (
                <div key={key}>
                  <dt>{t(`fields.${key}`)}</dt>
                  <dd data-testid={`summary-${key}`}>
                    {shown(key) || <span className="muted">{t('apply.notGiven')}</span>}
                    {error && <span className="admin-field__error"> {error}</span>}
                  </dd>
                </div>
              );
            })}
            {section === 'membership' && (
              <div>
                <dt>{t('fields.resolution')}</dt>
                <dd>{props.file ? props.file.name : t('apply.resolutionLater')}</dd>
              </div>
            )}
          </dl>
        </section>
      ))}
      <FormField
        id={fieldId('consent')}
        label={t('fields.consent')}
        error={props.errorFor('/consent')}
        required
      >
        {(control) => (
          <label className="apply-choice">
            <input
              {...control}
              type="checkbox"
              checked={values.consent}
              onChange={(e) => {
                props.set('consent', e.target.checked);
                props.touch('/consent');
              }}
              data-testid={fieldId('consent')}
            />
            <span>{t('consentText')}</span>
          </label>
        )}
      </FormField>
    </>
  );
}
