/** How the climate pages write tonnes, percentages, years and moments in the viewer's language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../components/format';
import { useLocale } from '../components/locale';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A timestamp with its time of day, in the viewer's time zone. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  return format.format(date);
}

/** Years are written without grouping ("2030", never "2,030"). */
export function formatYear(year: number): string {
  return String(year);
}

export interface ClimateFormat {
  locale: string;
  /** "7,840,000 t CO2e" */
  tonnes(value: number): string;
  /** "7.84 Mt CO2e" (small figures in tonnes) */
  megatonnes(value: number): string;
  /** 0.414 → "41.4 %" in the viewer's style. */
  share(fraction: number): string;
  /** 74 → "74 %" */
  percent(value: number): string;
  /** A plain number with up to `digits` decimals. */
  number(value: number, digits?: number): string;
  /** Compact numbers for chart axes ("7.8M", "784万"). */
  compact(value: number): string;
  dateTime(iso: string): string;
}

export function useClimateFormat(): ClimateFormat {
  const { t } = useTranslation('climate');
  const locale = useLocale();
  return useMemo(
    () => ({
      locale,
      tonnes: (value) =>
        t('units.tonnes', {
          value: formatNumber(value, locale, {
            maximumFractionDigits: Math.abs(value) < 10 ? 2 : 0,
          }),
        }),
      // Below 0.01 Mt a figure would read "0 Mt": say it in tonnes instead.
      megatonnes: (value) =>
        value !== 0 && Math.abs(value) < 10_000
          ? t('units.tonnes', { value: formatNumber(value, locale, { maximumFractionDigits: 0 }) })
          : t('units.megatonnes', {
              value: formatNumber(value / 1_000_000, locale, { maximumFractionDigits: 2 }),
            }),
      share: (fraction) =>
        formatNumber(fraction, locale, { style: 'percent', maximumFractionDigits: 1 }),
      percent: (value) =>
        formatNumber(value / 100, locale, { style: 'percent', maximumFractionDigits: 1 }),
      number: (value, digits = 2) => formatNumber(value, locale, { maximumFractionDigits: digits }),
      compact: (value) =>
        formatNumber(value, locale, { notation: 'compact', maximumFractionDigits: 1 }),
      dateTime: (iso) => formatDateTime(iso, locale),
    }),
    [t, locale],
  );
}
