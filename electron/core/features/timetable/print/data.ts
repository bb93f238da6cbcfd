/**
 * Reads a term's timetable for the printouts and the Excel interchange: settings, classes, and the placed
 * lessons joined to subject, teacher and room names. Plain SQL against the 0003 schema so the printouts do
 * not depend on the editor's handlers.
 */
import type { TimetableSettings } from '../../../../../shared/contract';
import { className, type SchoolType } from '../../../../../shared/domain/constants';
import { periodTimes, sectionOfGrade, type PeriodTime } from '../../../../../shared/domain/timetable/settings';
import type { CoreContext } from '../../../platform/context';
import { schoolType } from '../../../platform/query';
import { loadSettings } from '../queries';

export const DAY_NAMES = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;
/** 七年级 -> 七, for compact class labels (七(1)班) in teacher, room and master grids. */
const GRADE_SHORT = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export interface TtClass { id: number; level: number; no: number; name: string; shortName: string; headTeacher: string | null }
export interface TtLesson {
  classId: number; day: number; period: number; assignmentId: number;
  subjectId: number; subjectName: string; subjectShort: string;
  teacherId: number; teacherName: string; roomId: number | null; roomName: string | null; combinedKey: string | null;
}
export interface TtData {
  schoolType: SchoolType;
  settings: TimetableSettings;
  /** The term's first day (YYYY-MM-DD), the default "effective from" date. */
  termStart: string | null;
  classes: TtClass[];
  lessons: TtLesson[];
}

export function shortClassName(level: number, no: number): string {
  return `${GRADE_SHORT[level] ?? level}(${no})班`;
}

/** The classes running in the term's school year, named for it, in grade then class order. */
export function loadClasses(ctx: CoreContext, termId: number): TtClass[] {
  const rows = ctx.db.prepare(
    `SELECT ct.class_id AS id, ct.level, ct.class_no, t.name AS head
       FROM class_in_term ct LEFT JOIN teacher t ON t.id = ct.head_teacher_id
      WHERE ct.term_id = ? AND ct.active ORDER BY ct.level, ct.class_no`,
  ).all(termId) as { id: number; level: number; class_no: number; head: string | null }[];
  return rows.map((r) => ({
    id: r.id, level: r.level, no: r.class_no, name: className(r.level, r.class_no),
    shortName: shortClassName(r.level, r.class_no), headTeacher: r.head,
  }));
}

export function loadLessons(ctx: CoreContext, termId: number): TtLesson[] {
  const rows = ctx.db.prepare(
    `SELECT l.class_id, l.day, l.period, l.assignment_id, s.id AS subject_id, s.name AS subject_name, s.short_name,
            t.id AS teacher_id, t.name AS teacher_name, l.room_id, r.name AS room_name, l.combined_key
       FROM lesson l
       JOIN teaching_assignment a ON a.id = l.assignment_id
       JOIN subject s ON s.id = a.subject_id
       JOIN teacher t ON t.id = a.teacher_id
       LEFT JOIN room r ON r.id = l.room_id
      WHERE l.term_id = ?
      ORDER BY l.class_id, l.day, l.period`,
  ).all(termId) as {
    class_id: number; day: number; period: number; assignment_id: number; subject_id: number; subject_name: string;
    short_name: string | null; teacher_id: number; teacher_name: string; room_id: number | null; room_name: string | null; combined_key: string | null;
  }[];
  return rows.map((r) => ({
    classId: r.class_id, day: r.day, period: r.period, assignmentId: r.assignment_id,
    subjectId: r.subject_id, subjectName: r.subject_name, subjectShort: r.short_name || r.subject_name,
    teacherId: r.teacher_id, teacherName: r.teacher_name, roomId: r.room_id, roomName: r.room_name, combinedKey: r.combined_key,
  }));
}

export function loadTimetable(ctx: CoreContext, termId: number): TtData {
  const type = schoolType(ctx.db);
  const term = ctx.db.prepare('SELECT start_date FROM term WHERE id = ?').get(termId) as { start_date: string } | undefined;
  return {
    schoolType: type,
    settings: loadSettings(ctx.db, termId),
    termStart: term?.start_date ?? null,
    classes: loadClasses(ctx, termId),
    lessons: loadLessons(ctx, termId),
  };
}

/** Period clock times for a set of grade levels: start-end when they share a lesson length, else start only. */
export function timesFor(settings: TimetableSettings, levels: number[]): { no: number; part: 'morning' | 'afternoon'; label: string }[] {
  const sections = new Set(levels.map(sectionOfGrade));
  const one = sections.size === 1 ? [...sections][0] : null;
  const times: PeriodTime[] = periodTimes(settings, one ?? 'middle');
  return times.map((t) => ({ no: t.no, part: t.part, label: one ? `${t.start}-${t.end}` : t.start }));
}

export { surnameOf } from '../../../../../shared/domain/short-names';

/** Key of a cell in a weekly grid. */
export const slotKey = (day: number, period: number) => `${day}:${period}`;

/** Groups rows by a key, keeping first-seen order (Map.groupBy is not in Node 20). */
export function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
