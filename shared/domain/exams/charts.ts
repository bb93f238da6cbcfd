/**
 * Small hand-written SVG bar charts for the quality-analysis report. The shared ECharts helper
 * (shared/domain/charts/svg.ts) costs ~20 ms and ~20 KB per chart; a report for a large school has 50+ charts
 * and must print in under 5 s, so these plain <rect>/<text> charts (well under 1 ms each) are used instead.
 * Black-and-white friendly like the shared helper: grey fills with black outlines, every value printed.
 */
const FONT = "'Microsoft YaHei', 'SimHei', 'Noto Sans CJK SC', sans-serif";
const GREYS = ['#333333', '#8c8c8c', '#d0d0d0', '#5e5e5e'];

const escXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n1 = (x: number) => Math.round(x * 10) / 10;

export interface BarSvgOpts {
  width: number; height: number; title?: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Axis maximum; default: a round number above the largest value. */
  yMax?: number;
  /** Appended to axis labels, e.g. '%'. */
  unit?: string;
  /** A dashed horizontal reference line, e.g. the grade average. */
  reference?: { value: number; label: string };
}

/** A round axis maximum and step (1, 2, 5 x 10^k) for 4-6 gridlines. */
export function niceAxis(max: number): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => s >= raw)!;
  const stepInt = Math.max(step, 1); // counts and scores: integer steps
  return { max: Math.ceil(max / stepInt) * stepInt, step: stepInt };
}

/** Grouped vertical bars with a value on (or above) each bar, a legend for several series. */
export function barSvg(o: BarSvgOpts): string {
  const legendH = o.series.length > 1 || o.reference ? 18 : 0;
  const top = o.title ? 24 : 10;
  const left = 36, right = 8, bottom = 20 + legendH;
  const plotW = o.width - left - right, plotH = o.height - top - bottom;
  const values = o.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const axis = o.yMax !== undefined ? { max: o.yMax, step: niceAxis(o.yMax).step } : niceAxis(Math.max(0, ...values));
  const y = (v: number) => top + plotH - (Math.min(v, axis.max) / axis.max) * plotH;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}" viewBox="0 0 ${o.width} ${o.height}" font-family="${FONT}">`);
  out.push(`<rect width="${o.width}" height="${o.height}" fill="#fff"/>`);
  if (o.title) out.push(`<text x="${o.width / 2}" y="15" text-anchor="middle" font-size="12" font-weight="bold">${escXml(o.title)}</text>`);
  for (let v = 0; v <= axis.max + 1e-9; v += axis.step) {
    const yy = n1(y(v));
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${yy}" y2="${yy}" stroke="${v === 0 ? '#000' : '#bbb'}" stroke-width="${v === 0 ? 1 : 0.5}"${v === 0 ? '' : ' stroke-dasharray="3 2"'}/>`);
    out.push(`<text x="${left - 4}" y="${yy + 3}" text-anchor="end" font-size="9">${n1(v)}${escXml(o.unit ?? '')}</text>`);
  }
  const n = Math.max(o.categories.length, 1);
  const groupW = plotW / n;
  const barW = Math.min(26, (groupW * 0.8) / o.series.length);
  // Narrow bars get their values written upwards so that neighbours do not overlap.
  const vertical = barW < 13;
  o.categories.forEach((cat, i) => {
    const gx = left + i * groupW + (groupW - barW * o.series.length) / 2;
    o.series.forEach((s, k) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const x = n1(gx + k * barW), yy = n1(y(v)), h = n1(top + plotH - y(v));
      out.push(`<rect x="${x}" y="${yy}" width="${n1(barW)}" height="${h}" fill="${GREYS[k % GREYS.length]}" stroke="#000" stroke-width="0.6"/>`);
      const cx = n1(x + barW / 2);
      if (barW < 7) return; // too thin for a label: the report's table holds the values
      out.push(vertical
        ? `<text transform="translate(${cx + 3} ${yy - 2}) rotate(-90)" font-size="8">${n1(v)}</text>`
        : `<text x="${cx}" y="${yy - 2}" text-anchor="middle" font-size="9">${n1(v)}</text>`);
    });
    const label = groupW < 22 ? cat.replace(/\D+$/, '') : cat; // 12班 -> 12 when space is short
    out.push(`<text x="${n1(left + i * groupW + groupW / 2)}" y="${top + plotH + 12}" text-anchor="middle" font-size="${groupW < 26 ? 8 : 9.5}">${escXml(label)}</text>`);
  });
  if (o.reference) {
    const yy = n1(y(o.reference.value));
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${yy}" y2="${yy}" stroke="#000" stroke-width="1" stroke-dasharray="6 3"/>`);
    const ly = o.height - 12;
    out.push(`<line x1="${o.width / 2 - 60}" x2="${o.width / 2 - 36}" y1="${ly}" y2="${ly}" stroke="#000" stroke-width="1" stroke-dasharray="6 3"/>`);
    out.push(`<text x="${o.width / 2 - 32}" y="${ly + 4}" font-size="10">${escXml(o.reference.label)}</text>`);
  }
  if (o.series.length > 1) {
    const itemW = 70;
    const x0 = o.width / 2 - (itemW * o.series.length) / 2;
    o.series.forEach((s, k) => {
      const x = x0 + k * itemW, yy = o.height - 12;
      out.push(`<rect x="${x}" y="${yy - 4}" width="16" height="9" fill="${GREYS[k % GREYS.length]}" stroke="#000" stroke-width="0.6"/>`);
      out.push(`<text x="${x + 20}" y="${yy + 4}" font-size="10">${escXml(s.name)}</text>`);
    });
  }
  out.push('</svg>');
  return out.join('');
}
