/**
 * Exams: create/update/delete, the roster of expected takers (应考, frozen per exam) and the analysis settings.
 * Grades 1-2 take no paper exams (义务教育质量评价: 一二年级不进行纸笔考试): a score-mode exam for them is refused;
 * their results are recorded in level mode (优/良/合格/待合格).
 */
import type Database from 'better-sqlite3';
import type { Exam, ExamSettings, ExamThreshold, ExamKind, ExamMode } from '../../../../shared/contract';
import { ExamSchema } from '../../../../shared/contract';
import { GRADE_NAMES } from '../../../../shared/domain/constants';
import { defaultThreshold } from '../../../../shared/domain/exams/analysis';
import { AppError } from '../../../../shared/errors';
import type { z } from 'zod';
import type { CoreContext } from '../../platform/context';
import { requireTerm } from '../../platform/query';

type ExamSave = z.output<typeof ExamSchema>;
type Row = Record<string, unknown>;

/** Setting key: per-student rank lists in printouts/exports (off by default). */
export const ALLOW_RANK_LISTS = 'exams.allowRankLists';

export function listExams(db: Database.Database, termId?: number): Exam[] {
  const rows = db.prepare(
    `SELECT e.*,
       (SELECT COUNT(*) FROM exam_student s WHERE s.exam_id = e.id) AS students,
       (SELECT COUNT(*) FROM score c WHERE c.exam_id = e.id) AS cells
     FROM exam e WHERE (? IS NULL OR e.term_id = ?) ORDER BY e.exam_date DESC, e.id DESC`,
  ).all(termId ?? null, termId ?? null) as Row[];
  if (!rows.length) return [];
  const grades = db.prepare(
    `SELECT eg.exam_id, g.id, g.level FROM exam_grade eg JOIN grade g ON g.id = eg.grade_id ORDER BY g.level`,
  ).all() as { exam_id: number; id: number; level: number }[];
  const subjects = db.prepare(
    `SELECT es.exam_id, es.subject_id, s.name, es.full_marks FROM exam_subject es JOIN subject s ON s.id = es.subject_id
     ORDER BY es.sort_order, s.sort_order, s.id`,
  ).all() as { exam_id: number; subject_id: number; name: string; full_marks: number | null }[];
  return rows.map((r) => ({
    id: r.id as number, termId: r.term_id as number, name: r.name as string, kind: r.kind as ExamKind,
    date: r.exam_date as string, mode: r.mode as ExamMode, note: (r.note as string) ?? null,
    gradeIds: grades.filter((g) => g.exam_id === r.id).map((g) => g.id),
    gradeLevels: grades.filter((g) => g.exam_id === r.id).map((g) => g.level),
    subjects: subjects.filter((s) => s.exam_id === r.id).map((s) => ({ subjectId: s.subject_id, subjectName: s.name, fullMarks: s.full_marks })),
    students: r.students as number, cells: r.cells as number, createdAt: r.created_at as string,
  }));
}

export function getExam(db: Database.Database, id: number): Exam {
  const e = db.prepare('SELECT term_id FROM exam WHERE id = ?').get(id) as { term_id: number } | undefined;
  if (!e) throw new AppError('NOT_FOUND', 'exams.examNotFound', { id });
  return listExams(db, e.term_id).find((x) => x.id === id)!;
}

function validate(db: Database.Database, input: ExamSave): { levels: number[] } {
  requireTerm(db, input.termId);
  const levels: number[] = [];
  for (const gid of new Set(input.gradeIds)) {
    const g = db.prepare('SELECT level FROM grade WHERE id = ?').get(gid) as { level: number } | undefined;
    if (!g) throw new AppError('NOT_FOUND', 'exams.gradeNotFound', { id: gid });
    levels.push(g.level);
  }
  const lower = levels.filter((l) => l <= 2).sort();
  if (input.mode === 'score' && lower.length) {
    throw new AppError('VALIDATION', 'exams.lowerPrimaryNoPaper', { grades: lower.map((l) => GRADE_NAMES[l]).join('、') }, [
      { path: ['gradeIds'], key: 'exams.lowerPrimaryNoPaper', params: { grades: lower.map((l) => GRADE_NAMES[l]).join('、') } },
    ]);
  }
  const seen = new Set<number>();
  input.subjects.forEach((s, i) => {
    if (seen.has(s.subjectId)) throw new AppError('VALIDATION', 'duplicate', undefined, [{ path: ['subjects', i, 'subjectId'], key: 'duplicate' }]);
    seen.add(s.subjectId);
    if (!db.prepare('SELECT 1 FROM subject WHERE id = ?').get(s.subjectId)) throw new AppError('NOT_FOUND', 'exams.subjectNotFound', { id: s.subjectId });
    if (input.mode === 'score' && s.fullMarks === null) {
      throw new AppError('VALIDATION', 'exams.fullMarksRequired', undefined, [{ path: ['subjects', i, 'fullMarks'], key: 'exams.fullMarksRequired' }]);
    }
  });
  return { levels };
}

/** Creates or updates an exam; changes that would orphan entered scores are refused, never silently dropped. */
export function saveExam(ctx: CoreContext, input: ExamSave): Exam {
  const { db } = ctx;
  validate(db, input);
  const gradeIds = [...new Set(input.gradeIds)];
  const subjects = input.subjects.map((s) => ({ ...s, fullMarks: input.mode === 'level' ? null : s.fullMarks }));
  const id = db.transaction((): number => {
    let examId = input.id;
    const before = examId ? getExam(db, examId) : null;
    if (before && examId) {
      if (before.cells > 0 && before.mode !== input.mode) throw new AppError('CONFLICT', 'exams.modeHasScores');
      const cellsOf = db.prepare('SELECT COUNT(*) AS n, MAX(score) AS max FROM score WHERE exam_id = ? AND subject_id = ?');
      for (const s of before.subjects) {
        const after = subjects.find((x) => x.subjectId === s.subjectId);
        const c = cellsOf.get(examId, s.subjectId) as { n: number; max: number | null };
        if (!after && c.n > 0) throw new AppError('CONFLICT', 'exams.subjectHasScores', { subject: s.subjectName, count: c.n });
        if (after?.fullMarks != null && c.max !== null && c.max > after.fullMarks) {
          throw new AppError('CONFLICT', 'exams.fullMarksBelowScores', { subject: s.subjectName, max: c.max });
        }
      }
      for (const gid of before.gradeIds) {
        if (gradeIds.includes(gid)) continue;
        const n = (db.prepare(
          `SELECT COUNT(*) AS n FROM score c JOIN exam_student es ON es.exam_id = c.exam_id AND es.student_id = c.student_id
           JOIN class_in_term k ON k.class_id = es.class_id AND k.term_id = ? JOIN grade g ON g.level = k.level
           WHERE c.exam_id = ? AND g.id = ?`,
        ).get(before.termId, examId, gid) as { n: number }).n;
        if (n > 0) throw new AppError('CONFLICT', 'exams.gradeHasScores', { count: n });
      }
      db.prepare('UPDATE exam SET term_id = ?, name = ?, kind = ?, exam_date = ?, mode = ?, note = ? WHERE id = ?')
        .run(input.termId, input.name, input.kind, input.date, input.mode, input.note ?? null, examId);
      db.prepare('DELETE FROM exam_grade WHERE exam_id = ?').run(examId);
      // Subjects: update in place (keeps the scores' foreign key), add new, remove unused.
      const keep = new Set(subjects.map((s) => s.subjectId));
      for (const s of before.subjects) if (!keep.has(s.subjectId)) db.prepare('DELETE FROM exam_subject WHERE exam_id = ? AND subject_id = ?').run(examId, s.subjectId);
    } else {
      if (input.id) throw new AppError('NOT_FOUND', 'exams.examNotFound', { id: input.id });
      examId = Number(db.prepare('INSERT INTO exam (term_id, name, kind, exam_date, mode, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(input.termId, input.name, input.kind, input.date, input.mode, input.note ?? null, ctx.now().toISOString()).lastInsertRowid);
    }
    const addGrade = db.prepare('INSERT INTO exam_grade (exam_id, grade_id) VALUES (?, ?)');
    for (const gid of gradeIds) addGrade.run(examId, gid);
    const upsert = db.prepare(
      `INSERT INTO exam_subject (exam_id, subject_id, full_marks, sort_order) VALUES (?, ?, ?, ?)
       ON CONFLICT (exam_id, subject_id) DO UPDATE SET full_marks = excluded.full_marks, sort_order = excluded.sort_order`,
    );
    subjects.forEach((s, i) => upsert.run(examId, s.subjectId, s.fullMarks, i));
    syncRosterRows(db, examId!);
    const after = getExam(db, examId!);
    ctx.audit('exam', before ? 'update' : 'create', {
      entityId: String(examId), summary: `${before ? '修改' : '新建'}考试：${after.name}（${after.kind}，${after.date}）`,
      before: before ? { name: before.name, kind: before.kind, date: before.date, mode: before.mode, gradeIds: before.gradeIds, subjects: before.subjects } : undefined,
      after: { name: after.name, kind: after.kind, date: after.date, mode: after.mode, gradeIds: after.gradeIds, subjects: after.subjects },
    });
    return examId!;
  })();
  return getExam(db, id);
}

/**
 * Brings the roster up to date: students now enrolled (在读) in a class of the exam's grades are added;
 * students who left or changed grade are dropped unless they already have a score cell; a student with no
 * cells who changed class follows the class.
 */
/** The running classes at the exam's grades in the exam's school year (one parameter: the exam id). */
export const EXAM_CLASSES = `SELECT ct.class_id FROM exam e JOIN class_in_term ct ON ct.term_id = e.term_id AND ct.active
  JOIN exam_grade eg ON eg.exam_id = e.id JOIN grade g ON g.id = eg.grade_id AND g.level = ct.level WHERE e.id = ?`;

export function syncRosterRows(db: Database.Database, examId: number): void {
  db.prepare(
    `INSERT INTO exam_student (exam_id, student_id, class_id)
     SELECT ?, s.id, s.class_id FROM student s
     WHERE s.archived = 0 AND s.status = '在读' AND s.class_id IN (${EXAM_CLASSES})
     ON CONFLICT (exam_id, student_id) DO UPDATE SET class_id = excluded.class_id
     WHERE NOT EXISTS (SELECT 1 FROM score x WHERE x.exam_id = exam_student.exam_id AND x.student_id = exam_student.student_id)`,
  ).run(examId, examId);
  db.prepare(
    `DELETE FROM exam_student WHERE exam_id = ?
       AND NOT EXISTS (SELECT 1 FROM score x WHERE x.exam_id = exam_student.exam_id AND x.student_id = exam_student.student_id)
       AND student_id NOT IN (
         SELECT s.id FROM student s
         WHERE s.archived = 0 AND s.status = '在读' AND s.class_id IN (${EXAM_CLASSES}))`,
  ).run(examId, examId);
}

export function syncRoster(ctx: CoreContext, examId: number): Exam {
  getExam(ctx.db, examId);
  ctx.db.transaction(() => syncRosterRows(ctx.db, examId))();
  return getExam(ctx.db, examId);
}

export function deleteExam(ctx: CoreContext, id: number): { id: number } {
  const before = getExam(ctx.db, id);
  ctx.db.transaction(() => {
    // score rows cascade from exam_subject, which cascades from exam.
    ctx.db.prepare('DELETE FROM exam WHERE id = ?').run(id);
    ctx.audit('exam', 'delete', {
      entityId: String(id), summary: `删除考试：${before.name}（${before.date}，成绩 ${before.cells} 项）`,
      before: { name: before.name, kind: before.kind, date: before.date, cells: before.cells },
    });
  })();
  return { id };
}

// ---- settings ----

export function loadThresholds(db: Database.Database): Map<number, ExamThreshold> {
  const rows = db.prepare(
    'SELECT grade_level AS gradeLevel, pass_pct AS passPct, excellent_pct AS excellentPct, low_pct AS lowPct, bottom_pct AS bottomPct FROM exam_threshold',
  ).all() as ExamThreshold[];
  const map = new Map<number, ExamThreshold>();
  for (let l = 1; l <= 9; l++) map.set(l, rows.find((r) => r.gradeLevel === l) ?? defaultThreshold(l));
  return map;
}

export function getSettings(ctx: CoreContext): ExamSettings {
  return { thresholds: [...loadThresholds(ctx.db).values()], allowRankLists: ctx.getSetting(ALLOW_RANK_LISTS) === '1' };
}

export function saveSettings(ctx: CoreContext, input: ExamSettings): ExamSettings {
  const before = getSettings(ctx);
  input.thresholds.forEach((t, i) => {
    if (t.lowPct > t.passPct || t.passPct > t.excellentPct) {
      throw new AppError('VALIDATION', 'exams.thresholdOrder', { grade: GRADE_NAMES[t.gradeLevel] }, [
        { path: ['thresholds', i, 'passPct'], key: 'exams.thresholdOrder', params: { grade: GRADE_NAMES[t.gradeLevel] } },
      ]);
    }
  });
  ctx.db.transaction(() => {
    const up = ctx.db.prepare(
      `INSERT INTO exam_threshold (grade_level, pass_pct, excellent_pct, low_pct, bottom_pct) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (grade_level) DO UPDATE SET pass_pct = excluded.pass_pct, excellent_pct = excluded.excellent_pct,
         low_pct = excluded.low_pct, bottom_pct = excluded.bottom_pct`,
    );
    for (const t of input.thresholds) up.run(t.gradeLevel, t.passPct, t.excellentPct, t.lowPct, t.bottomPct);
    ctx.setSetting(ALLOW_RANK_LISTS, input.allowRankLists ? '1' : null);
    const after = getSettings(ctx);
    ctx.audit('examSettings', 'update', {
      summary: before.allowRankLists !== after.allowRankLists
        ? `成绩分析设置：${after.allowRankLists ? '开启' : '关闭'}学生名次表`
        : '修改成绩分析阈值',
      before, after,
    });
  })();
  return getSettings(ctx);
}
