/**
 * Two bar series side by side per category: observations done vs quota by role or teaching group, a teacher's
 * monthly totals vs the school average. Only the ECharts parts used are imported, to keep the bundle small.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export function PairBarChart({ labels, first, second, firstLabel, secondLabel, testId, height = 280 }: {
  labels: string[]; first: (number | null)[]; second: (number | null)[]; firstLabel: string; secondLabel: string; testId?: string; height?: number;
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
    const many = labels.length > 5;
    chart.current?.setOption(
      {
        animation: false,
        legend: { top: 0 },
        grid: { left: 44, right: 16, top: 32, bottom: many ? 72 : 32 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: many ? 35 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: firstLabel, type: 'bar', data: first, barMaxWidth: 28, itemStyle: { color: '#4e7fd8' }, label: { show: labels.length <= 10, position: 'top', fontSize: 11 } },
          { name: secondLabel, type: 'bar', data: second, barMaxWidth: 28, itemStyle: { color: '#c9d3e3' }, label: { show: labels.length <= 10, position: 'top', fontSize: 11 } },
        ],
      },
      true,
    );
  }, [labels, first, second, firstLabel, secondLabel]);

  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
