/**
 * Writing cohort classes (届), shared by the school's class form, the FET import, the sample school and the
 * new-year roll-over. Reading them by year is `class_in_year` / `class_in_term` (see query.ts).
 */
import type Database from 'better-sqlite3';
import { entryLevelFor, entryYearAt } from '../../../shared/domain/cohort';
import { schoolType } from './query';

/** The cohort that is at `level` in the school year: entered at the school's entry level (or this level, if lower). */
export function cohortAt(db: Database.Database, schoolYearId: number, level: number): { entryYear: number; entryLevel: number } {
  const { start_year: startYear } = db.prepare('SELECT start_year FROM school_year WHERE id = ?').get(schoolYearId) as { start_year: number };
  const entryLevel = Math.min(level, entryLevelFor(schoolType(db)));
  return { entryYear: entryYearAt(level, entryLevel, startYear), entryLevel };
}

/**
 * A new class that is at `level` in the school year: the cohort entered at the school's entry level (or at
 * this level, if lower) in the year the arithmetic gives. Its head teacher, if given, is this year's.
 */
export function insertCohortClass(db: Database.Database, schoolYearId: number, level: number, classNo: number, headTeacherId: number | null = null): number {
  const c = cohortAt(db, schoolYearId, level);
  const id = Number(db.prepare('INSERT INTO class (entry_year, entry_level, class_no) VALUES (?, ?, ?)')
    .run(c.entryYear, c.entryLevel, classNo).lastInsertRowid);
  setHeadTeacher(db, id, schoolYearId, headTeacherId);
  return id;
}

/** The class's head teacher in the school year (null clears). */
export function setHeadTeacher(db: Database.Database, classId: number, schoolYearId: number, headTeacherId: number | null): void {
  db.prepare(
    `INSERT INTO class_year (class_id, school_year_id, head_teacher_id) VALUES (?, ?, ?)
     ON CONFLICT (class_id, school_year_id) DO UPDATE SET head_teacher_id = excluded.head_teacher_id`,
  ).run(classId, schoolYearId, headTeacherId);
}
