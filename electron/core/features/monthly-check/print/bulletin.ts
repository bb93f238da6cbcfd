/**
 * 教学常规检查月度通报: the office's monthly bulletin. Summary figures, a grade-distribution chart and an
 * observation-progress chart (server-rendered SVG, inline), commended teachers, problems found, fixes
 * required, blank lines for the office's commentary, issued by 教务处 with the date.
 */
import { barChart, pieChart } from '../../../../../shared/domain/charts/svg';
import { fmtScore, monthLabel, type BulletinView } from '../view-types';
import { documentShell, esc, reportTitle, schoolHeader, zhDate } from '../../../platform/report/layout';
import { ROUTINE_CSS } from './sheets';

export const BULLETIN_TITLE = '教学常规检查月度通报';
export const BULLETIN_SETUP = { paper: 'A4', landscape: false } as const;

/** Chart size in CSS px: two side by side fill the 186 mm text width. */
const CHART_W = 340;
const CHART_H = 230;

const CSS = `
${ROUTINE_CSS}
p.lead { text-indent: 2em; line-height: 1.7; margin: 0 0 2mm; }
table.figs td { height: 8mm; }
table.figs td.v { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 11pt; font-weight: bold; }
.charts { display: flex; justify-content: space-between; gap: 4mm; margin-top: 3mm; break-inside: avoid; page-break-inside: avoid; }
.charts figure { margin: 0; flex: 1; border: 0.6pt solid #000; padding: 1mm; }
.charts figure svg { width: 100%; height: auto; display: block; }
ol.plain { margin: 0; padding-left: 7mm; line-height: 1.7; }
.issuer { margin-top: 8mm; text-align: right; line-height: 1.8; font-size: 11pt; padding-right: 6mm; break-inside: avoid; }
`;

export interface ChartSvg { svg: string; width: number; height: number; title: string }

/** The two charts as SVG strings with their size; also used by the Word bulletin (as PNG). */
export function bulletinCharts(v: BulletinView): { grades: ChartSvg; progress: ChartSvg | null } {
  const gradesTitle = '月查等级分布（人）';
  const slices = v.gradeCounts.map((g) => ({ name: g.grade, value: g.count }));
  const grades = {
    title: gradesTitle, width: CHART_W, height: CHART_H,
    svg: v.gradeCounts.some((g) => g.count > 0)
      ? pieChart({ width: CHART_W, height: CHART_H, title: gradesTitle, donut: true, slices })
      : barChart({ width: CHART_W, height: CHART_H, title: gradesTitle, categories: v.gradeCounts.map((g) => g.grade), series: [{ name: '人数', values: v.gradeCounts.map((g) => g.count) }] }),
  };
  const rows = v.observationProgress;
  if (!rows.length) return { grades, progress: null };
  const progressTitle = '听课进度（已听 / 应听，%）';
  const height = Math.max(CHART_H, 60 + rows.length * 22);
  return {
    grades,
    progress: {
      title: progressTitle, width: CHART_W, height,
      svg: barChart({
        width: CHART_W, height, title: progressTitle, horizontal: true, unit: '%', yMin: 0,
        // Room past the longest bar for its label.
        yMax: Math.ceil((Math.max(100, ...rows.map((r) => percent(r.made, r.expected) ?? 0)) + 15) / 20) * 20,
        categories: rows.map((r) => r.label),
        series: [{ name: '完成率', values: rows.map((r) => percent(r.made, r.expected)) }],
        reference: { value: 100, label: '应完成' },
      }),
    },
  };
}

function percent(made: number, expected: number): number | null {
  return expected > 0 ? Math.round((made / expected) * 100) : null;
}

/** The figures as label/value pairs, shared with the Word file. */
export function bulletinFigureCells(v: BulletinView): [string, string][] {
  const f = v.figures;
  return [
    ['应查教师', `${f.teachers} 人`],
    ['已查教师', `${f.sheetsChecked} 人`],
    ['平均得分', fmtScore(f.averageScore) || '—'],
    ['最高 / 最低分', f.highestScore === null ? '—' : `${fmtScore(f.highestScore)} / ${fmtScore(f.lowestScore)}`],
    ['需整改', `${f.fixesRequired} 人（${f.fixItems} 项）`],
    ['本月听课', `${f.observationsThisMonth} 节`],
    ['本学期累计听课', `${f.observationsMade} 节`],
    ['听课未达进度', `${f.observationsBehind} 人`],
    ['教研活动', `${f.researchActivities} 次`],
    ['教研出勤率', f.researchAttendanceRate === null ? '—' : `${fmtScore(f.researchAttendanceRate)}%`],
    ['优秀人数', `${v.gradeCounts.find((g) => g.grade === '优')?.count ?? 0} 人`],
  ];
}

/** One paragraph that says the month in words (also the Word file's lead). */
export function bulletinLead(v: BulletinView): string {
  const f = v.figures;
  const grades = v.gradeCounts.map((g) => `${g.grade} ${g.count} 人`).join('，');
  return `${monthLabel(v.month)}，教务处对全校 ${f.teachers} 名教师的教学常规进行了检查，已完成 ${f.sheetsChecked} 人，` +
    `平均得分 ${fmtScore(f.averageScore) || '—'} 分${grades ? `（${grades}）` : ''}。本月听课 ${f.observationsThisMonth} 节，` +
    `本学期累计听课 ${f.observationsMade} 节，按学期听课任务折算到本月底，${f.observationsBehind} 人未达听课进度；` +
    `本月开展教研活动 ${f.researchActivities} 次` +
    `${f.researchAttendanceRate === null ? '' : `，出勤率 ${fmtScore(f.researchAttendanceRate)}%`}。现将检查情况通报如下。`;
}

function figuresTable(v: BulletinView): string {
  const cells = bulletinFigureCells(v);
  const half = Math.ceil(cells.length / 2);
  const row = (part: [string, string][]) => `<tr>${part.map(([k]) => `<th>${esc(k)}</th>`).join('')}</tr><tr>${part.map(([, val]) => `<td class="v">${esc(val)}</td>`).join('')}</tr>`;
  return `<table class="grid figs"><tbody>${row(cells.slice(0, half))}${row(cells.slice(half))}</tbody></table>`;
}

function listOr(items: string[], none: string): string {
  return items.length ? `<ol class="plain">${items.map((x) => `<li>${esc(x)}</li>`).join('')}</ol>` : `<p class="lead">${esc(none)}</p>`;
}

export function renderBulletin(v: BulletinView): string {
  const { header } = v;
  const charts = bulletinCharts(v);
  const commended = v.commended.length
    ? `<table class="grid"><colgroup><col style="width:12mm"><col style="width:26mm"><col style="width:30mm"><col style="width:18mm"><col></colgroup>
<thead><tr><th>序号</th><th>姓名</th><th>教研组</th><th>得分</th><th>表扬事由</th></tr></thead><tbody>
${v.commended.map((c, i) => `<tr><td class="num">${i + 1}</td><td>${esc(c.teacherName)}</td><td>${esc(c.groupName ?? '')}</td><td class="num">${esc(fmtScore(c.score))}</td><td class="left">${esc(c.reason)}</td></tr>`).join('\n')}
</tbody></table>`
    : '<p class="lead">本月无。</p>';
  const problems = listOr(v.problems.map((p) => (p.teacherName ? `${p.teacherName}：${p.text}` : p.text)), '本月检查未发现突出问题。');
  const fixes = v.fixes.length
    ? `<table class="grid"><colgroup><col style="width:12mm"><col style="width:26mm"><col></colgroup>
<thead><tr><th>序号</th><th>教师</th><th>整改要求</th></tr></thead><tbody>
${v.fixes.map((x, i) => `<tr><td class="num">${i + 1}</td><td>${esc(x.teacherName)}</td><td class="left">${esc(x.text)}</td></tr>`).join('\n')}
</tbody></table><p class="lead">请以上教师于下次检查前完成整改，教务处将跟踪复查。</p>`
    : '<p class="lead">本月无需整改事项。</p>';
  const body = `<section class="sheet">
${schoolHeader(header.schoolName, header.term?.label ?? null)}
${reportTitle(BULLETIN_TITLE)}
<div class="sub-title">（${esc(monthLabel(v.month))}）</div>
<h3 class="sec">一、基本情况</h3>
<p class="lead">${esc(bulletinLead(v))}</p>
${figuresTable(v)}
<div class="charts"><figure>${charts.grades.svg}</figure>${charts.progress ? `<figure>${charts.progress.svg}</figure>` : ''}</div>
<h3 class="sec">二、表扬教师</h3>
${commended}
<h3 class="sec">三、存在问题</h3>
${problems}
<h3 class="sec">四、整改要求</h3>
${fixes}
<h3 class="sec">五、教务处点评</h3>
<div class="lines">${'<div></div>'.repeat(5)}</div>
<div class="issuer">${esc(v.issuer)}<br>${esc(zhDate(v.issuedOn))}</div>
</section>`;
  return documentShell({ title: `${BULLETIN_TITLE}（${monthLabel(v.month)}）`, setup: BULLETIN_SETUP, body, css: CSS });
}
