/**
 * The typed contract between the renderer and the core: one map from a method name to its input schema
 * and output type. Both transports (Electron IPC, browser-mode HTTP) carry exactly these methods, and core
 * validates every input with the schema before a handler sees it.
 */
import { z } from 'zod';
import { Base64FileSchema } from './upload';
import type {
  Assignment, AssignmentSummaryRow, AuditEntry, BackupInfo, Grade, SchoolClass, SchoolProfile, SchoolYear, Student,
  Subject, Teacher, TeachingGroup, Term,
} from './entities';
import {
  AssignmentSchema, ClassSchema, SchoolProfileSchema, SchoolYearSchema, StudentSchema, SubjectSchema, TeacherSchema,
  TeachingGroupSchema, TermSchema,
} from './entities';

import {
  CellEditSchema, CurriculumSaveSchema, RoomSchema, SubstitutionSchema, TimetableSettingsSchema, UnavailableSchema,
  type ComplianceResult, type Conflict, type CurriculumStandard, type LeaderLoadRow, type Lesson, type Room, type Substitution,
  type TaughtRow, type TimetableData, type TimetableSettings, type Unavailable, type WorkloadRow,
} from './timetable';

import { m } from './method';
import { routineMonthlyContract } from './routine-monthly';
import { routinePlansContract } from './routine-plans';
import { routineReportsContract } from './routine-reports';
import { examsContract } from './exams';
import { strugglingContract } from './struggling';
import { isoDaySchema } from '../domain/dates';

export * from './entities';
export * from './routine-plans';
export * from './routine-monthly';
export * from './routine-reports';
export * from './exams';
export * from './struggling';
export * from './timetable';

/** A file travelling across the boundary (exports, templates, PDFs, uploads). */
export interface FilePayload { fileName: string; mime: string; dataBase64: string }
export { MAX_UPLOAD_BYTES } from './upload';
export const FilePayloadSchema = z.object({
  fileName: z.string().min(1).max(255),
  dataBase64: Base64FileSchema,
});

export type AppState = 'ok' | 'damaged' | 'newer';
export interface AppStatus {
  state: AppState;
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  dbFile: string;
  hasSchool: boolean;
  isSample: boolean;
  operator: string | null;
  currentTermId: number | null;
  /** For 'damaged' and 'newer': what went wrong, as an i18n key under errors. */
  problemKey?: string;
  problemParams?: Record<string, string | number>;
  /** For 'damaged': backups that passed their own quick_check, newest first. */
  goodBackups?: BackupInfo[];
}

// ---- import ----
export const IMPORT_KINDS = ['teachers', 'students', 'assignments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export interface ImportField { key: string; label: string; required: boolean }
export interface ImportIssue {
  /** Row number as the user sees it in Excel (1-based, counting the title rows). */
  row: number;
  /** Column header as found in the file, or the field's label if the column is missing. */
  column: string;
  field: string;
  /** i18n key under errors.import. */
  key: string;
  params?: Record<string, string | number>;
  /** error: the row is skipped (row 0: the file cannot be imported); warning: imported, but look; notice: for information. */
  severity: 'error' | 'warning' | 'notice';
  /** The sheet the issue is on, for workbooks read sheet by sheet (timetable import: one sheet per class). */
  sheet?: string;
}
export interface ImportPreviewRow { row: number; values: Record<string, string>; action: 'insert' | 'update' | 'skip'; hasError: boolean }
export interface ImportPreview {
  kind: ImportKind;
  sheets: string[];
  sheet: string;
  encoding: 'utf-8' | 'gbk' | 'binary';
  headerRow: number;
  columns: { index: number; header: string }[];
  fields: ImportField[];
  /** field key -> column index in `columns`, or null when not mapped. */
  mapping: Record<string, number | null>;
  rows: ImportPreviewRow[];
  issues: ImportIssue[];
  /** errors: all error issues; fileErrors: those of the file itself (they block the import); skip: rows left out. */
  counts: { total: number; insert: number; update: number; skip: number; errors: number; fileErrors: number; warnings: number; notices: number };
}
const ImportRequestSchema = FilePayloadSchema.extend({
  kind: z.enum(IMPORT_KINDS),
  sheet: z.string().optional(),
  mapping: z.record(z.string(), z.number().int().min(0).nullable()).optional(),
  termId: z.number().int().positive().optional(),
});
export type ImportRequest = z.input<typeof ImportRequestSchema>;

// ---- reports ----
export const ReportParamsSchema = z.object({
  termId: z.number().int().positive().optional(),
  classIds: z.array(z.number().int().positive()).optional(),
  teacherIds: z.array(z.number().int().positive()).optional(),
  roomIds: z.array(z.number().int().positive()).optional(),
  gradeLevels: z.array(z.number().int().min(1).max(9)).optional(),
  /** Printed on timetables: 自 YYYY-MM-DD 起执行. */
  effectiveFrom: isoDaySchema.optional(),
  /** Master timetable: print the teacher's surname under the subject (default yes). */
  showTeachers: z.boolean().optional(),
  /** Compliance report basis. */
  basis: z.enum(['assignments', 'timetable', 'taught']).optional(),
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
  /** Exam reports (质量分析报告). */
  examId: z.number().int().positive().optional(),
  maskNames: z.boolean().default(false),
  maskStudentNos: z.boolean().default(false),
  /** Struggling-student printouts: the file (一生一案); the roster masks names and 学籍号 unless showFullNames. */
  fileId: z.number().int().positive().optional(),
  showFullNames: z.boolean().optional(),
  /** Monthly routine check printouts: the month, 'YYYY-MM' (teacherIds above picks the teachers). */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'badMonth').optional(),
  /** Room timetables: also print rooms without a lesson (skipped by default). */
  includeEmptyRooms: z.boolean().optional(),
});
export type ReportParams = z.input<typeof ReportParamsSchema>;
export type ReportParamKey = keyof ReportParams;

/**
 * How each report parameter is picked: declared once here, so the Reports page (and any page that prints a
 * report) draws the same picker for it. `choices` are i18n keys under tools.reports.choices.<param>.
 */
export type ReportParamKind =
  | 'term' | 'classes' | 'teachers' | 'rooms' | 'grades' | 'date' | 'switch' | 'month' | 'exam' | 'struggleFile' | 'choice';
export const REPORT_PARAM_KINDS: Record<ReportParamKey, { kind: ReportParamKind; choices?: readonly string[] }> = {
  termId: { kind: 'term' },
  classIds: { kind: 'classes' },
  teacherIds: { kind: 'teachers' },
  roomIds: { kind: 'rooms' },
  gradeLevels: { kind: 'grades' },
  effectiveFrom: { kind: 'date' },
  showTeachers: { kind: 'switch' },
  basis: { kind: 'choice', choices: ['assignments', 'timetable', 'taught'] },
  from: { kind: 'date' },
  to: { kind: 'date' },
  examId: { kind: 'exam' },
  maskNames: { kind: 'switch' },
  maskStudentNos: { kind: 'switch' },
  fileId: { kind: 'struggleFile' },
  showFullNames: { kind: 'switch' },
  month: { kind: 'month' },
  includeEmptyRooms: { kind: 'switch' },
};

export interface ReportInfo {
  id: string; titleKey: string; title: string; module: string;
  /** The parameters the report takes, in the order its pickers are shown. */
  params: ReportParamKey[];
  /** Parameters without which it cannot print (the page asks for them instead of failing). */
  required?: ReportParamKey[];
  formats: ('pdf' | 'html')[]; paper: 'A4' | 'A3'; landscape: boolean;
}

// ---- audit ----
export const AuditQuerySchema = z.object({
  entity: z.string().optional(),
  operator: z.string().optional(),
  text: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  limit: z.number().int().min(1).max(5000).default(500),
  offset: z.number().int().min(0).default(0),
});

// ---- list entities share list/save/saveMany/archive ----
const Empty = z.object({}).strict().default({});
const IdOnly = z.object({ id: z.number().int().positive() });
const ArchiveSchema = z.object({ id: z.number().int().positive(), archived: z.boolean() });
const ListSchema = z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false });

// ---- timetable inputs ----
const TermOnly = z.object({ termId: z.number().int().positive() });
const SetCellsSchema = z.object({ termId: z.number().int().positive(), cells: z.array(CellEditSchema).min(1).max(5000) });
const ClearDaySchema = z.object({ termId: z.number().int().positive(), classId: z.number().int().positive(), day: z.number().int().min(1).max(6) });
const CopyTermSchema = z.object({ fromTermId: z.number().int().positive(), toTermId: z.number().int().positive(), classIds: z.array(z.number().int().positive()).optional() });
const isoDay = isoDaySchema;
const DateRangeSchema = z.object({ termId: z.number().int().positive(), from: isoDay, to: isoDay });
const TimetableExportSchema = z.object({ termId: z.number().int().positive(), layout: z.enum(['classes', 'master']) });
const TimetableImportSchema = FilePayloadSchema.extend({ termId: z.number().int().positive(), layout: z.enum(['classes', 'master']) });
const ComplianceQuerySchema = z.object({
  termId: z.number().int().positive(),
  basis: z.enum(['assignments', 'timetable', 'taught']).default('timetable'),
  from: isoDay.optional(),
  to: isoDay.optional(),
});
const LeaderQuerySchema = z.object({ termId: z.number().int().positive(), minimum: z.number().int().min(0).max(1000).default(80) });
const SubstitutionQuerySchema = z.object({ termId: z.number().int().positive(), from: isoDay.optional(), to: isoDay.optional() });
const FetImportSchema = FilePayloadSchema.extend({ termId: z.number().int().positive() });

export interface EditResult {
  /** The lessons now at the touched cells (cells left empty are absent). */
  lessons: Lesson[];
  /** Cells that are now empty. */
  cleared: { classId: number; day: number; period: number }[];
  /** The whole school's conflicts after the edit. */
  conflicts: Conflict[];
}
export interface TimetableImportPreview {
  layout: 'classes' | 'master';
  sheets: string[];
  classes: { classId: number | null; name: string; lessons: number }[];
  issues: ImportIssue[];
  /** classes: those that will be replaced; skippedClasses: classes with an unreadable cell, left as they are. */
  counts: { lessons: number; classes: number; skippedClasses: number; errors: number; fileErrors: number; warnings: number };
}
export interface CurriculumImportPreview { standard: CurriculumStandard; issues: ImportIssue[] }
export interface GroupLoadRow { groupId: number; name: string; kind: string; teachers: number; periods: number; average: number; max: number; min: number }
export interface FetImportPreview {
  fileName: string;
  hasTimetable: boolean;
  teachers: { name: string; teacherId: number | null }[];
  /** name = the school's subject name (matched or to be created); fetName = the name in the file when it differs. */
  subjects: { name: string; subjectId: number | null; fetName?: string }[];
  /** fetNames = the FET student sets (years/groups) that became this class. */
  classes: { name: string; classId: number | null; fetNames?: string[] }[];
  activities: number;
  placed: number;
  /** The file's FET version attribute and its grid as the school's days x periods. */
  version?: string;
  grid?: { days: number; periods: number } | null;
  /** What the commit will write: teaching assignments (created + updated) and lessons. */
  assignments?: number;
  lessons?: number;
  issues: ImportIssue[];
}
export interface FetImportResult { teachersCreated: number; subjectsCreated: number; classesCreated: number; assignments: number; lessons: number; backup: string }


export const contract = {
  'app/status': m<typeof Empty, AppStatus>(Empty),
  'app/setOperator': m<z.ZodObject<{ name: z.ZodString }>, AppStatus>(z.object({ name: z.string().trim().min(1, 'required').max(30, 'tooLong') })),
  'app/loadSample': m<typeof Empty, AppStatus>(Empty),
  'app/createSchool': m<typeof SchoolProfileSchema, AppStatus>(SchoolProfileSchema),
  'app/restoreDamaged': m<z.ZodObject<{ file: z.ZodString }>, AppStatus>(z.object({ file: z.string().min(1) })),
  /** Recovery page: set the damaged (or missing) database aside and start an empty one. */
  'app/startEmpty': m<typeof Empty, AppStatus>(Empty),

  'school/getProfile': m<typeof Empty, SchoolProfile | null>(Empty),
  'school/saveProfile': m<typeof SchoolProfileSchema, SchoolProfile>(SchoolProfileSchema),

  'school/listYears': m<typeof Empty, SchoolYear[]>(Empty),
  'school/saveYear': m<typeof SchoolYearSchema, SchoolYear>(SchoolYearSchema),
  'school/listTerms': m<typeof Empty, Term[]>(Empty),
  'school/saveTerm': m<typeof TermSchema, Term>(TermSchema),
  'school/setCurrentTerm': m<typeof IdOnly, AppStatus>(IdOnly),

  'school/listGrades': m<typeof Empty, Grade[]>(Empty),
  'school/addGrade': m<z.ZodObject<{ level: z.ZodNumber }>, Grade[]>(z.object({ level: z.number().int().min(1).max(9) })),

  'school/listClasses': m<typeof ListSchema, SchoolClass[]>(ListSchema),
  'school/saveClass': m<typeof ClassSchema, SchoolClass>(ClassSchema),
  'school/saveClasses': m<z.ZodObject<{ rows: z.ZodArray<typeof ClassSchema> }>, SchoolClass[]>(z.object({ rows: z.array(ClassSchema).max(5000) })),
  'school/archiveClass': m<typeof ArchiveSchema, SchoolClass>(ArchiveSchema),

  'school/listSubjects': m<typeof ListSchema, Subject[]>(ListSchema),
  'school/saveSubject': m<typeof SubjectSchema, Subject>(SubjectSchema),
  'school/saveSubjects': m<z.ZodObject<{ rows: z.ZodArray<typeof SubjectSchema> }>, Subject[]>(z.object({ rows: z.array(SubjectSchema).max(5000) })),
  'school/archiveSubject': m<typeof ArchiveSchema, Subject>(ArchiveSchema),

  'teachers/list': m<typeof ListSchema, Teacher[]>(ListSchema),
  'teachers/save': m<typeof TeacherSchema, Teacher>(TeacherSchema),
  'teachers/saveMany': m<z.ZodObject<{ rows: z.ZodArray<typeof TeacherSchema> }>, Teacher[]>(z.object({ rows: z.array(TeacherSchema).max(5000) })),
  'teachers/archive': m<typeof ArchiveSchema, Teacher>(ArchiveSchema),

  'school/listGroups': m<typeof ListSchema, TeachingGroup[]>(ListSchema),
  'school/saveGroup': m<typeof TeachingGroupSchema, TeachingGroup>(TeachingGroupSchema),
  'school/archiveGroup': m<typeof ArchiveSchema, TeachingGroup>(ArchiveSchema),

  'students/list': m<z.ZodObject<{ includeArchived: z.ZodDefault<z.ZodBoolean>; classId: z.ZodOptional<z.ZodNumber> }>, Student[]>(
    z.object({ includeArchived: z.boolean().default(false), classId: z.number().int().positive().optional() }),
  ),
  'students/save': m<typeof StudentSchema, Student>(StudentSchema),
  'students/saveMany': m<z.ZodObject<{ rows: z.ZodArray<typeof StudentSchema> }>, Student[]>(z.object({ rows: z.array(StudentSchema).max(10000) })),
  'students/archive': m<typeof ArchiveSchema, Student>(ArchiveSchema),

  'assignments/list': m<z.ZodObject<{ termId: z.ZodNumber }>, Assignment[]>(z.object({ termId: z.number().int().positive() })),
  'assignments/save': m<typeof AssignmentSchema, Assignment>(AssignmentSchema),
  'assignments/saveMany': m<z.ZodObject<{ rows: z.ZodArray<typeof AssignmentSchema> }>, Assignment[]>(z.object({ rows: z.array(AssignmentSchema).max(10000) })),
  'assignments/delete': m<typeof IdOnly, { id: number }>(IdOnly),
  'assignments/summary': m<z.ZodObject<{ termId: z.ZodNumber; by: z.ZodEnum<{ class: 'class'; teacher: 'teacher' }> }>, AssignmentSummaryRow[]>(
    z.object({ termId: z.number().int().positive(), by: z.enum(['class', 'teacher']) }),
  ),

  'import/template': m<z.ZodObject<{ kind: z.ZodEnum<{ teachers: 'teachers'; students: 'students'; assignments: 'assignments' }> }>, FilePayload>(z.object({ kind: z.enum(IMPORT_KINDS) })),
  'import/preview': m<typeof ImportRequestSchema, ImportPreview>(ImportRequestSchema),
  'import/commit': m<typeof ImportRequestSchema, { inserted: number; updated: number; skipped: number; backup: string }>(ImportRequestSchema),
  /** The rows the import would leave out, with the reason in a last column (.xlsx). */
  'import/skippedRows': m<typeof ImportRequestSchema, FilePayload>(ImportRequestSchema),

  'export/list': m<z.ZodObject<{ list: z.ZodEnum<{ teachers: 'teachers'; students: 'students'; classes: 'classes'; subjects: 'subjects'; groups: 'groups'; assignments: 'assignments'; audit: 'audit' }>; termId: z.ZodOptional<z.ZodNumber> }>, FilePayload>(
    z.object({ list: z.enum(['teachers', 'students', 'classes', 'subjects', 'groups', 'assignments', 'audit']), termId: z.number().int().positive().optional() }),
  ),

  'reports/catalogue': m<typeof Empty, ReportInfo[]>(Empty),
  'reports/html': m<z.ZodObject<{ reportId: z.ZodString; params: typeof ReportParamsSchema }>, { html: string; title: string }>(z.object({ reportId: z.string(), params: ReportParamsSchema })),
  'reports/pdf': m<z.ZodObject<{ reportId: z.ZodString; params: typeof ReportParamsSchema }>, FilePayload & { pages: number }>(z.object({ reportId: z.string(), params: ReportParamsSchema })),

  'backup/list': m<typeof Empty, BackupInfo[]>(Empty),
  'backup/create': m<typeof Empty, BackupInfo>(Empty),
  'backup/createManual': m<z.ZodObject<{ dir: z.ZodString }>, { file: string; size: number }>(z.object({ dir: z.string().trim().min(1, 'required') })),
  'backup/restore': m<z.ZodObject<{ file: z.ZodString }>, AppStatus>(z.object({ file: z.string().min(1) })),

  'audit/list': m<typeof AuditQuerySchema, { rows: AuditEntry[]; total: number }>(AuditQuerySchema),

  // ---- timetables (see ./timetable.ts) ----
  'timetable/getSettings': m<typeof TermOnly, TimetableSettings>(TermOnly),
  'timetable/saveSettings': m<typeof TimetableSettingsSchema, TimetableSettings>(TimetableSettingsSchema),
  'timetable/listRooms': m<typeof ListSchema, Room[]>(ListSchema),
  'timetable/saveRoom': m<typeof RoomSchema, Room>(RoomSchema),
  'timetable/archiveRoom': m<typeof ArchiveSchema, Room>(ArchiveSchema),
  'timetable/unavailableList': m<typeof TermOnly, Unavailable[]>(TermOnly),
  'timetable/unavailableSave': m<typeof UnavailableSchema, Unavailable[]>(UnavailableSchema),
  'timetable/get': m<typeof TermOnly, TimetableData>(TermOnly),
  /** Sets cells (place, move, swap, remove, lock, undo/redo are all cell sets) in one transaction. */
  'timetable/setCells': m<typeof SetCellsSchema, EditResult>(SetCellsSchema),
  /** Clears one day of a class, keeping locked lessons. */
  'timetable/clearDay': m<typeof ClearDaySchema, EditResult>(ClearDaySchema),
  'timetable/copyFromTerm': m<typeof CopyTermSchema, { copied: number; skipped: { className: string; subjectName: string; key: string }[] }>(CopyTermSchema),
  'timetable/taught': m<typeof DateRangeSchema, TaughtRow[]>(DateRangeSchema),
  'timetable/exportXlsx': m<typeof TimetableExportSchema, FilePayload>(TimetableExportSchema),
  'timetable/importPreview': m<typeof TimetableImportSchema, TimetableImportPreview>(TimetableImportSchema),
  'timetable/importCommit': m<typeof TimetableImportSchema, { placed: number; classes: number; backup: string }>(TimetableImportSchema),

  'curriculum/get': m<typeof Empty, CurriculumStandard>(Empty),
  'curriculum/save': m<typeof CurriculumSaveSchema, CurriculumStandard>(CurriculumSaveSchema),
  'curriculum/resetDefault': m<typeof Empty, CurriculumStandard>(Empty),
  'curriculum/importPreview': m<typeof FilePayloadSchema, CurriculumImportPreview>(FilePayloadSchema),
  'curriculum/importCommit': m<typeof FilePayloadSchema, CurriculumStandard>(FilePayloadSchema),
  'curriculum/check': m<typeof ComplianceQuerySchema, ComplianceResult>(ComplianceQuerySchema),
  'curriculum/exportCheckXlsx': m<typeof ComplianceQuerySchema, FilePayload>(ComplianceQuerySchema),

  'workload/teachers': m<typeof TermOnly, WorkloadRow[]>(TermOnly),
  'workload/groups': m<typeof TermOnly, GroupLoadRow[]>(TermOnly),
  'workload/leaders': m<typeof LeaderQuerySchema, LeaderLoadRow[]>(LeaderQuerySchema),
  'workload/exportXlsx': m<typeof TermOnly, FilePayload>(TermOnly),
  'substitutions/list': m<typeof SubstitutionQuerySchema, Substitution[]>(SubstitutionQuerySchema),
  'substitutions/save': m<typeof SubstitutionSchema, Substitution[]>(SubstitutionSchema),
  'substitutions/delete': m<typeof IdOnly, { id: number }>(IdOnly),

  'fet/importPreview': m<typeof FetImportSchema, FetImportPreview>(FetImportSchema),
  'fet/importCommit': m<typeof FetImportSchema, FetImportResult>(FetImportSchema),
  'fet/export': m<typeof TermOnly, FilePayload>(TermOnly),

  // ---- teaching routine (see ./routine-plans.ts and ./routine-monthly.ts) ----
  ...routinePlansContract,
  ...routineMonthlyContract,
  ...routineReportsContract,

  // ---- exams and struggling-student files (see ./exams.ts and ./struggling.ts) ----
  ...examsContract,
  ...strugglingContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M]['output'];
export const METHODS = Object.keys(contract) as Method[];

/** The one API surface the renderer sees; implemented by the IPC and HTTP transports. */
export interface ApiClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: import('../errors').AppErrorShape };
