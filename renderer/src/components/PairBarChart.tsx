/**
 * Two bar series side by side per category: observations done vs quota by role or teaching group, a teacher's
 * monthly totals vs the school average.
 */
import { useMemo } from 'react';
import { EChart } from './EChart';

export function PairBarChart({ labels, first, second, firstLabel, secondLabel, testId, height = 280 }: {
  labels: string[]; first: (number | null)[]; second: (number | null)[]; firstLabel: string; secondLabel: string; testId?: string; height?: number;
}) {
  const option = useMemo(() => {
    const many = labels.length > 5;
    return {
        legend: { top: 0 },
        grid: { left: 44, right: 16, top: 32, bottom: many ? 72 : 32 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: many ? 35 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: firstLabel, type: 'bar', data: first, barMaxWidth: 28, itemStyle: { color: '#4e7fd8' }, label: { show: labels.length <= 10, position: 'top', fontSize: 11 } },
          { name: secondLabel, type: 'bar', data: second, barMaxWidth: 28, itemStyle: { color: '#c9d3e3' }, label: { show: labels.length <= 10, position: 'top', fontSize: 11 } },
        ],
    };
  }, [labels, first, second, firstLabel, secondLabel]);
  return <EChart option={option} style={{ width: '100%', height }} testId={testId} />;
}
