/**
 * The monthly routine check: start a month (one sheet per teaching teacher, prefilled with the month's facts and
 * suggested scores), list the sheets flat for AG Grid, save many edits in one transaction, progress by group.
 * Starting a month is the hot path (250 teachers well under a second): every fact comes from one grouped query
 * into a map, and the inserts run through one prepared statement inside one transaction.
 */
import type Database from 'better-sqlite3';
import type { FieldIssue } from '../../../../shared/errors';
import type { MonthlyCheckMonth, MonthlyProgress, MonthlySheetRow, MonthlySheets, MonthlyStartResult, ParsedInput } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import {
  checkSheetScores, monthRange, rubricMax, scoreSheet, suggestScores, termMonths, type MonthlyRubric, type SheetFacts, type SheetStatus,
} from '../../../../shared/domain/routine/monthly';
import { quotaDueByMonthEnd, quotaFor } from '../../../../shared/domain/routine/quota';
import { gradeFor } from '../../../../shared/domain/routine/standards';
import { compareZh } from '../../../../shared/domain/text';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { groupMembership, loadTerm, todayOf, type TermInfo } from '../../platform/staff';
import { quotaOverrides, roleQuotas } from '../observations/service';
import { researchAttendanceMap } from '../research/service';
import { collectiveAttendanceMap, monthChecks, monthlySheetRubric, worstGrades } from './standards-bridge';

/** Grade bands through the standards module's gradeFor (same band semantics everywhere). */
const bandGrade = (score: number, bands: { label: string; min: number }[]) => gradeFor(score, bands as Parameters<typeof gradeFor>[1]);

export interface CheckRow { id: number; term_id: number; month: string; rubric: string; started_at: string }

export function requireMonthInTerm(term: TermInfo, month: string): void {
  if (!termMonths(term.startDate, term.weeks).includes(month)) {
    throw new AppError('VALIDATION', 'validation', undefined, [{ path: ['month'], key: 'routineMonthly.monthOutsideTerm', params: { month, term: term.name } }]);
  }
}

export function findCheck(db: Database.Database, termId: number, month: string): CheckRow | undefined {
  return db.prepare('SELECT * FROM monthly_check WHERE term_id = ? AND month = ?').get(termId, month) as CheckRow | undefined;
}

function requireCheck(db: Database.Database, termId: number, month: string): CheckRow {
  const c = findCheck(db, termId, month);
  if (!c) throw new AppError('NOT_FOUND', 'routineMonthly.notStarted', { month });
  return c;
}

export function parseRubric(json: string): MonthlyRubric {
  return JSON.parse(json) as MonthlyRubric;
}

interface TeacherFacts extends SheetFacts {
  teacherId: number; subjects: string; classes: string; weeklyPeriods: number; scheduledPeriods: number;
}

/**
 * Lessons each teacher observed: in the month, and in the term up to the month's last day. The one count behind
 * the monthly sheet, the bulletin and their exports.
 */
export function observationCounts(db: Database.Database, termId: number, month: string): Map<number, { month: number; toDate: number }> {
  const { from, to } = monthRange(month);
  const out = new Map<number, { month: number; toDate: number }>();
  for (const r of db.prepare(
    `SELECT observer_id, SUM(date BETWEEN ? AND ?) AS m, COUNT(*) AS n FROM observation WHERE term_id = ? AND date <= ? GROUP BY observer_id`,
  ).all(from, to, termId, to) as { observer_id: number; m: number; n: number }[]) out.set(r.observer_id, { month: r.m, toDate: r.n });
  return out;
}

/** The month's facts for every active teacher who teaches in the term. */
export function monthFacts(db: Database.Database, term: TermInfo, month: string): TeacherFacts[] {
  const { from, to } = monthRange(month);
  const assignments = db.prepare(
    `SELECT a.teacher_id, a.weekly_periods, s.name AS subject_name, s.sort_order, ct.level, ct.class_no,
            COALESCE(ty.roles, t.roles) AS roles
     FROM teaching_assignment a JOIN teacher t ON t.id = a.teacher_id JOIN subject s ON s.id = a.subject_id
     JOIN class_in_term ct ON ct.class_id = a.class_id AND ct.term_id = a.term_id
     LEFT JOIN teacher_year ty ON ty.teacher_id = t.id AND ty.school_year_id = ct.school_year_id
     WHERE a.term_id = ? AND t.archived = 0 ORDER BY a.teacher_id, s.sort_order, ct.level, ct.class_no`,
  ).all(term.id) as { teacher_id: number; weekly_periods: number; subject_name: string; level: number; class_no: number; roles: string }[];
  const byTeacher = new Map<number, { subjects: Set<string>; classes: Set<string>; weekly: number; roles: string[] }>();
  for (const a of assignments) {
    let t = byTeacher.get(a.teacher_id);
    if (!t) { t = { subjects: new Set(), classes: new Set(), weekly: 0, roles: JSON.parse(a.roles || '[]') }; byTeacher.set(a.teacher_id, t); }
    t.subjects.add(a.subject_name);
    t.classes.add(className(a.level, a.class_no));
    t.weekly += a.weekly_periods;
  }
  const scheduled = new Map<number, number>();
  for (const r of db.prepare(
    'SELECT a.teacher_id, COUNT(*) n FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id WHERE l.term_id = ? GROUP BY a.teacher_id',
  ).all(term.id) as { teacher_id: number; n: number }[]) scheduled.set(r.teacher_id, r.n);
  const observed = observationCounts(db, term.id, month);
  const mem = groupMembership(db, term.id);
  const research = researchAttendanceMap(db, term.id, from, to, mem.all);
  const collective = collectiveAttendanceMap(db, term.id, month);
  const planGrades = worstGrades(monthChecks(db, 'plan', term.id, month));
  const homeworkGrades = worstGrades(monthChecks(db, 'homework', term.id, month));
  // Tutoring of struggling students: the month's tutoring entries of the files a teacher is responsible for.
  const tutoring = new Map<number, number>();
  for (const r of db.prepare(
    `SELECT f.teacher_id, COUNT(*) n FROM struggling_entry e JOIN struggling_file f ON f.id = e.file_id
     WHERE f.term_id = ? AND e.kind = 'tutoring' AND e.entry_date BETWEEN ? AND ? AND f.teacher_id IS NOT NULL GROUP BY f.teacher_id`,
  ).all(term.id, from, to) as { teacher_id: number; n: number }[]) tutoring.set(r.teacher_id, r.n);
  const q = roleQuotas(db, term.id);
  const overrides = quotaOverrides(db, term.id);
  const out: TeacherFacts[] = [];
  for (const [tid, t] of byTeacher) {
    const quota = quotaFor(t.roles, q, overrides.get(tid)?.perTerm).quota;
    const r = research.get(tid);
    const c = collective.get(tid);
    out.push({
      teacherId: tid, subjects: [...t.subjects].join('、'), classes: [...t.classes].join('、'), weeklyPeriods: t.weekly,
      scheduledPeriods: scheduled.get(tid) ?? 0,
      // Term to date against the whole lessons due by the month's end (one rule: quotaDueByMonthEnd).
      observationsDone: observed.get(tid)?.toDate ?? 0, observationsDue: quotaDueByMonthEnd(quota, term.startDate, term.weeks, month),
      researchAttended: r?.attended ?? 0, researchHeld: r?.held ?? 0, collectiveAttended: c?.attended ?? 0, collectiveHeld: c?.held ?? 0,
      planGrade: planGrades.get(tid) ?? null, homeworkGrade: homeworkGrades.get(tid) ?? null,
      tutoringCount: tutoring.get(tid) ?? 0,
    });
  }
  return out;
}

const FACT_COLS = 'subjects = ?, classes = ?, weekly_periods = ?, scheduled_periods = ?, observations_done = ?, observations_due = ?, research_attended = ?, research_held = ?, collective_attended = ?, collective_held = ?, plan_grade = ?, homework_grade = ?, tutoring_count = ?';
const factValues = (f: TeacherFacts) => [f.subjects, f.classes, f.weeklyPeriods, f.scheduledPeriods, f.observationsDone, f.observationsDue, f.researchAttended, f.researchHeld, f.collectiveAttended, f.collectiveHeld, f.planGrade, f.homeworkGrade, f.tutoringCount];

export function startMonth(ctx: CoreContext, termId: number, month: string): MonthlyStartResult {
  const { db } = ctx;
  const term = loadTerm(db, termId);
  requireMonthInTerm(term, month);
  const existing = findCheck(db, termId, month);
  if (existing) return { ...readSheets(db, termId, month), created: 0, alreadyStarted: true };
  const rubric = monthlySheetRubric(db, termId);
  const facts = monthFacts(db, term, month);
  const now = ctx.now().toISOString();
  db.transaction(() => {
    const checkId = Number(db.prepare('INSERT INTO monthly_check (term_id, month, rubric, started_at) VALUES (?, ?, ?, ?)').run(termId, month, JSON.stringify(rubric), now).lastInsertRowid);
    const ins = db.prepare(
      `INSERT INTO monthly_sheet (check_id, teacher_id, subjects, classes, weekly_periods, scheduled_periods, observations_done, observations_due,
        research_attended, research_held, collective_attended, collective_held, plan_grade, homework_grade, tutoring_count, scores, total, grade, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of facts) {
      const scores = suggestScores(rubric, f);
      const s = scoreSheet(rubric, scores, bandGrade);
      ins.run(checkId, f.teacherId, ...factValues(f), JSON.stringify(scores), s.total, s.grade, now);
    }
    ctx.audit('monthlyCheck', 'start', { entityId: checkId, summary: `开始 ${month} 教学常规月查（${facts.length} 份）` });
  })();
  return { ...readSheets(db, termId, month), created: facts.length, alreadyStarted: false };
}

/**
 * Re-reads the facts into the month's sheets and adds sheets for teachers who started teaching since. Scores of
 * unchecked sheets whose score equals the old suggestion follow the new suggestion; entered scores are kept.
 */
export function refreshMonth(ctx: CoreContext, termId: number, month: string): MonthlySheets {
  const { db } = ctx;
  const term = loadTerm(db, termId);
  const check = requireCheck(db, termId, month);
  const rubric = parseRubric(check.rubric);
  const facts = monthFacts(db, term, month);
  const sheets = new Map((db.prepare('SELECT * FROM monthly_sheet WHERE check_id = ?').all(check.id) as SheetDbRow[]).map((s) => [s.teacher_id, s]));
  const now = ctx.now().toISOString();
  db.transaction(() => {
    const upd = db.prepare(`UPDATE monthly_sheet SET ${FACT_COLS}, scores = ?, total = ?, grade = ?, updated_at = ? WHERE id = ?`);
    const ins = db.prepare(
      `INSERT INTO monthly_sheet (check_id, teacher_id, subjects, classes, weekly_periods, scheduled_periods, observations_done, observations_due,
        research_attended, research_held, collective_attended, collective_held, plan_grade, homework_grade, tutoring_count, scores, total, grade, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of facts) {
      const next = suggestScores(rubric, f);
      const cur = sheets.get(f.teacherId);
      if (!cur) {
        const s = scoreSheet(rubric, next, bandGrade);
        ins.run(check.id, f.teacherId, ...factValues(f), JSON.stringify(next), s.total, s.grade, now);
        continue;
      }
      let scores = JSON.parse(cur.scores) as Record<string, number | null>;
      if (cur.status === '未查') {
        const old = suggestScores(rubric, factsOf(cur));
        scores = Object.fromEntries(rubric.items.map((i) => [i.key, scores[i.key] === old[i.key] ? next[i.key] : scores[i.key] ?? null]));
      }
      const s = scoreSheet(rubric, scores, bandGrade);
      upd.run(...factValues(f), JSON.stringify(scores), s.total, s.grade, now, cur.id);
    }
    ctx.audit('monthlyCheck', 'refresh', { entityId: check.id, summary: `更新 ${month} 月查数据` });
  })();
  return readSheets(db, termId, month);
}

export function discardMonth(ctx: CoreContext, termId: number, month: string): { ok: true } {
  const { db } = ctx;
  const check = requireCheck(db, termId, month);
  const checked = (db.prepare("SELECT COUNT(*) n FROM monthly_sheet WHERE check_id = ? AND status <> '未查'").get(check.id) as { n: number }).n;
  if (checked > 0) throw new AppError('CONFLICT', 'routineMonthly.monthHasChecked', { month, count: checked });
  db.transaction(() => {
    db.prepare('DELETE FROM monthly_sheet WHERE check_id = ?').run(check.id);
    db.prepare('DELETE FROM monthly_check WHERE id = ?').run(check.id);
    ctx.audit('monthlyCheck', 'discard', { entityId: check.id, summary: `撤销 ${month} 教学常规月查` });
  })();
  return { ok: true };
}

export interface SheetDbRow {
  id: number; check_id: number; teacher_id: number; subjects: string; classes: string; weekly_periods: number; scheduled_periods: number;
  observations_done: number; observations_due: number; research_attended: number; research_held: number;
  collective_attended: number; collective_held: number; plan_grade: string | null; homework_grade: string | null; tutoring_count: number;
  scores: string; total: number | null; grade: string | null; checker: string | null; checked_on: string | null; comment: string | null;
  fix_required: string | null; fix_done_on: string | null; status: SheetStatus; updated_at: string;
}

function factsOf(r: SheetDbRow): SheetFacts {
  return {
    observationsDone: r.observations_done, observationsDue: r.observations_due, researchAttended: r.research_attended, researchHeld: r.research_held,
    collectiveAttended: r.collective_attended, collectiveHeld: r.collective_held, planGrade: r.plan_grade, homeworkGrade: r.homework_grade, tutoringCount: r.tutoring_count,
  };
}

export function readSheets(db: Database.Database, termId: number, month: string): MonthlySheets {
  const check = findCheck(db, termId, month);
  const rubric = check ? parseRubric(check.rubric) : monthlySheetRubric(db, termId);
  const base = { termId, month, mode: rubric.mode, items: rubric.items, bands: rubric.bands, maxTotal: rubricMax(rubric) };
  if (!check) return { ...base, started: false, startedAt: null, rows: [] };
  const rows = db.prepare(
    'SELECT s.*, t.name AS teacher_name, t.staff_no FROM monthly_sheet s JOIN teacher t ON t.id = s.teacher_id WHERE s.check_id = ?',
  ).all(check.id) as (SheetDbRow & { teacher_name: string; staff_no: string | null })[];
  const mem = groupMembership(db, termId);
  const out: MonthlySheetRow[] = rows.map((r) => ({
    id: r.id, teacherId: r.teacher_id, teacherName: r.teacher_name, staffNo: r.staff_no,
    groupNames: (mem.research.get(r.teacher_id) ?? []).map((g) => g.name),
    subjects: r.subjects, classes: r.classes, weeklyPeriods: r.weekly_periods, scheduledPeriods: r.scheduled_periods,
    observationsDone: r.observations_done, observationsDue: r.observations_due, researchAttended: r.research_attended, researchHeld: r.research_held,
    collectiveAttended: r.collective_attended, collectiveHeld: r.collective_held, planGrade: r.plan_grade, homeworkGrade: r.homework_grade,
    tutoringCount: r.tutoring_count, scores: JSON.parse(r.scores), total: r.total, grade: r.grade, checker: r.checker, checkedOn: r.checked_on,
    comment: r.comment, fixRequired: r.fix_required, fixDoneOn: r.fix_done_on, status: r.status,
  }));
  // Grouped by 教研组 then by name, the order the office checks in.
  out.sort((a, b) => compareZh(a.groupNames[0] ?? '\uffff', b.groupNames[0] ?? '\uffff') || compareZh(a.teacherName, b.teacherName));
  return { ...base, started: true, startedAt: check.started_at, rows: out };
}

/**
 * Saves many sheet edits in one transaction. Every row is checked first (sheet of this month, known items,
 * scores within their max); any problem rejects the whole batch with per-row issues and nothing is written.
 */
export function saveSheets(ctx: CoreContext, input: ParsedInput<'monthly-check/saveSheets'>): MonthlySheets {
  const { db } = ctx;
  loadTerm(db, input.termId);
  const check = requireCheck(db, input.termId, input.month);
  const rubric = parseRubric(check.rubric);
  const current = new Map((db.prepare('SELECT * FROM monthly_sheet WHERE check_id = ?').all(check.id) as SheetDbRow[]).map((s) => [s.id, s]));
  const issues: FieldIssue[] = [];
  const today = todayOf(ctx.now());
  const writes: { id: number; before: SheetDbRow; after: Record<string, unknown> }[] = [];
  input.rows.forEach((e, i) => {
    const cur = current.get(e.id);
    if (!cur) { issues.push({ path: ['rows', i, 'id'], key: 'routineMonthly.sheetNotInMonth', params: { id: e.id, month: input.month } }); return; }
    const scores: Record<string, number | null> = { ...JSON.parse(cur.scores), ...(e.scores ?? {}) };
    const problems = checkSheetScores(rubric, e.scores ?? {});
    for (const p of problems) issues.push({ path: ['rows', i, 'scores', p.field], key: p.key, params: p.params });
    if (problems.length) return;
    const s = scoreSheet(rubric, scores, bandGrade);
    const checker = e.checker !== undefined ? e.checker : cur.checker;
    let status: SheetStatus = e.status ?? cur.status;
    if (!e.status && cur.status === '未查' && checker && s.total != null) status = '已查';
    let checkedOn = e.checkedOn !== undefined ? e.checkedOn : cur.checked_on;
    if (status !== '未查' && !checkedOn) checkedOn = today;
    writes.push({
      id: cur.id, before: cur,
      after: {
        scores: JSON.stringify(scores), total: s.total, grade: s.grade, checker, checked_on: checkedOn,
        comment: e.comment !== undefined ? e.comment : cur.comment,
        fix_required: e.fixRequired !== undefined ? e.fixRequired : cur.fix_required,
        fix_done_on: e.fixDoneOn !== undefined ? e.fixDoneOn : cur.fix_done_on,
        status,
      },
    });
  });
  if (issues.length) throw new AppError('VALIDATION', 'validation', undefined, issues);
  const now = ctx.now().toISOString();
  db.transaction(() => {
    const upd = db.prepare('UPDATE monthly_sheet SET scores = ?, total = ?, grade = ?, checker = ?, checked_on = ?, comment = ?, fix_required = ?, fix_done_on = ?, status = ?, updated_at = ? WHERE id = ?');
    for (const w of writes) {
      const a = w.after;
      upd.run(a.scores, a.total, a.grade, a.checker, a.checked_on, a.comment, a.fix_required, a.fix_done_on, a.status, now, w.id);
    }
    ctx.audit('monthlySheet', 'update', {
      entityId: check.id,
      summary: `保存 ${input.month} 月查表 ${writes.length} 份`,
      before: writes.map((w) => ({ id: w.id, teacherId: w.before.teacher_id, scores: w.before.scores, total: w.before.total, status: w.before.status })),
      after: writes.map((w) => ({ id: w.id, ...w.after })),
    });
  })();
  return readSheets(db, input.termId, input.month);
}

export function monthlyProgress(db: Database.Database, termId: number, month: string): MonthlyProgress {
  const check = findCheck(db, termId, month);
  const out: MonthlyProgress = { termId, month, total: 0, checked: 0, confirmed: 0, byGroup: [] };
  if (!check) return out;
  const mem = groupMembership(db, termId);
  const groups = new Map<string, MonthlyProgress['byGroup'][number]>();
  for (const s of db.prepare('SELECT teacher_id, status FROM monthly_sheet WHERE check_id = ?').all(check.id) as { teacher_id: number; status: SheetStatus }[]) {
    const checked = s.status !== '未查' ? 1 : 0;
    const confirmed = s.status === '已确认' ? 1 : 0;
    out.total++; out.checked += checked; out.confirmed += confirmed;
    const gs = mem.research.get(s.teacher_id) ?? [];
    for (const g of gs.length ? gs : [{ id: null as number | null, name: '' }]) {
      const k = String(g.id);
      let row = groups.get(k);
      if (!row) { row = { groupId: g.id, groupName: g.name, total: 0, checked: 0, confirmed: 0 }; groups.set(k, row); }
      row.total++; row.checked += checked; row.confirmed += confirmed;
    }
  }
  out.byGroup = [...groups.values()].sort((a, b) => (a.groupId == null ? 1 : b.groupId == null ? -1 : compareZh(a.groupName, b.groupName)));
  return out;
}

export function listMonths(db: Database.Database, termId: number): MonthlyCheckMonth[] {
  const term = loadTerm(db, termId);
  const counts = new Map((db.prepare(
    `SELECT c.month, COUNT(s.id) total, SUM(s.status <> '未查') checked, SUM(s.status = '已确认') confirmed
     FROM monthly_check c LEFT JOIN monthly_sheet s ON s.check_id = c.id WHERE c.term_id = ? GROUP BY c.id`,
  ).all(termId) as { month: string; total: number; checked: number | null; confirmed: number | null }[]).map((r) => [r.month, r]));
  return termMonths(term.startDate, term.weeks).map((month) => {
    const c = counts.get(month);
    return { month, started: !!c, total: c?.total ?? 0, checked: c?.checked ?? 0, confirmed: c?.confirmed ?? 0 };
  });
}

/** The months of a term whose routine check was started ('YYYY-MM'): the months that have sheets to print. */
export function startedMonths(db: Database.Database, termId: number): string[] {
  return (db.prepare('SELECT month FROM monthly_check WHERE term_id = ? ORDER BY month').all(termId) as { month: string }[]).map((r) => r.month);
}
