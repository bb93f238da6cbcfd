/** A bar chart of periods per teacher. Only the ECharts parts used are imported (keeps the bundle small). */
import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EBarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

export function PeriodsBarChart({ names, values, average, averageLabel, testId }: {
  names: string[]; values: number[]; average?: number; averageLabel?: string; testId?: string;
}) {
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
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 40, right: 56, top: 24, bottom: names.length > 10 ? 70 : 40 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 10 ? 40 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'bar',
            data: values,
            barMaxWidth: 36,
            itemStyle: { color: '#4e7fd8' },
            label: { show: true, position: 'top' },
            markLine: average !== undefined
              ? { symbol: 'none', data: [{ yAxis: average, name: averageLabel }], label: { formatter: `${averageLabel ?? ''} {c}` }, lineStyle: { color: '#d46b08', type: 'dashed' } }
              : undefined,
          },
        ],
      },
      true,
    );
  }, [names, values, average, averageLabel]);

  return <div ref={el} className="tv-chart" data-testid={testId} />;
}
