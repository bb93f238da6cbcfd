/** Loads an exam's rows for the pure analysis (shared/domain/exams/analysis.ts) and builds trends across exams. */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Exam, ExamAnalysis, ScoreLevel, TrendPoint, TrendQuerySchema, TrendSeries } from '../../../../shared/contract';
import { className, GRADE_NAMES } from '../../../../shared/domain/constants';
import { analyseExam, type AnalysisCell, type AnalysisInput } from '../../../../shared/domain/exams/analysis';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { getExam, listExams, loadThresholds } from './exams';

export function loadAnalysisInput(db: Database.Database, exam: Exam): AnalysisInput {
  const thresholds = loadThresholds(db);
  const grades = db.prepare(
    'SELECT g.id, g.level FROM exam_grade eg JOIN grade g ON g.id = eg.grade_id WHERE eg.exam_id = ? ORDER BY g.level',
  ).all(exam.id) as { id: number; level: number }[];
  // Classes named and graded as they were in the exam's term (a roll-over later changes neither).
  const classes = db.prepare(
    `SELECT DISTINCT ct.class_id AS id, g.id AS grade_id, ct.level, ct.class_no FROM exam_student es
     JOIN class_in_term ct ON ct.class_id = es.class_id AND ct.term_id = ? JOIN grade g ON g.level = ct.level
     WHERE es.exam_id = ? ORDER BY ct.level, ct.class_no`,
  ).all(exam.termId, exam.id) as { id: number; grade_id: number; level: number; class_no: number }[];
  const roster = db.prepare('SELECT student_id AS studentId, class_id AS classId FROM exam_student WHERE exam_id = ?').all(exam.id) as AnalysisInput['roster'];
  // raw() rows are arrays: cheaper than objects for tens of thousands of cells.
  const raw = db.prepare('SELECT student_id, subject_id, score, absent, level FROM score WHERE exam_id = ?').raw().all(exam.id) as
    [number, number, number | null, number, ScoreLevel | null][];
  const cells: AnalysisCell[] = raw.map((r) => ({ studentId: r[0], subjectId: r[1], score: r[2], absent: r[3] === 1, level: r[4] }));
  return {
    mode: exam.mode,
    subjects: exam.subjects,
    grades: grades.map((g) => ({ gradeId: g.id, gradeLevel: g.level, gradeName: GRADE_NAMES[g.level], thresholds: thresholds.get(g.level)! })),
    classes: classes.map((c) => ({ classId: c.id, className: className(c.level, c.class_no), gradeId: c.grade_id })),
    roster, cells,
  };
}

export function examAnalysis(ctx: CoreContext, examId: number): ExamAnalysis {
  const exam = getExam(ctx.db, examId);
  return { exam, grades: analyseExam(loadAnalysisInput(ctx.db, exam)) };
}

/**
 * Trends across exams (oldest first): for a class, a grade or a student, per subject: the average (or the
 * student's score), its share of full marks, the rates, and the gap to the grade average. Exams where the
 * class/student/grade took no part are left out.
 */
export function examTrend(ctx: CoreContext, q: z.output<typeof TrendQuerySchema>): TrendSeries[] {
  const { db } = ctx;
  const gradeId = q.gradeId ?? null;
  const classId = q.classId ?? null;
  if (gradeId === null && classId === null && q.studentId === undefined) throw new AppError('VALIDATION', 'exams.trendNeedsScope');
  if (q.studentId !== undefined) {
    const s = db.prepare('SELECT class_id FROM student WHERE id = ?').get(q.studentId) as { class_id: number | null } | undefined;
    if (!s) throw new AppError('NOT_FOUND', 'exams.studentNotFound', { id: q.studentId });
  }
  if (classId !== null) {
    const c = db.prepare('SELECT id FROM class WHERE id = ?').get(classId) as { id: number } | undefined;
    if (!c) throw new AppError('NOT_FOUND', 'exams.classNotFound', { id: classId });
  }
  let exams = listExams(db).filter((e) => e.mode === 'score');
  if (q.termIds?.length) exams = exams.filter((e) => q.termIds!.includes(e.termId));
  if (q.kinds?.length) exams = exams.filter((e) => q.kinds!.includes(e.kind));
  exams = exams.sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);

  const series = new Map<number, TrendSeries>();
  const inExam = db.prepare('SELECT class_id FROM exam_student WHERE exam_id = ? AND student_id = ?');
  const classInExam = db.prepare('SELECT 1 FROM exam_student WHERE exam_id = ? AND class_id = ? LIMIT 1');
  const studentCell = db.prepare('SELECT score FROM score WHERE exam_id = ? AND student_id = ? AND subject_id = ?');
  for (const exam of exams) {
    // Where the student/class sat this exam (a student's class on the exam, which may differ from today's).
    let cls = classId;
    if (q.studentId !== undefined) {
      const r = inExam.get(exam.id, q.studentId) as { class_id: number } | undefined;
      if (!r) continue;
      cls = r.class_id;
    } else if (cls !== null && !classInExam.get(exam.id, cls)) continue;
    if (cls === null && gradeId !== null && !exam.gradeIds.includes(gradeId)) continue;
    const grades = analyseExam(loadAnalysisInput(db, exam));
    for (const g of grades) {
      if (cls !== null && !g.classes.some((c) => c.classId === cls)) continue;
      if (cls === null && gradeId !== null && g.gradeId !== gradeId) continue;
      for (const s of g.subjects) {
        if (q.subjectId !== undefined && s.subjectId !== q.subjectId) continue;
        if (s.fullMarks === null) continue;
        const classStats = cls !== null ? s.classes.find((c) => c.classId === cls) ?? null : null;
        const base = classStats ?? s.grade;
        let value = base.average;
        if (q.studentId !== undefined) {
          const r = studentCell.get(exam.id, q.studentId, s.subjectId) as { score: number | null } | undefined;
          value = r?.score ?? null;
          if (!r) continue; // not entered
        }
        const point: TrendPoint = {
          examId: exam.id, examName: exam.name, kind: exam.kind, date: exam.date, fullMarks: s.fullMarks,
          value, scoreRate: value === null ? null : value / s.fullMarks,
          passRate: q.studentId !== undefined ? null : base.passRate,
          excellentRate: q.studentId !== undefined ? null : base.excellentRate,
          lowRate: q.studentId !== undefined ? null : base.lowRate,
          gradeAverage: s.grade.average,
          diffFromGrade: value !== null && s.grade.average !== null ? value - s.grade.average : null,
        };
        let ser = series.get(s.subjectId);
        if (!ser) series.set(s.subjectId, (ser = { subjectId: s.subjectId, subjectName: s.subjectName, points: [] }));
        ser.points.push(point);
      }
    }
  }
  // Keep the most recent `limit` points of each series.
  return [...series.values()].map((s) => ({ ...s, points: s.points.slice(-q.limit) }));
}
