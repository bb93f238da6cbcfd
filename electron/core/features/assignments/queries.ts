/** Teaching assignments of a term as the contract's Assignment rows, by grade, class and subject order. */
import type Database from 'better-sqlite3';
import type { Assignment } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';

type Row = Record<string, unknown>;

export function listAssignments(db: Database.Database, termId: number, where = '', args: unknown[] = []): Assignment[] {
  const rows = db.prepare(
    `SELECT a.*, t.name AS teacher_name, s.name AS subject_name, s.sort_order, c.level, c.class_no
     FROM teaching_assignment a JOIN teacher t ON t.id = a.teacher_id JOIN subject s ON s.id = a.subject_id
     JOIN class_in_term c ON c.class_id = a.class_id AND c.term_id = a.term_id
     WHERE a.term_id = ? ${where} ORDER BY c.level, c.class_no, s.sort_order`,
  ).all(termId, ...args) as Row[];
  return rows.map((r) => ({
    id: r.id as number, termId: r.term_id as number, teacherId: r.teacher_id as number, classId: r.class_id as number,
    subjectId: r.subject_id as number, weeklyPeriods: r.weekly_periods as number, teacherName: r.teacher_name as string,
    className: className(r.level as number, r.class_no as number), subjectName: r.subject_name as string, gradeLevel: r.level as number,
  }));
}
