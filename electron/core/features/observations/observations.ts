/** Observation records (听课评课): list with filters, save/delete with audit, and the quick-entry prefill. */
import type Database from 'better-sqlite3';
import type { Observation, ObservationPrefill, ParsedInput } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import { levelForTotal, observationTotal, validateObservation, type Level, type ObservationKind } from '../../../../shared/domain/routine/observation';
import { monthRange } from '../../../../shared/domain/routine/monthly';
import { weekdayOf } from '../../../../shared/domain/timetable/taught';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { loadTerm, requireTeacher, teacherMap } from '../../platform/staff';
import { classLevelSql } from '../../platform/query';

const SELECT = `SELECT o.*, c.class_no, ${classLevelSql('c', 'oy')} AS grade_level, s.name AS subject_name, t.name AS teacher_name, ob.name AS observer_name
  FROM observation o JOIN term ot ON ot.id = o.term_id JOIN school_year oy ON oy.id = ot.school_year_id
  LEFT JOIN class c ON c.id = o.class_id LEFT JOIN subject s ON s.id = o.subject_id
  JOIN teacher t ON t.id = o.teacher_id JOIN teacher ob ON ob.id = o.observer_id`;

type Row = Record<string, unknown>;

function toObservation(r: Row): Observation {
  const n = (v: unknown) => (v == null ? null : (v as number));
  return {
    id: r.id as number, termId: r.term_id as number, date: r.date as string, period: n(r.period),
    classId: n(r.class_id), className: r.class_no != null ? className(r.grade_level as number, r.class_no as number) : null,
    subjectId: n(r.subject_id), subjectName: (r.subject_name as string) ?? null,
    teacherId: r.teacher_id as number, teacherName: r.teacher_name as string, observerId: r.observer_id as number, observerName: r.observer_name as string,
    topic: (r.topic as string) ?? null, kind: r.kind as ObservationKind,
    scores: { goal: n(r.score_goal), content: n(r.score_content), method: n(r.score_method), participation: n(r.score_participation), effect: n(r.score_effect), skill: n(r.score_skill) },
    total: n(r.total), level: (r.level as Level) ?? null, comments: (r.comments as string) ?? null, suggestions: (r.suggestions as string) ?? null,
    updatedAt: r.updated_at as string,
  };
}

export function listObservations(db: Database.Database, q: ParsedInput<'observations/list'>): Observation[] {
  const where = ['o.term_id = ?'];
  const args: unknown[] = [q.termId];
  if (q.observerId) { where.push('o.observer_id = ?'); args.push(q.observerId); }
  if (q.teacherId) { where.push('o.teacher_id = ?'); args.push(q.teacherId); }
  if (q.month) { const r = monthRange(q.month); where.push('o.date BETWEEN ? AND ?'); args.push(r.from, r.to); }
  if (q.kind) { where.push('o.kind = ?'); args.push(q.kind); }
  return (db.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY o.date DESC, o.period, o.id DESC`).all(...args) as Row[]).map(toObservation);
}

export function getObservation(db: Database.Database, id: number): Observation {
  const r = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'notFound', { entity: 'observation', id });
  return toObservation(r);
}

export function saveObservation(ctx: CoreContext, o: ParsedInput<'observations/save'>): Observation {
  const { db } = ctx;
  const term = loadTerm(db, o.termId);
  const teachers = teacherMap(db);
  requireTeacher(teachers, o.teacherId, 'teacherId');
  requireTeacher(teachers, o.observerId, 'observerId');
  const problems = validateObservation(o, term);
  if (problems.length) throw new AppError('VALIDATION', 'validation', undefined, problems);
  const total = observationTotal(o.scores);
  const level = total != null ? levelForTotal(total) : o.level;
  const now = ctx.now().toISOString();
  const cols = {
    term_id: o.termId, date: o.date, period: o.period, class_id: o.classId, subject_id: o.subjectId, teacher_id: o.teacherId,
    observer_id: o.observerId, topic: o.topic, kind: o.kind,
    score_goal: o.scores.goal, score_content: o.scores.content, score_method: o.scores.method,
    score_participation: o.scores.participation, score_effect: o.scores.effect, score_skill: o.scores.skill,
    total, level, comments: o.comments, suggestions: o.suggestions, updated_at: now,
  };
  const label = `${teachers.get(o.observerId)!.name} 听 ${teachers.get(o.teacherId)!.name} ${o.date}`;
  const id = db.transaction(() => {
    if (o.id == null) {
      const names = Object.keys(cols);
      const r = db.prepare(`INSERT INTO observation (${names.join(', ')}, created_at) VALUES (${names.map(() => '?').join(', ')}, ?)`).run(...Object.values(cols), now);
      const newId = Number(r.lastInsertRowid);
      ctx.audit('observation', 'create', { entityId: newId, summary: `新增听课记录 ${label}`, after: cols });
      return newId;
    }
    const before = db.prepare('SELECT * FROM observation WHERE id = ?').get(o.id);
    if (!before) throw new AppError('NOT_FOUND', 'notFound', { entity: 'observation', id: o.id });
    db.prepare(`UPDATE observation SET ${Object.keys(cols).map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(cols), o.id);
    ctx.audit('observation', 'update', { entityId: o.id, summary: `修改听课记录 ${label}`, before, after: cols });
    return o.id;
  })();
  return getObservation(db, id);
}

export function deleteObservation(ctx: CoreContext, id: number): { ok: true } {
  const before = getObservation(ctx.db, id);
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM observation WHERE id = ?').run(id);
    ctx.audit('observation', 'delete', { entityId: id, summary: `删除听课记录 ${before.observerName} 听 ${before.teacherName} ${before.date}`, before });
  })();
  return { ok: true };
}

/** The timetable lesson at the date's weekday and the period, for quick entry. */
export function observationFromLesson(db: Database.Database, q: ParsedInput<'observations/fromLesson'>): ObservationPrefill {
  loadTerm(db, q.termId);
  const cls = db.prepare('SELECT class_id AS id, class_no, level FROM class_in_term WHERE class_id = ? AND term_id = ?').get(q.classId, q.termId) as { id: number; class_no: number; level: number } | undefined;
  if (!cls) throw new AppError('NOT_FOUND', 'notFound', { entity: 'class', id: q.classId });
  const day = weekdayOf(q.date);
  const lesson = db.prepare(
    `SELECT a.subject_id, s.name AS subject_name, a.teacher_id, t.name AS teacher_name FROM lesson l
     JOIN teaching_assignment a ON a.id = l.assignment_id JOIN subject s ON s.id = a.subject_id JOIN teacher t ON t.id = a.teacher_id
     WHERE l.term_id = ? AND l.class_id = ? AND l.day = ? AND l.period = ?`,
  ).get(q.termId, q.classId, day, q.period) as { subject_id: number; subject_name: string; teacher_id: number; teacher_name: string } | undefined;
  // A 代课 on that date changes who teaches: prefer the substitute.
  const sub = db.prepare(
    `SELECT s.subject_id, sj.name AS subject_name, s.substitute_teacher_id AS teacher_id, t.name AS teacher_name FROM substitution s
     JOIN subject sj ON sj.id = s.subject_id LEFT JOIN teacher t ON t.id = s.substitute_teacher_id
     WHERE s.term_id = ? AND s.class_id = ? AND s.date = ? AND s.period = ? AND s.kind IN ('代课', '补课') AND s.substitute_teacher_id IS NOT NULL
     ORDER BY s.id DESC LIMIT 1`,
  ).get(q.termId, q.classId, q.date, q.period) as { subject_id: number; subject_name: string; teacher_id: number; teacher_name: string } | undefined;
  const src = sub ?? lesson;
  return {
    termId: q.termId, date: q.date, period: q.period, classId: q.classId, className: className(cls.level, cls.class_no), day,
    subjectId: src?.subject_id ?? null, subjectName: src?.subject_name ?? null, teacherId: src?.teacher_id ?? null, teacherName: src?.teacher_name ?? null,
  };
}
