/** Lesson plans (教案): records per teacher x subject x class with an optional attached file. */
import type { LessonPlan, ParsedInput } from '../../../../shared/contract';
import { teachingWeekOf } from '../../../../shared/domain/routine/plan-check';
import { AppError } from '../../../../shared/errors';
import { attachmentStore } from '../../platform/attachments/store';
import type { CoreContext } from '../../platform/context';
import { checkDateInTerm, checkOwner, deleteAudited, Issues, OWNER_COLS, OWNER_JOIN, ownerNames, termInfo, upsertAudited } from './common';
import { schoolDay } from '../../../../shared/domain/dates';

type Row = Record<string, unknown>;
type PlanInput = ParsedInput<'routine-plans/saveLessonPlan'>;

function toPlan(r: Row): LessonPlan {
  return {
    id: r.id as number, termId: r.term_id as number, teacherId: r.teacher_id as number, subjectId: r.subject_id as number, classId: r.class_id as number,
    ...ownerNames(r),
    topic: r.topic as string, lessonType: r.lesson_type as LessonPlan['lessonType'], periods: r.periods as number,
    week: (r.week as number) ?? null, date: (r.date as string) ?? null,
    objectives: (r.objectives as string) ?? null, keyPoints: (r.key_points as string) ?? null, difficultPoints: (r.difficult_points as string) ?? null,
    aids: (r.aids as string) ?? null, process: (r.process as string) ?? null, boardDesign: (r.board_design as string) ?? null,
    homeworkDesign: (r.homework_design as string) ?? null, reflection: (r.reflection as string) ?? null, secondRound: (r.second_round as string) ?? null,
    attachment: r.attachment_id == null ? null : {
      id: r.attachment_id as number, fileName: r.a_file_name as string, mime: r.a_mime as string, size: r.a_size as number,
      sha256: r.a_sha256 as string, createdAt: r.a_created_at as string,
    },
    createdAt: r.created_at as string, updatedAt: r.updated_at as string,
  };
}

const SELECT = `SELECT o.*, ${OWNER_COLS}, a.file_name AS a_file_name, a.mime AS a_mime, a.size AS a_size, a.sha256 AS a_sha256, a.created_at AS a_created_at
  FROM lesson_plan o ${OWNER_JOIN} LEFT JOIN attachment a ON a.id = o.attachment_id`;

export function listLessonPlans(ctx: CoreContext, q: ParsedInput<'routine-plans/listLessonPlans'>): LessonPlan[] {
  const w = ['o.term_id = ?'];
  const args: unknown[] = [q.termId];
  if (q.teacherId) { w.push('o.teacher_id = ?'); args.push(q.teacherId); }
  if (q.subjectId) { w.push('o.subject_id = ?'); args.push(q.subjectId); }
  if (q.classId) { w.push('o.class_id = ?'); args.push(q.classId); }
  if (q.week) { w.push('o.week = ?'); args.push(q.week); }
  if (q.text) { w.push('(o.topic LIKE ? OR t.name LIKE ?)'); args.push(`%${q.text}%`, `%${q.text}%`); }
  return (ctx.db.prepare(`${SELECT} WHERE ${w.join(' AND ')} ORDER BY t.name, s.sort_order, c.level, c.class_no, o.week, o.date, o.id`).all(...args) as Row[]).map(toPlan);
}

export function getLessonPlan(ctx: CoreContext, id: number): LessonPlan {
  const r = ctx.db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'notFound', { entity: 'lessonPlan', id });
  return toPlan(r);
}

function validatePlan(ctx: CoreContext, p: PlanInput, issues: Issues): void {
  const term = termInfo(ctx.db, p.termId);
  checkOwner(ctx.db, p, issues);
  if (p.week != null && p.week > term.teachingWeeks) issues.add('week', 'weekOutsideTerm', { week: p.week, weeks: term.teachingWeeks });
  if (p.date) checkDateInTerm(term, p.date, 'date', issues);
  if (p.id !== undefined && !ctx.db.prepare('SELECT 1 FROM lesson_plan WHERE id = ?').get(p.id)) issues.add('id', 'notFound');
}

/** Writes one plan (validated); the upload is stored first so that a refused file leaves nothing written. */
function writePlan(ctx: CoreContext, p: PlanInput, issues: Issues): number {
  const term = termInfo(ctx.db, p.termId);
  let attachmentId: number | null | undefined;
  if (p.upload) {
    try {
      attachmentId = attachmentStore(ctx).put(Buffer.from(p.upload.dataBase64, 'base64'), p.upload.fileName).id;
    } catch (e) {
      if (e instanceof AppError) { issues.add(['upload', 'fileName'], e.key, e.params); issues.throwIfAny(); }
      throw e;
    }
  } else if (p.removeAttachment) attachmentId = null;
  // The week follows from the date when only the date is given.
  const week = p.week ?? (p.date ? teachingWeekOf(term.startDate, term.teachingWeeks, p.date) : null);
  const cols: Record<string, string | number | null> = {
    term_id: p.termId, teacher_id: p.teacherId, subject_id: p.subjectId, class_id: p.classId, topic: p.topic, lesson_type: p.lessonType,
    periods: p.periods, week, date: p.date, objectives: p.objectives, key_points: p.keyPoints, difficult_points: p.difficultPoints,
    aids: p.aids, process: p.process, board_design: p.boardDesign, homework_design: p.homeworkDesign, reflection: p.reflection,
    second_round: p.secondRound,
  };
  if (attachmentId !== undefined) cols.attachment_id = attachmentId;
  return upsertAudited(ctx, 'lesson_plan', 'lessonPlan', p.id, cols, `教案 ${p.topic}`);
}

export function saveLessonPlan(ctx: CoreContext, p: PlanInput): LessonPlan {
  const issues = new Issues();
  validatePlan(ctx, p, issues);
  issues.throwIfAny();
  const id = ctx.db.transaction(() => writePlan(ctx, p, issues))();
  return getLessonPlan(ctx, id);
}

export function saveLessonPlans(ctx: CoreContext, rows: PlanInput[]): LessonPlan[] {
  const issues = new Issues();
  rows.forEach((p, i) => validatePlan(ctx, p, issues.at(['rows', i])));
  issues.throwIfAny();
  const ids = ctx.db.transaction(() => rows.map((p, i) => writePlan(ctx, p, issues.at(['rows', i]))))();
  return ids.map((id) => getLessonPlan(ctx, id));
}

export function deleteLessonPlan(ctx: CoreContext, id: number): { id: number } {
  return ctx.db.transaction(() => deleteAudited(ctx, 'lesson_plan', 'lessonPlan', id, (r) => `教案 ${r.topic as string}`))();
}

/**
 * Counts the plan records of one teacher x subject x class that existed at the end of `asOf` (all of them
 * when asOf is today or later, so a check entered on its day counts every plan written, for any week).
 */
export function countFromPlans(ctx: CoreContext, q: ParsedInput<'routine-plans/countPlanChecksFromPlans'>): { periods: number; plans: number; reflections: number; secondRound: number } {
  termInfo(ctx.db, q.termId);
  return countPlans(ctx, q, q.asOf).get(`${q.teacherId}:${q.subjectId}:${q.classId}`) ?? { periods: 0, plans: 0, reflections: 0, secondRound: 0 };
}

/** Plan counts keyed teacherId:subjectId:classId for the term (see countFromPlans), optionally one owner. */
export function countPlans(ctx: CoreContext, q: { termId: number; teacherId?: number; subjectId?: number; classId?: number }, asOf: string): Map<string, { periods: number; plans: number; reflections: number; secondRound: number }> {
  const today = schoolDay(ctx.now());
  const w = ['term_id = ?'];
  const args: unknown[] = [q.termId];
  if (asOf < today) { w.push('created_at <= ?'); args.push(`${asOf}T23:59:59.999Z`); }
  if (q.teacherId) { w.push('teacher_id = ?', 'subject_id = ?', 'class_id = ?'); args.push(q.teacherId, q.subjectId, q.classId); }
  const rows = ctx.db.prepare(
    `SELECT teacher_id, subject_id, class_id, COUNT(*) AS plans, COALESCE(SUM(periods), 0) AS periods,
            SUM(CASE WHEN reflection IS NOT NULL THEN 1 ELSE 0 END) AS reflections,
            SUM(CASE WHEN second_round IS NOT NULL THEN 1 ELSE 0 END) AS secondRound
       FROM lesson_plan WHERE ${w.join(' AND ')} GROUP BY teacher_id, subject_id, class_id`,
  ).all(...args) as { teacher_id: number; subject_id: number; class_id: number; plans: number; periods: number; reflections: number; secondRound: number }[];
  return new Map(rows.map((r) => [`${r.teacher_id}:${r.subject_id}:${r.class_id}`, { periods: r.periods, plans: r.plans, reflections: r.reflections, secondRound: r.secondRound }]));
}
