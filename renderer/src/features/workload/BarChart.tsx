/** A bar chart of periods per teacher, with the group average as a dashed line. */
import { useMemo } from 'react';
import { EChart } from '../../components/EChart';

export function PeriodsBarChart({ names, values, average, averageLabel, testId }: {
  names: string[]; values: number[]; average?: number; averageLabel?: string; testId?: string;
}) {
  const option = useMemo(
    () => ({
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
    }),
    [names, values, average, averageLabel],
  );
  return <EChart option={option} className="tv-chart" testId={testId} />;
}
