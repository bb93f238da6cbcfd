/** A small ECharts host for the analysis: bar, histogram and line charts (only these parts are imported). */
import { EChart, type EChartOption } from '../../components/EChart';

export type ChartOption = EChartOption;

export function Chart({ option, testId }: { option: ChartOption; testId?: string }) {
  return <EChart option={option} className="ex-chart" testId={testId} />;
}

/** Rates by class (及格率, 优秀率, 低分率 in %). */
export function ratesOption(classes: string[], series: { name: string; values: (number | null)[]; color: string }[]): ChartOption {
  return {
    grid: { left: 40, right: 12, top: 34, bottom: classes.length > 8 ? 56 : 28 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${v}%`) },
    xAxis: { type: 'category', data: classes, axisLabel: { interval: 0, rotate: classes.length > 8 ? 35 : 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((s) => ({
      type: 'bar', name: s.name, barMaxWidth: 22, itemStyle: { color: s.color },
      data: s.values.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
    })),
  };
}

/** Score distribution in bins of full marks. */
export function histogramOption(bins: { from: number; to: number; count: number }[], label: string): ChartOption {
  return {
    grid: { left: 36, right: 12, top: 20, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: bins.map((b) => `${b.from}-${b.to}`), axisLabel: { interval: 0, rotate: 35 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: label, data: bins.map((b) => b.count), barCategoryGap: '4%', itemStyle: { color: '#4e7fd8' }, label: { show: true, position: 'top' } }],
  };
}

/** A class's (or grade's) average across exams, against the grade average. */
export function trendOption(names: string[], series: { name: string; values: (number | null)[]; color: string; dashed?: boolean }[]): ChartOption {
  return {
    grid: { left: 40, right: 16, top: 34, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 25 : 0 } },
    yAxis: { type: 'value', scale: true },
    series: series.map((s) => ({
      type: 'line', name: s.name, data: s.values, connectNulls: true, symbolSize: 7,
      itemStyle: { color: s.color }, lineStyle: { color: s.color, type: s.dashed ? 'dashed' : 'solid' },
    })),
  };
}
