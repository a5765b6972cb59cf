import { displayName, displayNameText, type NamesByLanguage } from '../../core/names';
import { DisplayedName } from './DisplayedName';
import { useLocale } from './locale';

/** The language tag of the name that equals text, so screen readers and fonts pick the script. */
export function languageOf(names: NamesByLanguage, text: string, fallback: string): string {
  const match = Object.entries(names).find(([, value]) => value === text);
  return match ? match[0] : fallback;
}

/**
 * A government's name as the viewer should see it: their own language when it exists,
 * otherwise the local-script name with the English name beside it.
 */
export function GovernmentName({
  names,
  localLang,
  className,
}: {
  names: NamesByLanguage;
  localLang: string;
  className?: string;
}) {
  const locale = useLocale();
  return <DisplayedName name={displayName(names, localLang, locale)} className={className} />;
}

/** The same name as plain text, e.g. for titles and map tooltips: "京都市 (Kyoto)". */
export function governmentNameText(
  names: NamesByLanguage,
  localLang: string,
  locale: string,
): string {
  return displayNameText(names, localLang, locale);
}
