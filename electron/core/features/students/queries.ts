/** Students as the contract's Student rows, by grade, class and 学籍号. */
import type Database from 'better-sqlite3';
import type { Student } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import { classLevelSql } from '../../platform/query';
import { pinyinInitials } from '../../../../shared/domain/pinyin';

type Row = Record<string, unknown>;
const bool = (v: unknown) => v === 1 || v === true;

export function listStudents(db: Database.Database, includeArchived: boolean, where = '', args: unknown[] = []): Student[] {
  const rows = db.prepare(
    // The class now, named for the newest school year (the year student.class_id belongs to).
    `SELECT s.*, ${classLevelSql('c', 'y')} AS level, c.class_no FROM student s
     LEFT JOIN class c ON c.id = s.class_id LEFT JOIN (SELECT start_year FROM school_year ORDER BY start_year DESC LIMIT 1) y
     WHERE (? OR s.archived = 0) ${where} ORDER BY level, c.class_no, s.student_no`,
  ).all(includeArchived ? 1 : 0, ...args) as Row[];
  return rows.map((r) => ({
    id: r.id as number, studentNo: r.student_no as string, name: r.name as string, gender: (r.gender as Student['gender']) ?? null,
    birthDate: (r.birth_date as string) ?? null, classId: (r.class_id as number) ?? null,
    className: r.level ? className(r.level as number, r.class_no as number) : null, gradeLevel: (r.level as number) ?? null,
    leftBehind: bool(r.left_behind), migrant: bool(r.migrant), disability: bool(r.disability), hardship: bool(r.hardship),
    status: r.status as Student['status'], note: (r.note as string) ?? null, archived: bool(r.archived),
    pinyinInitials: pinyinInitials(r.name as string),
  }));
}
