/** Candidates (exam rules + teachers' nominations) and the office's confirmation that opens the files. */
import type { z } from 'zod';
import type {
  Candidate, CandidateRules, CandidatesQuerySchema, ConfirmResult, ConfirmSchema, Nomination, NominationSchema,
} from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import { defaultThreshold } from '../../../../shared/domain/exams/analysis';
import { suggestCandidates, type CandidateScore } from '../../../../shared/domain/struggling/candidates';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { loadSettings, parseIds, subjectNames } from './common';
import { insertFile, openFileOf, studentClass } from './files';
import { classLevelSql, requireTerm } from '../../platform/query';

interface NominationRecord {
  id: number; term_id: number; student_id: number; student_name: string; student_no: string; class_id: number | null;
  level: number | null; class_no: number | null; teacher_id: number | null; teacher_name: string | null;
  subject_ids: string; reason: string | null; status: Nomination['status']; created_at: string;
}

const NOMINATION_SQL = `
SELECT n.id, n.term_id, n.student_id, s.name AS student_name, s.student_no, s.class_id, ${classLevelSql('c', 'ny')} AS level, c.class_no,
  n.teacher_id, t.name AS teacher_name, n.subject_ids, n.reason, n.status, n.created_at
FROM struggling_nomination n
JOIN student s ON s.id = n.student_id
JOIN term nt ON nt.id = n.term_id JOIN school_year ny ON ny.id = nt.school_year_id
LEFT JOIN class c ON c.id = s.class_id
LEFT JOIN teacher t ON t.id = n.teacher_id`;

function toNomination(r: NominationRecord, subjects: Map<number, string>): Nomination {
  const subjectIds = parseIds(r.subject_ids);
  return {
    id: r.id, termId: r.term_id, studentId: r.student_id, studentName: r.student_name, studentNo: r.student_no,
    classId: r.class_id, className: r.level !== null && r.class_no !== null ? className(r.level, r.class_no) : null,
    teacherId: r.teacher_id, teacherName: r.teacher_name, subjectIds, subjectNames: subjectIds.map((id) => subjects.get(id) ?? `#${id}`),
    reason: r.reason, status: r.status, createdAt: r.created_at,
  };
}

export function listNominations(ctx: CoreContext, termId: number, status?: Nomination['status']): Nomination[] {
  const subjects = subjectNames(ctx.db);
  const rows = ctx.db.prepare(`${NOMINATION_SQL} WHERE n.term_id = ?${status ? ' AND n.status = ?' : ''} ORDER BY level, c.class_no, s.student_no, n.id`)
    .all(...(status ? [termId, status] : [termId])) as NominationRecord[];
  return rows.map((r) => toNomination(r, subjects));
}

export function nominate(ctx: CoreContext, input: z.output<typeof NominationSchema>): Nomination {
  requireTerm(ctx.db, input.termId);
  studentClass(ctx, input.studentId, input.termId); // the student must exist
  const issues: FieldIssue[] = [];
  if (input.teacherId !== null && !ctx.db.prepare('SELECT 1 FROM teacher WHERE id = ?').get(input.teacherId)) {
    issues.push({ path: ['teacherId'], key: 'strugglingTeacherMissing', params: { id: input.teacherId } });
  }
  const hasSubject = ctx.db.prepare('SELECT 1 FROM subject WHERE id = ?');
  input.subjectIds.forEach((s, i) => { if (!hasSubject.get(s)) issues.push({ path: ['subjectIds', i], key: 'strugglingSubjectMissing', params: { id: s } }); });
  if (issues.length) throw new AppError('VALIDATION', 'validation', undefined, issues);
  const id = ctx.db.transaction(() => {
    const info = ctx.db.prepare('INSERT INTO struggling_nomination (term_id, student_id, teacher_id, subject_ids, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.termId, input.studentId, input.teacherId, JSON.stringify(input.subjectIds), input.reason, ctx.now().toISOString());
    const nid = Number(info.lastInsertRowid);
    ctx.audit('struggling', 'nominate', { entityId: nid, summary: `教师推荐学困生（推荐 #${nid}）` });
    return nid;
  })();
  return toNomination(ctx.db.prepare(`${NOMINATION_SQL} WHERE n.id = ?`).get(id) as NominationRecord, subjectNames(ctx.db));
}

export function deleteNomination(ctx: CoreContext, id: number): { id: number } {
  const info = ctx.db.prepare('DELETE FROM struggling_nomination WHERE id = ?').run(id);
  if (!info.changes) throw new AppError('NOT_FOUND', 'strugglingNominationNotFound', { id });
  ctx.audit('struggling', 'deleteNomination', { entityId: id, summary: `删除学困生推荐 #${id}` });
  return { id };
}

interface ScoreRecord { student_id: number; class_id: number; subject_id: number; score: number | null; full_marks: number | null; level: number }

/** The exam's suggestions per grade: each grade with its own pass line and bottom share unless the rules fix them. */
function examSuggestions(ctx: CoreContext, examId: number, rules: CandidateRules) {
  const exam = ctx.db.prepare('SELECT id, mode, term_id FROM exam WHERE id = ?').get(examId) as { id: number; mode: string; term_id: number } | undefined;
  if (!exam) throw new AppError('NOT_FOUND', 'strugglingExamNotFound', { id: examId });
  if (exam.mode !== 'score') throw new AppError('VALIDATION', 'strugglingExamLevelMode');
  const rows = ctx.db.prepare(
    `SELECT sc.student_id, es.class_id, sc.subject_id, sc.score, x.full_marks, g.level
     FROM score sc
     JOIN exam_student es ON es.exam_id = sc.exam_id AND es.student_id = sc.student_id
     JOIN exam_subject x ON x.exam_id = sc.exam_id AND x.subject_id = sc.subject_id
     JOIN class_in_term g ON g.class_id = es.class_id AND g.term_id = ?
     WHERE sc.exam_id = ? AND x.full_marks IS NOT NULL`,
  ).all(exam.term_id, examId) as ScoreRecord[];
  const thresholds = new Map(
    (ctx.db.prepare('SELECT grade_level, pass_pct, bottom_pct FROM exam_threshold').all() as { grade_level: number; pass_pct: number; bottom_pct: number }[])
      .map((t) => [t.grade_level, t]),
  );
  const byLevel = new Map<number, CandidateScore[]>();
  const scoreOf = new Map<string, { score: number | null; fullMarks: number }>();
  for (const r of rows) {
    const s: CandidateScore = { studentId: r.student_id, classId: r.class_id, subjectId: r.subject_id, score: r.score, fullMarks: r.full_marks! };
    (byLevel.get(r.level) ?? byLevel.set(r.level, []).get(r.level)!).push(s);
    scoreOf.set(`${r.student_id}:${r.subject_id}`, { score: r.score, fullMarks: r.full_marks! });
  }
  const suggested = [...byLevel].flatMap(([level, scores]) => {
    const t = thresholds.get(level);
    const def = defaultThreshold(level);
    return suggestCandidates(scores, {
      subjectIds: rules.subjectIds,
      passPct: rules.passPct ?? t?.pass_pct ?? def.passPct,
      bottomPct: rules.bottomPct ?? t?.bottom_pct ?? def.bottomPct,
      minFailedSubjects: rules.minFailedSubjects,
      minBottomSubjects: rules.minBottomSubjects,
    });
  });
  const examSubjects = (ctx.db.prepare('SELECT subject_id FROM exam_subject WHERE exam_id = ? ORDER BY sort_order, subject_id').all(examId) as { subject_id: number }[])
    .map((r) => r.subject_id)
    .filter((id) => !rules.subjectIds.length || rules.subjectIds.includes(id));
  return { suggested, scoreOf, examSubjects };
}

/** Exam suggestions and pending nominations of the term, one row per student, open files marked. */
export function listCandidates(ctx: CoreContext, q: z.output<typeof CandidatesQuerySchema>): Candidate[] {
  const rules = q.rules ?? loadSettings(ctx).rules;
  const subjects = subjectNames(ctx.db);
  const byStudent = new Map<number, Candidate>();
  const student = ctx.db.prepare(
    `SELECT s.name, s.student_no, s.class_id FROM student s WHERE s.id = ?`,
  );
  const classRow = ctx.db.prepare('SELECT level, class_no FROM class_in_term WHERE class_id = ? AND term_id = ?');
  const candidate = (studentId: number, classId: number | null): Candidate => {
    let c = byStudent.get(studentId);
    if (!c) {
      const s = student.get(studentId) as { name: string; student_no: string; class_id: number | null };
      const cls = classId ?? s.class_id;
      const clsRow = cls === null ? undefined : classRow.get(cls, q.termId) as { level: number; class_no: number } | undefined;
      c = {
        studentId, studentName: s.name, studentNo: s.student_no, classId: cls,
        className: clsRow ? className(clsRow.level, clsRow.class_no) : null,
        sources: [], failedSubjectIds: [], bottomSubjectIds: [], scores: [], nominationIds: [], openFileId: openFileOf(ctx, studentId),
      };
      byStudent.set(studentId, c);
    }
    return c;
  };
  if (q.examId !== undefined) {
    const { suggested, scoreOf, examSubjects } = examSuggestions(ctx, q.examId, rules);
    for (const s of suggested) {
      const c = candidate(s.studentId, s.classId);
      c.sources.push('exam');
      c.failedSubjectIds = s.failedSubjectIds;
      c.bottomSubjectIds = s.bottomSubjectIds;
      c.scores = examSubjects.map((subjectId) => {
        const v = scoreOf.get(`${s.studentId}:${subjectId}`);
        return { subjectId, subjectName: subjects.get(subjectId) ?? `#${subjectId}`, score: v?.score ?? null, fullMarks: v?.fullMarks ?? null };
      });
    }
  }
  for (const n of listNominations(ctx, q.termId, 'pending')) {
    const c = candidate(n.studentId, null);
    if (!c.sources.includes('nomination')) c.sources.push('nomination');
    c.nominationIds.push(n.id);
  }
  return [...byStudent.values()];
}

/** The office confirms who gets a file: one transaction; students who already have an open file are skipped. */
export function confirmCandidates(ctx: CoreContext, input: z.output<typeof ConfirmSchema>): ConfirmResult {
  requireTerm(ctx.db, input.termId);
  if (input.examId !== null && !ctx.db.prepare('SELECT 1 FROM exam WHERE id = ?').get(input.examId)) {
    throw new AppError('NOT_FOUND', 'strugglingExamNotFound', { id: input.examId });
  }
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  const hasStudent = ctx.db.prepare('SELECT 1 FROM student WHERE id = ?');
  const nominationRow = ctx.db.prepare('SELECT student_id, teacher_id, subject_ids FROM struggling_nomination WHERE id = ?');
  input.students.forEach((s, i) => {
    if (!hasStudent.get(s.studentId)) issues.push({ path: ['students', i, 'studentId'], key: 'strugglingStudentMissing', params: { id: s.studentId } });
    if (seen.has(s.studentId)) issues.push({ path: ['students', i, 'studentId'], key: 'strugglingStudentTwice', params: { id: s.studentId } });
    seen.add(s.studentId);
    s.nominationIds.forEach((n, j) => {
      const r = nominationRow.get(n) as { student_id: number } | undefined;
      if (!r || r.student_id !== s.studentId) issues.push({ path: ['students', i, 'nominationIds', j], key: 'strugglingNominationNotFound', params: { id: n } });
    });
  });
  if (issues.length) throw new AppError('VALIDATION', 'validation', undefined, issues);

  const assignmentTeacher = ctx.db.prepare('SELECT teacher_id FROM teaching_assignment WHERE term_id = ? AND class_id = ? AND subject_id = ? ORDER BY id LIMIT 1');
  const markConfirmed = ctx.db.prepare(`UPDATE struggling_nomination SET status = 'confirmed' WHERE id = ?`);
  return ctx.db.transaction((): ConfirmResult => {
    const out: ConfirmResult = { created: [], skipped: [] };
    for (const s of input.students) {
      const open = openFileOf(ctx, s.studentId);
      if (open !== null) { out.skipped.push({ studentId: s.studentId, fileId: open }); continue; }
      const cls = studentClass(ctx, s.studentId, input.termId);
      const noms = s.nominationIds.map((n) => nominationRow.get(n) as { teacher_id: number | null; subject_ids: string });
      const subjectIds = s.subjectIds.length ? s.subjectIds : [...new Set(noms.flatMap((n) => parseIds(n.subject_ids)))];
      // Responsible teacher: as chosen, else the nominating teacher, else who teaches the first subject in the class.
      let teacherId = s.teacherId ?? noms.find((n) => n.teacher_id !== null)?.teacher_id ?? null;
      if (teacherId === null && cls.classId !== null && subjectIds.length) {
        teacherId = (assignmentTeacher.get(input.termId, cls.classId, subjectIds[0]) as { teacher_id: number } | undefined)?.teacher_id ?? null;
      }
      const fileId = insertFile(ctx, {
        termId: input.termId, studentId: s.studentId, classId: cls.classId,
        source: input.examId !== null && !noms.length ? 'exam' : noms.length ? 'nomination' : 'manual',
        examId: input.examId, subjectIds, teacherId, headTeacherId: cls.headTeacherId,
      });
      for (const n of s.nominationIds) markConfirmed.run(n);
      out.created.push({ studentId: s.studentId, fileId });
    }
    ctx.audit('struggling', 'confirm', {
      summary: `确认建立学困生档案 ${out.created.length} 份（已有档案跳过 ${out.skipped.length} 人）`,
      after: { fileIds: out.created.map((c) => c.fileId), examId: input.examId },
    });
    return out;
  })();
}
