/**
 * What the routine printouts and exports render: plain, already-computed views of the monthly check. The
 * renderers (PDF HTML, Word, Excel) are pure functions of these; ./views.ts maps the monthly check's (and the observations and research features')
 * output into them, so tests and the bench can hand-make them.
 */
import type { ReportHeaderData } from '../../platform/report/header';

/** One rubric line of a monthly sheet. */
export interface SheetItemView {
  name: string;
  /** Maximum points (weight) of the item. */
  max: number;
  score: number | null;
  /** What the item checks (评分要点), printed small; may be empty. */
  criteria: string;
}

/** One teacher's monthly check sheet (教学常规月查表). */
export interface MonthlySheetView {
  teacherId: number;
  teacherName: string;
  groupName: string | null;
  /** Role or duty as printed (教师, 教研组长, 教务主任 ...). */
  roleLabel: string | null;
  subjects: string[];
  classes: string[];
  weeklyPeriods: number;
  items: SheetItemView[];
  total: number | null;
  maxTotal: number;
  grade: string | null;
  /**
   * Lessons observed in the month, and in the term up to the month's end, against the whole lessons due by then
   * (quotaDueByMonthEnd) and the term quota.
   */
  observations: { month: number; done: number; due: number; termQuota: number | null };
  /** 教研活动 and 集体备课 attended / held in the month. */
  research: { attended: number; held: number };
  collective: { attended: number; held: number };
  /** Struggling students tutored (学困生辅导) in the month. */
  tutoring: number;
  planGrade: string | null;
  homeworkGrade: string | null;
  /** The checker's comment (检查意见) and the required fix (整改要求), free text. */
  comment: string;
  fix: string;
  checker: string | null;
  /** 'YYYY-MM-DD' or null when not signed off. */
  checkedOn: string | null;
}

export interface MonthlySheetsData {
  header: ReportHeaderData;
  /** 'YYYY-MM'. */
  month: string;
  sheets: MonthlySheetView[];
}

/** An observation-progress bar: made so far against expected so far (pro rata of the quota). */
export interface ProgressView { label: string; made: number; expected: number; quota: number }

export interface BulletinFigures {
  teachers: number;
  sheetsChecked: number;
  averageScore: number | null;
  highestScore: number | null;
  lowestScore: number | null;
  /** Lessons observed in the month. */
  observationsThisMonth: number;
  /** Lessons observed in the term up to the month's end. */
  observationsMade: number;
  /** Teachers whose term-to-date count is below the whole lessons due by the month's end. */
  observationsBehind: number;
  researchActivities: number;
  /** 0-100, null when no activity was held. */
  researchAttendanceRate: number | null;
  /** Open required fixes: the teachers concerned, and the items. */
  fixesRequired: number;
  fixItems: number;
}

/** 教学常规检查月度通报. */
export interface BulletinView {
  header: ReportHeaderData;
  month: string;
  figures: BulletinFigures;
  /** In grade order (优, 良, 合格, 不合格). */
  gradeCounts: { grade: string; count: number }[];
  /** By role or teaching group. */
  observationProgress: ProgressView[];
  commended: { teacherName: string; groupName: string | null; score: number | null; reason: string }[];
  problems: { teacherName: string | null; text: string }[];
  fixes: { teacherName: string; text: string }[];
  /** The issuing office and date printed at the end. */
  issuer: string;
  issuedOn: Date;
}

/** 教师学期常规检查汇总: one row per teacher, one column per month. */
export interface TermSummaryView {
  header: ReportHeaderData;
  /** 'YYYY-MM' in order. */
  months: string[];
  teachers: {
    teacherId: number;
    teacherName: string;
    groupName: string | null;
    subjects: string[];
    scores: (number | null)[];
    grades: (string | null)[];
    average: number | null;
    grade: string | null;
  }[];
  /** School average per month. */
  schoolAverages: (number | null)[];
  /** Print a chart card per teacher (a chosen few, not the whole school). */
  cards: boolean;
}

/** The month's Excel workbook: the sheets plus the observation and research registers. */
export interface MonthWorkbookView {
  header: ReportHeaderData;
  month: string;
  sheets: MonthlySheetView[];
  observations: { date: string; observer: string; teacherName: string; className: string; subject: string; kind: string; topic: string; score: number | null; level: string | null }[];
  research: { date: string; groupName: string; topic: string; host: string; attendees: string[]; absent: string[] }[];
}

/** 2025-10 -> 2025年10月. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

/** 2025-10 -> 10月 (chart axes). */
export function shortMonth(month: string): string {
  return `${Number(month.split('-')[1])}月`;
}

/** Rounds to one decimal for printing; null prints as ''. */
export function fmtScore(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  return String(Math.round(v * 10) / 10);
}
