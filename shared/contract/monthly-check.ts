/** The monthly routine check (教学常规月查): months, sheets, progress, term summary, the bulletin, and its Word and Excel exports. */
import { z } from 'zod';
import { SHEET_STATUSES, type MonthlyRubricItem, type SheetGradeBand, type SheetStatus } from '../domain/routine/monthly';
import { featureContract, method } from './method';
import type { FilePayload } from './common';
import { id, month, optDate, optId, optText } from './fields';
import { TermOnly } from './common';

// ---- the monthly check ----
export const MonthlyMonthSchema = z.object({ termId: id, month });
/** A month of the term and whether its check has started. */
export interface MonthlyCheckMonth { month: string; started: boolean; total: number; checked: number; confirmed: number }

/** One sheet, flat for AG Grid: facts prefilled at start, then the checker's entries. */
export interface MonthlySheetRow {
  id: number; teacherId: number; teacherName: string; staffNo: string | null;
  /** 教研组 names (for grouping and the progress by group). */
  groupNames: string[];
  subjects: string; classes: string; weeklyPeriods: number; scheduledPeriods: number;
  /** Lessons observed in the term up to the month's end, and the whole lessons due by then (quotaDueByMonthEnd). */
  observationsDone: number; observationsDue: number;
  researchAttended: number; researchHeld: number;
  collectiveAttended: number; collectiveHeld: number;
  planGrade: string | null; homeworkGrade: string | null;
  /** Tutoring of struggling students: 0 until the struggling-student module feeds it. */
  tutoringCount: number;
  /** Item key -> score (AG Grid field 'scores.<key>'). */
  scores: Record<string, number | null>;
  total: number | null; grade: string | null;
  checker: string | null; checkedOn: string | null; comment: string | null;
  fixRequired: string | null; fixDoneOn: string | null;
  status: SheetStatus;
}
export interface MonthlySheets {
  termId: number; month: string; started: boolean; startedAt: string | null;
  /** The rubric snapshot the month is scored with. */
  mode: 'bands' | 'score'; items: MonthlyRubricItem[]; bands: SheetGradeBand[]; maxTotal: number;
  rows: MonthlySheetRow[];
}
export interface MonthlyStartResult extends MonthlySheets { created: number; alreadyStarted: boolean }

export const SheetEditSchema = z.object({
  id,
  scores: z.record(z.string(), z.number().nullable()).optional(),
  checker: optText(30).optional(),
  checkedOn: optDate.optional(),
  comment: optText(1000).optional(),
  fixRequired: optText(500).optional(),
  fixDoneOn: optDate.optional(),
  /** When left out: a 未查 sheet becomes 已查 once it has a checker and a full set of scores. */
  status: z.enum(SHEET_STATUSES).optional(),
});
export type SheetEdit = z.input<typeof SheetEditSchema>;
export const SaveSheetsSchema = z.object({ termId: id, month, rows: z.array(SheetEditSchema).min(1, 'required').max(2000) });

export interface MonthlyProgress {
  termId: number; month: string; total: number; checked: number; confirmed: number;
  /** Per 教研组; teachers in several groups count in each, those in none under groupId null. */
  byGroup: { groupId: number | null; groupName: string; total: number; checked: number; confirmed: number }[];
}

export const TermSummarySchema = z.object({ termId: id, teacherId: optId });
export interface TermSummaryTeacher {
  teacherId: number; teacherName: string; groupNames: string[];
  months: { month: string; total: number | null; grade: string | null; status: SheetStatus; scores: Record<string, number | null> }[];
  /** Average of the month totals that exist (null if none). */
  average: number | null;
  /** Average per item over the months that scored it. */
  itemAverages: Record<string, number | null>;
  observationsDone: number; observationsQuota: number;
}
export interface TermSummary {
  termId: number; termName: string; months: string[];
  /** Items of the latest started month's rubric (column heads). */
  items: MonthlyRubricItem[];
  teachers: TermSummaryTeacher[];
  /** School average per month over checked sheets. */
  monthAverages: { month: string; average: number | null; checked: number }[];
}

/** What the monthly bulletin (月度通报) is drawn from; the report engineer renders it. Keep stable. */
export interface BulletinData {
  termId: number; termName: string; month: string; schoolName: string;
  /** Over sheets with status 已查 or 已确认. */
  summary: {
    teachers: number; checked: number; averageScore: number | null; maxTotal: number;
    gradeDistribution: { grade: string; count: number }[];
    /** Sums over the sheets: lessons observed in the term up to the month's end, and whole lessons due by then. */
    observationsDone: number; observationsDue: number;
    /** Lessons the sheets' teachers observed in the month itself. */
    observationsThisMonth: number;
    /** Teachers whose term-to-date count is below the whole lessons due by the month's end. */
    teachersBehind: number;
    researchActivities: number;
    /** Plan/homework checks of the month graded below 合格 or with a required fix (0 when those tables are absent). */
    planProblems: number; homeworkProblems: number;
    /** Required fixes without a done date (sheets + plan/homework checks): items, and the teachers they concern. */
    openFixes: number;
    fixTeachers: number;
  };
  /** Top grade band or the best totals (at most 10), best first. */
  commended: { teacherId: number; teacherName: string; groupNames: string[]; total: number; grade: string | null; comment: string | null }[];
  /** Items scored below PROBLEM_SHARE (60%) of their max, with the teachers concerned. */
  problems: { itemKey: string; itemName: string; maxScore: number; teachers: { teacherId: number; teacherName: string; score: number }[] }[];
  fixes: { source: 'sheet' | 'plan' | 'homework'; teacherId: number; teacherName: string; text: string; done: boolean; doneOn: string | null }[];
  /** Per 教研组: average score and checked count, for the bulletin's chart. */
  byGroup: { groupName: string; checked: number; average: number | null }[];
}

/** 'YYYY-MM', month 01-12. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'badMonth');

export const RoutineMonthExportSchema = z.object({ termId: z.number().int().positive(), month: MonthSchema });
export const RoutineTermExportSchema = z.object({ termId: z.number().int().positive() });



export const monthlyCheckContract = featureContract('monthly-check', {
  'monthly-check/months': method(TermOnly).returns<MonthlyCheckMonth[]>(),
  'monthly-check/start': method(MonthlyMonthSchema).returns<MonthlyStartResult>(),
  'monthly-check/refresh': method(MonthlyMonthSchema).returns<MonthlySheets>(),
  'monthly-check/discard': method(MonthlyMonthSchema).returns<{ ok: true }>(),
  'monthly-check/sheets': method(MonthlyMonthSchema).returns<MonthlySheets>(),
  'monthly-check/saveSheets': method(SaveSheetsSchema).returns<MonthlySheets>(),
  'monthly-check/progress': method(MonthlyMonthSchema).returns<MonthlyProgress>(),
  'monthly-check/termSummary': method(TermSummarySchema).returns<TermSummary>(),
  'monthly-check/bulletinData': method(MonthlyMonthSchema).returns<BulletinData>(),
  /** 教学常规检查月度通报 as .docx (黑体 title, 宋体/仿宋 body, figures table, charts as images when the PDF engine can draw them). */
  'monthly-check/bulletinDocx': method(RoutineMonthExportSchema).returns<FilePayload>(),
  /** The month as .xlsx: 月查汇总 (one row per teacher, every item score), 听课统计, 教研活动. */
  'monthly-check/monthXlsx': method(RoutineMonthExportSchema).returns<FilePayload>(),
  /** The term as .xlsx: teachers x months score matrix with averages and grades. */
  'monthly-check/termXlsx': method(RoutineTermExportSchema).returns<FilePayload>(),
});
