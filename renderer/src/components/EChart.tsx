/**
 * The one ECharts host of the renderer: mounts a chart on a div, resizes with it, and sets `option` whenever it
 * changes. Only the ECharts parts the app uses are registered, to keep the bundle small.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

export type EChartOption = echarts.EChartsCoreOption;

/** Returns the ref of the div to draw on. Animation is off: office PCs are slow and charts are read, not watched. */
export function useEChart(option: EChartOption) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
  }, [option]);
  return el;
}

export function EChart({ option, className, style, testId }: { option: EChartOption; className?: string; style?: CSSProperties; testId?: string }) {
  const el = useEChart(option);
  return <div ref={el} className={className} style={style} data-testid={testId} />;
}
