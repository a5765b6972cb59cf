/**
 * The chart, loaded when a page first shows one (React.lazy): ECharts is not in the download
 * of a page without a chart, and a page with one paints before it. Until it comes, a frame of
 * the chart's height holds its place, with the figures as text for screen readers already.
 */
import { Suspense } from 'react';
import type { EChartProps } from './EChartView';
import { lazyWithNamespaces } from '../i18n/lazy';

export type { ChartOption, EChartProps } from './EChartView';

const EChartView = lazyWithNamespaces(() => import('./EChartView'), []);

export function EChart(props: EChartProps) {
  // The test id is the drawn chart's alone: a test waiting for it waits for the drawing.
  const { label, height = 320, className, children } = props;
  return (
    <Suspense
      fallback={
        <figure className={['climate-chart', className].filter(Boolean).join(' ')}>
          <div className="climate-chart__canvas" role="img" aria-label={label} style={{ height }} />
          {children && <div className="visually-hidden">{children}</div>}
        </figure>
      }
    >
      <EChartView {...props} />
    </Suspense>
  );
}
