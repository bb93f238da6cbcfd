/** Score entry per class (the AG Grid sheet): load one class's cells, save edited rows in one transaction. */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { ABSENT_MARK, type Exam, type SaveScoresSchema, type ScoreSheet, type ScoreSheetRow } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import { parseScoreCell, type ParsedCell } from '../../../../shared/domain/exams/values';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { assertTermWritable } from '../../platform/term-lock';
import { getExam } from './exams';

/** The class's name in the exam's term. */
export function loadClassName(db: Database.Database, classId: number, termId: number): string {
  const c = db.prepare('SELECT level, class_no FROM class_in_term WHERE class_id = ? AND term_id = ?').get(classId, termId) as
    { level: number; class_no: number } | undefined;
  if (!c) throw new AppError('NOT_FOUND', 'exams.classNotFound', { id: classId });
  return className(c.level, c.class_no);
}

export function scoreSheet(ctx: CoreContext, examId: number, classId: number): ScoreSheet {
  const { db } = ctx;
  const exam = getExam(db, examId);
  const name = loadClassName(db, classId, exam.termId);
  const students = db.prepare(
    `SELECT s.id, s.student_no, s.name FROM exam_student es JOIN student s ON s.id = es.student_id
     WHERE es.exam_id = ? AND es.class_id = ? ORDER BY s.student_no`,
  ).all(examId, classId) as { id: number; student_no: string; name: string }[];
  const rows = new Map<number, ScoreSheetRow>();
  for (const s of students) {
    const values: ScoreSheetRow['values'] = {};
    for (const sub of exam.subjects) values[String(sub.subjectId)] = null;
    rows.set(s.id, { studentId: s.id, studentNo: s.student_no, name: s.name, values });
  }
  const cells = db.prepare(
    `SELECT c.student_id, c.subject_id, c.score, c.absent, c.level FROM score c
     JOIN exam_student es ON es.exam_id = c.exam_id AND es.student_id = c.student_id
     WHERE c.exam_id = ? AND es.class_id = ?`,
  ).all(examId, classId) as { student_id: number; subject_id: number; score: number | null; absent: number; level: string | null }[];
  for (const c of cells) {
    const row = rows.get(c.student_id);
    if (row) row.values[String(c.subject_id)] = c.absent ? ABSENT_MARK : (c.level ?? c.score);
  }
  return { examId, classId, className: name, mode: exam.mode, subjects: exam.subjects, rows: [...rows.values()] };
}

/** Statements that write one cell; shared by score entry and import. */
export function cellWriters(db: Database.Database) {
  const upsert = db.prepare(
    `INSERT INTO score (exam_id, student_id, subject_id, score, absent, level) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (exam_id, student_id, subject_id) DO UPDATE SET score = excluded.score, absent = excluded.absent, level = excluded.level`,
  );
  const remove = db.prepare('DELETE FROM score WHERE exam_id = ? AND student_id = ? AND subject_id = ?');
  return {
    write(examId: number, studentId: number, subjectId: number, cell: ParsedCell): 'saved' | 'cleared' | 'skip' {
      switch (cell.kind) {
        case 'score': upsert.run(examId, studentId, subjectId, cell.value, 0, null); return 'saved';
        case 'level': upsert.run(examId, studentId, subjectId, null, 0, cell.value); return 'saved';
        case 'absent': upsert.run(examId, studentId, subjectId, null, 1, null); return 'saved';
        case 'blank': return remove.run(examId, studentId, subjectId).changes ? 'cleared' : 'skip';
        default: return 'skip';
      }
    },
  };
}

export function saveScores(ctx: CoreContext, input: z.output<typeof SaveScoresSchema>): { saved: number; cleared: number } {
  const { db } = ctx;
  const exam: Exam = getExam(db, input.examId);
  assertTermWritable(db, exam.termId);
  const subjects = new Map(exam.subjects.map((s) => [String(s.subjectId), s]));
  const onRoster = new Set((db.prepare('SELECT student_id FROM exam_student WHERE exam_id = ?').pluck().all(input.examId) as number[]));
  const issues: FieldIssue[] = [];
  const writes: { studentId: number; subjectId: number; cell: ParsedCell }[] = [];
  input.rows.forEach((row, i) => {
    if (!onRoster.has(row.studentId)) {
      issues.push({ path: ['rows', i, 'studentId'], key: 'exams.studentNotOnExam', params: { id: row.studentId } });
      return;
    }
    for (const [key, raw] of Object.entries(row.values)) {
      const subject = subjects.get(key);
      if (!subject) { issues.push({ path: ['rows', i, key], key: 'exams.unknownSubject', params: { subject: key } }); continue; }
      const cell = parseScoreCell(raw, exam.mode, subject.fullMarks);
      if (cell.kind === 'error') issues.push({ path: ['rows', i, key], key: cell.key, params: { ...cell.params, subject: subject.subjectName } });
      else writes.push({ studentId: row.studentId, subjectId: subject.subjectId, cell });
    }
  });
  if (issues.length) throw new AppError('VALIDATION', 'validation', undefined, issues);
  return db.transaction(() => {
    const w = cellWriters(db);
    let saved = 0, cleared = 0;
    for (const x of writes) {
      const r = w.write(input.examId, x.studentId, x.subjectId, x.cell);
      if (r === 'saved') saved++;
      else if (r === 'cleared') cleared++;
    }
    ctx.audit('score', 'save', {
      entityId: String(input.examId),
      summary: `录入成绩：${exam.name}，${input.rows.length} 名学生，保存 ${saved} 项，清除 ${cleared} 项`,
      after: { examId: input.examId, students: input.rows.length, saved, cleared },
    });
    return { saved, cleared };
  })();
}
