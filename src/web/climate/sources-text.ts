/**
 * What the climate page says about sources and comparability, from the API's codes: the
 * server names a year left out of an assessment by a code and its parameters (what the year
 * reports, what the target covers), and the words are the catalogs'.
 */
import type { TFunction } from 'i18next';
import { formatYear } from './format';
import type { Assessment, EmissionReport } from './types';
import { gasLabel } from '../../core/climate/formulas';

export type ExcludedYear = Assessment['excluded'][number];

/** "Not comparable: 2018 reports scope 1+2; the target covers BASIC." */
export function excludedText(e: ExcludedYear, t: TFunction): string {
  const year = formatYear(e.year);
  switch (e.code) {
    case 'coverage':
      return t('comparability.coverage', {
        year,
        reported: t(`coverages.${e.reported}`),
        required: t(`coverages.${e.required}`),
      });
    case 'boundary':
      return t('comparability.boundary', {
        year,
        reported: t(`boundaries.${e.reported}`),
        required: t(`boundaries.${e.required}`),
      });
    case 'gases':
      return t('comparability.gases', {
        year,
        reported: e.reported.map(gasLabel).join(', '),
        required: e.required.map(gasLabel).join(', '),
      });
  }
}

/** Which total the assessment compares, and whether it assumed it; null when it compares none. */
export function comparedText(a: Assessment, t: TFunction): string | null {
  if (a.compared === null) return null;
  const coverage = t(`coverages.${a.compared}`);
  if (a.compared === 'sectors' || a.compared === 'scopes') {
    return t('comparability.comparedNone', { coverage });
  }
  if (a.compared === 'unstated') return t('comparability.comparedUnstated');
  return a.coverageAssumed
    ? t('comparability.comparedAssumed', { coverage })
    : t('comparability.compared', { coverage });
}

/** What a report's headline figure covers: BASIC, else its total's coverage, else scope 1+2. */
export function reportCoverage(report: EmissionReport): string | null {
  if (report.basic !== null) return 'basic';
  if (report.total !== null) return report.totalCoverage ?? 'unstated';
  if (report.scope1 !== null && report.scope2 !== null) return 'scope-1-2';
  return null;
}

/** Where a report comes from, beyond its label: "reported 2019 · imported: CDP … · GPC". */
export function reportOrigin(report: EmissionReport, t: TFunction): string[] {
  const parts: string[] = [];
  if (report.reportYear !== null) {
    parts.push(t('sourcesTable.reportYear', { year: formatYear(report.reportYear) }));
  }
  if (report.dataset !== null) {
    parts.push(
      t('sourcesTable.imported', {
        dataset: t(`imports.kinds.${report.dataset}`, { defaultValue: report.dataset }),
      }),
    );
  }
  const coverage = reportCoverage(report);
  if (coverage !== null)
    parts.push(t('sourcesTable.covers', { coverage: t(`coverages.${coverage}`) }));
  if (report.protocol) parts.push(t('sourcesTable.methodology', { protocol: report.protocol }));
  if (report.gases) parts.push(t('sourcesTable.gases', { gases: gasLabel(report.gases) }));
  if (report.boundary) {
    parts.push(
      t('sourcesTable.boundary', {
        boundary: t(`boundaries.${report.boundary}`, { defaultValue: report.boundary }),
      }),
    );
  }
  return parts;
}
