/**
 * Exams and score analysis (质量监测): exams, score entry and import, the analysis (三率一分, spread between
 * classes), trends, settings and the quality-analysis report as Word. Rates are fractions 0..1 (null when
 * nobody took the subject); thresholds are percentages of full marks.
 */
import { z } from 'zod';
import { featureContract, method } from './method';
import { id, isoDay } from './fields';
import { Empty } from './common';

export const EXAM_KINDS = ['单元', '月考', '期中', '期末', '统考'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];
export const SCORE_LEVELS = ['优', '良', '合格', '待合格'] as const;
export type ScoreLevel = (typeof SCORE_LEVELS)[number];
export const EXAM_MODES = ['score', 'level'] as const;
export type ExamMode = (typeof EXAM_MODES)[number];
/** The mark shown for an absent taker (缺考). */
export const ABSENT_MARK = '缺考';


export const ExamSubjectSchema = z.object({
  subjectId: id,
  /** Required in score mode, ignored (null) in level mode. */
  fullMarks: z.number().positive('badFullMarks').max(1000, 'badFullMarks').nullable().default(null),
});
export const ExamSchema = z.object({
  id: id.optional(),
  termId: id,
  name: z.string().trim().min(1, 'required').max(60, 'tooLong'),
  kind: z.enum(EXAM_KINDS),
  date: isoDay,
  mode: z.enum(EXAM_MODES).default('score'),
  gradeIds: z.array(id).min(1, 'required').max(9),
  subjects: z.array(ExamSubjectSchema).min(1, 'required').max(30),
  note: z.string().trim().max(500, 'tooLong').nullable().optional(),
});
export type ExamInput = z.input<typeof ExamSchema>;

export interface ExamSubjectInfo { subjectId: number; subjectName: string; fullMarks: number | null }
export interface Exam {
  id: number; termId: number; name: string; kind: ExamKind; date: string; mode: ExamMode; note: string | null;
  gradeIds: number[]; gradeLevels: number[];
  subjects: ExamSubjectInfo[];
  /** 应考 students frozen on the exam, and how many score cells are entered. */
  students: number; cells: number;
  createdAt: string;
}

// ---- settings ----
export const ExamThresholdSchema = z.object({
  gradeLevel: z.number().int().min(1).max(9),
  passPct: z.number().gt(0).max(100),
  excellentPct: z.number().gt(0).max(100),
  lowPct: z.number().min(0).max(100),
  /** Bottom share of a class suggested as struggling-student candidates. */
  bottomPct: z.number().min(0).max(100),
});
export type ExamThreshold = z.output<typeof ExamThresholdSchema>;
export const ExamSettingsSchema = z.object({
  thresholds: z.array(ExamThresholdSchema).max(9),
  /** Per-student rank lists in printouts and exports: off unless the office deliberately enables them. */
  allowRankLists: z.boolean(),
});
export type ExamSettings = z.output<typeof ExamSettingsSchema>;

// ---- score entry ----
/** A cell as the grid shows it: a number, '缺考', a level (level mode) or null (not entered). */
export type ScoreCellValue = number | string | null;
export interface ScoreSheetRow {
  studentId: number; studentNo: string; name: string;
  /** subjectId (as a string key) -> value; AG Grid columns use field `values.<subjectId>`. */
  values: Record<string, ScoreCellValue>;
}
export interface ScoreSheet {
  examId: number; classId: number; className: string; mode: ExamMode;
  subjects: ExamSubjectInfo[];
  rows: ScoreSheetRow[];
}
const CellInput = z.union([z.number(), z.string().max(20), z.null()]);
export const SaveScoresSchema = z.object({
  examId: id,
  rows: z.array(z.object({ studentId: id, values: z.record(z.string(), CellInput) })).max(5000),
});

// ---- import ----
export const ExamImportSchema = z.object({
  examId: id,
  fileName: z.string().min(1).max(255),
  dataBase64: z.string().max(80_000_000, 'fileTooLarge'),
});
export interface ExamImportIssue {
  sheet?: string; row: number; column: string;
  /** i18n key under errors. */
  key: string; params?: Record<string, string | number>;
  /** error on a data row: that row is skipped; elsewhere (header, sheet): the file cannot be imported. */
  severity: 'error' | 'warning' | 'notice';
}
export interface ExamImportPreview {
  layout: 'perClass' | 'gradeSheet';
  sheets: { name: string; classId: number | null; className: string | null; rows: number }[];
  /** Subject columns found: header as in the file -> the exam subject. */
  subjects: { header: string; subjectId: number; subjectName: string }[];
  issues: ExamImportIssue[];
  /** skippedRows: data rows left out for their errors; fileErrors: errors that block the whole import. */
  counts: { students: number; cells: number; absent: number; errors: number; fileErrors: number; skippedRows: number; warnings: number; replaced: number };
}
export interface ExamImportResult { students: number; cells: number; skippedRows: number; backup: string }

// ---- analysis ----
export interface SubjectStats {
  expected: number;          // 应考
  takers: number;            // 实考
  absent: number;            // 缺考 marked
  participation: number | null; // 参考率
  average: number | null;    // 平均分
  passRate: number | null;   // 及格率
  excellentRate: number | null; // 优秀率
  lowRate: number | null;    // 低分率
  passCount: number; excellentCount: number; lowCount: number;
  max: number | null; min: number | null;
  sd: number | null;         // population standard deviation
  /** Level-mode exams: counts per level. */
  levels?: Record<ScoreLevel, number>;
}
export interface ClassSubjectStats extends SubjectStats {
  classId: number; className: string;
  /** Class average minus grade average (score points). */
  diffFromGrade: number | null;
}
export interface SubjectGradeAnalysis {
  subjectId: number; subjectName: string; fullMarks: number | null;
  grade: SubjectStats;
  classes: ClassSubjectStats[];
  /** Coefficient of variation of class averages (population SD / mean), null with < 2 classes with takers. */
  cv: number | null;
  /** Grade-wide histogram in 10 bins of full marks (the last bin includes full marks). */
  distribution: { from: number; to: number; count: number }[];
}
export interface GradeAnalysis {
  gradeId: number; gradeLevel: number; gradeName: string;
  thresholds: ExamThreshold;
  classes: { classId: number; className: string; expected: number }[];
  subjects: SubjectGradeAnalysis[];
}
export interface ExamAnalysis { exam: Exam; grades: GradeAnalysis[] }

// ---- trends ----
export const TrendQuerySchema = z.object({
  /** One of classId / gradeId / studentId is required: a class's, a grade's or a student's series. */
  classId: id.optional(),
  gradeId: id.optional(),
  studentId: id.optional(),
  subjectId: id.optional(),
  termIds: z.array(id).max(20).optional(),
  kinds: z.array(z.enum(EXAM_KINDS)).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export interface TrendPoint {
  examId: number; examName: string; kind: ExamKind; date: string; fullMarks: number;
  /** The class/grade average, or the student's score. */
  value: number | null;
  /** value / fullMarks, to compare exams with different full marks. */
  scoreRate: number | null;
  passRate: number | null; excellentRate: number | null; lowRate: number | null;
  gradeAverage: number | null;
  /** value minus the grade average. */
  diffFromGrade: number | null;
}
export interface TrendSeries { subjectId: number; subjectName: string; points: TrendPoint[] }

const ExamOnly = z.object({ examId: id });
const IdOnly = z.object({ id });

export const examsContract = featureContract('exams', {
  'exams/list': method(z.object({ termId: id.optional() })).returns<Exam[]>(),
  'exams/get': method(IdOnly).returns<Exam>(),
  /** Creates or updates an exam. Score mode for grades 1-2 is refused (errors.exams.lowerPrimaryNoPaper). */
  'exams/save': method(ExamSchema).returns<Exam>(),
  'exams/delete': method(IdOnly).returns<{ id: number }>(),
  /** Adds students now in the exam's grades to its roster; drops those who left and have no score. */
  'exams/syncRoster': method(IdOnly).returns<Exam>(),
  'exams/getSettings': method(Empty).returns<ExamSettings>(),
  'exams/saveSettings': method(ExamSettingsSchema).returns<ExamSettings>(),
  'exams/scores': method(z.object({ examId: id, classId: id })).returns<ScoreSheet>(),
  'exams/saveScores': method(SaveScoresSchema).returns<{ saved: number; cleared: number }>(),
  'exams/importPreview': method(ExamImportSchema).returns<ExamImportPreview>(),
  'exams/importCommit': method(ExamImportSchema).returns<ExamImportResult>(),
  'exams/analysis': method(ExamOnly).returns<ExamAnalysis>(),
  'exams/trend': method(TrendQuerySchema).returns<TrendSeries[]>(),
  /** The quality-analysis report (质量分析报告) as an editable Word file. */
  'exams/reportDocx': method(ExamOnly).returns<{ fileName: string; mime: string; dataBase64: string }>(),
});
