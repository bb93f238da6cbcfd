/**
 * Server-side charts for printouts: ECharts rendered to an SVG string (no DOM, no canvas), styled for
 * black-and-white laser printers. Nothing relies on colour: bars and slices are greys and every value is
 * printed as a label; line series differ by dash pattern and marker shape. The SVG is embedded inline in a
 * report's HTML, so the PDF keeps it as vectors.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, MarkLineComponent, SVGRenderer]);

/** Chart text: a CJK sans face first on Windows, Noto elsewhere. */
export const CHART_FONT = "'Microsoft YaHei', 'SimHei', 'Noto Sans CJK SC', sans-serif";

/** Greys from dark to light: adjacent series stay distinguishable on a mono printer. */
export const GREYS = ['#333333', '#8c8c8c', '#c8c8c8', '#5e5e5e', '#e6e6e6', '#a8a8a8'];
const LINE_DASH: ('solid' | 'dashed' | 'dotted')[] = ['solid', 'dashed', 'dotted'];
const MARKERS = ['circle', 'rect', 'triangle', 'diamond', 'emptyCircle', 'emptyRect'];

export interface ChartSize { width: number; height: number; title?: string }
export interface Series { name: string; values: (number | null)[] }

interface BaseOpts extends ChartSize {
  categories: string[];
  series: Series[];
  /** Y axis bounds; omitted = automatic. */
  yMin?: number;
  yMax?: number;
  /** Axis unit shown after labels, e.g. '分' or '节'. */
  unit?: string;
}

export interface BarOpts extends BaseOpts {
  /** Bars along the y axis (long category names such as teaching groups). */
  horizontal?: boolean;
  /** A dashed reference line, e.g. the quota (100%). */
  reference?: { value: number; label: string };
}

export type LineOpts = BaseOpts;

export interface PieOpts extends ChartSize {
  slices: { name: string; value: number }[];
  /** Inner radius share (0 = pie, 0.45 = donut). */
  donut?: boolean;
}

/** Printed values carry at most one decimal (averages would otherwise print 85.666666...). */
function tidy(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null || Number.isNaN(v) ? null : Math.round(v * 10) / 10));
}

/** Renders one ECharts option to a standalone SVG string and frees the instance. */
function render(option: Record<string, unknown>, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: CHART_FONT, color: '#000' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function titleOpt(title: string | undefined) {
  return title ? { text: title, left: 'center', top: 2, textStyle: { fontFamily: CHART_FONT, fontSize: 13, fontWeight: 'bold', color: '#000' } } : undefined;
}

const axisLine = { lineStyle: { color: '#000', width: 1 } };
const splitLine = { lineStyle: { color: '#bbbbbb', type: 'dashed' as const, width: 0.6 } };

function gridOpt(size: ChartSize, hasLegend: boolean, extraTop = 0) {
  return { left: 8, right: 18, bottom: hasLegend ? 46 : 8, top: (size.title ? 36 : 16) + extraTop };
}

function legendOpt(series: Series[]) {
  return series.length > 1
    ? { bottom: 2, itemWidth: 22, itemHeight: 10, textStyle: { fontFamily: CHART_FONT, fontSize: 11, color: '#000' }, data: series.map((s) => s.name) }
    : undefined;
}

/** Grouped bars with the value printed on each bar. */
export function barChart(o: BarOpts): string {
  const category = { type: 'category', data: o.categories, axisLine, axisTick: { show: false }, axisLabel: { color: '#000', fontSize: 11, interval: 0 } };
  const value = {
    type: 'value', min: o.yMin, max: o.yMax, splitLine, axisLine: { show: false },
    axisLabel: { color: '#000', fontSize: 10, formatter: o.unit ? `{value}${o.unit}` : '{value}' },
  };
  const many = o.categories.length * o.series.length > 24;
  const series = o.series.map((s, i) => ({
    type: 'bar', name: s.name, data: tidy(s.values),
    barMaxWidth: 34,
    itemStyle: { color: GREYS[i % GREYS.length], borderColor: '#000', borderWidth: 0.8 },
    label: { show: true, position: o.horizontal ? 'right' : 'top', color: '#000', fontSize: many ? 9 : 11, fontFamily: CHART_FONT },
    ...(i === 0 && o.reference ? {
      markLine: {
        symbol: 'none', silent: true,
        lineStyle: { color: '#000', type: 'dashed', width: 1 },
        label: { formatter: o.reference.label, color: '#000', fontSize: 10, position: o.horizontal ? 'start' : 'insideEndTop' },
        data: [o.horizontal ? { xAxis: o.reference.value } : { yAxis: o.reference.value }],
      },
    } : {}),
  }));
  return render({
    title: titleOpt(o.title), legend: legendOpt(o.series),
    // A horizontal chart's reference label sits above the plot, under the title.
    grid: gridOpt(o, o.series.length > 1, o.reference && o.horizontal ? 14 : 0),
    xAxis: o.horizontal ? value : category, yAxis: o.horizontal ? { ...category, inverse: true } : value, series,
  }, o);
}

/** Lines told apart by dash pattern and marker shape; values printed at each point for up to two series. */
export function lineChart(o: LineOpts): string {
  const showValues = o.series.length <= 2;
  const series = o.series.map((s, i) => ({
    type: 'line', name: s.name, data: tidy(s.values), connectNulls: false,
    symbol: MARKERS[i % MARKERS.length], symbolSize: 7,
    lineStyle: { color: '#000', width: 1.4, type: LINE_DASH[i % LINE_DASH.length] },
    itemStyle: { color: i % 2 ? '#ffffff' : '#000', borderColor: '#000', borderWidth: 1.2 },
    label: { show: showValues, position: i % 2 ? 'bottom' : 'top', color: '#000', fontSize: 10, fontFamily: CHART_FONT },
  }));
  return render({
    title: titleOpt(o.title), legend: legendOpt(o.series), grid: gridOpt(o, o.series.length > 1),
    xAxis: { type: 'category', data: o.categories, boundaryGap: true, axisLine, axisTick: { show: false }, axisLabel: { color: '#000', fontSize: 11, interval: 0 } },
    yAxis: { type: 'value', min: o.yMin, max: o.yMax, splitLine, axisLine: { show: false }, axisLabel: { color: '#000', fontSize: 10, formatter: o.unit ? `{value}${o.unit}` : '{value}' } },
    series,
  }, o);
}

/** Pie or donut: grey slices outlined in white, each labelled "name count (share%)" outside. */
export function pieChart(o: PieOpts): string {
  const slices = o.slices.filter((s) => s.value > 0);
  const top = o.title ? 24 : 0;
  return render({
    title: titleOpt(o.title),
    series: [{
      type: 'pie', radius: o.donut ? ['32%', '58%'] : [0, '58%'], center: ['50%', `${50 + top / 4}%`],
      startAngle: 90, avoidLabelOverlap: true, percentPrecision: 0,
      data: slices.map((s, i) => ({ ...s, itemStyle: { color: GREYS[i % GREYS.length] } })),
      itemStyle: { borderColor: '#000', borderWidth: 0.8 },
      label: { show: true, color: '#000', fontSize: 11, fontFamily: CHART_FONT, formatter: '{b} {c}\n{d}%', lineHeight: 14, overflow: 'none' },
      labelLine: { show: true, lineStyle: { color: '#000' }, length: 8, length2: 8 },
    }],
  }, o);
}
