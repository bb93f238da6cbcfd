/** Writes analysed import rows: one transaction, prepared statements, insert new and update existing (students through the students feature). */
import type Database from 'better-sqlite3';
import type { ImportKind } from '../../../../shared/contract';
import { writeStudents } from '../students/service';
import { writeTrainingEntries, type TrainingOp } from '../training/service';
import type { AssignmentOp, ImportOp, StudentOp, TeacherOp } from './analyze';

/**
 * Runs inside the caller's transaction. On update a null value keeps what the database has. Ops are bound by
 * name; better-sqlite3 ignores keys a statement does not use (action, id on insert).
 */
export function writeOps(db: Database.Database, kind: ImportKind, ops: ImportOp[], today: string): { inserted: number; updated: number } {
  let inserted = 0;
  let updated = 0;
  if (kind === 'students') {
    return writeStudents(db, ops as StudentOp[], today);
  } else if (kind === 'training') {
    return writeTrainingEntries(db, ops as TrainingOp[], today);
  } else if (kind === 'teachers') {
    const ins = db.prepare(`INSERT INTO teacher (staff_no, name, gender, birth_date, phone, subject_id, title, degree, certificate, certified, backbone_level, roles, is_pe_arts, hire_date, note)
      VALUES (@staffNo, @name, @gender, @birthDate, @phone, @subjectId, @title, @degree, @certificate, COALESCE(@certified, 1), COALESCE(@backboneLevel, '无'),
        COALESCE(@roles, '["任课教师"]'), COALESCE(@isPeArts, 0), @hireDate, @note)`);
    const upd = db.prepare(`UPDATE teacher SET name = @name, staff_no = COALESCE(@staffNo, staff_no), gender = COALESCE(@gender, gender),
      birth_date = COALESCE(@birthDate, birth_date), phone = COALESCE(@phone, phone), subject_id = COALESCE(@subjectId, subject_id),
      title = COALESCE(@title, title), degree = COALESCE(@degree, degree), certificate = COALESCE(@certificate, certificate),
      certified = COALESCE(@certified, certified), backbone_level = COALESCE(@backboneLevel, backbone_level), roles = COALESCE(@roles, roles),
      is_pe_arts = COALESCE(@isPeArts, is_pe_arts), hire_date = COALESCE(@hireDate, hire_date), note = COALESCE(@note, note) WHERE id = @id`);
    for (const op of ops as TeacherOp[]) {
      if (op.action === 'insert') { ins.run(op); inserted++; } else { upd.run(op); updated++; }
    }
  } else {
    const ins = db.prepare(`INSERT INTO teaching_assignment (term_id, teacher_id, class_id, subject_id, weekly_periods)
      VALUES (@termId, @teacherId, @classId, @subjectId, @weeklyPeriods)`);
    const upd = db.prepare('UPDATE teaching_assignment SET weekly_periods = @weeklyPeriods WHERE id = @id');
    for (const op of ops as AssignmentOp[]) {
      if (op.action === 'insert') { ins.run(op); inserted++; } else { upd.run({ id: op.id, weeklyPeriods: op.weeklyPeriods }); updated++; }
    }
  }
  return { inserted, updated };
}
