/**
 * The one way a student row is written, whether typed on the students page or imported from a roster: the
 * same stored form of the 学籍号 (a bare valid ID number gets its G prefix), the same "is this student already
 * here" look-up (with or without the prefix), and the same columns.
 */
import type Database from 'better-sqlite3';
import { checkStudentNo } from '../../../../shared/domain/student-no';
import { enrollmentSync } from './enrollment';

/** The 学籍号 as stored: `G` + a bare valid 18-character ID number, anything else as given. */
export function storedStudentNo(no: string): string {
  return checkStudentNo(no).value;
}

/** Every stored 学籍号 -> student id, for matching a whole roster at once. */
export function studentIdsByNo(db: Database.Database): Map<string, number> {
  return new Map((db.prepare('SELECT id, student_no AS no FROM student').all() as { id: number; no: string }[]).map((r) => [r.no, r.id]));
}

/** The student with this (stored) 学籍号; a student stored before without the G prefix is the same student. */
export function findStudentId(ids: Map<string, number>, studentNo: string): number | null {
  return ids.get(studentNo) ?? (studentNo.startsWith('G') ? ids.get(studentNo.slice(1)) : undefined) ?? null;
}

/** A student as an import writes it: a null field keeps what the database has. */
export interface StudentWrite {
  action: 'insert' | 'update'; id: number | null; studentNo: string; name: string; gender: string | null;
  birthDate: string | null; classId: number | null; leftBehind: number | null; migrant: number | null;
  disability: number | null; hardship: number | null; note: string | null;
}

/**
 * Writes many students in the caller's transaction with two prepared statements (a roster of thousands in
 * one go). On update a null value keeps what is stored; the name is always taken from the row. A student who
 * joins or changes class gets the stretch in the history from `today`.
 */
export function writeStudents(db: Database.Database, rows: StudentWrite[], today: string): { inserted: number; updated: number } {
  const ins = db.prepare(`INSERT INTO student (student_no, name, gender, birth_date, class_id, left_behind, migrant, disability, hardship, note)
    VALUES (@studentNo, @name, @gender, @birthDate, @classId, COALESCE(@leftBehind, 0), COALESCE(@migrant, 0), COALESCE(@disability, 0), COALESCE(@hardship, 0), @note)`);
  const upd = db.prepare(`UPDATE student SET name = @name, gender = COALESCE(@gender, gender), birth_date = COALESCE(@birthDate, birth_date),
    class_id = COALESCE(@classId, class_id), left_behind = COALESCE(@leftBehind, left_behind), migrant = COALESCE(@migrant, migrant),
    disability = COALESCE(@disability, disability), hardship = COALESCE(@hardship, hardship), note = COALESCE(@note, note) WHERE id = @id`);
  let inserted = 0;
  let updated = 0;
  const syncEnrollment = enrollmentSync(db);
  for (const row of rows) {
    const id = row.action === 'insert' ? Number(ins.run(row).lastInsertRowid) : (upd.run(row), row.id!);
    if (row.action === 'insert') inserted++; else updated++;
    syncEnrollment(id, today);
  }
  return { inserted, updated };
}
