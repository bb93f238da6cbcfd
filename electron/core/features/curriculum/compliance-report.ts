/**
 * 课程开设情况统计表 (开齐开足) for the inspection dossier: A4 landscape; a table per grade (classes down,
 * subjects across with the required periods in the header), problems printed bold with ▼/▲/缺 so they read
 * on a black-and-white printer, the per-grade counts, the nine-year shares, and signature lines.
 */
import { GRADE_NAMES } from '../../../../shared/domain/constants';
import type { ComplianceClassRow } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { basisText, problemText, runCompliance, type ComplianceRun } from './check';
import { subjectColumns } from './excel';
import type { CoreContext } from '../../platform/context';
import { defineReport, reportParams } from '../../platform/report/define';
import { loadHeader, type ReportHeaderData, type ReportParams } from '../../platform/report/header';
import { documentShell, esc, producedLine, reportTitle, schoolHeader } from '../../platform/report/layout';

export const COMPLIANCE_TITLE = '课程开设情况统计表';
export const COMPLIANCE_SETUP = { paper: 'A4', landscape: true } as const;

export interface ComplianceReportData {
  header: ReportHeaderData;
  run: ComplianceRun;
  subjects: { id: number; name: string; short: string }[];
}

export function loadComplianceReport(ctx: CoreContext, params: ReportParams): ComplianceReportData {
  const header = loadHeader(ctx, params.termId);
  if (!header.term) throw new AppError('VALIDATION', 'compliance.noTerm');
  const run = runCompliance(ctx, { termId: header.term.id, basis: params.basis ?? 'timetable', from: params.from, to: params.to });
  if (params.gradeLevels?.length) {
    const keep = new Set(params.gradeLevels);
    run.result = { ...run.result, classes: run.result.classes.filter((c) => keep.has(c.gradeLevel)), grades: run.result.grades.filter((g) => keep.has(g.level)) };
  }
  return { header, run, subjects: subjectColumns(ctx, run) };
}

const CSS = `
.info { font-size: 10pt; margin: 0 0 2mm; line-height: 1.5; }
.info b { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.legend { font-size: 9.5pt; margin: 0 0 3mm; }
h3.grade { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 12pt; margin: 4mm 0 1.5mm;
  break-after: avoid; page-break-after: avoid; }
table.cmp th { font-size: 9pt; line-height: 1.15; height: 11mm; padding: 0 0.3mm; }
table.cmp th .req { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-weight: normal; font-size: 8.5pt; }
table.cmp td { height: 7mm; font-size: 10pt; padding: 0 0.5mm; }
table.cmp td.bad { font-weight: bold; font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
table.cmp td.problems { text-align: left; font-size: 8.5pt; line-height: 1.2; white-space: normal; }
table.cmp td.cls { white-space: nowrap; font-size: 9.5pt; }
.bottom { display: flex; gap: 8mm; align-items: flex-start; margin-top: 5mm; break-inside: avoid; page-break-inside: avoid; }
.bottom > div { flex: 1; }
.bottom h4 { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 11pt; margin: 0 0 1.5mm; }
table.small td, table.small th { height: 6.5mm; font-size: 9.5pt; }
.note { font-size: 8.5pt; margin-top: 1mm; }
.signature { display: flex; justify-content: space-between; margin-top: 8mm; font-size: 10.5pt; break-inside: avoid; }
.signature .blank { display: inline-block; width: 40mm; border-bottom: 0.6pt solid #000; }
.signature .short { display: inline-block; width: 10mm; border-bottom: 0.6pt solid #000; }
`;

const MARK: Record<string, string> = { below: '▼', above: '▲' };

function cellFor(row: ComplianceClassRow, subjectId: number): string {
  const s = row.subjects.find((x) => x.subjectId === subjectId);
  if (!s) return '<td class="num"></td>';
  if (s.status === 'ok') return `<td class="num">${esc(s.actual)}</td>`;
  const text = s.status === 'missing' ? '缺' : `${s.actual}${MARK[s.status]}`;
  return `<td class="num bad">${esc(text)}</td>`;
}

function gradeSection(data: ComplianceReportData, level: number): string {
  const rows = data.run.result.classes.filter((c) => c.gradeLevel === level);
  const std = data.run.standard.grades.find((g) => g.level === level);
  const required = new Map(std?.subjects.map((s) => [s.subjectId, s.periods]) ?? []);
  // The grade's subjects: those its standard requires, plus any a class of the grade has without being required.
  const ids = new Set<number>([...required].filter(([, n]) => n > 0).map(([id]) => id));
  for (const r of rows) for (const s of r.subjects) if (s.actual > 0) ids.add(s.subjectId);
  const subjects = data.subjects.filter((s) => ids.has(s.id));
  const ok = rows.filter((r) => r.status === 'ok').length;
  // 273 mm of landscape width: class, subjects, total, status, problems.
  const problemsMm = subjects.length > 14 ? 52 : 64;
  const subjectMm = Math.max(8, Math.floor(((273 - 24 - 15 - 15 - problemsMm) / Math.max(subjects.length, 1)) * 10) / 10);
  const cols = [`<col style="width:24mm">`, ...subjects.map(() => `<col style="width:${subjectMm}mm">`), `<col style="width:15mm">`, `<col style="width:15mm">`, `<col>`].join('');
  const head = [
    '<th>班级</th>',
    ...subjects.map((s) => `<th>${esc(s.short)}<br><span class="req">(${esc(required.get(s.id) ?? 0)})</span></th>`),
    `<th>合计<br><span class="req">(${esc(std?.total ?? '-')})</span></th>`,
    '<th>结论</th>',
    '<th>问题说明</th>',
  ].join('');
  const body = rows.map((r) => {
    const totalBad = r.total !== r.requiredTotal;
    const totalText = totalBad ? `${r.total}${r.total < r.requiredTotal ? '▼' : '▲'}` : String(r.total);
    return `<tr><td class="cls">${esc(r.className)}</td>${subjects.map((s) => cellFor(r, s.id)).join('')}` +
      `<td class="num${totalBad ? ' bad' : ''}">${esc(totalText)}</td>` +
      `<td${r.status === 'ok' ? '' : ' class="bad"'}>${r.status === 'ok' ? '达标' : '未达标'}</td>` +
      `<td class="problems">${esc(r.problems.map(problemText).join('；'))}</td></tr>`;
  }).join('\n');
  return `<h3 class="grade">${esc(GRADE_NAMES[level] ?? `${level}年级`)}：${rows.length} 个班，达标 ${ok} 个，未达标 ${rows.length - ok} 个</h3>
<table class="grid cmp"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>`;
}

function summaryTables(data: ComplianceReportData): string {
  const g = data.run.result.grades;
  const all = g.reduce((a, x) => ({ classes: a.classes + x.classes, ok: a.ok + x.okClasses }), { classes: 0, ok: 0 });
  const rate = (ok: number, n: number) => (n ? `${Math.round((ok / n) * 1000) / 10}%` : '-');
  const gradeRows = g.map((x) => `<tr><td>${esc(GRADE_NAMES[x.level])}</td><td class="num">${x.classes}</td><td class="num">${x.okClasses}</td><td class="num">${x.classes - x.okClasses}</td><td class="num">${rate(x.okClasses, x.classes)}</td></tr>`).join('');
  const levels = g.map((x) => x.level);
  // The national ranges are shares of all nine years: a school with fewer grades is shown them without a verdict.
  const nineYears = levels.length === 9;
  const pct = (n: number | undefined) => (n === undefined ? '' : `${n.toFixed(1)}%`);
  const shareRows = data.run.result.shares.map((s) => {
    const verdict = !nineYears ? '—' : s.percent < s.min ? '偏低' : s.percent > s.max ? '偏高' : '在范围内';
    const bad = verdict === '偏低' || verdict === '偏高';
    return `<tr><td class="left">${esc(s.group)}</td><td class="num">${s.min}%～${s.max}%</td><td class="num">${pct(s.requiredPercent)}</td><td class="num">${pct(s.percent)}</td><td${bad ? ' class="bad"' : ''}>${verdict}</td></tr>`;
  }).join('');
  const span = levels.length ? `${GRADE_NAMES[levels[0]]}至${GRADE_NAMES[levels[levels.length - 1]]}` : '';
  const note = nineYears
    ? '按九个年级计算，每学年 35 周、九年级 33 周；国家方案范围指九年总课时比例，仅供对照。'
    : `本校只开设${span}，占比按这些年级计算（每学年 35 周、九年级 33 周），与国家方案的九年比例不能直接比较，仅供参考。`;
  return `<div class="bottom">
<div><h4>汇总</h4><table class="grid small"><colgroup><col style="width:24%"><col><col><col><col></colgroup>
<thead><tr><th>年级</th><th>班级数</th><th>达标</th><th>未达标</th><th>达标率</th></tr></thead>
<tbody>${gradeRows}<tr><td><b>全校</b></td><td class="num">${all.classes}</td><td class="num">${all.ok}</td><td class="num">${all.classes - all.ok}</td><td class="num">${rate(all.ok, all.classes)}</td></tr></tbody></table></div>
<div style="flex:1.5"><h4>九年课时占比（供参考）</h4><table class="grid small cmp-share"><colgroup><col style="width:34%"><col><col><col><col></colgroup>
<thead><tr><th>科目</th><th>国家方案范围</th><th>标准占比</th><th>实际占比</th><th>实际对照</th></tr></thead>
<tbody>${shareRows}</tbody></table>
<div class="note">${esc(note)}</div></div>
</div>`;
}

export function renderComplianceReport(data: ComplianceReportData): string {
  const { header, run } = data;
  const levels = run.result.grades.map((g) => g.level);
  const sections = levels.length ? levels.map((l) => gradeSection(data, l)).join('\n') : '<div class="empty">（无班级）</div>';
  const body = `<section class="sheet">
${schoolHeader(header.schoolName, header.term?.label ?? null)}
${reportTitle(COMPLIANCE_TITLE)}
<div class="info"><b>统计口径：</b>${esc(basisText(run))}\u3000\u3000<b>课程标准：</b>${esc(run.standard.source)}</div>
<div class="legend">说明：表头括号内为标准周课时；单元格为实际周课时。加粗为问题项：▼ 少于标准，▲ 多于标准，缺 = 未开设。</div>
${sections}
${summaryTables(data)}
<div class="signature"><span>制表人：<span class="blank"></span></span><span>教务处负责人：<span class="blank"></span></span><span>日期：<span class="short"></span>年<span class="short"></span>月<span class="short"></span>日</span></div>
${producedLine(header.producedAt)}
</section>`;
  return documentShell({ title: COMPLIANCE_TITLE, setup: COMPLIANCE_SETUP, body, css: CSS });
}

/** Catalogue entry (the curriculum feature's printout). */
export const COMPLIANCE_REPORT = defineReport({
  id: 'compliance-report',
  title: COMPLIANCE_TITLE,
  titleKey: 'reports.compliance-report',
  feature: 'curriculum',
  module: 'teaching',
  params: reportParams(['termId', 'basis', 'from', 'to', 'gradeLevels']),
  ...COMPLIANCE_SETUP,
  load: loadComplianceReport,
  render: renderComplianceReport,
});
