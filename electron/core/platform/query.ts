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

export interface ClassRef { id: number; level: number; classNo: number; name: string; archived: boolean }

/** Every class with its grade level and display name (七年级(1)班), archived ones included, by grade and number. */
export function classRefs(db: Database.Database): ClassRef[] {
  const rows = db.prepare('SELECT c.id, g.level, c.class_no, c.archived FROM class c JOIN grade g ON g.id = c.grade_id ORDER BY g.level, c.class_no')
    .all() as { id: number; level: number; class_no: number; archived: number }[];
  return rows.map((r) => ({ id: r.id, level: r.level, classNo: r.class_no, name: className(r.level, r.class_no), archived: r.archived === 1 }));
}

/** One class by id, or null. */
export function classRef(db: Database.Database, classId: number): ClassRef | null {
  const r = db.prepare('SELECT c.id, g.level, c.class_no, c.archived FROM class c JOIN grade g ON g.id = c.grade_id WHERE c.id = ?')
    .get(classId) as { id: number; level: number; class_no: number; archived: number } | undefined;
  return r ? { id: r.id, level: r.level, classNo: r.class_no, name: className(r.level, r.class_no), archived: r.archived === 1 } : null;
}
