/** Timetables: settings per term, rooms, unavailable times, lessons and edits, taught periods, Excel interchange. */
import { z } from 'zod';
import { ArchiveSchema, FilePayloadSchema, ListSchema, TermOnly, type FilePayload, type ImportIssue } from './common';
import { featureContract, method } from './method';
import { id, isoDay, period } from './fields';


const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'badTime');
const day = z.number().int().min(1, 'badDay').max(6, 'badDay');

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

export const CONFLICT_KINDS = ['teacherClash', 'roomOverCapacity', 'teacherUnavailable', 'fixedEvent', 'dailyMax', 'overAssigned'] as const;
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

/** Checks that come from the timetabling rules (shared/domain/timetable/solver/problem.ts ruleChecks). */
export interface RuleChecks {
  /** Fixed events: a class's or a teacher's slot where no lesson may be. */
  blocked: { classId?: number; teacherId?: number; day: number; period: number; name: string }[];
  /** At most `max` lessons of the subject a day in the class. */
  dailyMax: { classId: number; subjectId: number; max: number }[];
}

export interface TimetableData {
  settings: TimetableSettings;
  lessons: Lesson[];
  conflicts: Conflict[];
  unavailable: Unavailable[];
  rooms: Room[];
  /** Fixed events and daily subject maxima from the 排课规则, for the editor's own conflict index. */
  ruleChecks: RuleChecks;
}

/**
 * Periods taught per class and subject over a date range: taught = planned - cancelled + madeUp - movedOut + movedIn
 * (停课 cancels, 补课 makes up, a 调课 pair moves a lesson out of one slot and into another; 代课 changes only the teacher).
 */
export interface TaughtRow {
  classId: number; className: string; subjectId: number; subjectName: string; weeks: number; planned: number;
  cancelled: number; madeUp: number; movedOut: number; movedIn: number; taught: number;
}
const SetCellsSchema = z.object({ termId: z.number().int().positive(), cells: z.array(CellEditSchema).min(1).max(5000) });
const ClearDaySchema = z.object({ termId: z.number().int().positive(), classId: z.number().int().positive(), day: z.number().int().min(1).max(6) });
const CopyTermSchema = z.object({ fromTermId: z.number().int().positive(), toTermId: z.number().int().positive(), classIds: z.array(z.number().int().positive()).optional() });
const DateRangeSchema = z.object({ termId: z.number().int().positive(), from: isoDay, to: isoDay });
const TimetableExportSchema = z.object({ termId: z.number().int().positive(), layout: z.enum(['classes', 'master']) });
const TimetableImportSchema = FilePayloadSchema.extend({ termId: z.number().int().positive(), layout: z.enum(['classes', 'master']) });
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

export const timetableContract = featureContract('timetable', {
  'timetable/getSettings': method(TermOnly).returns<TimetableSettings>(),
  'timetable/saveSettings': method(TimetableSettingsSchema).returns<TimetableSettings>(),
  'timetable/listRooms': method(ListSchema).returns<Room[]>(),
  'timetable/saveRoom': method(RoomSchema).returns<Room>(),
  'timetable/archiveRoom': method(ArchiveSchema).returns<Room>(),
  'timetable/unavailableList': method(TermOnly).returns<Unavailable[]>(),
  'timetable/unavailableSave': method(UnavailableSchema).returns<Unavailable[]>(),
  'timetable/get': method(TermOnly).returns<TimetableData>(),
  /** Sets cells (place, move, swap, remove, lock, undo/redo are all cell sets) in one transaction. */
  'timetable/setCells': method(SetCellsSchema).returns<EditResult>(),
  /** Clears one day of a class, keeping locked lessons. */
  'timetable/clearDay': method(ClearDaySchema).returns<EditResult>(),
  'timetable/copyFromTerm': method(CopyTermSchema).returns<{ copied: number; skipped: { className: string; subjectName: string; key: string }[] }>(),
  'timetable/taught': method(DateRangeSchema).returns<TaughtRow[]>(),
  'timetable/exportXlsx': method(TimetableExportSchema).returns<FilePayload>(),
  'timetable/importPreview': method(TimetableImportSchema).returns<TimetableImportPreview>(),
  'timetable/importCommit': method(TimetableImportSchema).returns<{ placed: number; classes: number; backup: string }>(),
});
