/**
 * Automatic timetabling handlers: the rules (defaults until saved), the feasibility check, the generation job
 * (the search in a worker thread; stopping keeps the best), drafts (accept, undo, discard) and change notices.
 */
import type { GenerateResult, RuleNames, RuleSet } from '../../../../shared/contract';
import { validateRules, type Rule } from '../../../../shared/domain/timetable/rules';
import { Evaluator } from '../../../../shared/domain/timetable/solver/evaluate';
import { explainInfeasible, residualReasons } from '../../../../shared/domain/timetable/solver/explain';
import { solveOptionsFor } from '../../../../shared/domain/timetable/solver/options';
import { buildProblem, solutionLessons, type SchoolData } from '../../../../shared/domain/timetable/solver/problem';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import type { HandlerMap } from '../../platform/handlers';
import { cancelJob, jobStatus, startJob } from '../../platform/jobs';
import { requireTerm } from '../../platform/query';
import { acceptDraft, discardDraft, lessonsHash, loadDraft, saveDraft, undoAccept } from './drafts';
import { loadRules, loadSchoolData } from '../timetable/service';
import { changeNoticesPdf } from './notices';
import { runSolver } from './run-solver';

const JOB_KIND = 'scheduling';

function ruleNames(ctx: CoreContext, data: SchoolData): RuleNames {
  const subjects = new Map(data.subjects.map((s) => [s.id, s.name]));
  const teachers = new Map(data.teachers.map((t) => [t.id, t.name]));
  const classes = new Map(data.classes.map((c) => [c.id, c.name]));
  const allTeachers = ctx.db.prepare('SELECT id, name FROM teacher WHERE archived = 0 ORDER BY id').all() as { id: number; name: string }[];
  return {
    subjects: data.subjects.filter((s) => data.assignments.some((a) => a.subjectId === s.id)).map((s) => ({ id: s.id, name: s.name })),
    teachers: allTeachers,
    classes: data.classes.map((c) => ({ id: c.id, name: c.name, grade: c.grade })),
    grades: [...new Set(data.classes.map((c) => c.grade))].sort((a, b) => a - b),
    groups: data.groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind })),
    assignments: data.assignments.map((a) => ({ id: a.id, classId: a.classId, subjectId: a.subjectId, teacherId: a.teacherId, label: `${classes.get(a.classId) ?? ''} ${subjects.get(a.subjectId) ?? ''}（${teachers.get(a.teacherId) ?? ''}）` })),
    daysPerWeek: data.daysPerWeek,
    periods: data.periods,
  };
}

function ruleSet(ctx: CoreContext, termId: number): RuleSet {
  const data = loadSchoolData(ctx.db, termId);
  const { rules, saved } = loadRules(ctx.db, termId, data);
  return { termId, rules, saved, names: ruleNames(ctx, data) };
}

/** Every scope id must name something of this term (a subject taught, a class running, a teacher, a group, a grade). */
function scopeIssues(ctx: CoreContext, data: SchoolData, rules: Rule[]): FieldIssue[] {
  const known: Record<Rule['scope'], Set<number>> = {
    school: new Set(),
    grade: new Set(data.classes.map((c) => c.grade)),
    group: new Set(data.groups.map((g) => g.id)),
    subject: new Set(data.subjects.map((s) => s.id)),
    teacher: new Set((ctx.db.prepare('SELECT id FROM teacher').all() as { id: number }[]).map((t) => t.id)),
    class: new Set(data.classes.map((c) => c.id)),
  };
  const assignments = new Map(data.assignments.map((a) => [a.id, a]));
  const issues: FieldIssue[] = [];
  rules.forEach((r, i) => {
    if (r.scope !== 'school' && r.scopeId != null && !known[r.scope].has(r.scopeId)) issues.push({ path: ['rules', i, 'scopeId'], key: 'notFound', params: { row: i + 1 } });
    const ids = r.kind === 'combinedClasses' ? r.params.assignmentIds ?? [] : [];
    const list = ids.map((id) => assignments.get(id));
    if (list.some((a) => !a)) issues.push({ path: ['rules', i, 'assignmentIds'], key: 'notFound', params: { row: i + 1 } });
    else if (list.length && new Set(list.map((a) => a!.subjectId)).size > 1) issues.push({ path: ['rules', i, 'assignmentIds'], key: 'ruleCombinedSubject', params: { row: i + 1 } });
    else if (new Set(list.map((a) => a!.classId)).size < list.length) issues.push({ path: ['rules', i, 'assignmentIds'], key: 'ruleCombinedTwo', params: { row: i + 1 } });
  });
  return issues;
}

/** The work of one generation: build, check, search in the worker, keep the best as a draft. */
async function generate(ctx: CoreContext, input: Parameters<HandlerMap<'scheduling/start'>['scheduling/start']>[0], job: Parameters<Parameters<typeof startJob>[2]>[0]): Promise<GenerateResult> {
  const { db } = ctx;
  const data = loadSchoolData(db, input.termId);
  const { rules } = loadRules(db, input.termId, data);
  const repair = input.mode === 'repair';
  const { problem, meta } = buildProblem(data, rules, { grade: input.grade, keep: input.keep, minimalChange: repair });
  const reasons = explainInfeasible(problem, meta, data);
  const empty = { draftId: null, hard: 0, soft: 0, iterations: 0, ms: 0, feasibleMs: null, stopped: 'done' as const };
  if (reasons.length) return { ...empty, hard: -1, reasons };
  if (!problem.activities.some((a) => a.fixedSlot < 0)) throw new AppError('VALIDATION', 'nothingToSchedule', {});
  const options = solveOptionsFor(input.effort, problem.activities.length, input.seed, repair);
  job.progress({ phase: 'scheduling.phase.search', total: options.maxIterations });
  const result = await runSolver(problem, options, {
    signal: job.signal,
    onProgress: (p) => job.progress({ done: p.iterations, total: Math.max(p.iterations, p.expectedIterations), metrics: { hard: p.hard, soft: Math.round(p.soft), iterations: p.iterations, ms: Math.round(p.ms), feasibleMs: p.feasibleMs == null ? null : Math.round(p.feasibleMs) } }),
  });
  const lessons = solutionLessons(problem, meta, result);
  const ev = new Evaluator(problem);
  result.slots.forEach((s, a) => { if (s >= 0) { ev.begin(); ev.place(a, s, result.roomOf[a]); ev.commit(); } });
  const b = ev.breakdown();
  const draftId = saveDraft(db, input.termId, input.mode, { ...input, baseHash: lessonsHash(data.lessons) }, lessons, {
    hard: b.hardTotal, soft: Math.round(b.softTotal), hardBreakdown: b.hard, softBreakdown: roundAll(b.soft), iterations: result.iterations,
    ms: Math.round(result.ms), stopped: result.stopped, seed: input.seed,
  }, ctx.now().toISOString());
  ctx.audit('timetable', 'generate', { entityId: input.termId, summary: `${repair ? '调整重排' : '自动排课'}：${lessons.length} 节，硬冲突 ${b.hardTotal}，软约束分 ${Math.round(b.softTotal)}`, after: { ...input, draftId } });
  return {
    draftId, hard: b.hardTotal, soft: Math.round(b.softTotal), iterations: result.iterations, ms: Math.round(result.ms),
    feasibleMs: result.feasibleMs == null ? null : Math.round(result.feasibleMs), stopped: result.stopped,
    reasons: b.hardTotal > 0 ? residualReasons(problem, result.slots, result.roomOf) : [],
  };
}

const roundAll = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v as number)])) as T;

export const schedulingHandlers: HandlerMap<
  'scheduling/getRules' | 'scheduling/saveRules' | 'scheduling/resetRules' | 'scheduling/check' | 'scheduling/start' | 'scheduling/job'
  | 'scheduling/stop' | 'scheduling/draft' | 'scheduling/accept' | 'scheduling/discard' | 'scheduling/undoAccept' | 'scheduling/changeNotices'
> = {
  'scheduling/getRules': ({ termId }, ctx) => {
    requireTerm(ctx.db, termId);
    return ruleSet(ctx, termId);
  },

  'scheduling/saveRules': ({ termId, rules }, ctx) => {
    const { db } = ctx;
    requireTerm(db, termId);
    const data = loadSchoolData(db, termId);
    const parsed = rules as Rule[];
    const issues = [...validateRules(parsed, { daysPerWeek: data.daysPerWeek, periodCount: data.periods.length }), ...scopeIssues(ctx, data, parsed)];
    if (issues.length) throw new AppError('VALIDATION', 'validation', { count: issues.length }, issues);
    db.transaction(() => {
      const before = loadRules(db, termId, data);
      db.prepare('DELETE FROM timetable_rule WHERE term_id = ?').run(termId);
      const ins = db.prepare('INSERT INTO timetable_rule (term_id, sort_order, kind, scope, scope_id, params, weight, enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      parsed.forEach((r, i) => ins.run(termId, i, r.kind, r.scope, r.scope === 'school' ? null : r.scopeId, JSON.stringify(r.params), Math.round(r.weight), r.enabled ? 1 : 0));
      ctx.audit('timetable', 'rules', { entityId: termId, summary: `保存排课规则：${parsed.length} 条`, before: before.saved ? before.rules : null, after: parsed });
    })();
    return ruleSet(ctx, termId);
  },

  'scheduling/resetRules': ({ termId }, ctx) => {
    requireTerm(ctx.db, termId);
    ctx.db.prepare('DELETE FROM timetable_rule WHERE term_id = ?').run(termId);
    ctx.audit('timetable', 'rules', { entityId: termId, summary: '排课规则恢复为学校默认' });
    return ruleSet(ctx, termId);
  },

  'scheduling/check': ({ termId, grade }, ctx) => {
    requireTerm(ctx.db, termId);
    const data = loadSchoolData(ctx.db, termId);
    const { rules } = loadRules(ctx.db, termId, data);
    const { problem, meta } = buildProblem(data, rules, { grade, keep: 'locked' });
    const reasons = explainInfeasible(problem, meta, data);
    return { feasible: reasons.length === 0, reasons, activities: problem.activities.length, lessons: problem.activities.reduce((n, a) => n + a.length * a.classes.length, 0) };
  },

  'scheduling/start': (input, ctx) => {
    requireTerm(ctx.db, input.termId);
    return startJob<GenerateResult>(ctx.dataDir, JOB_KIND, (job) => generate(ctx, input, job));
  },
  'scheduling/job': ({ jobId }, ctx) => jobStatus(ctx.dataDir, JOB_KIND, jobId),
  /** Stops the search; the job then finishes normally with the best timetable found so far. */
  'scheduling/stop': ({ jobId }, ctx) => cancelJob(ctx.dataDir, JOB_KIND, jobId),

  'scheduling/draft': ({ termId }, ctx) => {
    requireTerm(ctx.db, termId);
    return loadDraft(ctx, termId);
  },
  'scheduling/accept': ({ termId, draftId }, ctx) => acceptDraft(ctx, termId, draftId),
  'scheduling/discard': ({ termId, draftId }, ctx) => discardDraft(ctx, termId, draftId),
  'scheduling/undoAccept': ({ termId, draftId }, ctx) => undoAccept(ctx, termId, draftId),
  'scheduling/changeNotices': ({ termId, draftId }, ctx) => changeNoticesPdf(ctx, termId, draftId),
};
