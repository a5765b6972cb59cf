/** One emissions target's chart: reported emissions per source, pathway, trend and target. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../components/EChart';
import { chartTable, hasChartData, targetChart, type SourceSeries } from './chart-series';
import {
  BENCHMARK_COLOR,
  INK_SOFT,
  LINE,
  PATHWAY_COLOR,
  TARGET_COLOR,
  TREND_COLOR,
  sourceColor,
} from './colors';
import { formatYear, useClimateFormat } from './format';
import type { EmissionsSeries, Target } from './types';

const KNOWN_SOURCES = new Set(['inventory', 'cdp', 'national', 'other']);

/** The name of an emissions source in the viewer's language (the report's own label otherwise). */
export function useSourceName() {
  const { t } = useTranslation('climate');
  return useCallback(
    (key: string, label: string | null, illustrative = false) => {
      // The series names an illustrative inventory's figure 'inventory-illustrative'.
      if (key === 'inventory-illustrative') return t('sources.inventoryIllustrative');
      if (key === 'inventory') {
        return illustrative ? t('sources.inventoryIllustrative') : t('sources.inventory');
      }
      // A known source keeps one name across years; others go by the report's own label.
      if (KNOWN_SOURCES.has(key)) return t(`sources.${key}`);
      return label ?? key;
    },
    [t],
  );
}

export function TargetChart({ target, series }: { target: Target; series: EmissionsSeries }) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const sourceName = useSourceName();
  const chart = useMemo(() => targetChart(target, series), [target, series]);
  const name = useCallback(
    (s: SourceSeries) => sourceName(s.key, s.label, s.illustrative),
    [sourceName],
  );

  const option = useMemo<ChartOption>(() => {
    const pair = (p: { year: number; value: number }) => [p.year, p.value];
    const lines: NonNullable<ChartOption['series']> = chart.sources.map((s, index) => ({
      type: 'line' as const,
      name: name(s),
      data: s.points.map(pair),
      color: sourceColor(s.key, index),
      symbol: 'circle',
      symbolSize: 7,
      lineStyle: { width: 2, type: s.illustrative ? ('dashed' as const) : ('solid' as const) },
    }));
    if (chart.pathway) {
      lines.push({
        type: 'line',
        name: t('chart.pathway'),
        data: chart.pathway.map(pair),
        color: PATHWAY_COLOR,
        symbol: 'none',
        lineStyle: { width: 1.5, type: 'dashed' },
      });
    }
    if (chart.trend) {
      lines.push({
        type: 'line',
        name: t('chart.trend'),
        data: chart.trend.map(pair),
        color: TREND_COLOR,
        symbol: 'none',
        lineStyle: { width: 2, type: 'dotted' },
      });
    }
    if (chart.target) {
      lines.push({
        type: 'line',
        name: t('chart.target'),
        data: [pair(chart.target)],
        color: TARGET_COLOR,
        symbol: 'diamond',
        symbolSize: 14,
      });
    }
    if (chart.benchmark) {
      lines.push({
        type: 'line',
        name: t('chart.benchmark'),
        data: [pair(chart.benchmark)],
        color: BENCHMARK_COLOR,
        symbol: 'triangle',
        symbolSize: 13,
      });
    }
    return {
      grid: { left: 8, right: 20, top: 36, bottom: 48, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) => (typeof value === 'number' ? f.tonnes(value) : String(value)),
      },
      legend: { bottom: 0, type: 'scroll', textStyle: { color: INK_SOFT } },
      xAxis: {
        type: 'value',
        min: chart.minYear,
        max: chart.maxYear,
        minInterval: 1,
        axisLabel: { formatter: (value: number) => formatYear(value), color: INK_SOFT },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        min: 0,
        name: t('chart.axisTonnes'),
        nameTextStyle: { color: INK_SOFT, align: 'left' },
        axisLabel: { formatter: (value: number) => f.compact(value), color: INK_SOFT },
        splitLine: { lineStyle: { color: LINE } },
      },
      series: lines,
    };
  }, [chart, t, f, name]);

  if (!hasChartData(chart)) return null;
  const rows = chartTable(chart);
  const label = t('chart.label', { title: target.title });
  return (
    <EChart option={option} label={label} testId="climate-chart" height={300}>
      <table>
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.year')}</th>
            {chart.sources.map((s) => (
              <th key={s.key} scope="col">
                {name(s)}
              </th>
            ))}
            {chart.pathway && <th scope="col">{t('chart.pathway')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.year}>
              <th scope="row">{formatYear(row.year)}</th>
              {row.values.map((value, index) => (
                <td key={chart.sources[index]?.key ?? index}>
                  {value === null ? t('chart.noValue') : f.tonnes(value)}
                </td>
              ))}
              {chart.pathway && (
                <td>{row.pathway === null ? t('chart.noValue') : f.tonnes(row.pathway)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {chart.trend && (
        <p className="visually-hidden">
          {t('chart.trendSummary', {
            from: formatYear(chart.trend[0].year),
            to: formatYear(Math.round(chart.trend[1].year)),
            start: f.tonnes(chart.trend[0].value),
            end: f.tonnes(chart.trend[1].value),
          })}
        </p>
      )}
    </EChart>
  );
}
