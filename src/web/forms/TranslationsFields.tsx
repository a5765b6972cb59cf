import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES, LOCALES } from '../../core/locales';
import { FormField } from './form';

/**
 * The translations of a text entered in one language (a target's or an action's title): one
 * field per language Accord speaks, folded away until asked for, opening by itself when one of
 * them has a problem. Languages Accord does not speak that an import brought are kept as they
 * are, since the form only changes the five it shows.
 */
export function TranslationsFields({
  id,
  legend,
  texts,
  onChange,
  errorFor,
  pointer = '/titles',
  maxLength,
}: {
  id: string;
  /** What is translated, e.g. "Title in other languages". */
  legend: string;
  texts: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
  errorFor: (pointer: string) => string | undefined;
  /** Where the translations are in the request body; a language's text is `<pointer>/<tag>`. */
  pointer?: string;
  maxLength?: number;
}) {
  const { t } = useTranslation('admin');
  const given = LOCALES.filter((lang) => (texts[lang] ?? '').trim() !== '').length;
  const invalid = LOCALES.some((lang) => errorFor(`${pointer}/${lang}`) !== undefined);
  return (
    <details className="translations-fields" open={invalid || undefined}>
      <summary>
        {legend}{' '}
        <span className="admin-secondary">
          {t('translations.given', { count: given, total: LOCALES.length })}
        </span>
      </summary>
      <p className="field__hint">{t('translations.hint')}</p>
      {LOCALES.map((lang) => (
        <FormField
          key={lang}
          id={`${id}-${lang}`}
          label={<span lang={lang}>{LOCALE_NAMES[lang]}</span>}
          error={errorFor(`${pointer}/${lang}`)}
        >
          {(control) => (
            <input
              {...control}
              lang={lang}
              maxLength={maxLength}
              value={texts[lang] ?? ''}
              onChange={(e) => onChange({ ...texts, [lang]: e.target.value })}
              data-testid={`${id}-${lang}`}
            />
          )}
        </FormField>
      ))}
    </details>
  );
}
