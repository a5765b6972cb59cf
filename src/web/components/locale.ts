import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from '../../core/locales';

/** The viewer's current locale, narrowed to one Accord supports. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lang) ? lang : 'en';
}
