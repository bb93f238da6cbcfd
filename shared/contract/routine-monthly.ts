/**
 * Teaching routine, part 2: observation quotas and records (听课评课), teaching-research activities (教研活动), the
 * monthly routine check (教学常规月查) and the data its printouts (sheet, bulletin, term summary) are drawn from.
 * Error messages are i18n keys under errors. (routineMonthly.*).
 */
import { z } from 'zod';
import { TEACHER_ROLES, type TeacherRole } from '../domain/constants';
import { LEVELS, OBSERVATION_KINDS, type Level, type ObservationKind, type ObservationItemKey } from '../domain/routine/observation';
import { SHEET_STATUSES, type MonthlyRubricItem, type SheetGradeBand, type SheetStatus } from '../domain/routine/monthly';
import type { QuotaAggregate, QuotaStatus } from '../domain/routine/quota';
import { m } from './method';
import { isoDaySchema } from '../domain/dates';

export { OBSERVATION_KINDS, OBSERVATION_ITEMS, OBSERVATION_ITEM_KEYS, LEVELS } from '../domain/routine/observation';
export { SHEET_STATUSES, DEFAULT_MONTHLY_RUBRIC } from '../domain/routine/monthly';
export { DEFAULT_QUOTAS } from '../domain/routine/quota';
export type { Level, ObservationKind, ObservationItemKey, MonthlyRubricItem, SheetGradeBand, SheetStatus, QuotaAggregate, QuotaStatus };

const id = z.number().int().positive();
const optId = id.nullish().transform((v) => v ?? null);
const isoDate = isoDaySchema;
const optDate = isoDate.nullish().or(z.literal('')).transform((v) => (v ? v : null));
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'routineMonthly.badMonth');
const period = z.number().int().min(1, 'badPeriod').max(14, 'badPeriod');
const opt = (max = 200) => z.string().trim().max(max, 'tooLong').nullish().transform((v) => (v ? v : null));
const TermOnlySchema = z.object({ termId: id });
const IdOnlySchema = z.object({ id });
const score = z.number().min(0, 'tooSmall').max(100, 'tooBig').nullish().transform((v) => v ?? null);

// ---- quotas ----
export const QuotaSaveSchema = z.object({
  termId: id,
  /** Observations a term per role; roles left out keep their current value (or the default). */
  roles: z.array(z.object({ role: z.enum(TEACHER_ROLES), perTerm: z.number().int().min(0, 'tooSmall').max(500, 'tooBig') })).max(20),
  /** Replaces the term's overrides as a whole. */
  overrides: z.array(z.object({ teacherId: id, perTerm: z.number().int().min(0, 'tooSmall').max(500, 'tooBig'), note: opt(100) })).max(2000),
});
export type QuotaSaveInput = z.input<typeof QuotaSaveSchema>;
export interface QuotaSettings {
  termId: number;
  roles: { role: TeacherRole; perTerm: number; isDefault: boolean }[];
  overrides: { teacherId: number; teacherName: string; perTerm: number; note: string | null }[];
}

export const QuotaProgressSchema = z.object({ termId: id, /** Defaults to today (the core's clock). */ asOf: optDate });
export interface QuotaProgressRow {
  teacherId: number; teacherName: string; roles: string[];
  /** The role the quota comes from (highest rank held). */
  role: TeacherRole;
  /** 教研组 names the teacher belongs to. */
  groupNames: string[];
  quota: number; overridden: boolean; done: number; shortfall: number;
  projected: number | null; dueSoFar: number; status: QuotaStatus;
}
export interface QuotaProgress {
  termId: number; asOf: string; elapsedWeeks: number; totalWeeks: number;
  people: QuotaProgressRow[];
  byRole: QuotaAggregate[];
  /** Per 教研组 (teachers in no 教研组 under key 'none'). */
  byGroup: QuotaAggregate[];
}

// ---- observations ----
export const ObservationScoresSchema = z.object({
  goal: score, content: score, method: score, participation: score, effect: score, skill: score,
});
export const ObservationSchema = z.object({
  id: id.optional(),
  termId: id,
  date: isoDate,
  period: period.nullish().transform((v) => v ?? null),
  classId: optId,
  subjectId: optId,
  /** The teacher observed. */
  teacherId: id,
  observerId: id,
  topic: opt(100),
  kind: z.enum(OBSERVATION_KINDS),
  scores: ObservationScoresSchema.default({ goal: null, content: null, method: null, participation: null, effect: null, skill: null }),
  /** Used only when the scores are incomplete (no total); otherwise derived from the total. */
  level: z.enum(LEVELS).nullish().transform((v) => v ?? null),
  comments: opt(2000),
  suggestions: opt(2000),
});
export type ObservationInput = z.input<typeof ObservationSchema>;
export interface Observation {
  id: number; termId: number; date: string; period: number | null;
  classId: number | null; className: string | null; subjectId: number | null; subjectName: string | null;
  teacherId: number; teacherName: string; observerId: number; observerName: string;
  topic: string | null; kind: ObservationKind;
  scores: Record<ObservationItemKey, number | null>;
  total: number | null; level: Level | null;
  comments: string | null; suggestions: string | null; updatedAt: string;
}
export const ObservationListSchema = z.object({
  termId: id,
  observerId: optId,
  teacherId: optId,
  month: month.nullish().transform((v) => v ?? null),
  kind: z.enum(OBSERVATION_KINDS).nullish().transform((v) => v ?? null),
});
export const FromLessonSchema = z.object({ termId: id, date: isoDate, period, classId: id });
/** Prefill for quick entry: the timetable lesson at that weekday and period (nulls when the slot is empty). */
export interface ObservationPrefill {
  termId: number; date: string; period: number; classId: number; className: string; day: number;
  subjectId: number | null; subjectName: string | null; teacherId: number | null; teacherName: string | null;
}

// ---- teaching-research activities ----
export const ResearchActivitySchema = z.object({
  id: id.optional(),
  termId: id,
  groupId: id,
  date: isoDate,
  topic: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  hostId: optId,
  location: opt(50),
  /** 活动纪要 (summary of the minutes). */
  minutes: opt(4000),
  attendeeIds: z.array(id).max(500).default([]),
});
export type ResearchActivityInput = z.input<typeof ResearchActivitySchema>;
export interface ResearchActivity {
  id: number; termId: number; groupId: number; groupName: string; groupKind: '教研组' | '备课组';
  date: string; topic: string; hostId: number | null; hostName: string | null; location: string | null;
  minutes: string | null; attendeeIds: number[]; attendeeNames: string[];
}
export const ResearchListSchema = z.object({ termId: id, groupId: optId, month: month.nullish().transform((v) => v ?? null) });
/** Attendance per teacher per month: activities of the teacher's groups held vs attended. */
export interface ResearchAttendance {
  months: string[];
  rows: { teacherId: number; teacherName: string; groupNames: string[]; byMonth: Record<string, { attended: number; held: number }>; attended: number; held: number }[];
}

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
  checker: opt(30).optional(),
  checkedOn: optDate.optional(),
  comment: opt(1000).optional(),
  fixRequired: opt(500).optional(),
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

export const routineMonthlyContract = {
  'observations/getQuotas': m<typeof TermOnlySchema, QuotaSettings>(TermOnlySchema),
  'observations/saveQuotas': m<typeof QuotaSaveSchema, QuotaSettings>(QuotaSaveSchema),
  'observations/quotaProgress': m<typeof QuotaProgressSchema, QuotaProgress>(QuotaProgressSchema),

  'observations/list': m<typeof ObservationListSchema, Observation[]>(ObservationListSchema),
  'observations/save': m<typeof ObservationSchema, Observation>(ObservationSchema),
  'observations/delete': m<typeof IdOnlySchema, { ok: true }>(IdOnlySchema),
  'observations/fromLesson': m<typeof FromLessonSchema, ObservationPrefill>(FromLessonSchema),

  'research/list': m<typeof ResearchListSchema, ResearchActivity[]>(ResearchListSchema),
  'research/save': m<typeof ResearchActivitySchema, ResearchActivity>(ResearchActivitySchema),
  'research/delete': m<typeof IdOnlySchema, { ok: true }>(IdOnlySchema),
  'research/attendance': m<typeof TermOnlySchema, ResearchAttendance>(TermOnlySchema),

  'monthly-check/months': m<typeof TermOnlySchema, MonthlyCheckMonth[]>(TermOnlySchema),
  'monthly-check/start': m<typeof MonthlyMonthSchema, MonthlyStartResult>(MonthlyMonthSchema),
  /** Re-reads the facts (observations, attendance, check grades) into the month's sheets; scores are kept. */
  'monthly-check/refresh': m<typeof MonthlyMonthSchema, MonthlySheets>(MonthlyMonthSchema),
  /** Discards a started month; refused once any sheet is checked. */
  'monthly-check/discard': m<typeof MonthlyMonthSchema, { ok: true }>(MonthlyMonthSchema),
  'monthly-check/sheets': m<typeof MonthlyMonthSchema, MonthlySheets>(MonthlyMonthSchema),
  'monthly-check/saveSheets': m<typeof SaveSheetsSchema, MonthlySheets>(SaveSheetsSchema),
  'monthly-check/progress': m<typeof MonthlyMonthSchema, MonthlyProgress>(MonthlyMonthSchema),
  'monthly-check/termSummary': m<typeof TermSummarySchema, TermSummary>(TermSummarySchema),
  'monthly-check/bulletinData': m<typeof MonthlyMonthSchema, BulletinData>(MonthlyMonthSchema),
} as const;
