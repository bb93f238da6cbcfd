/**
 * 教师学期常规检查汇总: A4 portrait. The teachers x months score table (average and grade at the end,
 * header repeating on every page) and the school's monthly average as a line chart; when particular
 * teachers are asked for (params.teacherIds), each also gets a card with their own line against the school.
 */
import { lineChart } from '../../../../../shared/domain/charts/svg';
import { fmtScore, shortMonth, type TermSummaryView } from '../view-types';
import { documentShell, esc, producedLine, reportTitle, schoolHeader } from '../../../platform/report/layout';
import { ROUTINE_CSS } from './sheets';

export const TERM_SUMMARY_TITLE = '教师学期常规检查汇总';
export const TERM_SUMMARY_SETUP = { paper: 'A4', landscape: false } as const;

/** Per-teacher cards are printed for a chosen few; the whole school gets the table only. */
export const CARD_LIMIT = 30;

const CSS = `
${ROUTINE_CSS}
table.sum td, table.sum th { height: 6.5mm; font-size: 9.5pt; }
table.sum td.name, table.sum td.grp, table.sum td.grade { white-space: nowrap; }
table.sum td.subj { font-size: 9pt; }
.chart { margin-top: 4mm; border: 0.6pt solid #000; padding: 1mm; break-inside: avoid; page-break-inside: avoid; }
.chart svg { width: 100%; height: auto; display: block; }
.card { margin-top: 4mm; break-inside: avoid; page-break-inside: avoid; }
.card h4 { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 11pt; margin: 0 0 1mm; }
.note { font-size: 9pt; margin-top: 1mm; }
`;

function yRange(values: (number | null)[]): { yMin: number; yMax: number } {
  const xs = values.filter((x): x is number => x !== null);
  const lo = xs.length ? Math.min(...xs) : 60;
  return { yMin: Math.max(0, Math.floor((lo - 10) / 10) * 10), yMax: 100 };
}

export function renderTermSummary(v: TermSummaryView): string {
  const { header, months } = v;
  const monthCols = months.map(() => '<col style="width:13mm">').join('');
  const head = `<tr><th>序号</th><th>姓名</th><th>教研组</th><th>任教学科</th>${months.map((m) => `<th>${esc(shortMonth(m))}</th>`).join('')}<th>平均</th><th>等级</th></tr>`;
  const rows = v.teachers.map((t, i) => `<tr><td class="num">${i + 1}</td><td class="name">${esc(t.teacherName)}</td><td class="grp">${esc(t.groupName ?? '')}</td><td class="subj">${esc(t.subjects.join('、'))}</td>` +
    `${t.scores.map((s) => `<td class="num">${esc(fmtScore(s))}</td>`).join('')}<td class="num"><b>${esc(fmtScore(t.average))}</b></td><td class="grade">${esc(t.grade ?? '')}</td></tr>`).join('\n');
  const avgRow = `<tr><td colspan="4"><b>全校平均</b></td>${v.schoolAverages.map((s) => `<td class="num">${esc(fmtScore(s))}</td>`).join('')}<td class="num"><b>${esc(fmtScore(mean(v.schoolAverages)))}</b></td><td></td></tr>`;
  const table = `<table class="grid sum"><colgroup><col style="width:10mm"><col style="width:18mm"><col style="width:29mm"><col>${monthCols}<col style="width:14mm"><col style="width:14mm"></colgroup>
<thead>${head}</thead><tbody>
${rows}
${avgRow}
</tbody></table>`;
  const categories = months.map(shortMonth);
  const schoolChart = months.length
    ? `<div class="chart">${lineChart({ width: 700, height: 230, title: '全校月查平均分', categories, series: [{ name: '全校平均', values: v.schoolAverages }], ...yRange(v.schoolAverages), unit: '分' })}</div>`
    : '';
  const cards = v.cards && v.teachers.length <= CARD_LIMIT
    ? v.teachers.map((t) => `<div class="card"><h4>${esc(t.teacherName)}（平均 ${esc(fmtScore(t.average) || '—')} 分，${esc(t.grade ?? '—')}）</h4><div class="chart">${lineChart({
      width: 700, height: 200, categories,
      series: [{ name: t.teacherName, values: t.scores }, { name: '全校平均', values: v.schoolAverages }],
      ...yRange([...t.scores, ...v.schoolAverages]), unit: '分',
    })}</div></div>`).join('\n')
    : '';
  const body = `<section class="sheet">
${schoolHeader(header.schoolName, header.term?.label ?? null)}
${reportTitle(TERM_SUMMARY_TITLE)}
${v.teachers.length ? table : '<div class="empty">（本学期尚无月查记录）</div>'}
<div class="note">说明：各月为教学常规月查得分（空白为当月未查）；平均为已查月份的平均分。</div>
${schoolChart}
${cards}
<div class="signature"><span>制表人：<span class="blank"></span></span><span>教务处负责人：<span class="blank"></span></span></div>
${producedLine(header.producedAt)}
</section>`;
  return documentShell({ title: TERM_SUMMARY_TITLE, setup: TERM_SUMMARY_SETUP, body, css: CSS });
}

export function mean(xs: (number | null)[]): number | null {
  const ys = xs.filter((x): x is number => x !== null);
  return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : null;
}
