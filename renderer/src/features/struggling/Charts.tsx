/** ECharts of the page: a student's score curve (percent of full marks per subject) and the rate bars. */
import type { ScoreCurve } from '../../../../shared/contract';
import { useEChart as useChart, type EChartOption } from '../../components/EChart';

/** Percent of full marks, so subjects with different full marks share one axis; gaps where absent. */
export function ScoreCurveChart({ curve, testId }: { curve: ScoreCurve; testId?: string }) {
  const option: EChartOption = {
    animation: false,
    grid: { left: 44, right: 16, top: 36, bottom: 48 },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`),
    },
    xAxis: { type: 'category', data: curve.exams.map((e) => `${e.name}\n${e.date}`), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: curve.subjects.map((s) => ({
      type: 'line', name: s.subjectName, connectNulls: false, symbolSize: 7,
      data: s.percents.map((p) => (p === null ? null : Math.round(p * 10) / 10)),
    })),
  };
  const el = useChart(option);
  return <div ref={el} className="sf-chart" data-testid={testId} />;
}

export function RateBarChart({ names, rates, testId }: { names: string[]; rates: (number | null)[]; testId?: string }) {
  const option: EChartOption = {
    animation: false,
    grid: { left: 48, right: 16, top: 24, bottom: names.length > 8 ? 70 : 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`) },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{
      type: 'bar', barMaxWidth: 36, itemStyle: { color: '#52a36b' },
      label: { show: true, position: 'top', formatter: '{c}%' },
      data: rates.map((r) => (r === null ? null : Math.round(r * 1000) / 10)),
    }],
  };
  const el = useChart(option);
  return <div ref={el} className="sf-chart" data-testid={testId} />;
}
