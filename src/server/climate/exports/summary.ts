import type { Writable } from 'node:stream';
import type { Locale } from '../../../core/locales';
import { displayName } from '../../../core/names';
import { notFound } from '../../http/problem';
import { translator, type Translate } from '../../i18n/translator';
import type { Store } from '../../store';
import { climateSummary } from '../summary-service';
import { governmentName } from './inventory';
import { writeTable, type Cell, type TableFormat } from './write-table';

/**
 * The dashboard's table as a file: one row per government of a region, or of the whole network
 * without one, with its headline target assessed as of a year, exactly as the dashboard computes
 * it (climateSummary). Headers and words (region, country, membership, status, yes/no) are in the
 * reader's language (src/server/i18n, namespace `exports`); emissions stay numbers in tonnes,
 * progress a number in per cent, years numbers, so a spreadsheet sums and sorts them in any
 * language. Every row names its region, so the whole network's file reads on its own.
 */

export const SUMMARY_COLUMNS = [
  'government',
  'country',
  'region',
  'membership',
  'targets',
  'headline',
  'targetYear',
  'status',
  'progress',
  'baseEmissions',
  'netZeroYear',
  'latestEmissions',
  'latestYear',
  'illustrative',
] as const;

const countryNames = new Map<Locale, Intl.DisplayNames>();

/** A country by its name in the reader's language (Intl), else its ISO code as given. */
function countryName(code: string, locale: Locale): string {
  let names = countryNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    countryNames.set(locale, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/**
 * The headline target's title in the reader's language where it is kept in it, as the dashboard
 * shows it (core/names.ts's rule: their language, else the other Chinese script, else as entered).
 */
export function headlineTitle(
  headline: { title: string; titles: Partial<Record<string, string>> },
  locale: Locale,
): string {
  return displayName({ ...headline.titles, und: headline.title }, 'und', locale).primary;
}

/** Progress as per cent with one decimal, as the dashboard shows it; null when not computed. */
const percent = (fraction: number | null | undefined) =>
  fraction === null || fraction === undefined ? null : Math.round(fraction * 1000) / 10;

export function summaryHeader(t: Translate): string[] {
  return SUMMARY_COLUMNS.map((key) => t(`exports:climateSummary.${key}`));
}

/** The file's name: the region's slug, or "all-regions", and the year assessed. */
export function summaryFileName(
  region: string | undefined,
  asOfYear: number,
  format: TableFormat,
): string {
  return `accord-climate-${region ?? 'all-regions'}-${asOfYear}.${format}`;
}

/**
 * Reads the summary of a region (404 for a region that does not exist) or of the whole network,
 * then returns the year assessed and the writer of its file in the reader's language.
 */
export async function prepareSummaryExport(
  store: Store,
  options: { region?: string | undefined; asOf?: number | undefined; locale: Locale },
): Promise<{ asOfYear: number; write(format: TableFormat, out: Writable): Promise<void> }> {
  const { region, locale } = options;
  const regions = await store.members.listRegions();
  if (region !== undefined && !regions.some((r) => r.slug === region)) {
    throw notFound('region', `No region "${region}".`);
  }
  const summary = await climateSummary(store, region, options.asOf);
  const t = translator(locale);
  const regionNames = new Map(
    regions.map((r) => [r.slug, t.or(`exports:regions.${r.slug}`, r.name)]),
  );
  const yesNo = (value: boolean) => (value ? t('exports:yes') : t('exports:no'));
  const rows: Cell[][] = summary.rows.map((r) => [
    governmentName({ slug: r.slug, names: r.names, localLang: r.localLang }, locale),
    countryName(r.country, locale),
    regionNames.get(r.region) ?? r.region,
    t(r.isMember ? 'exports:climateSummary.member' : 'exports:climateSummary.prospect'),
    r.targets,
    r.headline ? headlineTitle(r.headline, locale) : null,
    r.headline?.targetYear ?? null,
    r.headline ? t(`exports:climateSummary.statuses.${r.headline.status}`) : null,
    percent(r.headline?.progress),
    r.baseEmissions,
    r.netZeroYear,
    r.latestEmissions,
    r.latestYear,
    yesNo(r.latestIllustrative || r.headline?.illustrative === true),
  ]);
  const sheet = region
    ? t('exports:climateSummary.sheetRegion', {
        region: regionNames.get(region) ?? region,
        year: summary.asOfYear,
      })
    : t('exports:climateSummary.sheetAll', { year: summary.asOfYear });
  return {
    asOfYear: summary.asOfYear,
    // Excel refuses a sheet name over 31 characters.
    write: (format, out) => writeTable(format, summaryHeader(t), rows, out, sheet.slice(0, 31)),
  };
}
