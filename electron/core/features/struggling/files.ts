/** The file itself (一生一案): get (audited), save, entries, status changes and the score curve. */
import type { z } from 'zod';
import type {
  CauseDimension, EntrySchema, FileSaveSchema, ScoreCurve, SixInPlace, StatusChangeSchema, StrugglingEntry,
  StrugglingFile, StrugglingFileRow, StrugglingStatus,
} from '../../../../shared/contract';
import { CAUSE_DIMENSIONS, OPEN_STATUSES, SENSITIVE_DIMENSIONS } from '../../../../shared/contract';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { localDay, queryFileRows } from './common';
import { requireTerm } from '../../platform/query';

export function fileRow(ctx: CoreContext, id: number): StrugglingFileRow {
  const row = queryFileRows(ctx.db, { ids: [id] })[0];
  if (!row) throw new AppError('NOT_FOUND', 'strugglingFileNotFound', { id });
  return row;
}

interface DetailRecord {
  gender: string | null; left_behind: number; exam_id: number | null; goal: string | null; measures: string | null;
  plan_time: string | null; plan_place: string | null; plan_content: string | null; plan_teacher: string | null;
  plan_measures: string | null; plan_check: string | null; summary: string | null; updated_at: string;
}

/** The whole file with its sensitive parts. Callers that show it to a person must audit (see getFile). */
export function loadFile(ctx: CoreContext, id: number): StrugglingFile {
  const row = fileRow(ctx, id);
  const d = ctx.db.prepare(
    `SELECT s.gender, s.left_behind, f.exam_id, f.goal, f.measures, f.plan_time, f.plan_place, f.plan_content,
       f.plan_teacher, f.plan_measures, f.plan_check, f.summary, f.updated_at
     FROM struggling_file f JOIN student s ON s.id = f.student_id WHERE f.id = ?`,
  ).get(id) as DetailRecord;
  const causeRows = ctx.db.prepare('SELECT dimension, note FROM struggling_cause WHERE file_id = ?').all(id) as { dimension: CauseDimension; note: string | null }[];
  const causes = causeRows
    .sort((a, b) => CAUSE_DIMENSIONS.indexOf(a.dimension) - CAUSE_DIMENSIONS.indexOf(b.dimension))
    .map((c) => ({ dimension: c.dimension, note: c.note, sensitive: SENSITIVE_DIMENSIONS.includes(c.dimension) }));
  const entries = ctx.db.prepare(
    `SELECT id, file_id AS fileId, kind, entry_date AS date, who, way, content, minutes, result, created_at AS createdAt
     FROM struggling_entry WHERE file_id = ? ORDER BY entry_date, id`,
  ).all(id) as StrugglingEntry[];
  const statusHistory = ctx.db.prepare(
    `SELECT id, change_date AS date, from_status AS "from", to_status AS "to", note, operator
     FROM struggling_status WHERE file_id = ? ORDER BY id`,
  ).all(id) as StrugglingFile['statusHistory'];
  const plan: SixInPlace = {
    time: d.plan_time, place: d.plan_place, content: d.plan_content, teacher: d.plan_teacher, measures: d.plan_measures, check: d.plan_check,
  };
  return {
    ...row, gender: d.gender, leftBehind: d.left_behind === 1, examId: d.exam_id, causes, goal: d.goal, measures: d.measures,
    plan, summary: d.summary, entries, statusHistory, updatedAt: d.updated_at,
  };
}

/** Opening a file shows sensitive personal information: the audit log records who opened which file. */
export function getFile(ctx: CoreContext, id: number): StrugglingFile {
  const file = loadFile(ctx, id);
  ctx.audit('struggling', 'open', { entityId: id, summary: `查看学困生档案 #${id}` });
  return file;
}

function checkRefs(ctx: CoreContext, input: { subjectIds: number[]; teacherId: number | null; headTeacherId: number | null }): void {
  const issues: FieldIssue[] = [];
  const hasSubject = ctx.db.prepare('SELECT 1 FROM subject WHERE id = ?');
  input.subjectIds.forEach((s, i) => { if (!hasSubject.get(s)) issues.push({ path: ['subjectIds', i], key: 'strugglingSubjectMissing', params: { id: s } }); });
  const hasTeacher = ctx.db.prepare('SELECT 1 FROM teacher WHERE id = ?');
  for (const k of ['teacherId', 'headTeacherId'] as const) {
    const t = input[k];
    if (t !== null && !hasTeacher.get(t)) issues.push({ path: [k], key: 'strugglingTeacherMissing', params: { id: t } });
  }
  if (issues.length) throw new AppError('VALIDATION', 'validation', undefined, issues);
}

export interface NewFile {
  termId: number; studentId: number; classId: number | null; source: 'exam' | 'nomination' | 'manual'; examId: number | null;
  subjectIds: number[]; teacherId: number | null; headTeacherId: number | null;
}

/** Inserts a file in 帮扶中 with its first status-history line. Callers hold the transaction. */
export function insertFile(ctx: CoreContext, f: NewFile): number {
  const now = ctx.now().toISOString();
  const today = localDay(ctx.now());
  const info = ctx.db.prepare(
    `INSERT INTO struggling_file (term_id, student_id, class_id, source, exam_id, subject_ids, teacher_id, head_teacher_id,
       status, opened_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '帮扶中', ?, ?, ?)`,
  ).run(f.termId, f.studentId, f.classId, f.source, f.examId, JSON.stringify(f.subjectIds), f.teacherId, f.headTeacherId, today, now, now);
  const id = Number(info.lastInsertRowid);
  ctx.db.prepare(`INSERT INTO struggling_status (file_id, change_date, from_status, to_status, note, operator) VALUES (?, ?, NULL, '帮扶中', NULL, ?)`)
    .run(id, today, ctx.operator());
  return id;
}

export function openFileOf(ctx: CoreContext, studentId: number): number | null {
  const r = ctx.db.prepare(`SELECT id FROM struggling_file f WHERE student_id = ? AND status IN ('帮扶中', '继续帮扶')
    AND carried_on IS NULL`).get(studentId) as { id: number } | undefined;
  return r?.id ?? null;
}

/** The student's class now and its head teacher in the term's school year. */
export function studentClass(ctx: CoreContext, studentId: number, termId: number): { classId: number | null; headTeacherId: number | null } {
  const r = ctx.db.prepare(`SELECT s.class_id, (SELECT y.head_teacher_id FROM class_year y JOIN term t ON t.school_year_id = y.school_year_id
      WHERE y.class_id = s.class_id AND t.id = ?) AS head_teacher_id FROM student s WHERE s.id = ?`)
    .get(termId, studentId) as { class_id: number | null; head_teacher_id: number | null } | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'strugglingStudentMissing', { id: studentId });
  return { classId: r.class_id, headTeacherId: r.head_teacher_id };
}

export function saveFile(ctx: CoreContext, input: z.output<typeof FileSaveSchema>): StrugglingFile {
  checkRefs(ctx, input);
  const dims = input.causes.map((c) => c.dimension);
  const dup = dims.findIndex((d, i) => dims.indexOf(d) !== i);
  if (dup >= 0) throw new AppError('VALIDATION', 'validation', undefined, [{ path: ['causes', dup, 'dimension'], key: 'strugglingCauseDuplicate', params: { dimension: dims[dup] } }]);

  const id = ctx.db.transaction((): number => {
    let fileId = input.id;
    if (fileId === undefined) {
      const issues: FieldIssue[] = [];
      if (input.termId === undefined) issues.push({ path: ['termId'], key: 'required' });
      if (input.studentId === undefined) issues.push({ path: ['studentId'], key: 'required' });
      if (issues.length) throw new AppError('VALIDATION', 'validation', undefined, issues);
      requireTerm(ctx.db, input.termId!);
      const cls = studentClass(ctx, input.studentId!, input.termId!);
      const open = openFileOf(ctx, input.studentId!);
      if (open !== null) throw new AppError('CONFLICT', 'strugglingOpenFileExists', { id: open });
      fileId = insertFile(ctx, {
        termId: input.termId!, studentId: input.studentId!, classId: cls.classId, source: 'manual', examId: null,
        subjectIds: input.subjectIds, teacherId: input.teacherId, headTeacherId: input.headTeacherId ?? cls.headTeacherId,
      });
    } else if (!ctx.db.prepare('SELECT 1 FROM struggling_file WHERE id = ?').get(fileId)) {
      throw new AppError('NOT_FOUND', 'strugglingFileNotFound', { id: fileId });
    }
    const p = input.plan;
    ctx.db.prepare(
      `UPDATE struggling_file SET subject_ids = ?, teacher_id = ?, head_teacher_id = COALESCE(?, head_teacher_id), goal = ?, measures = ?,
         plan_time = ?, plan_place = ?, plan_content = ?, plan_teacher = ?, plan_measures = ?, plan_check = ?, summary = ?, updated_at = ?
       WHERE id = ?`,
    ).run(JSON.stringify(input.subjectIds), input.teacherId, input.headTeacherId, input.goal, input.measures,
      p.time, p.place, p.content, p.teacher, p.measures, p.check, input.summary, ctx.now().toISOString(), fileId);
    ctx.db.prepare('DELETE FROM struggling_cause WHERE file_id = ?').run(fileId);
    const ins = ctx.db.prepare('INSERT INTO struggling_cause (file_id, dimension, note) VALUES (?, ?, ?)');
    for (const c of input.causes) ins.run(fileId, c.dimension, c.note);
    // The audit names the file and the dimensions, never the notes' text.
    ctx.audit('struggling', input.id === undefined ? 'create' : 'update', {
      entityId: fileId, summary: `${input.id === undefined ? '建立' : '修改'}学困生档案 #${fileId}`, after: { causes: dims, subjectIds: input.subjectIds },
    });
    return fileId;
  })();
  return loadFile(ctx, id);
}

export function addEntry(ctx: CoreContext, input: z.output<typeof EntrySchema>): StrugglingEntry {
  fileRow(ctx, input.fileId);
  const e = {
    who: 'who' in input ? input.who : null,
    way: input.kind === 'contact' ? input.way : null,
    minutes: input.kind === 'tutoring' ? input.minutes : null,
  };
  const now = ctx.now().toISOString();
  const id = ctx.db.transaction(() => {
    const info = ctx.db.prepare(
      `INSERT INTO struggling_entry (file_id, kind, entry_date, who, way, content, minutes, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(input.fileId, input.kind, input.date, e.who, e.way, input.content, e.minutes, input.result, now);
    ctx.db.prepare('UPDATE struggling_file SET updated_at = ? WHERE id = ?').run(now, input.fileId);
    const entryId = Number(info.lastInsertRowid);
    ctx.audit('struggling', 'addEntry', { entityId: input.fileId, summary: `学困生档案 #${input.fileId} 添加记录（${input.kind} ${input.date}）`, after: { entryId } });
    return entryId;
  })();
  return ctx.db.prepare(
    `SELECT id, file_id AS fileId, kind, entry_date AS date, who, way, content, minutes, result, created_at AS createdAt FROM struggling_entry WHERE id = ?`,
  ).get(id) as StrugglingEntry;
}

export function deleteEntry(ctx: CoreContext, id: number): { id: number } {
  const r = ctx.db.prepare('SELECT file_id, kind, entry_date FROM struggling_entry WHERE id = ?').get(id) as { file_id: number; kind: string; entry_date: string } | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'strugglingEntryNotFound', { id });
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM struggling_entry WHERE id = ?').run(id);
    ctx.audit('struggling', 'deleteEntry', { entityId: r.file_id, summary: `学困生档案 #${r.file_id} 删除记录（${r.kind} ${r.entry_date}）`, before: { entryId: id } });
  })();
  return { id };
}

export function setStatus(ctx: CoreContext, input: z.output<typeof StatusChangeSchema>): StrugglingFileRow {
  const before = fileRow(ctx, input.id);
  if (before.status === input.status) return before;
  const to: StrugglingStatus = input.status;
  const reopening = OPEN_STATUSES.includes(to) && !OPEN_STATUSES.includes(before.status);
  if (reopening) {
    const open = openFileOf(ctx, before.studentId);
    if (open !== null && open !== input.id) throw new AppError('CONFLICT', 'strugglingOpenFileExists', { id: open });
  }
  ctx.db.transaction(() => {
    const closedOn = to === '已转化' || to === '转出' ? input.date : null;
    ctx.db.prepare(
      `UPDATE struggling_file SET status = ?, closed_on = ?, left_on = CASE WHEN ? = '转出' THEN ? WHEN ? THEN NULL ELSE left_on END, updated_at = ? WHERE id = ?`,
    ).run(to, closedOn, to, input.date, reopening ? 1 : 0, ctx.now().toISOString(), input.id);
    ctx.db.prepare('INSERT INTO struggling_status (file_id, change_date, from_status, to_status, note, operator) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.id, input.date, before.status, to, input.note, ctx.operator());
    ctx.audit('struggling', 'status', { entityId: input.id, summary: `学困生档案 #${input.id}：${before.status} → ${to}`, before: { status: before.status }, after: { status: to } });
  })();
  return fileRow(ctx, input.id);
}

/** Paper-score exams the student has a score row in, oldest first; one series per subject. */
export function scoreCurve(ctx: CoreContext, studentId: number): ScoreCurve {
  if (!ctx.db.prepare('SELECT 1 FROM student WHERE id = ?').get(studentId)) throw new AppError('NOT_FOUND', 'strugglingStudentMissing', { id: studentId });
  const rows = ctx.db.prepare(
    `SELECT e.id AS exam_id, e.name, e.kind, e.exam_date, sc.subject_id, sj.name AS subject_name, sj.sort_order, sc.score, x.full_marks
     FROM score sc
     JOIN exam e ON e.id = sc.exam_id AND e.mode = 'score'
     JOIN exam_subject x ON x.exam_id = sc.exam_id AND x.subject_id = sc.subject_id
     JOIN subject sj ON sj.id = sc.subject_id
     WHERE sc.student_id = ?
     ORDER BY e.exam_date, e.id`,
  ).all(studentId) as { exam_id: number; name: string; kind: string; exam_date: string; subject_id: number; subject_name: string; sort_order: number; score: number | null; full_marks: number | null }[];
  const exams: ScoreCurve['exams'] = [];
  const examIndex = new Map<number, number>();
  for (const r of rows) if (!examIndex.has(r.exam_id)) { examIndex.set(r.exam_id, exams.length); exams.push({ examId: r.exam_id, name: r.name, kind: r.kind, date: r.exam_date }); }
  const bySubject = new Map<number, ScoreCurve['subjects'][number] & { sort: number }>();
  for (const r of rows) {
    let s = bySubject.get(r.subject_id);
    if (!s) {
      const blank = () => exams.map(() => null as number | null);
      bySubject.set(r.subject_id, (s = { subjectId: r.subject_id, subjectName: r.subject_name, scores: blank(), fullMarks: blank(), percents: blank(), sort: r.sort_order }));
    }
    const i = examIndex.get(r.exam_id)!;
    s.scores[i] = r.score;
    s.fullMarks[i] = r.full_marks;
    // Percent of full marks makes exams with different full marks comparable on one axis.
    s.percents[i] = r.score !== null && r.full_marks ? Math.round((r.score / r.full_marks) * 1000) / 10 : null;
  }
  const subjects = [...bySubject.values()].sort((a, b) => a.sort - b.sort || a.subjectId - b.subjectId).map(({ sort: _sort, ...s }) => s);
  return { studentId, exams, subjects };
}
