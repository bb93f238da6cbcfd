/**
 * 教学常规月查表: one A4 portrait page per teacher, all teachers (or params.teacherIds) in one PDF. The
 * teacher's facts, the rubric with scores, total and grade, observations against quota, research and
 * collective-preparation attendance, the plan/homework check grades, the comment and required fix, and the
 * signature lines the checker and the teacher sign by hand.
 */
import { fmtScore, monthLabel, type MonthlySheetsData, type MonthlySheetView } from '../view-types';
import { documentShell, esc, producedLine, reportTitle, schoolHeader } from '../../../platform/report/layout';

export const MONTHLY_SHEETS_TITLE = '教学常规月查表';
export const MONTHLY_SHEETS_SETUP = { paper: 'A4', landscape: false } as const;

const HEI = `"SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`;

export const ROUTINE_CSS = `
.sub-title { text-align: center; font-size: 11pt; margin: -1.5mm 0 3mm; }
h3.sec { font-family: ${HEI}; font-size: 11.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
table.grid td, table.grid th { height: 7.5mm; }
table.facts th { width: 20mm; }
table.facts td { text-align: left; padding: 0 2mm; }
table.rubric td.crit { text-align: left; font-size: 8.5pt; line-height: 1.25; padding: 0.6mm 1.5mm; color: #000; }
table.rubric td.item { text-align: left; padding: 0 1.5mm; }
table.rubric tr.total td { font-family: ${HEI}; font-weight: bold; }
td.box { text-align: left !important; vertical-align: top !important; padding: 1.5mm 2mm !important; line-height: 1.5; white-space: pre-wrap; }
.signature { display: flex; justify-content: space-between; margin-top: 8mm; font-size: 10.5pt; break-inside: avoid; page-break-inside: avoid; }
.signature .blank { display: inline-block; width: 34mm; border-bottom: 0.6pt solid #000; }
.signature .short { display: inline-block; width: 9mm; border-bottom: 0.6pt solid #000; text-align: center; }
.lines { margin-top: 2mm; }
.lines div { border-bottom: 0.6pt solid #000; height: 8mm; }
`;

/** 'YYYY-MM-DD' as the filled-in date line, or blanks to fill by hand. */
export function dateLine(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  const [y, mo, d] = m ? [m[1], String(Number(m[2])), String(Number(m[3]))] : ['', '', ''];
  return `<span class="short">${esc(y)}</span>年<span class="short">${esc(mo)}</span>月<span class="short">${esc(d)}</span>日`;
}

function countOf(attended: number, held: number): string {
  return held > 0 ? `${attended} / ${held} 次` : '本月无';
}

function sheetPage(s: MonthlySheetView, data: MonthlySheetsData): string {
  const { header } = data;
  const facts = `<table class="grid facts"><colgroup><col style="width:20mm"><col><col style="width:20mm"><col><col style="width:20mm"><col style="width:24mm"></colgroup><tbody>
<tr><th>教师</th><td>${esc(s.teacherName)}</td><th>教研组</th><td>${esc(s.groupName ?? '')}</td><th>职务</th><td>${esc(s.roleLabel ?? '')}</td></tr>
<tr><th>任教学科</th><td>${esc(s.subjects.join('、'))}</td><th>任教班级</th><td>${esc(s.classes.join('、'))}</td><th>周课时</th><td class="num">${esc(s.weeklyPeriods)}</td></tr>
</tbody></table>`;
  const rows = s.items.map((it, i) => `<tr><td class="num">${i + 1}</td><td class="item">${esc(it.name)}</td><td class="crit">${esc(it.criteria)}</td><td class="num">${esc(it.max)}</td><td class="num">${esc(fmtScore(it.score))}</td></tr>`).join('\n');
  const rubric = `<table class="grid rubric"><colgroup><col style="width:10mm"><col style="width:38mm"><col><col style="width:16mm"><col style="width:16mm"></colgroup>
<thead><tr><th>序号</th><th>检查项目</th><th>评分要点</th><th>分值</th><th>得分</th></tr></thead><tbody>
${rows}
<tr class="total"><td colspan="3">合计\u3000\u3000等级：${esc(s.grade ?? '')}</td><td class="num">${esc(s.maxTotal)}</td><td class="num">${esc(fmtScore(s.total))}</td></tr>
</tbody></table>`;
  const o = s.observations;
  const quota = o.termQuota === null || o.termQuota <= 0
    ? '无听课任务'
    : `学期任务 ${o.termQuota} 节，截至本月底应完成 ${o.due} 节${o.done < o.due ? '（未达进度）' : '（已达进度）'}`;
  const other = `<table class="grid facts"><colgroup><col style="width:28mm"><col><col style="width:28mm"><col></colgroup><tbody>
<tr><th>听课节数</th><td colspan="3">本月听课 <b>${esc(o.month)}</b> 节，本学期累计 <b>${esc(o.done)}</b> 节；${esc(quota)}</td></tr>
<tr><th>教研活动出勤</th><td>${esc(countOf(s.research.attended, s.research.held))}</td><th>集体备课出勤</th><td>${esc(countOf(s.collective.attended, s.collective.held))}</td></tr>
<tr><th>教案检查等级</th><td>${esc(s.planGrade ?? '')}</td><th>作业检查等级</th><td>${esc(s.homeworkGrade ?? '')}</td></tr>
<tr><th>学困生辅导</th><td colspan="3">本月 ${esc(s.tutoring)} 人次</td></tr>
</tbody></table>`;
  const boxes = `<table class="grid"><colgroup><col style="width:28mm"><col></colgroup><tbody>
<tr><th>检查意见</th><td class="box" style="height:22mm">${esc(s.comment)}</td></tr>
<tr><th>整改要求</th><td class="box" style="height:22mm">${esc(s.fix)}</td></tr>
</tbody></table>`;
  return `<section class="sheet">
${schoolHeader(header.schoolName, header.term?.label ?? null)}
${reportTitle(MONTHLY_SHEETS_TITLE)}
<div class="sub-title">（${esc(monthLabel(data.month))}）</div>
${facts}
<h3 class="sec">一、常规检查评分</h3>
${rubric}
<h3 class="sec">二、其他常规情况</h3>
${other}
<h3 class="sec">三、检查意见与整改</h3>
${boxes}
<div class="signature"><span>检查人签字：<span class="blank"></span></span><span>被检查教师签字：<span class="blank"></span></span><span>日期：${dateLine(s.checkedOn)}</span></div>
${producedLine(header.producedAt)}
</section>`;
}

export function renderMonthlySheets(data: MonthlySheetsData): string {
  const body = data.sheets.length
    ? data.sheets.map((s) => sheetPage(s, data)).join('\n')
    : `<section class="sheet">${schoolHeader(data.header.schoolName, data.header.term?.label ?? null)}${reportTitle(MONTHLY_SHEETS_TITLE)}<div class="empty">（${esc(monthLabel(data.month))}尚无月查记录）</div></section>`;
  return documentShell({ title: `${MONTHLY_SHEETS_TITLE}（${monthLabel(data.month)}）`, setup: MONTHLY_SHEETS_SETUP, body, css: ROUTINE_CSS });
}
