/**
 * The look-ups every feature needs, written once: the school's name and type, the current term, a term by id
 * (with its name and last teaching day), and class names. Features read their own tables themselves; these
 * are the shared ones.
 */
import type Database from 'better-sqlite3';
import type { SchoolType } from '../../../shared/domain/constants';
import { className } from '../../../shared/domain/constants';
import { termEnd } from '../../../shared/domain/timetable/taught';
import { AppError } from '../../../shared/errors';

/** 2025-2026学年 + 1 -> 2025-2026学年第一学期. */
export function termName(schoolYearName: string, termNo: number): string {
  return `${schoolYearName}${termNo === 1 ? '第一学期' : '第二学期'}`;
}

export interface TermRow {
  id: number;
  schoolYearId: number;
  schoolYearName: string;
  termNo: number;
  /** 2025-2026学年第一学期 */
  name: string;
  startDate: string;
  teachingWeeks: number;
  /** The last day of the last teaching week (termEnd). */
  endDate: string;
}

export function findTerm(db: Database.Database, termId: number): TermRow | null {
  const r = db.prepare(
    `SELECT t.id, t.school_year_id, y.name AS year_name, t.term_no, t.start_date, t.teaching_weeks
     FROM term t JOIN school_year y ON y.id = t.school_year_id WHERE t.id = ?`,
  ).get(termId) as { id: number; school_year_id: number; year_name: string; term_no: number; start_date: string; teaching_weeks: number } | undefined;
  if (!r) return null;
  return {
    id: r.id, schoolYearId: r.school_year_id, schoolYearName: r.year_name, termNo: r.term_no, name: termName(r.year_name, r.term_no),
    startDate: r.start_date, teachingWeeks: r.teaching_weeks, endDate: termEnd(r.start_date, r.teaching_weeks),
  };
}

/**
 * The term, or NOT_FOUND with `key` (default 'termNotFound'); with `field` the error also points at that
 * input field, so a form can mark it.
 */
export function requireTerm(db: Database.Database, termId: number, opts: { key?: string; field?: string } = {}): TermRow {
  const t = findTerm(db, termId);
  if (t) return t;
  const key = opts.key ?? 'termNotFound';
  throw new AppError('NOT_FOUND', key, { id: termId, termId }, opts.field ? [{ path: [opts.field], key }] : undefined);
}

/** The current term chosen in the header, or null before a school exists. */
export function currentTermId(ctx: { getSetting(key: string): string | null }): number | null {
  const v = Number(ctx.getSetting('currentTermId'));
  return Number.isInteger(v) && v > 0 ? v : null;
}

/** The school's name ('' before a school exists). */
export function schoolName(db: Database.Database): string {
  return (db.prepare('SELECT name FROM school WHERE id = 1').get() as { name: string } | undefined)?.name ?? '';
}

/** The school's type; a database without a school is treated as a middle school (初中). */
export function schoolType(db: Database.Database): SchoolType {
  return (db.prepare('SELECT type FROM school WHERE id = 1').get() as { type: SchoolType } | undefined)?.type ?? '初中';
}

/** The school year a term belongs to, or null. */
export function schoolYearOfTerm(db: Database.Database, termId: number): number | null {
  return (db.prepare('SELECT school_year_id AS y FROM term WHERE id = ?').get(termId) as { y: number } | undefined)?.y ?? null;
}

/**
 * The school year the screens show: the current term's (the header's term picker), else the newest year, else
 * null before a school exists. Lists of "today's" classes, groups and head teachers are of this year.
 */
export function currentSchoolYearId(ctx: { db: Database.Database; getSetting(key: string): string | null }): number | null {
  const termId = currentTermId(ctx);
  const y = termId ? schoolYearOfTerm(ctx.db, termId) : null;
  return y ?? newestSchoolYearId(ctx.db);
}

/** The newest school year: the one `student.class_id` ("the class now") belongs to. */
export function newestSchoolYearId(db: Database.Database): number | null {
  return (db.prepare('SELECT id FROM school_year ORDER BY start_year DESC LIMIT 1').get() as { id: number } | undefined)?.id ?? null;
}

/**
 * WHERE fragment for "the students of class ? in school year ?" on `student` alias `s`, with its arguments:
 * for the newest year the class's students now (在读); for a past year those who ended that year in the class
 * (promoted or graduated from it, or still there), from the enrollment history.
 */
export function studentsOfClassInYear(db: Database.Database, classId: number, schoolYearId: number): { where: string; args: unknown[] } {
  if (schoolYearId === newestSchoolYearId(db)) return { where: `s.class_id = ? AND s.archived = 0 AND s.status = '在读'`, args: [classId] };
  return {
    where: `s.id IN (SELECT e.student_id FROM student_enrollment e WHERE e.class_id = ? AND e.school_year_id = ?
              AND (e.to_date IS NULL OR e.end_change IN ('升级', '毕业')))`,
    args: [classId, schoolYearId],
  };
}

/** How many students studentsOfClassInYear gives (the class list's count, the printed roster's length). */
export function studentCountOfClassInYear(db: Database.Database, classId: number, schoolYearId: number): number {
  const { where, args } = studentsOfClassInYear(db, classId, schoolYearId);
  return (db.prepare(`SELECT COUNT(*) AS n FROM student s WHERE ${where}`).get(...args) as { n: number }).n;
}

/**
 * SQL of a class's grade level in a school year, from the class row `c` and the school_year row `y`. For a
 * class that may be missing (LEFT JOIN class): SQLite does not flatten a view on the right of a LEFT JOIN but
 * builds all of it (every class x every year), which made a 5,000-row list 70 ms; an inner join of the views
 * is flattened and fast.
 */
export function classLevelSql(c: string, y: string): string {
  return `(${c}.entry_level + ${y}.start_year - ${c}.entry_year)`;
}

export interface ClassRef { id: number; level: number; classNo: number; name: string; archived: boolean; entryYear: number }

interface ClassRefRow { id: number; level: number; class_no: number; archived: number; entry_year: number }
const toClassRef = (r: ClassRefRow): ClassRef => ({
  id: r.id, level: r.level, classNo: r.class_no, name: className(r.level, r.class_no), archived: r.archived === 1, entryYear: r.entry_year,
});

/** One class by id, named for the school year (its grade then), or null. */
export function classRef(db: Database.Database, classId: number, schoolYearId: number | null): ClassRef | null {
  const r = db.prepare(
    `SELECT class_id AS id, level, class_no, archived, entry_year FROM class_in_year WHERE class_id = ? AND school_year_id = ?`,
  ).get(classId, schoolYearId ?? -1) as ClassRefRow | undefined;
  return r ? toClassRef(r) : null;
}

/** A school year's span: its first term's first day to its last term's last teaching day. */
export function schoolYearSpan(db: Database.Database, schoolYearId: number): { from: string; to: string } {
  const terms = db.prepare('SELECT id FROM term WHERE school_year_id = ? ORDER BY term_no').all(schoolYearId) as { id: number }[];
  if (!terms.length) throw new AppError('NOT_FOUND', 'notFound', { entity: 'schoolYear', id: schoolYearId });
  const rows = terms.map((t) => requireTerm(db, t.id));
  return { from: rows[0].startDate, to: rows[rows.length - 1].endDate };
}
