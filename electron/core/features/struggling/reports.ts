/**
 * Struggling-student printouts:
 * - 'struggling-file' 一生一案: one student's whole file on A4 portrait. The ONLY printout that carries the
 *   sensitive cause notes (家庭, 心理); it also prints the score curve (SVG line chart, percent of full marks)
 *   beside a table of the scores.
 * - 'struggling-roster' 学困生名册: the files of a term, names and 学籍号 masked unless showFullNames; no causes.
 * Loading either writes an audit entry (exporting a file is logged like opening it).
 */
import type { ScoreCurve, StrugglingFile, StrugglingFileRow } from '../../../../shared/contract';
import { lineChart } from '../../../../shared/domain/charts/svg';
import { maskName, maskStudentNo } from '../../../../shared/domain/mask';
import { transformationRate } from '../../../../shared/domain/struggling/figures';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { queryFileRows } from './common';
import { loadFile, scoreCurve } from './files';
import { defineReport, reportParams } from '../../platform/report/define';
import { loadHeader, type ReportHeaderData, type ReportParams } from '../../platform/report/header';
import { documentShell, esc, gridTable, producedLine, reportTitle, schoolHeader } from '../../platform/report/layout';

export const STRUGGLING_FILE_TITLE = '学困生帮扶档案（一生一案）';
export const STRUGGLING_ROSTER_TITLE = '学困生名册';
const FILE_SETUP = { paper: 'A4', landscape: false } as const;
const ROSTER_SETUP = { paper: 'A4', landscape: true } as const;

const HEI = `"SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`;
const CSS = `
h3.part { font-family: ${HEI}; font-size: 11.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
table.grid td { height: 7mm; font-size: 10pt; }
table.grid td.left, table.grid td.text { text-align: left; padding: 1mm 1.5mm; white-space: pre-wrap; line-height: 1.35; }
table.info th { width: 22mm; }
table.info td.left { word-break: break-all; }
.box { border: 0.6pt solid #000; padding: 1.5mm 2mm; min-height: 14mm; white-space: pre-wrap; line-height: 1.45; }
.chart { text-align: center; break-inside: avoid; page-break-inside: avoid; }
.chart svg { max-width: 100%; height: auto; }
.notice { font-size: 9pt; margin: 0 0 2mm; }
.signature { display: flex; justify-content: space-between; margin-top: 8mm; font-size: 10.5pt; break-inside: avoid; }
.signature .blank { display: inline-block; width: 32mm; border-bottom: 0.6pt solid #000; }
.summary-line { margin: 2mm 0; font-size: 10pt; }
`;

// ---- one student's file ----

export interface StrugglingFileData { header: ReportHeaderData; file: StrugglingFile; curve: ScoreCurve }

export function loadStrugglingFile(ctx: CoreContext, params: ReportParams): StrugglingFileData {
  if (params.fileId === undefined) throw new AppError('VALIDATION', 'strugglingFileRequired');
  const file = loadFile(ctx, params.fileId);
  const header = loadHeader(ctx, params.termId ?? file.termId);
  ctx.audit('struggling', 'export', { entityId: file.id, summary: `打印学困生档案 #${file.id}` });
  return { header, file, curve: scoreCurve(ctx, file.studentId) };
}

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '');
const box = (v: string | null) => `<div class="box">${esc(dash(v))}</div>`;

function infoTable(f: StrugglingFile): string {
  const row = (cells: [string, string][]) => `<tr>${cells.map(([k, v]) => `<th>${esc(k)}</th><td class="left">${esc(v)}</td>`).join('')}</tr>`;
  return `<table class="grid info"><colgroup><col style="width:20mm"><col style="width:40mm"><col style="width:20mm"><col style="width:40mm"><col style="width:20mm"><col></colgroup><tbody>
${row([['姓名', f.studentName], ['性别', f.gender ?? ''], ['学籍号', f.studentNo]])}
${row([['班级', f.className ?? ''], ['班主任', f.headTeacherName ?? ''], ['帮扶教师', f.teacherName ?? '']])}
${row([['困难学科', f.subjectNames.join('、')], ['建档日期', f.openedOn], ['当前状态', f.status]])}
</tbody></table>`;
}

function causesTable(f: StrugglingFile): string {
  if (!f.causes.length) return '<div class="box">（未填写）</div>';
  return gridTable([
    { label: '成因维度', width: '36mm', value: (c) => c.dimension },
    { label: '具体表现与分析', value: (c) => dash(c.note), className: 'text' },
  ], f.causes);
}

function planTable(f: StrugglingFile): string {
  const p = f.plan;
  const cell = (k: string, v: string | null) => `<th>${esc(k)}</th><td class="left">${esc(dash(v))}</td>`;
  return `<table class="grid info"><colgroup><col style="width:22mm"><col><col style="width:22mm"><col></colgroup><tbody>
<tr>${cell('时间落实', p.time)}${cell('地点落实', p.place)}</tr>
<tr>${cell('内容落实', p.content)}${cell('人员落实', p.teacher)}</tr>
<tr>${cell('措施落实', p.measures)}${cell('检查落实', p.check)}</tr>
</tbody></table>`;
}

function curveSection(curve: ScoreCurve): string {
  if (!curve.exams.length) return '<div class="box">（暂无考试成绩）</div>';
  const categories = curve.exams.map((e) => e.name);
  const chart = lineChart({
    width: 680, height: 260, categories, yMin: 0, yMax: 100, unit: '%',
    series: curve.subjects.map((s) => ({ name: s.subjectName, values: s.percents })),
  });
  const fmt = (v: number | null) => (v === null ? '—' : String(Math.round(v * 10) / 10));
  const table = gridTable([
    { label: '考试', width: '52mm', value: (e: ScoreCurve['exams'][number]) => `${e.name}（${e.date}）` },
    ...curve.subjects.map((s) => ({ label: s.subjectName, value: (_e: ScoreCurve['exams'][number], i: number) => fmt(s.scores[i]), className: 'num' })),
  ], curve.exams);
  return `<div class="chart">${chart}</div><div class="notice">曲线为得分率（得分 ÷ 满分）；下表为原始分，— 表示缺考或未录入。</div>${table}`;
}

export function renderStrugglingFile(data: StrugglingFileData): string {
  const { header, file: f } = data;
  const entries = (kind: string) => f.entries.filter((e) => e.kind === kind);
  type E = StrugglingFile['entries'][number];
  const body = `<section class="sheet">
${schoolHeader(header.schoolName, header.term?.label ?? null)}
${reportTitle(STRUGGLING_FILE_TITLE)}
<div class="notice">本档案含学生敏感个人信息，仅供帮扶工作使用，请妥善保管，不得外传。</div>
<h3 class="part">一、基本情况</h3>
${infoTable(f)}
<h3 class="part">二、成因分析</h3>
${causesTable(f)}
<h3 class="part">三、转化目标</h3>
${box(f.goal)}
<h3 class="part">四、帮扶措施</h3>
${box(f.measures)}
<h3 class="part">五、“六落实”计划</h3>
${planTable(f)}
<h3 class="part">六、历次考试成绩</h3>
${curveSection(data.curve)}
<h3 class="part">七、辅导记录</h3>
${gridTable<E>([
    { label: '日期', width: '24mm', value: (e) => e.date },
    { label: '辅导教师', width: '22mm', value: (e) => dash(e.who) },
    { label: '辅导内容', value: (e) => dash(e.content), className: 'text' },
    { label: '时长(分钟)', width: '20mm', value: (e) => e.minutes ?? '', className: 'num' },
    { label: '效果', width: '50mm', value: (e) => dash(e.result), className: 'text' },
  ], entries('tutoring'), { minRows: 3 })}
<h3 class="part">八、家校联系与家访</h3>
${gridTable<E>([
    { label: '日期', width: '24mm', value: (e) => e.date },
    { label: '方式', width: '18mm', value: (e) => dash(e.way) },
    { label: '联系人', width: '20mm', value: (e) => dash(e.who) },
    { label: '内容', value: (e) => dash(e.content), className: 'text' },
    { label: '家长反馈', width: '50mm', value: (e) => dash(e.result), className: 'text' },
  ], entries('contact'), { minRows: 2 })}
<h3 class="part">九、阶段评估</h3>
${gridTable<E>([
    { label: '日期', width: '24mm', value: (e) => e.date },
    { label: '进步情况', value: (e) => dash(e.content), className: 'text' },
    { label: '下一步打算', value: (e) => dash(e.result), className: 'text' },
  ], entries('review'), { minRows: 2 })}
<h3 class="part">十、状态变更</h3>
${gridTable<StrugglingFile['statusHistory'][number]>([
    { label: '日期', width: '24mm', value: (s) => s.date },
    { label: '变更', width: '40mm', value: (s) => (s.from ? `${s.from} → ${s.to}` : s.to) },
    { label: '说明', value: (s) => dash(s.note), className: 'text' },
    { label: '操作人', width: '24mm', value: (s) => s.operator },
  ], f.statusHistory)}
<h3 class="part">十一、学期帮扶总结</h3>
${box(f.summary)}
<div class="signature"><span>帮扶教师签字：<span class="blank"></span></span><span>班主任签字：<span class="blank"></span></span><span>教务处审核：<span class="blank"></span></span></div>
${producedLine(header.producedAt)}
</section>`;
  return documentShell({ title: STRUGGLING_FILE_TITLE, setup: FILE_SETUP, body, css: CSS });
}

// ---- the roster ----

export interface StrugglingRosterData { header: ReportHeaderData; rows: StrugglingFileRow[]; masked: boolean }

export function loadStrugglingRoster(ctx: CoreContext, params: ReportParams): StrugglingRosterData {
  const header = loadHeader(ctx, params.termId);
  const rows = queryFileRows(ctx.db, { termId: header.term?.id, classIds: params.classIds, teacherIds: params.teacherIds });
  // Masking is on unless the office asks for full names on purpose.
  const masked = params.showFullNames !== true;
  ctx.audit('struggling', 'exportRoster', { summary: `打印学困生名册（${rows.length} 人${masked ? '，姓名与学籍号已隐去' : '，含完整姓名与学籍号'}）`, after: { count: rows.length, masked } });
  return { header, rows, masked };
}

export function renderStrugglingRoster(data: StrugglingRosterData): string {
  const { header, rows, masked } = data;
  const name = (r: StrugglingFileRow) => (masked ? maskName(r.studentName) : r.studentName);
  const no = (r: StrugglingFileRow) => (masked ? maskStudentNo(r.studentNo) : r.studentNo);
  const rate = transformationRate(rows);
  const pct = rate.rate === null ? '—' : `${(rate.rate * 100).toFixed(1)}%`;
  const table = rows.length
    ? gridTable<StrugglingFileRow>([
      { label: '序号', width: '11mm', value: (_r, i) => i + 1, className: 'num' },
      { label: '班级', width: '26mm', value: (r) => r.className ?? '' },
      { label: '姓名', width: '20mm', value: name },
      { label: '学籍号', width: '44mm', value: no, className: 'num' },
      { label: '困难学科', value: (r) => r.subjectNames.join('、'), className: 'left' },
      { label: '帮扶教师', width: '20mm', value: (r) => r.teacherName ?? '' },
      { label: '班主任', width: '20mm', value: (r) => r.headTeacherName ?? '' },
      { label: '建档日期', width: '24mm', value: (r) => r.openedOn, className: 'num' },
      { label: '辅导次数', width: '19mm', value: (r) => r.tutoringCount, className: 'num' },
      { label: '最近辅导', width: '24mm', value: (r) => r.lastTutoringOn ?? '—', className: 'num' },
      { label: '状态', width: '18mm', value: (r) => r.status },
    ], rows)
    : '<div class="empty">（本学期无学困生档案）</div>';
  const body = `<section class="sheet">
${schoolHeader(header.schoolName, header.term?.label ?? null)}
${reportTitle(STRUGGLING_ROSTER_TITLE)}
<div class="summary-line">共 ${rows.length} 人：帮扶中 ${rate.inProgress}，已转化 ${rate.transformed}，继续帮扶 ${rate.continuing}，转出 ${rate.left}；转化率 ${esc(pct)}（已转化 ÷ 未转出档案数）。${masked ? '姓名与学籍号已部分隐去。' : ''}</div>
${table}
${producedLine(header.producedAt)}
</section>`;
  return documentShell({ title: STRUGGLING_ROSTER_TITLE, setup: ROSTER_SETUP, body, css: CSS });
}

/** Catalogue entries (the struggling feature's printouts). */
export const STRUGGLING_REPORTS = [
  defineReport({
    id: 'struggling-file', title: STRUGGLING_FILE_TITLE, titleKey: 'reports.struggling-file', feature: 'struggling', module: 'exams',
    params: reportParams(['fileId'], ['fileId']), ...FILE_SETUP, load: loadStrugglingFile, render: renderStrugglingFile,
  }),
  defineReport({
    id: 'struggling-roster', title: STRUGGLING_ROSTER_TITLE, titleKey: 'reports.struggling-roster', feature: 'struggling', module: 'exams',
    params: reportParams(['termId', 'classIds', 'teacherIds', 'showFullNames']), ...ROSTER_SETUP,
    load: loadStrugglingRoster, render: renderStrugglingRoster,
  }),
];
