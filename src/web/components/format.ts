/**
 * Locale-aware formatting for the web app. Everything numeric, dated or country-named that a
 * person reads goes through here so that the viewer's language decides separators and scripts.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const countryNames = new Map<string, Intl.DisplayNames>();

export function formatNumber(
  n: number,
  locale: string,
  options?: Intl.NumberFormatOptions,
): string {
  const key = `${locale}|${JSON.stringify(options ?? {})}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format.format(n);
}

/**
 * Formats an ISO date ("2024-03-01") or timestamp. A bare date is read as a calendar day,
 * not as UTC midnight, so viewers west of Greenwich do not see the day before.
 */
export function formatDate(isoDate: string, locale: string): string {
  const bareDay = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = bareDay
    ? new Date(Date.UTC(Number(bareDay[1]), Number(bareDay[2]) - 1, Number(bareDay[3])))
    : new Date(isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  const key = `${locale}|${bareDay ? 'day' : 'instant'}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: bareDay ? 'UTC' : undefined,
    });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/** A country's name in the viewer's language from its ISO 3166-1 alpha-2 code. */
export function countryName(code: string, locale: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  let names = countryNames.get(locale);
  if (!names) {
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    } catch {
      return code.toUpperCase();
    }
    countryNames.set(locale, names);
  }
  return names.of(code.toUpperCase()) ?? code.toUpperCase();
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the viewer's language from its BCP 47 tag ("zh-Hant" → "繁體中文"…). */
export function languageName(tag: string, locale: string): string {
  let names = languageNames.get(locale);
  if (!names) {
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'code' });
    } catch {
      return tag;
    }
    languageNames.set(locale, names);
  }
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
