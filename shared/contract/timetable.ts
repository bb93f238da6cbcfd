/**
 * Timetable contract: settings per term, rooms, unavailable times, lessons and edits, the curriculum standard
 * (开齐开足), compliance, workloads, substitutions, Excel and FET interchange.
 */
import { z } from 'zod';
import { isoDaySchema } from '../domain/dates';

const id = z.number().int().positive();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'badTime');
const day = z.number().int().min(1, 'badDay').max(6, 'badDay');
const period = z.number().int().min(1, 'badPeriod').max(14, 'badPeriod');

export const PeriodDefSchema = z.object({ no: period, part: z.enum(['morning', 'afternoon']), start: hhmm });
export const BreakDefSchema = z.object({
  name: z.string().trim().min(1, 'required').max(20, 'tooLong'),
  /** The break comes after this period (0 = before the first period, e.g. 早读). */
  afterPeriod: z.number().int().min(0).max(14),
  start: hhmm,
  end: hhmm,
});
export const TimetableSettingsSchema = z.object({
  termId: id,
  daysPerWeek: z.union([z.literal(5), z.literal(6)]),
  periods: z.array(PeriodDefSchema).min(1, 'tooSmall').max(14, 'tooBig'),
  breaks: z.array(BreakDefSchema).max(10).default([]),
  /** Lesson length: 40 minutes in primary grades and 45 in middle grades by default (nine-year schools use both). */
  lessonMinutes: z.object({ primary: z.number().int().min(20).max(90), middle: z.number().int().min(20).max(90) }),
});
export type PeriodDef = z.output<typeof PeriodDefSchema>;
export type BreakDef = z.output<typeof BreakDefSchema>;
export type TimetableSettings = z.output<typeof TimetableSettingsSchema>;

export const ROOM_KINDS = ['音乐室', '美术室', '微机室', '实验室', '操场', '其他'] as const;
export const RoomSchema = z.object({
  id: id.optional(),
  name: z.string().trim().min(1, 'required').max(30, 'tooLong'),
  kind: z.enum(ROOM_KINDS),
  /** How many classes the room holds at once (操场 often several). */
  capacity: z.number().int().min(1, 'tooSmall').max(20, 'tooBig'),
  subjectIds: z.array(id).default([]),
});
export interface Room { id: number; name: string; kind: (typeof ROOM_KINDS)[number]; capacity: number; subjectIds: number[]; subjectNames: string[]; archived: boolean }

export const UnavailableSchema = z.object({
  termId: id,
  teacherId: id,
  slots: z.array(z.object({ day, period, reason: z.string().max(50).nullish().transform((v) => v ?? null) })).max(84),
});
export interface Unavailable { id: number; teacherId: number; teacherName: string; day: number; period: number; reason: string | null }

export interface Lesson {
  id: number; termId: number; classId: number; className: string; gradeLevel: number; day: number; period: number;
  assignmentId: number; subjectId: number; subjectName: string; subjectShort: string; teacherId: number; teacherName: string;
  roomId: number | null; roomName: string | null; locked: boolean; combinedKey: string | null;
}

export const CONFLICT_KINDS = ['teacherClash', 'roomOverCapacity', 'teacherUnavailable', 'overAssigned'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
/** One conflict, located at a slot (day, period) and the classes/lessons involved. key = i18n key under timetable.conflicts. */
export interface Conflict {
  /** Stable identity, e.g. 'teacherClash:t12:d1p3'. */
  id: string;
  kind: ConflictKind;
  day: number | null;
  period: number | null;
  classIds: number[];
  lessonIds: number[];
  teacherId?: number;
  roomId?: number;
  subjectId?: number;
  /** overAssigned: the assignment with too many lessons placed. */
  assignmentId?: number;
  params: Record<string, string | number>;
}

export const LessonInputSchema = z.object({
  assignmentId: id,
  roomId: id.nullish().transform((v) => v ?? null),
  locked: z.boolean().default(false),
  combinedKey: z.string().trim().max(30).nullish().transform((v) => (v ? v : null)),
});
export const CellEditSchema = z.object({ classId: id, day, period, lesson: LessonInputSchema.nullable() });
export type CellEdit = z.input<typeof CellEditSchema>;

export interface TimetableData {
  settings: TimetableSettings;
  lessons: Lesson[];
  conflicts: Conflict[];
  unavailable: Unavailable[];
  rooms: Room[];
}

// ---- 开齐开足 ----
export interface CurriculumStandard {
  /** Where the default came from, shown in the UI (e.g. 义务教育课程方案（2022年版） + a province's 课程设置表). */
  source: string;
  grades: { level: number; total: number; subjects: { subjectId: number; subjectName: string; periods: number }[] }[];
}
export const CurriculumSaveSchema = z.object({
  source: z.string().trim().max(200).default(''),
  grades: z.array(z.object({
    level: z.number().int().min(1).max(9),
    total: z.number().int().min(0).max(60),
    subjects: z.array(z.object({ subjectId: id, periods: z.number().int().min(0).max(20) })),
  })),
});
export type ComplianceStatus = 'ok' | 'missing' | 'below' | 'above' | 'totalWrong';
export interface ComplianceClassRow {
  classId: number; className: string; gradeLevel: number; total: number; requiredTotal: number;
  status: 'ok' | 'problem';
  subjects: { subjectId: number; subjectName: string; required: number; actual: number; status: ComplianceStatus }[];
  problems: { key: string; params: Record<string, string | number> }[];
}
export interface ComplianceResult {
  basis: 'assignments' | 'timetable' | 'taught';
  classes: ComplianceClassRow[];
  grades: { level: number; classes: number; okClasses: number }[];
  /** Nine-year share of each subject group for the school, against the national range (information only). */
  shares: { group: string; percent: number; min: number; max: number; /** The same share computed from the standard itself. */ requiredPercent?: number }[];
}

// ---- workloads and substitutions ----
export interface WorkloadRow {
  teacherId: number; teacherName: string; subjectName: string | null; roles: string[]; groupNames: string[];
  planned: number; scheduled: number; classes: string;
}
export interface LeaderLoadRow { teacherId: number; teacherName: string; roles: string[]; weekly: number; yearTotal: number; minimum: number; ok: boolean }
export const SUBSTITUTION_KINDS = ['代课', '调课', '停课', '补课'] as const;
export const SubstitutionSchema = z.object({
  id: id.optional(),
  termId: id,
  date: isoDaySchema,
  period,
  classId: id,
  subjectId: id,
  kind: z.enum(SUBSTITUTION_KINDS),
  originalTeacherId: id.nullish().transform((v) => v ?? null),
  substituteTeacherId: id.nullish().transform((v) => v ?? null),
  reason: z.string().trim().max(100).nullish().transform((v) => (v ? v : null)),
  /** For 调课: the lesson it is swapped with (date, period), recorded as the paired row. */
  swapWith: z.object({ date: isoDaySchema, period, subjectId: id, teacherId: id.nullish() }).nullish(),
});
export interface Substitution {
  id: number; termId: number; date: string; period: number; classId: number; className: string; subjectId: number; subjectName: string;
  kind: (typeof SUBSTITUTION_KINDS)[number]; originalTeacherId: number | null; originalTeacherName: string | null;
  substituteTeacherId: number | null; substituteTeacherName: string | null; swapId: number | null; reason: string | null;
}
/**
 * Periods taught per class and subject over a date range: taught = planned - cancelled + madeUp - movedOut + movedIn
 * (停课 cancels, 补课 makes up, a 调课 pair moves a lesson out of one slot and into another; 代课 changes only the teacher).
 */
export interface TaughtRow {
  classId: number; className: string; subjectId: number; subjectName: string; weeks: number; planned: number;
  cancelled: number; madeUp: number; movedOut: number; movedIn: number; taught: number;
}
