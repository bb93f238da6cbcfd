/**
 * The weekly grid shared by the class, teacher and room timetables: days across, periods down, grouped into
 * 上午/下午, clock times per period, and breaks (早读, 大课间, 午休) as thin shaded rows. Sized for A4 landscape
 * (273 x 183 mm inside the margins) so one timetable fills one page at a large, readable size.
 */
import type { TimetableSettings } from '../../../../../shared/contract';
import { esc } from '../../../platform/report/layout';
import { DAY_NAMES } from './data';

/** Height (mm) the grid may use on an A4 landscape page after the header, title and info lines. */
const GRID_HEIGHT_MM = 124;
const HEAD_ROW_MM = 9;
const BREAK_ROW_MM = 5.5;
const MAX_PERIOD_ROW_MM = 17;

export const TIMETABLE_GRID_CSS = `
.tt-title { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-weight: bold; font-size: 22pt;
  text-align: center; letter-spacing: 0.1em; margin: 0 0 2mm; }
.tt-info { display: flex; justify-content: space-between; font-size: 11.5pt; margin: 0 1mm 2mm; }
.tt-info b { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
table.tt th { font-size: 13pt; }
table.tt td { padding: 0.5mm 1mm; line-height: 1.15; }
table.tt td.part { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 12pt;
  writing-mode: vertical-rl; letter-spacing: 0.3em; }
table.tt td.pno { font-size: 11pt; }
table.tt td.pno .no { display: block; font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 12.5pt; }
table.tt td.pno .time { display: block; font-size: 9.5pt; margin-top: 0.5mm; }
table.tt tr.brk td { height: ${BREAK_ROW_MM}mm; background: #e4e4e4; font-size: 9.5pt; padding: 0 1mm; letter-spacing: 0.2em; }
table.tt .main { display: block; font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 17pt; }
table.tt .main.long { font-size: 13pt; }
table.tt .main.longer { font-size: 11pt; }
table.tt .sub { display: block; font-size: 10.5pt; margin-top: 0.8mm; }
table.tt .room { font-size: 9pt; margin-left: 1.5mm; }
table.tt .dense { display: block; font-size: 8.5pt; line-height: 1.15; word-break: keep-all; }
table.tt .dense .nw { white-space: nowrap; }
table.tt .dense .sub { font-size: 8pt; margin-top: 0.3mm; }
table.tt .multi .item { display: block; white-space: nowrap; line-height: 1.05; }
table.tt .multi .main { display: inline; font-size: 10pt; }
table.tt .multi .sub { display: inline; font-size: 8.5pt; margin: 0 0 0 1mm; }
table.tt .multi .item + .item { border-top: 0.4pt dashed #000; margin-top: 0.3mm; padding-top: 0.3mm; }
`;

/** What one lesson shows in a cell: a large line, a small line and an optional room line. */
export interface CellItem {
  main: string; sub?: string; room?: string | null;
  /** Many classes in one slot (操场): a small wrapped list instead of the large line. */
  dense?: boolean;
}

export interface WeekGridOpts {
  settings: TimetableSettings;
  /** Clock-time label per period number. */
  timeLabel: (periodNo: number) => string;
  items: (day: number, period: number) => CellItem[];
}

type Row = { kind: 'period'; no: number; part: 'morning' | 'afternoon' } | { kind: 'break'; name: string; time: string; inner: boolean };

/** Periods and breaks in day order; a break between two periods of the same half-day is "inner". */
function dayRows(settings: TimetableSettings): Row[] {
  const periods = [...settings.periods].sort((a, b) => a.no - b.no);
  const breaksAfter = (n: number) => settings.breaks.filter((b) => b.afterPeriod === n).sort((a, b) => a.start.localeCompare(b.start));
  const rows: Row[] = breaksAfter(0).map((b) => ({ kind: 'break', name: b.name, time: `${b.start}-${b.end}`, inner: false }));
  periods.forEach((p, i) => {
    rows.push({ kind: 'period', no: p.no, part: p.part });
    const next = periods[i + 1];
    for (const b of breaksAfter(p.no)) rows.push({ kind: 'break', name: b.name, time: `${b.start}-${b.end}`, inner: !!next && next.part === p.part });
  });
  return rows;
}

function cellHtml(items: CellItem[]): string {
  if (!items.length) return '';
  const one = (it: CellItem) => {
    if (it.dense) return `<span class="item dense">${it.main.split(' ').map((x) => `<span class="nw">${esc(x)}</span>`).join(' ')}${it.sub ? `<span class="sub">${esc(it.sub)}</span>` : ''}</span>`;
    const n = Array.from(it.main).length;
    const long = n > 9 ? ' longer' : n > 4 ? ' long' : '';
    // Teacher and room share the second line so a cell never needs three lines (rows keep their height).
    const room = it.room ? `<span class="room">${esc(it.room)}</span>` : '';
    const sub = it.sub || room ? `<span class="sub">${esc(it.sub ?? '')}${room}</span>` : '';
    return `<span class="item"><span class="main${long}">${esc(it.main)}</span>${sub}</span>`;
  };
  return items.map(one).join('');
}

export function weekGrid(opts: WeekGridOpts): string {
  const { settings } = opts;
  const days = settings.daysPerWeek;
  const rows = dayRows(settings);
  const periodCount = rows.filter((r) => r.kind === 'period').length;
  const breakCount = rows.length - periodCount;
  const rowMm = Math.min(MAX_PERIOD_ROW_MM, (GRID_HEIGHT_MM - HEAD_ROW_MM - breakCount * BREAK_ROW_MM) / Math.max(periodCount, 1));
  const cols = `<col style="width:10mm"><col style="width:28mm">${Array.from({ length: days }, () => '<col>').join('')}`;
  const head = `<tr><th colspan="2" style="height:${HEAD_ROW_MM}mm">节次</th>${DAY_NAMES.slice(0, days).map((d) => `<th>${d}</th>`).join('')}</tr>`;

  const body: string[] = [];
  rows.forEach((r, i) => {
    if (r.kind === 'break') {
      // Inner breaks sit under the 上午/下午 cell's rowspan; edge breaks span the whole width.
      body.push(`<tr class="brk"><td colspan="${r.inner ? 1 + days : 2 + days}">${esc(r.name)}\u3000${esc(r.time)}</td></tr>`);
      return;
    }
    let part = '';
    const prev = rows[i - 1];
    const startsRun = !prev || (prev.kind === 'break' && !prev.inner) || (prev.kind === 'period' && prev.part !== r.part);
    if (startsRun) {
      let span = 1;
      for (let j = i + 1; j < rows.length; j++) {
        const x = rows[j];
        if (x.kind === 'period' ? x.part === r.part : x.inner) span++;
        else break;
      }
      part = `<td class="part" rowspan="${span}">${r.part === 'morning' ? '上午' : '下午'}</td>`;
    }
    const cells = Array.from({ length: days }, (_, d) => {
      const items = opts.items(d + 1, r.no);
      return `<td class="slot${items.length > 1 ? ' multi' : ''}" data-day="${d + 1}" data-period="${r.no}">${cellHtml(items)}</td>`;
    }).join('');
    body.push(`<tr style="height:${rowMm.toFixed(1)}mm">${part}<td class="pno"><span class="no">第${r.no}节</span><span class="time">${esc(opts.timeLabel(r.no))}</span></td>${cells}</tr>`);
  });
  return `<table class="grid tt"><colgroup>${cols}</colgroup><thead>${head}</thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

/** Title, info line (left / middle / right) and grid of one timetable page. */
export function timetablePage(parts: { header: string; title: string; info: string[]; grid: string; footer?: string }): string {
  return `<section class="sheet">
${parts.header}
<div class="tt-title">${esc(parts.title)}</div>
<div class="tt-info">${parts.info.map((x) => `<span>${x}</span>`).join('')}</div>
${parts.grid}
${parts.footer ?? ''}
</section>`;
}
