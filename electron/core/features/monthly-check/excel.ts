/**
 * Excel workbooks of the monthly check. The month: 月查汇总 (one row per teacher, every item score, total,
 * grade, facts, comment, fix), 听课统计 (per teacher observed vs due, then the month's observation register),
 * 教研活动 (the month's activities with attendees and absentees). The term: teachers x months with the
 * average and grade. Numbers are written as numbers so the office can sort and sum.
 */
import ExcelJS from 'exceljs';
import { addTitledSheet } from '../../platform/spreadsheet/sheet';
import { monthLabel, shortMonth, type MonthWorkbookView, type TermSummaryView } from './view-types';

type Cell = string | number | null;
interface Col { header: string; width: number }

/** The monthly check's sheets: landscape, teacher columns frozen, boxed wrapping headers. */
function addSheet(wb: ExcelJS.Workbook, name: string, title: string, columns: Col[], rows: Cell[][], landscape = true): ExcelJS.Worksheet {
  return addTitledSheet(wb, name, title, columns, rows, { landscape, freezeColumns: 2, header: { wrap: true, boxed: true } });
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export async function buildMonthXlsx(v: MonthWorkbookView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiaowu Desk';
  const head = (what: string) => [v.header.schoolName, v.header.term?.label, monthLabel(v.month), what].filter(Boolean).join(' ');
  // Item columns follow the first sheet's rubric: every sheet of a month shares the month's rubric snapshot.
  const items = v.sheets[0]?.items ?? [];
  addSheet(wb, '月查汇总', head('教学常规月查汇总表'), [
    { header: '序号', width: 6 }, { header: '姓名', width: 10 }, { header: '教研组', width: 12 }, { header: '任教学科', width: 12 },
    { header: '任教班级', width: 24 }, { header: '周课时', width: 8 },
    ...items.map((it) => ({ header: `${it.name}(${it.max})`, width: Math.max(9, it.name.length * 2 + 5) })),
    { header: `合计(${v.sheets[0]?.maxTotal ?? ''})`, width: 9 }, { header: '等级', width: 7 },
    { header: '教案检查', width: 9 }, { header: '作业检查', width: 9 }, { header: '听课(本月/累计/应听)', width: 18 },
    { header: '教研出勤', width: 9 }, { header: '集体备课出勤', width: 12 }, { header: '检查人', width: 9 }, { header: '检查日期', width: 11 },
    { header: '检查意见', width: 30 }, { header: '整改要求', width: 30 },
  ], v.sheets.map((s, i) => [
    i + 1, s.teacherName, s.groupName ?? '', s.subjects.join('、'), s.classes.join('、'), s.weeklyPeriods,
    ...s.items.map((it) => it.score),
    round1(s.total), s.grade ?? '', s.planGrade ?? '', s.homeworkGrade ?? '',
    `${s.observations.month}/${s.observations.done}/${s.observations.due}`,
    s.research.held ? `${s.research.attended}/${s.research.held}` : '', s.collective.held ? `${s.collective.attended}/${s.collective.held}` : '',
    s.checker ?? '', s.checkedOn ?? '', s.comment, s.fix,
  ]));

  const obs = addSheet(wb, '听课统计', head('听课统计表'), [
    { header: '序号', width: 6 }, { header: '姓名', width: 10 }, { header: '教研组', width: 12 }, { header: '学期定额', width: 9 },
    { header: '应听(至月底)', width: 12 }, { header: '本月听课', width: 9 }, { header: '累计已听', width: 9 }, { header: '差额', width: 8 }, { header: '进度', width: 9 },
  ], v.sheets.map((s, i) => {
    const o = s.observations;
    return [i + 1, s.teacherName, s.groupName ?? '', o.termQuota, o.due, o.month, o.done, Math.max(0, o.due - o.done), o.done >= o.due ? '达到' : '滞后'];
  }), false);
  // The month's register below the per-teacher table.
  obs.addRow([]);
  const regHead = obs.addRow(['日期', '听课人', '授课教师', '班级', '学科', '课型', '课题', '得分', '等级']);
  regHead.font = { bold: true };
  obs.getCell(regHead.number - 1, 1).value = `${monthLabel(v.month)}听课记录（${v.observations.length} 节）`;
  obs.getCell(regHead.number - 1, 1).font = { bold: true };
  for (const o of v.observations) obs.addRow([o.date, o.observer, o.teacherName, o.className, o.subject, o.kind, o.topic, o.score, o.level ?? '']);

  addSheet(wb, '教研活动', head('教研活动记录'), [
    { header: '序号', width: 6 }, { header: '日期', width: 11 }, { header: '教研组', width: 12 }, { header: '主题', width: 30 },
    { header: '主持人', width: 9 }, { header: '出席人数', width: 9 }, { header: '出席教师', width: 40 }, { header: '缺席教师', width: 24 },
  ], v.research.map((r, i) => [i + 1, r.date, r.groupName, r.topic, r.host, r.attendees.length, r.attendees.join('、'), r.absent.join('、')]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function buildTermXlsx(v: TermSummaryView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiaowu Desk';
  const title = [v.header.schoolName, v.header.term?.label, '教师学期常规检查汇总表'].filter(Boolean).join(' ');
  const ws = addSheet(wb, '学期汇总', title, [
    { header: '序号', width: 6 }, { header: '姓名', width: 10 }, { header: '教研组', width: 12 }, { header: '任教学科', width: 12 },
    ...v.months.map((m) => ({ header: shortMonth(m), width: 8 })),
    { header: '平均分', width: 9 }, { header: '等级', width: 7 },
  ], v.teachers.map((t, i) => [i + 1, t.teacherName, t.groupName ?? '', t.subjects.join('、'), ...t.scores.map(round1), round1(t.average), t.grade ?? '']), v.months.length > 6);
  const avg = ws.addRow(['', '全校平均', '', '', ...v.schoolAverages.map(round1), null, '']);
  avg.font = { bold: true };
  // Per-month grades on a second sheet: the matrix of 优/良/合格 the annual appraisal reads.
  addSheet(wb, '各月等级', title.replace('汇总表', '等级表'), [
    { header: '序号', width: 6 }, { header: '姓名', width: 10 }, { header: '教研组', width: 12 },
    ...v.months.map((m) => ({ header: shortMonth(m), width: 8 })), { header: '学期等级', width: 9 },
  ], v.teachers.map((t, i) => [i + 1, t.teacherName, t.groupName ?? '', ...t.grades.map((g) => g ?? ''), t.grade ?? '']), false);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
