/**
 * Plan checks (教案检查) per teacher x subject x class: expected periods from the assignment and the teaching
 * weeks begun, periods planned, ahead/behind (超前备课), scores and grade from the term's rubric, and the fix
 * follow-up. prefill gives one draft row per assignment for fast entry.
 */
import type { ParsedInput, PlanCheck, PlanCheckDraft } from '../../../../shared/contract';
import { listAssignments } from '../assignments/service';
import { aheadOf, expectedPeriods } from '../../../../shared/domain/routine/plan-check';
import { gradeFor, scoreRubric } from '../../../../shared/domain/routine/standards';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import {
  assignedWeekly, checkDateInTerm, checkFilters, checkOwner, deleteAudited, guardDuplicate, Issues, OWNER_COLS, OWNER_JOIN, ownerNames,
  termInfo, upsertAudited, type TermInfo,
} from './common';
import { countPlans } from './lesson-plans';
import { getRubric } from './standards';

type Row = Record<string, unknown>;
type CheckInput = ParsedInput<'routine-plans/savePlanCheck'>;

function toCheck(r: Row, term: TermInfo): PlanCheck {
  const weekly = r.weekly_periods as number;
  const expected = r.periods_expected as number;
  const planned = (r.periods_planned as number) ?? null;
  const ahead = planned == null ? null : aheadOf(planned, expected, weekly, weekly * term.teachingWeeks);
  return {
    id: r.id as number, termId: r.term_id as number, teacherId: r.teacher_id as number, subjectId: r.subject_id as number, classId: r.class_id as number,
    checkDate: r.check_date as string, ...ownerNames(r),
    weeklyPeriods: weekly, periodsExpected: expected, periodsPlanned: planned,
    aheadPeriods: ahead?.periods ?? null, aheadWeeks: ahead?.weeks ?? null, notAhead: ahead?.notAhead ?? false,
    detailLevel: (r.detail_level as PlanCheck['detailLevel']) ?? null,
    secondRoundCount: (r.second_round_count as number) ?? null, reflectionsCount: (r.reflections_count as number) ?? null,
    itemScores: r.item_scores ? (JSON.parse(r.item_scores as string) as Record<string, number>) : null,
    score: (r.score as number) ?? null, grade: (r.grade as PlanCheck['grade']) ?? null, checker: (r.checker as string) ?? null,
    comment: (r.comment as string) ?? null,
    fixRequired: (r.fix_required as string) ?? null, fixStatus: r.fix_status as PlanCheck['fixStatus'],
    fixDoneDate: (r.fix_done_date as string) ?? null, fixNote: (r.fix_note as string) ?? null,
    createdAt: r.created_at as string, updatedAt: r.updated_at as string,
  };
}

const SELECT = `SELECT o.*, ${OWNER_COLS} FROM plan_check o ${OWNER_JOIN}`;

export function listPlanChecks(ctx: CoreContext, q: ParsedInput<'routine-plans/listPlanChecks'>): PlanCheck[] {
  const term = termInfo(ctx.db, q.termId);
  const f = checkFilters(q, 'check_date');
  return (ctx.db.prepare(`${SELECT} WHERE ${f.where} ORDER BY o.check_date DESC, t.name, s.sort_order, c.level, c.class_no`).all(...f.args) as Row[]).map((r) => toCheck(r, term));
}

function getPlanCheck(ctx: CoreContext, id: number): PlanCheck {
  const r = ctx.db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'notFound', { entity: 'planCheck', id });
  return toCheck(r, termInfo(ctx.db, r.term_id as number));
}

/** Shared by plan and homework checks: item scores against the rubric, and the fix follow-up fields. */
export function validateScoresAndFix(
  c: { itemScores: Record<string, number> | null; fixStatus: string; fixDoneDate: string | null; checkDate: string },
  rubric: ReturnType<typeof getRubric>, issues: Issues,
): void {
  if (c.itemScores) {
    const items = new Map(rubric.items.map((i) => [i.key, i]));
    for (const [k, v] of Object.entries(c.itemScores)) {
      const item = items.get(k);
      if (!item) issues.add(['itemScores', k], 'rubricUnknownItem', { key: k });
      else if (v > item.maxScore) issues.add(['itemScores', k], 'itemScoreTooHigh', { name: item.name, max: item.maxScore });
    }
  }
  if (c.fixStatus === 'done' && !c.fixDoneDate) issues.add('fixDoneDate', 'fixDoneDateRequired');
  if (c.fixDoneDate && c.fixDoneDate < c.checkDate) issues.add('fixDoneDate', 'fixDoneBeforeCheck', { date: c.checkDate });
}

/**
 * Score and grade as stored. Complete item scores decide the score (an entered score counts only without
 * them) and a score decides the grade under a 'bands' rubric (an entered grade counts only without a score),
 * so a row sent back with stale totals after an item edit is still right. A fix asked for opens the follow-up.
 */
export function derivedScore(
  c: { itemScores: Record<string, number> | null; score: number | null; grade: string | null; fixRequired: string | null; fixStatus: string },
  rubric: ReturnType<typeof getRubric>,
): { score: number | null; grade: string | null; fixStatus: string } {
  let score = c.score;
  if (c.itemScores) {
    const s = scoreRubric(rubric, c.itemScores);
    if (s.complete) score = s.total;
  }
  const grade = score != null && rubric.mode === 'bands' ? gradeFor(score, rubric.bands) : c.grade;
  const fixStatus = c.fixRequired && c.fixStatus === 'none' ? 'open' : c.fixStatus;
  return { score, grade, fixStatus };
}

function validateCheck(ctx: CoreContext, c: CheckInput, issues: Issues): void {
  const term = termInfo(ctx.db, c.termId);
  checkOwner(ctx.db, c, issues);
  checkDateInTerm(term, c.checkDate, 'checkDate', issues);
  if (c.weeklyPeriods == null && assignedWeekly(ctx.db, c) == null) issues.add('weeklyPeriods', 'noAssignment');
  validateScoresAndFix(c, getRubric(ctx.db, c.termId, 'planCheck'), issues);
  if (c.id !== undefined && !ctx.db.prepare('SELECT 1 FROM plan_check WHERE id = ?').get(c.id)) issues.add('id', 'notFound');
  const clash = ctx.db.prepare(
    'SELECT id FROM plan_check WHERE term_id = ? AND teacher_id = ? AND subject_id = ? AND class_id = ? AND check_date = ? AND id IS NOT ?',
  ).get(c.termId, c.teacherId, c.subjectId, c.classId, c.checkDate, c.id ?? null);
  if (clash) issues.add('checkDate', 'routineDuplicate');
}

function writeCheck(ctx: CoreContext, c: CheckInput, issues: Issues): number {
  const term = termInfo(ctx.db, c.termId);
  const weekly = c.weeklyPeriods ?? assignedWeekly(ctx.db, c) ?? 0;
  const d = derivedScore(c, getRubric(ctx.db, c.termId, 'planCheck'));
  const cols = {
    term_id: c.termId, teacher_id: c.teacherId, subject_id: c.subjectId, class_id: c.classId, check_date: c.checkDate,
    weekly_periods: weekly, periods_expected: expectedPeriods(weekly, term.startDate, term.teachingWeeks, c.checkDate),
    periods_planned: c.periodsPlanned, detail_level: c.detailLevel, second_round_count: c.secondRoundCount, reflections_count: c.reflectionsCount,
    item_scores: c.itemScores ? JSON.stringify(c.itemScores) : null, score: d.score, grade: d.grade, checker: c.checker, comment: c.comment,
    fix_required: c.fixRequired, fix_status: d.fixStatus, fix_done_date: c.fixDoneDate, fix_note: c.fixNote,
  };
  const label = (ctx.db.prepare('SELECT name FROM teacher WHERE id = ?').get(c.teacherId) as { name: string }).name;
  return guardDuplicate(issues, () => upsertAudited(ctx, 'plan_check', 'planCheck', c.id, cols, `教案检查 ${label} ${c.checkDate}`));
}

export function savePlanCheck(ctx: CoreContext, c: CheckInput): PlanCheck {
  const issues = new Issues();
  validateCheck(ctx, c, issues);
  issues.throwIfAny();
  return getPlanCheck(ctx, ctx.db.transaction(() => writeCheck(ctx, c, issues))());
}

/** All rows are validated first (every issue reported, rows.N.field), then written in one transaction. */
export function savePlanChecks(ctx: CoreContext, rows: CheckInput[]): PlanCheck[] {
  const issues = new Issues();
  const keys = new Map<string, number>();
  rows.forEach((c, i) => {
    validateCheck(ctx, c, issues.at(['rows', i]));
    const k = `${c.teacherId}:${c.subjectId}:${c.classId}:${c.checkDate}`;
    if (keys.has(k)) issues.add(['rows', i, 'checkDate'], 'routineDuplicateRow', { row: keys.get(k)! + 1 });
    keys.set(k, i);
  });
  issues.throwIfAny();
  const ids = ctx.db.transaction(() => rows.map((c, i) => writeCheck(ctx, c, issues.at(['rows', i]))))();
  return ids.map((id) => getPlanCheck(ctx, id));
}

export function deletePlanCheck(ctx: CoreContext, id: number): { id: number } {
  return ctx.db.transaction(() => deleteAudited(ctx, 'plan_check', 'planCheck', id, (r) => `教案检查 ${r.check_date as string}`))();
}

/** One draft per assignment of the term with expected periods at `date` and counts from the plan records. */
export function prefillPlanChecks(ctx: CoreContext, q: ParsedInput<'routine-plans/prefillPlanChecks'>): PlanCheckDraft[] {
  const term = termInfo(ctx.db, q.termId);
  const counts = countPlans(ctx, { termId: q.termId }, q.date);
  const existing = new Map(
    (ctx.db.prepare('SELECT id, teacher_id, subject_id, class_id FROM plan_check WHERE term_id = ? AND check_date = ?').all(q.termId, q.date) as Row[])
      .map((r) => [`${r.teacher_id}:${r.subject_id}:${r.class_id}`, r.id as number]),
  );
  return listAssignments(ctx.db, q.termId)
    .filter((a) => a.weeklyPeriods > 0)
    .map((a) => {
      const k = `${a.teacherId}:${a.subjectId}:${a.classId}`;
      const n = counts.get(k);
      return {
        assignmentId: a.id, termId: q.termId, teacherId: a.teacherId, subjectId: a.subjectId, classId: a.classId,
        teacherName: a.teacherName, subjectName: a.subjectName, className: a.className, gradeLevel: a.gradeLevel,
        checkDate: q.date, weeklyPeriods: a.weeklyPeriods,
        periodsExpected: expectedPeriods(a.weeklyPeriods, term.startDate, term.teachingWeeks, q.date),
        periodsFromPlans: n?.periods ?? 0, reflectionsFromPlans: n?.reflections ?? 0, secondRoundFromPlans: n?.secondRound ?? 0,
        existingId: existing.get(k) ?? null,
      };
    });
}
