/**
 * A small React wrapper around ECharts, drawn as SVG. Only the chart types and components the
 * climate and election pages use are registered, so the bundle stays small; the pages that use it are
 * loaded lazily. The chart itself is one image to assistive technology (its aria-label); the
 * caller passes a visually hidden table or summary with the figures as children.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { init, use as registerCharts, type ComposeOption, type EChartsType } from 'echarts/core';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

registerCharts([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
  );
}

export interface EChartProps {
  option: ChartOption;
  /** What the chart shows, read by screen readers instead of the drawing. */
  label: string;
  height?: number;
  testId?: string;
  className?: string;
  /**
   * The same figures as text (a table or a summary), for screen readers only. It sits in a
   * visually hidden frame of its own: a table cannot be made 1 px wide itself, and a hidden
   * table as wide as its columns widened pages on a phone.
   */
  children?: ReactNode;
}

export default function EChartView({
  option,
  label,
  height = 320,
  testId,
  className,
  children,
}: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { animation: !prefersReducedMotion(), ...option },
      { notMerge: true, lazyUpdate: true },
    );
  }, [option]);

  return (
    <figure className={['climate-chart', className].filter(Boolean).join(' ')} data-testid={testId}>
      <div
        ref={container}
        className="climate-chart__canvas"
        role="img"
        aria-label={label}
        style={{ height }}
      />
      {children && <div className="visually-hidden">{children}</div>}
    </figure>
  );
}
