/**
 * Classes for hand-made test schools: a cohort class that is at `level` in the school year (entered that
 * year at that level), with that year's head teacher. Tests of the cohort arithmetic itself make their own.
 */
import type Database from 'better-sqlite3';

export function insertTestClass(
  db: Database.Database,
  c: { id?: number; level: number; classNo: number; headTeacherId?: number | null; schoolYearId?: number },
): number {
  const yearId = c.schoolYearId ?? 1;
  const { start_year: startYear } = db.prepare('SELECT start_year FROM school_year WHERE id = ?').get(yearId) as { start_year: number };
  const id = Number(db.prepare('INSERT INTO class (id, entry_year, entry_level, class_no) VALUES (?, ?, ?, ?)')
    .run(c.id ?? null, startYear, c.level, c.classNo).lastInsertRowid);
  db.prepare('INSERT INTO class_year (class_id, school_year_id, head_teacher_id) VALUES (?, ?, ?)').run(id, yearId, c.headTeacherId ?? null);
  return id;
}
