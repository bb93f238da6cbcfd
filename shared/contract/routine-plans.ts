/**
 * Teaching routine, part 1: check standards (rubrics, homework norms, load rules), lesson plans with an attached
 * file, plan checks (教案检查), collective preparation (集体备课) and homework-marking checks (作业批改检查).
 * Records name teacher x subject x class; list outputs add the display names.
 */
import { z } from 'zod';
import { Base64FileSchema } from './upload';
import { featureContract, method } from './method';
import { id, isoDay, optText } from './fields';
import { TermOnly } from './common';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'badMonth');
/** Optional free text: '' and null both become null. */
const count = (max: number) => z.number().int().min(0, 'tooSmall').max(max, 'tooBig').nullish().transform((v) => v ?? null);
const flag = z.boolean().nullish().transform((v) => v ?? null);

// ---------------------------------------------------------------- standards

export const GRADE_LABELS = ['优', '良', '合格', '不合格'] as const;
export type GradeLabel = (typeof GRADE_LABELS)[number];
export const RUBRIC_KINDS = ['planCheck', 'homeworkCheck', 'monthlySheet'] as const;
export type RubricKind = (typeof RUBRIC_KINDS)[number];

export const RubricItemSchema = z.object({
  /** Stable key (ascii), used in item_scores and by the monthly sheet. */
  key: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,29}$/, 'badKey'),
  name: z.string().trim().min(1, 'required').max(30, 'tooLong'),
  /** Weight, i.e. the item's maximum score. */
  maxScore: z.number().min(0, 'tooSmall').max(100, 'tooBig'),
  description: optText(200),
});
/** A grade band: a score >= min earns the label (bands are tried from the highest min down). */
export const GradeBandSchema = z.object({ label: z.enum(GRADE_LABELS), min: z.number().min(0, 'tooSmall').max(100, 'tooBig') });
export const RubricSchema = z.object({
  kind: z.enum(RUBRIC_KINDS),
  /** 'bands': the score (0-100) maps to 优/良/合格/不合格; 'score': the plain score is the result. */
  mode: z.enum(['bands', 'score']),
  items: z.array(RubricItemSchema).min(1, 'tooSmall').max(30, 'tooBig'),
  bands: z.array(GradeBandSchema).max(4, 'tooBig'),
});
export type RubricItem = z.output<typeof RubricItemSchema>;
export type GradeBand = z.output<typeof GradeBandSchema>;
export type Rubric = z.output<typeof RubricSchema>;

export const HOMEWORK_TYPES = ['课堂作业', '家庭作业', '作文', '练习册'] as const;
export type HomeworkType = (typeof HOMEWORK_TYPES)[number];

/** How often one subject's homework must be marked in a range of grades (per type, or any type when null). */
export const HomeworkNormSchema = z.object({
  subjectId: id,
  gradeFrom: z.number().int().min(1, 'tooSmall').max(9, 'tooBig'),
  gradeTo: z.number().int().min(1, 'tooSmall').max(9, 'tooBig'),
  /** null = every type not covered by a more specific norm of the subject. */
  homeworkType: z.enum(HOMEWORK_TYPES).nullish().transform((v) => v ?? null),
  minPerWeek: z.number().min(0, 'tooSmall').max(14, 'tooBig'),
  maxPerWeek: z.number().min(0, 'tooSmall').max(14, 'tooBig').nullish().transform((v) => v ?? null),
  note: optText(100),
});
export type HomeworkNormInput = z.output<typeof HomeworkNormSchema>;
export interface HomeworkNorm extends HomeworkNormInput { subjectName: string }

/** The national homework-load rules (双减). */
export const LoadRulesSchema = z.object({
  /** No written homework up to and including this grade (2 = grades 1-2). */
  noWrittenUpToGrade: z.number().int().min(0).max(9),
  /** Types that count as written homework for that rule. */
  writtenTypes: z.array(z.enum(HOMEWORK_TYPES)).max(4),
  /** Minutes of written homework a day at most: grades 3-6 and grades 7-9. */
  primaryMaxMinutes: z.number().int().min(0).max(300),
  middleMaxMinutes: z.number().int().min(0).max(300),
});
export type LoadRules = z.output<typeof LoadRulesSchema>;

export const StandardsSaveSchema = z.object({
  termId: id,
  rubrics: z.array(RubricSchema).max(3),
  homeworkNorms: z.array(HomeworkNormSchema).max(500),
  loadRules: LoadRulesSchema,
});
export type StandardsSave = z.input<typeof StandardsSaveSchema>;
export interface RoutineStandards {
  termId: number;
  /** Always all three kinds, in RUBRIC_KINDS order. */
  rubrics: Rubric[];
  homeworkNorms: HomeworkNorm[];
  loadRules: LoadRules;
}

// ---------------------------------------------------------------- attachments

export interface AttachmentInfo { id: number; fileName: string; mime: string; size: number; sha256: string; createdAt: string }
/** An upload riding inside another input (docx, pdf, jpg, png; at most 30 MB). */
export const UploadSchema = z.object({
  fileName: z.string().trim().min(1, 'required').max(255, 'tooLong'),
  dataBase64: Base64FileSchema,
});
export type Upload = z.output<typeof UploadSchema>;

// ---------------------------------------------------------------- lesson plans

export const LESSON_TYPES = ['新授', '复习', '练习', '讲评', '实验'] as const;
export type LessonType = (typeof LESSON_TYPES)[number];

const OwnerFields = { termId: id, teacherId: id, subjectId: id, classId: id };

export const LessonPlanSchema = z.object({
  id: id.optional(),
  ...OwnerFields,
  topic: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  lessonType: z.enum(LESSON_TYPES).default('新授'),
  periods: z.number().int().min(1, 'tooSmall').max(20, 'tooBig').default(1),
  week: z.number().int().min(1, 'tooSmall').max(30, 'tooBig').nullish().transform((v) => v ?? null),
  date: isoDay.nullish().transform((v) => v ?? null),
  objectives: optText(4000),
  keyPoints: optText(2000),
  difficultPoints: optText(2000),
  aids: optText(500),
  process: optText(20000),
  boardDesign: optText(4000),
  homeworkDesign: optText(4000),
  reflection: optText(4000),
  /** 二次备课: the teacher's own annotations on a shared plan. */
  secondRound: optText(4000),
  /** A new file replaces the old one; `removeAttachment` drops it; neither keeps it. */
  upload: UploadSchema.optional(),
  removeAttachment: z.boolean().default(false),
});
export type LessonPlanInput = z.input<typeof LessonPlanSchema>;
export interface LessonPlan extends Omit<z.output<typeof LessonPlanSchema>, 'id' | 'upload' | 'removeAttachment'> {
  id: number;
  teacherName: string; subjectName: string; className: string; gradeLevel: number;
  attachment: AttachmentInfo | null;
  createdAt: string; updatedAt: string;
}
export const LessonPlanQuerySchema = z.object({
  termId: id,
  teacherId: id.optional(),
  subjectId: id.optional(),
  classId: id.optional(),
  week: z.number().int().min(1).max(30).optional(),
  text: z.string().trim().max(50).optional(),
});

// ---------------------------------------------------------------- plan checks

export const FIX_STATUSES = ['none', 'open', 'done'] as const;
export type FixStatus = (typeof FIX_STATUSES)[number];
/** 整改: what must be fixed and its follow-up. A non-empty fixRequired with status 'none' is saved as 'open'. */
const FixFields = {
  fixRequired: optText(500),
  fixStatus: z.enum(FIX_STATUSES).default('none'),
  fixDoneDate: isoDay.nullish().transform((v) => v ?? null),
  fixNote: optText(500),
};
const ScoreFields = {
  /** Item key -> score given (see the rubric); when every item is scored their total is the score. */
  itemScores: z.record(z.string(), z.number().min(0, 'tooSmall').max(100, 'tooBig')).nullish().transform((v) => v ?? null),
  score: z.number().min(0, 'tooSmall').max(100, 'tooBig').nullish().transform((v) => v ?? null),
  /** Entered grade, used when there is no score (or the rubric is in 'score' mode); else from the score's band. */
  grade: z.enum(GRADE_LABELS).nullish().transform((v) => v ?? null),
  checker: optText(30),
};

export const PlanCheckSchema = z.object({
  id: id.optional(),
  ...OwnerFields,
  checkDate: isoDay,
  /** From the assignment when absent. */
  weeklyPeriods: z.number().int().min(0, 'tooSmall').max(40, 'tooBig').nullish().transform((v) => v ?? null),
  /** Periods planned so far (entered from the paper plans, or counted from plan records). */
  periodsPlanned: count(2000),
  detailLevel: z.enum(['详案', '简案']).nullish().transform((v) => v ?? null),
  secondRoundCount: count(2000),
  reflectionsCount: count(2000),
  ...ScoreFields,
  comment: optText(500),
  ...FixFields,
});
export type PlanCheckInput = z.input<typeof PlanCheckSchema>;
export interface PlanCheck {
  id: number; termId: number; teacherId: number; subjectId: number; classId: number; checkDate: string;
  teacherName: string; subjectName: string; className: string; gradeLevel: number;
  weeklyPeriods: number;
  /** weeklyPeriods x teaching weeks begun by the check date (see expectedPeriods). */
  periodsExpected: number;
  periodsPlanned: number | null;
  /** planned - expected, in periods and in weeks (null when nothing planned was entered). */
  aheadPeriods: number | null;
  aheadWeeks: number | null;
  /** True when plans are less than one week ahead (超前备课 not met). */
  notAhead: boolean;
  detailLevel: '详案' | '简案' | null;
  secondRoundCount: number | null; reflectionsCount: number | null;
  itemScores: Record<string, number> | null; score: number | null; grade: GradeLabel | null; checker: string | null;
  comment: string | null;
  fixRequired: string | null; fixStatus: FixStatus; fixDoneDate: string | null; fixNote: string | null;
  createdAt: string; updatedAt: string;
}
/** One row per assignment for fast entry; `existingId` when a check for that date is already saved. */
export interface PlanCheckDraft {
  assignmentId: number; termId: number; teacherId: number; subjectId: number; classId: number;
  teacherName: string; subjectName: string; className: string; gradeLevel: number;
  checkDate: string; weeklyPeriods: number; periodsExpected: number;
  /** Counted from the lesson-plan records up to the check date (0 when the school keeps paper plans only). */
  periodsFromPlans: number; reflectionsFromPlans: number; secondRoundFromPlans: number;
  existingId: number | null;
}
export const CheckQuerySchema = z.object({
  termId: id,
  month: month.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  teacherId: id.optional(),
  subjectId: id.optional(),
  classId: id.optional(),
  fixStatus: z.enum(FIX_STATUSES).optional(),
});
export type CheckQuery = z.input<typeof CheckQuerySchema>;
const PrefillSchema = z.object({ termId: id, date: isoDay });
export const CountFromPlansSchema = z.object({ ...OwnerFields, asOf: isoDay });
export interface PlanCount { periods: number; plans: number; reflections: number; secondRound: number }

// ---------------------------------------------------------------- collective preparation

export const CollectivePrepSchema = z.object({
  id: id.optional(),
  termId: id,
  /** A teaching_group of kind 备课组. */
  groupId: id,
  date: isoDay,
  /** The three fixed elements: fixed time (e.g. 每周三下午第2节), fixed place, fixed content, plus the lead preparer. */
  fixedTime: optText(50),
  place: optText(50),
  content: optText(200),
  topic: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  leadTeacherId: id.nullish().transform((v) => v ?? null),
  attendeeIds: z.array(id).max(200).default([]),
  outcome: optText(2000),
});
export type CollectivePrepInput = z.input<typeof CollectivePrepSchema>;
export interface CollectivePrep extends Omit<z.output<typeof CollectivePrepSchema>, 'id'> {
  id: number; groupName: string; leadTeacherName: string | null; attendeeNames: string[];
  /** Members of the group (at save time: now) who did not attend. */
  absentIds: number[];
  createdAt: string; updatedAt: string;
}
export const CollectivePrepQuerySchema = z.object({ termId: id, groupId: id.optional(), month: month.optional(), teacherId: id.optional() });
/** Attendance of one teacher at the collective preparation of their groups in a month. */
export interface CollectiveAttendanceRow { teacherId: number; teacherName: string; groupIds: number[]; held: number; attended: number }

// ---------------------------------------------------------------- homework checks

export const HomeworkCheckSchema = z.object({
  id: id.optional(),
  ...OwnerFields,
  checkDate: isoDay,
  homeworkType: z.enum(HOMEWORK_TYPES),
  /** Weeks of work the check covers (a monthly check: about 4). */
  weeksCovered: z.number().min(0.5, 'tooSmall').max(30, 'tooBig').default(4),
  /** Students in the class; from the roster when absent. */
  classSize: count(200),
  booksChecked: count(200),
  timesSet: count(500),
  timesMarked: count(500),
  allMarked: flag,
  onTime: flag,
  dateWritten: flag,
  commentsEncouraging: flag,
  commentsGuiding: flag,
  corrections: flag,
  remarked: flag,
  tiered: flag,
  loadOk: flag,
  minutesPerDay: count(300),
  ...ScoreFields,
  problems: optText(500),
  ...FixFields,
});
export type HomeworkCheckInput = z.input<typeof HomeworkCheckSchema>;
/** A finding of the norm check; key is an i18n key under routine.flags. */
export interface HomeworkFlag { key: 'belowNorm' | 'writtenInLowGrades' | 'sampleOnly' | 'overLoad' | 'noNorm'; severity: 'error' | 'warning' | 'info'; params: Record<string, string | number> }
export interface HomeworkCheck extends Omit<z.output<typeof HomeworkCheckSchema>, 'id' | 'grade'> {
  id: number;
  teacherName: string; subjectName: string; className: string; gradeLevel: number;
  grade: GradeLabel | null;
  /** times marked per week over the weeks covered. */
  perWeek: number | null;
  flags: HomeworkFlag[];
  createdAt: string; updatedAt: string;
}
export interface HomeworkCheckDraft {
  assignmentId: number; termId: number; teacherId: number; subjectId: number; classId: number;
  teacherName: string; subjectName: string; className: string; gradeLevel: number;
  checkDate: string; classSize: number; homeworkType: HomeworkType;
  /** The norm that applies (minimum times marked a week), null when none. */
  normMinPerWeek: number | null;
  existingId: number | null;
}

// ---------------------------------------------------------------- methods

const IdOnly = z.object({ id });
const LessonPlanRowsSchema = z.object({ rows: z.array(LessonPlanSchema).min(1).max(2000) });
const PlanCheckRowsSchema = z.object({ rows: z.array(PlanCheckSchema).min(1).max(5000) });
const HomeworkCheckRowsSchema = z.object({ rows: z.array(HomeworkCheckSchema).min(1).max(5000) });
const HomeworkPrefillSchema = z.object({ termId: id, date: isoDay, homeworkType: z.enum(HOMEWORK_TYPES).optional() });

export const routinePlansContract = featureContract('routine-plans', {
  /** Standards of the term; the defaults are written on first read. */
  'routine-plans/getStandards': method(TermOnly).returns<RoutineStandards>(),
  /** Replaces the term's standards in one transaction (audited). */
  'routine-plans/saveStandards': method(StandardsSaveSchema).returns<RoutineStandards>(),
  'routine-plans/resetStandards': method(TermOnly).returns<RoutineStandards>(),

  'routine-plans/listLessonPlans': method(LessonPlanQuerySchema).returns<LessonPlan[]>(),
  'routine-plans/getLessonPlan': method(IdOnly).returns<LessonPlan>(),
  'routine-plans/saveLessonPlan': method(LessonPlanSchema).returns<LessonPlan>(),
  'routine-plans/saveLessonPlans': method(LessonPlanRowsSchema).returns<LessonPlan[]>(),
  'routine-plans/deleteLessonPlan': method(IdOnly).returns<{ id: number }>(),
  /** The stored file of an attachment (plan files, scans). */

  'routine-plans/listPlanChecks': method(CheckQuerySchema).returns<PlanCheck[]>(),
  'routine-plans/prefillPlanChecks': method(PrefillSchema).returns<PlanCheckDraft[]>(),
  'routine-plans/countPlanChecksFromPlans': method(CountFromPlansSchema).returns<PlanCount>(),
  'routine-plans/savePlanCheck': method(PlanCheckSchema).returns<PlanCheck>(),
  /** Inserts/updates many rows in one transaction; any bad row rejects all (issues name rows.N.field). */
  'routine-plans/savePlanChecks': method(PlanCheckRowsSchema).returns<PlanCheck[]>(),
  'routine-plans/deletePlanCheck': method(IdOnly).returns<{ id: number }>(),

  'routine-plans/listCollectivePreps': method(CollectivePrepQuerySchema).returns<CollectivePrep[]>(),
  'routine-plans/saveCollectivePrep': method(CollectivePrepSchema).returns<CollectivePrep>(),
  'routine-plans/deleteCollectivePrep': method(IdOnly).returns<{ id: number }>(),
  'routine-plans/collectivePrepAttendance': method(z.object({ termId: id, month })).returns<CollectiveAttendanceRow[]>(),

  'routine-plans/listHomeworkChecks': method(CheckQuerySchema).returns<HomeworkCheck[]>(),
  'routine-plans/prefillHomeworkChecks': method(HomeworkPrefillSchema).returns<HomeworkCheckDraft[]>(),
  'routine-plans/saveHomeworkCheck': method(HomeworkCheckSchema).returns<HomeworkCheck>(),
  'routine-plans/saveHomeworkChecks': method(HomeworkCheckRowsSchema).returns<HomeworkCheck[]>(),
  'routine-plans/deleteHomeworkCheck': method(IdOnly).returns<{ id: number }>(),
});
