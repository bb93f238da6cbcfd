/**
 * 质量分析报告 (A4 portrait) for one exam: per grade a 三率一分 overview, then per subject the class table
 * (应考, 实考, 参考率, 平均分, 与年级差, 及格率, 优秀率, 低分率, 最高, 最低, 标准差), the spread between classes
 * (CV), and charts rendered as inline SVG (rates by class, score distribution, class averages against the
 * grade). Ends with ruled blank space for the office's commentary and signature lines.
 * AGGREGATE ONLY: no student appears. Per-student rank lists are a separate report (exam-rank-list) that is
 * refused unless the office enabled `exams.allowRankLists`, and then prints "内部资料 不得公开" on every page.
 */
import type { ExamAnalysis, ExamThreshold, GradeAnalysis, SubjectGradeAnalysis, SubjectStats } from '../../../../shared/contract';
import { maskName, maskStudentNo } from '../../../../shared/domain/mask';
import { fmtScore, pct, round } from '../../../../shared/domain/exams/analysis';
import { barSvg } from '../../../../shared/domain/exams/charts';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { examAnalysis } from './analysis';
import { ALLOW_RANK_LISTS } from './exams';
import { defineReport, reportParams } from '../../platform/report/define';
import { loadHeader, type ReportHeaderData, type ReportParams } from '../../platform/report/header';
import { documentShell, esc, producedLine, reportTitle, schoolHeader } from '../../platform/report/layout';

export const EXAM_REPORT_TITLE = '质量分析报告';
export const EXAM_REPORT_SETUP = { paper: 'A4', landscape: false } as const;
export const RANK_LIST_TITLE = '学生成绩名次表';
export const INTERNAL_MARK = '内部资料 不得公开';

export interface ExamReportData { header: ReportHeaderData; analysis: ExamAnalysis; charts: boolean }

function requireExam(params: ReportParams): number {
  if (!params.examId) throw new AppError('VALIDATION', 'exams.reportNeedsExam');
  return params.examId;
}

export function loadExamReport(ctx: CoreContext, params: ReportParams): ExamReportData {
  const analysis = examAnalysis(ctx, requireExam(params));
  return { header: loadHeader(ctx, analysis.exam.termId), analysis, charts: true };
}

/** 七年级(3)班 -> 3班 for chart axes. */
const shortClass = (name: string) => name.replace(/^.*\((\d+)\)班$/, '$1班');
const signed = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${round(x, 2)}`);

export function thresholdText(t: ExamThreshold): string {
  return `及格 ≥ ${t.passPct}%，优秀 ≥ ${t.excellentPct}%，低分 < ${t.lowPct}%（占满分）`;
}

const CSS = `
.info { font-size: 10pt; line-height: 1.6; margin: 0 0 2mm; }
.info b, h3, h4 { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
h3.grade { font-size: 13pt; margin: 3mm 0 1.5mm; border-bottom: 0.6pt solid #000; break-after: avoid; page-break-after: avoid; }
h4.subject { font-size: 11pt; margin: 3mm 0 1mm; break-after: avoid; page-break-after: avoid; }
table.stats th { font-size: 8.5pt; height: 7mm; line-height: 1.1; padding: 0 0.3mm; }
table.stats td { font-size: 9pt; height: 6mm; padding: 0 0.3mm; white-space: nowrap; }
table.stats tr.total td { font-weight: bold; font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.balance { font-size: 9.5pt; margin: 1mm 0 1mm; }
.subject-block { break-inside: avoid; page-break-inside: avoid; }
.charts { display: flex; flex-wrap: wrap; gap: 2mm 3mm; margin: 1mm 0 2mm; break-inside: avoid; page-break-inside: avoid; }
.charts .full { width: 100%; }
.charts .half { width: calc(50% - 1.5mm); }
.charts svg { width: 100%; height: auto; display: block; }
.commentary { break-before: page; page-break-before: always; }
.commentary h4 { font-size: 11.5pt; margin: 4mm 0 1mm; }
.commentary .line { border-bottom: 0.6pt solid #000; height: 8.5mm; }
.signature { display: flex; justify-content: space-between; margin-top: 8mm; font-size: 10.5pt; break-inside: avoid; }
.signature .blank { display: inline-block; width: 38mm; border-bottom: 0.6pt solid #000; }
.signature .short { display: inline-block; width: 10mm; border-bottom: 0.6pt solid #000; }
.note { font-size: 8.5pt; margin-top: 1mm; }
`;

const STAT_HEAD = ['班级', '应考', '实考', '参考率', '平均分', '与年级差', '及格率', '优秀率', '低分率', '最高', '最低', '标准差'];
const STAT_COLS = ['20mm', '', '', '', '', '', '', '', '', '', '', ''];

function statCells(s: SubjectStats, diff: number | null | undefined): string[] {
  return [
    String(s.expected), String(s.takers), pct(s.participation), fmtScore(s.average), diff === undefined ? '' : signed(diff),
    pct(s.passRate), pct(s.excellentRate), pct(s.lowRate), fmtScore(s.max, 1), fmtScore(s.min, 1), fmtScore(s.sd),
  ];
}

function statsTable(s: SubjectGradeAnalysis): string {
  const cols = STAT_COLS.map((w) => `<col${w ? ` style="width:${w}"` : ''}>`).join('');
  const rows = s.classes.map((c) => `<tr><td>${esc(c.className)}</td>${statCells(c, c.diffFromGrade).map((v) => `<td class="num">${esc(v)}</td>`).join('')}</tr>`);
  rows.push(`<tr class="total"><td>年级</td>${statCells(s.grade, undefined).map((v) => `<td class="num">${esc(v)}</td>`).join('')}</tr>`);
  return `<table class="grid stats"><colgroup>${cols}</colgroup><thead><tr>${STAT_HEAD.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function levelTable(s: SubjectGradeAnalysis): string {
  const head = ['班级', '应考', '实考', '参考率', '优', '良', '合格', '待合格', '优秀率', '合格率'];
  const cells = (x: SubjectStats) => [x.expected, x.takers, pct(x.participation), x.levels?.['优'] ?? 0, x.levels?.['良'] ?? 0, x.levels?.['合格'] ?? 0, x.levels?.['待合格'] ?? 0, pct(x.excellentRate), pct(x.passRate)];
  const rows = s.classes.map((c) => `<tr><td>${esc(c.className)}</td>${cells(c).map((v) => `<td class="num">${esc(v)}</td>`).join('')}</tr>`);
  rows.push(`<tr class="total"><td>年级</td>${cells(s.grade).map((v) => `<td class="num">${esc(v)}</td>`).join('')}</tr>`);
  return `<table class="grid stats"><colgroup><col style="width:22mm">${head.slice(1).map(() => '<col>').join('')}</colgroup><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function balanceLine(s: SubjectGradeAnalysis): string {
  const avgs = s.classes.map((c) => c.average).filter((x): x is number => x !== null);
  if (avgs.length < 2) return '';
  const spread = Math.max(...avgs) - Math.min(...avgs);
  const cv = s.cv === null ? '—' : `${(s.cv * 100).toFixed(2)}%`;
  return `<div class="balance">班级间均衡：各班平均分差异系数 CV = ${esc(cv)}，最高与最低班级平均分相差 ${esc(round(spread, 2))} 分。</div>`;
}

export interface SubjectChart { title: string; svg: string; width: number; height: number; span: 'full' | 'half' }

/** A subject's charts (three rates by class, the grade's distribution, class averages): drawn once for PDF and Word. */
export function subjectCharts(s: SubjectGradeAnalysis): SubjectChart[] {
  const cats = s.classes.map((c) => shortClass(c.className));
  const rate = (x: number | null) => (x === null ? null : Math.round(x * 100));
  const rates = barSvg({
    width: 700, height: 200, title: `${s.subjectName} 各班三率（%）`, categories: cats, unit: '%', yMax: 100,
    series: [
      { name: '及格率', values: s.classes.map((c) => rate(c.passRate)) },
      { name: '优秀率', values: s.classes.map((c) => rate(c.excellentRate)) },
      { name: '低分率', values: s.classes.map((c) => rate(c.lowRate)) },
    ],
  });
  const hist = barSvg({
    width: 345, height: 180, title: `${s.subjectName} 年级分数分布（人）`,
    categories: s.distribution.map((b, i) => `${round(b.from, 1)}${i === s.distribution.length - 1 ? '-' + round(b.to, 1) : '-'}`), series: [{ name: '人数', values: s.distribution.map((b) => b.count) }],
  });
  const avgs = barSvg({
    width: 345, height: 180, title: `${s.subjectName} 各班平均分`, categories: cats, yMax: s.fullMarks ?? undefined,
    series: [{ name: '平均分', values: s.classes.map((c) => (c.average === null ? null : round(c.average, 1))) }],
    reference: s.grade.average === null ? undefined : { value: s.grade.average, label: `年级平均 ${round(s.grade.average, 1)}` },
  });
  return [
    { title: `${s.subjectName} 各班三率（%）`, svg: rates, width: 700, height: 200, span: 'full' },
    { title: `${s.subjectName} 年级分数分布（人）`, svg: hist, width: 345, height: 180, span: 'half' },
    { title: `${s.subjectName} 各班平均分`, svg: avgs, width: 345, height: 180, span: 'half' },
  ];
}

function charts(s: SubjectGradeAnalysis): string {
  return `<div class="charts">${subjectCharts(s).map((c) => `<div class="${c.span}">${c.svg}</div>`).join('')}</div>`;
}

function overview(g: GradeAnalysis): string {
  const rows = g.subjects.map((s) => {
    const x = s.grade;
    return `<tr><td>${esc(s.subjectName)}</td><td class="num">${esc(s.fullMarks ?? '等级')}</td><td class="num">${x.expected}</td><td class="num">${x.takers}</td>` +
      `<td class="num">${esc(fmtScore(x.average))}</td><td class="num">${esc(pct(x.passRate))}</td><td class="num">${esc(pct(x.excellentRate))}</td>` +
      `<td class="num">${esc(pct(x.lowRate))}</td><td class="num">${esc(s.cv === null ? '—' : (s.cv * 100).toFixed(2) + '%')}</td></tr>`;
  }).join('');
  return `<table class="grid stats"><colgroup><col style="width:26mm"><col><col><col><col><col><col><col><col></colgroup>
<thead><tr><th>学科</th><th>满分</th><th>应考</th><th>实考</th><th>平均分</th><th>及格率</th><th>优秀率</th><th>低分率</th><th>班级差异系数</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function gradeSection(g: GradeAnalysis, withCharts: boolean, level: boolean): string {
  const expected = g.classes.reduce((n, c) => n + c.expected, 0);
  const subjects = g.subjects.map((s) => `<div class="subject-block"><h4 class="subject">${esc(s.subjectName)}${s.fullMarks ? `（满分 ${esc(s.fullMarks)} 分）` : ''}</h4>
${level ? levelTable(s) : statsTable(s)}
${level ? '' : balanceLine(s)}</div>
${withCharts && !level && s.grade.takers > 0 ? charts(s) : ''}`).join('\n');
  return `<h3 class="grade">${esc(g.gradeName)}：${g.classes.length} 个班，应考 ${expected} 人</h3>
<div class="info">分析标准：${esc(level ? '等级评价（优、良、合格、待合格），优秀率 = 优的占比，合格率 = 非待合格的占比' : thresholdText(g.thresholds))}</div>
<h4 class="subject">一、三率一分总览</h4>
${overview(g)}
<h4 class="subject">二、各学科分班情况</h4>
${subjects}`;
}

function commentary(): string {
  const lines = (n: number) => Array.from({ length: n }, () => '<div class="line"></div>').join('');
  return `<section class="commentary">
<h3 class="grade">质量分析（由教务处填写）</h3>
<h4>一、总体情况与成绩亮点</h4>${lines(6)}
<h4>二、存在的问题及原因分析</h4>${lines(6)}
<h4>三、改进措施与下阶段工作</h4>${lines(6)}
<div class="signature"><span>分析人：<span class="blank"></span></span><span>教务处负责人：<span class="blank"></span></span><span>日期：<span class="short"></span>年<span class="short"></span>月<span class="short"></span>日</span></div>
</section>`;
}

export function renderExamReport(data: ExamReportData): string {
  const { header, analysis } = data;
  const e = analysis.exam;
  const level = e.mode === 'level';
  const grades = analysis.grades.length ? analysis.grades.map((g) => gradeSection(g, data.charts, level)).join('\n') : '<div class="empty">（无成绩）</div>';
  const subjects = e.subjects.map((s) => (s.fullMarks ? `${s.subjectName} ${s.fullMarks} 分` : s.subjectName)).join('、');
  const body = `<section class="sheet">
${schoolHeader(header.schoolName, header.term?.label ?? null)}
${reportTitle(`${e.name} ${EXAM_REPORT_TITLE}`)}
<div class="info"><b>考试类型：</b>${esc(e.kind)}\u3000\u3000<b>考试日期：</b>${esc(e.date)}\u3000\u3000<b>参考年级：</b>${esc(analysis.grades.map((g) => g.gradeName).join('、'))}<br>
<b>考试学科：</b>${esc(subjects)}</div>
<div class="note">说明：本报告只含汇总数据，不含学生个人成绩与名次（不排名、不公布）。参考率 = 实考 ÷ 应考；缺考不计入实考；比率以实考人数为分母；标准差为总体标准差；差异系数 CV = 各班平均分的标准差 ÷ 其平均值，越小表示班级间越均衡。</div>
${grades}
${producedLine(header.producedAt)}
</section>
${commentary()}`;
  return documentShell({ title: `${e.name} ${EXAM_REPORT_TITLE}`, setup: EXAM_REPORT_SETUP, body, css: CSS });
}

// ---- per-student rank list: off unless enabled, always marked internal ----

export interface RankListData {
  header: ReportHeaderData; examName: string;
  subjects: { subjectId: number; subjectName: string }[];
  /** rank null: the student has no score in some subject (absent or not entered) and is not ranked on a partial total. */
  classes: { className: string; rows: { no: string; name: string; scores: (string | null)[]; total: number; rank: number | null }[] }[];
}

export function loadRankList(ctx: CoreContext, params: ReportParams): RankListData {
  if (ctx.getSetting(ALLOW_RANK_LISTS) !== '1') throw new AppError('VALIDATION', 'exams.rankListsDisabled');
  const analysis = examAnalysis(ctx, requireExam(params));
  const e = analysis.exam;
  if (e.mode !== 'score') throw new AppError('VALIDATION', 'exams.rankListNeedsScores');
  const subjects = e.subjects.map((s) => ({ subjectId: s.subjectId, subjectName: s.subjectName }));
  const rows = ctx.db.prepare(
    `SELECT es.class_id, s.id, s.student_no, s.name, c.subject_id, c.score, c.absent FROM exam_student es
     JOIN student s ON s.id = es.student_id LEFT JOIN score c ON c.exam_id = es.exam_id AND c.student_id = es.student_id
     WHERE es.exam_id = ?`,
  ).all(e.id) as { class_id: number; id: number; student_no: string; name: string; subject_id: number | null; score: number | null; absent: number | null }[];
  const classNames = new Map(analysis.grades.flatMap((g) => g.classes.map((c) => [c.classId, c.className] as const)));
  const wanted = params.classIds?.length ? new Set(params.classIds) : null;
  const byStudent = new Map<number, { classId: number; no: string; name: string; cells: Map<number, string>; total: number; scored: number }>();
  for (const r of rows) {
    if (wanted && !wanted.has(r.class_id)) continue;
    let st = byStudent.get(r.id);
    if (!st) byStudent.set(r.id, (st = { classId: r.class_id, no: r.student_no, name: r.name, cells: new Map(), total: 0, scored: 0 }));
    if (r.subject_id === null) continue;
    st.cells.set(r.subject_id, r.absent ? '缺考' : String(r.score));
    if (r.score !== null && !r.absent) { st.total += r.score; st.scored++; }
  }
  const classes = [...classNames].filter(([id]) => !wanted || wanted.has(id)).map(([classId, className]) => {
    const inClass = [...byStudent.values()].filter((s) => s.classId === classId);
    // Only students with a score in every subject are ranked: a partial total would rank an absentee too low.
    const complete = inClass.filter((s) => s.scored === subjects.length).sort((a, b) => b.total - a.total);
    const partial = inClass.filter((s) => s.scored < subjects.length).sort((a, b) => a.no.localeCompare(b.no));
    // Competition ranking: equal totals share a rank (1, 2, 2, 4).
    const ranked: { s: (typeof inClass)[number]; rank: number | null }[] = complete.map((s, i) => ({ s, rank: i + 1 }));
    for (let i = 1; i < ranked.length; i++) if (ranked[i].s.total === ranked[i - 1].s.total) ranked[i].rank = ranked[i - 1].rank;
    ranked.push(...partial.map((s) => ({ s, rank: null })));
    return {
      className,
      rows: ranked.map(({ s, rank }) => ({
        no: params.maskStudentNos ? maskStudentNo(s.no) : s.no,
        name: params.maskNames ? maskName(s.name) : s.name,
        scores: subjects.map((x) => s.cells.get(x.subjectId) ?? null), total: round(s.total, 1), rank,
      })),
    };
  });
  return { header: loadHeader(ctx, e.termId), examName: e.name, subjects, classes };
}

const RANK_CSS = `
table.rank th.internal { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 10pt;
  letter-spacing: 0.2em; border: 1.2pt solid #000; height: 7mm; }
table.rank td, table.rank th { font-size: 9pt; height: 6mm; }
table.rank.compact td { font-size: 8.5pt; height: 4.8mm; padding-top: 0; padding-bottom: 0; }
.rank-note { font-size: 9pt; margin-top: 1.5mm; }
`;

/** Rows of 6 mm that fit under the title on an A4 portrait page; a class up to 30% longer is printed compact. */
export const RANK_ROWS_PER_PAGE = 38;
const COMPACT_UP_TO = Math.floor(RANK_ROWS_PER_PAGE * 1.3);

export function renderRankList(d: RankListData): string {
  const sheets = d.classes.map((c) => {
    const head = ['名次', '学籍号', '姓名', ...d.subjects.map((s) => s.subjectName), '总分'];
    const body = c.rows.map((r) => `<tr><td class="num">${r.rank ?? '—'}</td><td class="num">${esc(r.no)}</td><td>${esc(r.name)}</td>${r.scores.map((v) => `<td class="num">${esc(v ?? '')}</td>`).join('')}<td class="num">${r.total}</td></tr>`).join('');
    return `<section class="sheet">
${schoolHeader(d.header.schoolName, d.header.term?.label ?? null)}
${reportTitle(`${d.examName} ${RANK_LIST_TITLE}`)}
<table class="grid rank${c.rows.length > RANK_ROWS_PER_PAGE && c.rows.length <= COMPACT_UP_TO ? ' compact' : ''}"><colgroup><col style="width:11mm"><col style="width:42mm"><col style="width:20mm">${d.subjects.map(() => '<col>').join('')}<col style="width:14mm"></colgroup>
<thead><tr><th class="internal" colspan="${head.length}">${INTERNAL_MARK}\u3000\u3000${esc(c.className)}</th></tr>
<tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>
${c.rows.some((r) => r.rank === null) ? '<p class="rank-note">注：有缺考或未录入科目的学生不参与排名（名次记“—”），其总分为已考科目之和。</p>' : ''}
${producedLine(d.header.producedAt)}
</section>`;
  }).join('\n');
  // The 内部资料 mark heads the table and repeats with its header on every printed page: it never covers a row.
  return documentShell({ title: `${INTERNAL_MARK} ${RANK_LIST_TITLE}`, setup: EXAM_REPORT_SETUP, body: sheets, css: RANK_CSS });
}

/** Catalogue entries (the exams feature's printouts). */
export const EXAM_REPORTS = [
  defineReport({
    id: 'exam-quality-analysis', title: EXAM_REPORT_TITLE, titleKey: 'reports.exam-quality-analysis', feature: 'exams', module: 'exams',
    params: reportParams(['examId'], ['examId']), ...EXAM_REPORT_SETUP, load: loadExamReport, render: renderExamReport,
  }),
  defineReport({
    id: 'exam-rank-list', title: RANK_LIST_TITLE, titleKey: 'reports.exam-rank-list', feature: 'exams', module: 'exams',
    params: reportParams(['examId', 'classIds', 'maskNames', 'maskStudentNos'], ['examId']), ...EXAM_REPORT_SETUP,
    load: loadRankList, render: renderRankList,
  }),
];
