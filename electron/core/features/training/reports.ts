/**
 * Training and teacher-indicator printouts:
 * - 'training-record' 教师培训学时登记表: one teacher per page (the teachers picked, or all), entries by cycle;
 * - 'training-summary' 教师培训情况汇总表: the cycle on the day: hours by level, completion, who is behind;
 * - 'teacher-indicators' 教师队伍督导评估指标统计表: the year's indicators with standard and met, and the names behind them.
 * Figures come from cycleReport / teacherCycleRows / yearIndicators, the functions the page shows.
 */
import type { CycleReport, CycleTeacherRow, IndicatorRow, TeacherIndicators, TrainingEntry } from '../../../../shared/contract';
import { TRAINING_LEVELS } from '../../../../shared/domain/training/cycle';
import type { CoreContext } from '../../platform/context';
import { defineReport, reportParams } from '../../platform/report/define';
import { loadHeader, type ReportHeaderData, type ReportParams } from '../../platform/report/header';
import { documentShell, esc, gridTable, producedLine, reportTitle, schoolHeader } from '../../platform/report/layout';
import { schoolYearOfTerm } from '../../platform/query';
import { todayOf } from '../../platform/staff';
import { activeTeachers, cycleReport, teacherCycleRows } from './cycle-report';
import { yearIndicators } from './indicators';
import { listEntries, trainingSettings } from './register';

export const RECORD_TITLE = '教师培训学时登记表';
export const SUMMARY_TITLE = '教师培训情况汇总表';
export const INDICATORS_TITLE = '教师队伍督导评估指标统计表';
const PORTRAIT = { paper: 'A4', landscape: false } as const;
const LANDSCAPE = { paper: 'A4', landscape: true } as const;
const HEI = `"SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`;
const CSS = `
h3.part { font-family: ${HEI}; font-size: 11.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
table.grid td { height: 7mm; font-size: 10pt; }
table.grid td.left { text-align: left; padding: 0.8mm 1.5mm; line-height: 1.35; }
.line { margin: 1.5mm 0; font-size: 10.5pt; }
.note { font-size: 9pt; margin: 1.5mm 0; }
.signs { display: flex; justify-content: space-between; margin-top: 8mm; font-size: 10.5pt; break-inside: avoid; }
.blank { display: inline-block; width: 30mm; border-bottom: 0.6pt solid #000; }
`;
const STATUS_ZH = { complete: '已完成', onPace: '达到进度', behind: '落后' } as const;
const h1 = (v: number) => (Math.round(v * 10) / 10).toString();

// ---- one teacher's record ----

export interface RecordData { header: ReportHeaderData; people: { row: CycleTeacherRow; entries: TrainingEntry[] }[]; cycle: { start: string; end: string }; asOf: string }

export function loadRecord(ctx: CoreContext, params: ReportParams): RecordData {
  const header = loadHeader(ctx, params.termId);
  const asOf = todayOf(ctx.now());
  const settings = trainingSettings(ctx);
  const all = activeTeachers(ctx.db);
  const picked = params.teacherIds?.length ? all.filter((t) => params.teacherIds!.includes(t.id)) : all;
  const { cycle, rows } = teacherCycleRows(ctx.db, settings, picked, asOf);
  // One read of the register for every teacher printed, grouped here.
  const byTeacher = new Map<number, TrainingEntry[]>();
  for (const e of listEntries(ctx, { teacherId: null, cycleIndex: null, currentCycle: false, level: null })) byTeacher.set(e.teacherId, [...(byTeacher.get(e.teacherId) ?? []), e]);
  return { header, asOf, cycle, people: rows.map((row) => ({ row, entries: byTeacher.get(row.teacherId) ?? [] })) };
}

export function renderRecord(data: RecordData): string {
  const { header } = data;
  const { cycle } = data;
  const inCycle = (e: TrainingEntry) => e.endDate >= cycle.start && e.endDate <= cycle.end;
  const sheets = data.people.map(({ row, entries }) => {
    return `<section class="sheet">
${schoolHeader(header.schoolName, `本周期：${cycle.start} 至 ${cycle.end}`)}
${reportTitle(RECORD_TITLE)}
<div class="line">姓名：${esc(row.teacherName)}\u3000工号：${esc(row.staffNo ?? '')}\u3000参加工作：${esc(row.hireDate ?? '（未填）')}\u3000本周期应修 ${esc(row.required)} 学时，截至 ${esc(data.asOf)} 应达 ${esc(h1(row.due))}，已修 <b>${esc(h1(row.hours))}</b> 学时（${esc(STATUS_ZH[row.status])}）</div>
${gridTable<TrainingEntry>([
    { label: '序号', width: '10mm', value: (_e, i) => i + 1, className: 'num' },
    { label: '起止日期', width: '37mm', value: (e) => `${e.startDate}～${e.endDate}`, className: 'num' },
    { label: '培训项目', value: (e) => e.title, className: 'left' },
    { label: '级别', width: '13mm', value: (e) => e.level },
    { label: '主办单位', width: '27mm', value: (e) => e.organiser ?? '', className: 'left' },
    { label: '学时', width: '13mm', value: (e) => h1(e.hours), className: 'num' },
    { label: '计入', width: '15mm', value: (e) => (inCycle(e) ? '本周期' : '其他') },
    { label: '证书', width: '11mm', value: (e) => (e.certificate ? '有' : '') },
  ], [...entries].sort((a, b) => a.endDate.localeCompare(b.endDate) || a.id - b.id), { minRows: 8 })}
<div class="line">按级别（本周期）：${TRAINING_LEVELS.map((l) => `${l} ${h1(row.byLevel[l])}`).join('\u3000')}</div>
<div class="signs"><span>本人签字：<span class="blank"></span></span><span>教务处审核：<span class="blank"></span></span><span>日期：<span class="blank"></span></span></div>
${producedLine(header.producedAt)}
</section>`;
  });
  return documentShell({ title: RECORD_TITLE, setup: PORTRAIT, body: sheets.join('\n') || '<div class="empty">（无教师）</div>', css: CSS });
}

// ---- the school's summary ----

export interface SummaryData { header: ReportHeaderData; report: CycleReport }

export function loadSummary(ctx: CoreContext, params: ReportParams): SummaryData {
  return { header: loadHeader(ctx, params.termId), report: cycleReport(ctx, null) };
}

export function renderSummary(data: SummaryData): string {
  const { header, report: r } = data;
  const c = r.completion;
  const rate = c.rate === null ? '—' : `${(c.rate * 100).toFixed(1)}%`;
  const behind = r.teachers.filter((t) => t.status === 'behind');
  const table = gridTable<CycleTeacherRow>([
    { label: '序号', width: '10mm', value: (_t, i) => i + 1, className: 'num' },
    { label: '姓名', width: '18mm', value: (t) => t.teacherName },
    { label: '工号', width: '20mm', value: (t) => t.staffNo ?? '', className: 'num' },
    ...TRAINING_LEVELS.map((l) => ({ label: l, value: (t: CycleTeacherRow) => h1(t.byLevel[l]), className: 'num' })),
    { label: '合计', width: '15mm', value: (t) => h1(t.hours), className: 'num' },
    { label: '应修', width: '13mm', value: (t) => t.required, className: 'num' },
    { label: '应达', width: '14mm', value: (t) => h1(t.due), className: 'num' },
    { label: '状态', width: '17mm', value: (t) => STATUS_ZH[t.status] },
  ], r.teachers);
  const body = `<section class="sheet">
${schoolHeader(header.schoolName, `培训周期 ${r.cycle.start} 至 ${r.cycle.end}`)}
${reportTitle(SUMMARY_TITLE)}
<div class="line">统计截至 ${esc(r.asOf)}：教师 ${c.teachers} 人，已完成 ${r.settings.requiredHours} 学时 ${c.complete} 人，达到进度 ${c.onPace} 人，落后 ${c.behind} 人；完成率（已完成或达到进度）<b>${esc(rate)}</b>（标准 100%）。</div>
<div class="line">本周期学时合计 ${esc(h1(r.totalHours))}：${TRAINING_LEVELS.map((l) => `${l} ${h1(r.byLevel[l])}`).join('，')}。</div>
${table}
<h3 class="part">落后于进度的教师（${behind.length} 人）</h3>
<div class="line">${behind.length ? esc(behind.map((t) => `${t.teacherName}（差 ${h1(t.due - t.hours)} 学时）`).join('、')) : '无'}</div>
<div class="note">新入职教师按入职时剩余周期折算应修学时；应达 = 应修 × 已过时间比例。未填参加工作时间的教师按整周期计。</div>
${producedLine(header.producedAt)}
</section>`;
  return documentShell({ title: SUMMARY_TITLE, setup: LANDSCAPE, body, css: CSS });
}

// ---- the indicators table ----

export interface IndicatorsData { header: ReportHeaderData; ind: TeacherIndicators }

export function loadIndicators(ctx: CoreContext, params: ReportParams): IndicatorsData {
  const header = loadHeader(ctx, params.termId);
  const yearId = header.term ? schoolYearOfTerm(ctx.db, header.term.id) : null;
  return { header, ind: yearIndicators(ctx, yearId) };
}

const metText = (m: boolean | null) => (m === true ? '达标' : m === false ? '未达标' : '无法判断');
const valueText = (r: IndicatorRow) => (r.value === null ? '—' : r.unit === 'percent' ? `${r.value.toFixed(2)}%` : r.value.toFixed(2));

export function renderIndicators(data: IndicatorsData): string {
  const { header, ind } = data;
  const names = (r: IndicatorRow) => {
    const parts: string[] = [];
    if (r.unit === 'per100') parts.push(r.teachers.map((t) => t.name).join('、') || '无');
    else if (r.shortfalls.length) parts.push(`未达：${r.shortfalls.map((t) => t.name).join('、')}`);
    else parts.push('全部达到');
    if (r.missing.length) parts.push(`缺少数据：${r.missing.map((m) => m.name).join('、')}`);
    if (r.needed > 0) parts.push(`尚差 ${r.needed} 人`);
    return parts.join('；');
  };
  const body = `<section class="sheet">
${schoolHeader(header.schoolName, ind.schoolYearName)}
${reportTitle(INDICATORS_TITLE)}
<div class="line">学校类型：${esc(ind.schoolType)}\u3000在籍学生 ${ind.students.total} 人（小学段 ${ind.students.primary}，初中段 ${ind.students.middle}）\u3000教师 ${ind.teacherCount} 人\u3000统计日：${esc(ind.asOf)}</div>
${gridTable<IndicatorRow>([
    { label: '序号', width: '10mm', value: (_r, i) => i + 1, className: 'num' },
    { label: '指标', width: '62mm', value: (r) => r.label, className: 'left' },
    { label: '标准', width: '16mm', value: (r) => r.standardText, className: 'num' },
    { label: '计数', width: '22mm', value: (r) => `${r.count} / ${r.denominator}`, className: 'num' },
    { label: '实际值', width: '18mm', value: valueText, className: 'num' },
    { label: '结论', width: '17mm', value: (r) => metText(r.met) },
    { label: '涉及教师', value: names, className: 'left' },
  ], ind.rows)}
<div class="note">依据：教督〔2017〕6号。“每百名学生”指标 = 教师数 ÷ 在籍学生数 × 100，按整数精确比较（如 1000 名学生需 42 名教师方达 4.2）。小学段学历要求专科及以上，初中段本科及以上${ind.schoolType === '九年一贯制' ? '；九年一贯制学校按学段学生数加权计算标准，任教初中年级的教师按本科及以上计' : ''}。培训完成指当前五年周期内学时达到应修学时或按时间进度应达学时。</div>
<div class="signs"><span>填表人：<span class="blank"></span></span><span>校长签字：<span class="blank"></span></span><span>日期：<span class="blank"></span></span></div>
${producedLine(header.producedAt)}
</section>`;
  return documentShell({ title: INDICATORS_TITLE, setup: LANDSCAPE, body, css: CSS });
}

export const TRAINING_REPORTS = [
  defineReport({
    id: 'training-record', title: RECORD_TITLE, titleKey: 'reports.training-record', feature: 'training', module: 'teachers',
    params: reportParams(['teacherIds']), ...PORTRAIT, load: loadRecord, render: renderRecord,
  }),
  defineReport({
    id: 'training-summary', title: SUMMARY_TITLE, titleKey: 'reports.training-summary', feature: 'training', module: 'teachers',
    params: reportParams([]), ...LANDSCAPE, load: loadSummary, render: renderSummary,
  }),
  defineReport({
    id: 'teacher-indicators', title: INDICATORS_TITLE, titleKey: 'reports.teacher-indicators', feature: 'training', module: 'teachers',
    params: reportParams(['termId']), ...LANDSCAPE, load: loadIndicators, render: renderIndicators,
  }),
];

