/**
 * Data for the printouts the report engineer renders: the per-teacher term summary and the monthly bulletin
 * (月度通报). Only sheets with status 已查/已确认 count in averages and findings.
 */
import type Database from 'better-sqlite3';
import type { BulletinData, TermSummary, TermSummaryTeacher } from '../../../../shared/contract';
import { monthRange, PROBLEM_SHARE, rubricMax, type MonthlyRubric, type SheetStatus } from '../../../../shared/domain/routine/monthly';
import { quotaFor } from '../../../../shared/domain/routine/quota';
import { compareZh } from '../../../../shared/domain/text';
import { groupMembership, loadTerm, teacherMap } from '../../platform/staff';
import { findCheck, observationCounts, parseRubric, requireMonthInTerm } from './monthly';
import { quotaOverrides, roleQuotas } from '../observations/service';
import { monthChecks } from './standards-bridge';
import { schoolName } from '../../platform/query';

const round1 = (v: number) => Math.round(v * 10) / 10;
const avg = (xs: number[]) => (xs.length ? round1(xs.reduce((s, x) => s + x, 0) / xs.length) : null);
const isChecked = (s: SheetStatus) => s !== '未查';

export function termSummary(db: Database.Database, termId: number, teacherId: number | null): TermSummary {
  const term = loadTerm(db, termId);
  const checks = db.prepare('SELECT id, month, rubric FROM monthly_check WHERE term_id = ? ORDER BY month').all(termId) as { id: number; month: string; rubric: string }[];
  const mem = groupMembership(db, termId);
  const teachers = teacherMap(db);
  const q = roleQuotas(db, termId);
  const overrides = quotaOverrides(db, termId);
  const observed = new Map((db.prepare('SELECT observer_id, COUNT(*) n FROM observation WHERE term_id = ? GROUP BY observer_id').all(termId) as { observer_id: number; n: number }[]).map((r) => [r.observer_id, r.n]));
  const sheets = db.prepare(
    `SELECT s.check_id, s.teacher_id, s.scores, s.total, s.grade, s.status FROM monthly_sheet s JOIN monthly_check c ON c.id = s.check_id
     WHERE c.term_id = ? ${teacherId ? 'AND s.teacher_id = ?' : ''}`,
  ).all(...(teacherId ? [termId, teacherId] : [termId])) as { check_id: number; teacher_id: number; scores: string; total: number | null; grade: string | null; status: SheetStatus }[];
  const monthOf = new Map(checks.map((c) => [c.id, c.month]));
  const byTeacher = new Map<number, TermSummaryTeacher>();
  const monthTotals = new Map<string, number[]>();
  for (const s of sheets) {
    const t = teachers.get(s.teacher_id);
    if (!t) continue;
    let row = byTeacher.get(s.teacher_id);
    if (!row) {
      row = {
        teacherId: t.id, teacherName: t.name, groupNames: (mem.research.get(t.id) ?? []).map((g) => g.name), months: [], average: null, itemAverages: {},
        observationsDone: observed.get(t.id) ?? 0, observationsQuota: quotaFor(t.roles, q, overrides.get(t.id)?.perTerm).quota,
      };
      byTeacher.set(t.id, row);
    }
    const month = monthOf.get(s.check_id)!;
    row.months.push({ month, total: s.total, grade: s.grade, status: s.status, scores: JSON.parse(s.scores) });
    if (isChecked(s.status) && s.total != null) {
      const list = monthTotals.get(month) ?? [];
      list.push(s.total);
      monthTotals.set(month, list);
    }
  }
  for (const row of byTeacher.values()) {
    row.months.sort((a, b) => a.month.localeCompare(b.month));
    const done = row.months.filter((m) => isChecked(m.status));
    row.average = avg(done.flatMap((m) => (m.total == null ? [] : [m.total])));
    const keys = new Set(done.flatMap((m) => Object.keys(m.scores)));
    for (const k of keys) row.itemAverages[k] = avg(done.flatMap((m) => (m.scores[k] == null ? [] : [m.scores[k] as number])));
  }
  const latest = checks.length ? parseRubric(checks[checks.length - 1].rubric) : null;
  return {
    termId, termName: term.name, months: checks.map((c) => c.month), items: latest?.items ?? [],
    teachers: [...byTeacher.values()].sort((a, b) => compareZh(a.groupNames[0] ?? '\uffff', b.groupNames[0] ?? '\uffff') || compareZh(a.teacherName, b.teacherName)),
    monthAverages: checks.map((c) => ({ month: c.month, average: avg(monthTotals.get(c.month) ?? []), checked: (monthTotals.get(c.month) ?? []).length })),
  };
}

/** Commended: at most this many teachers. */
const MAX_COMMENDED = 10;

export function bulletinData(db: Database.Database, termId: number, month: string): BulletinData {
  const term = loadTerm(db, termId);
  requireMonthInTerm(term, month);
  const school = schoolName(db);
  const check = findCheck(db, termId, month);
  const teachers = teacherMap(db);
  const mem = groupMembership(db, termId);
  const groupsOf = (tid: number) => (mem.research.get(tid) ?? []).map((g) => g.name);
  const rubric: MonthlyRubric | null = check ? parseRubric(check.rubric) : null;
  const sheets = check
    ? db.prepare('SELECT * FROM monthly_sheet WHERE check_id = ?').all(check.id) as {
      teacher_id: number; scores: string; total: number | null; grade: string | null; status: SheetStatus; comment: string | null;
      observations_done: number; observations_due: number; fix_required: string | null; fix_done_on: string | null;
    }[]
    : [];
  const checked = sheets.filter((s) => isChecked(s.status));
  const totals = checked.flatMap((s) => (s.total == null ? [] : [s.total]));
  const gradeCounts = new Map<string, number>();
  for (const b of rubric?.bands ?? []) gradeCounts.set(b.label, 0);
  for (const s of checked) if (s.grade) gradeCounts.set(s.grade, (gradeCounts.get(s.grade) ?? 0) + 1);

  const planChecks = monthChecks(db, 'plan', termId, month);
  const homeworkChecks = monthChecks(db, 'homework', termId, month);
  const isProblem = (c: { grade: string | null; fixRequired: string | null }) => c.grade === '不合格' || !!c.fixRequired;
  const nameOf = (tid: number) => teachers.get(tid)?.name ?? '';

  const fixes: BulletinData['fixes'] = [];
  for (const s of sheets) if (s.fix_required) fixes.push({ source: 'sheet', teacherId: s.teacher_id, teacherName: nameOf(s.teacher_id), text: s.fix_required, done: !!s.fix_done_on, doneOn: s.fix_done_on });
  for (const [source, list] of [['plan', planChecks], ['homework', homeworkChecks]] as const) {
    for (const c of list) {
      if (c.fixRequired) fixes.push({ source, teacherId: c.teacherId, teacherName: nameOf(c.teacherId), text: c.fixRequired, done: c.fixStatus === 'done', doneOn: c.fixDoneDate });
    }
  }
  fixes.sort((a, b) => Number(a.done) - Number(b.done) || compareZh(a.teacherName, b.teacherName));

  // Commended: the top band (优) if any reached it, else the best totals; ties by name.
  const ranked = checked.filter((s) => s.total != null).sort((a, b) => b.total! - a.total! || compareZh(nameOf(a.teacher_id), nameOf(b.teacher_id)));
  const topLabel = rubric?.mode === 'bands' ? [...rubric.bands].sort((a, b) => b.min - a.min)[0]?.label : undefined;
  const top = topLabel ? ranked.filter((s) => s.grade === topLabel) : [];
  const commended = (top.length ? top : ranked.slice(0, 3)).slice(0, MAX_COMMENDED).map((s) => ({
    teacherId: s.teacher_id, teacherName: nameOf(s.teacher_id), groupNames: groupsOf(s.teacher_id), total: s.total!, grade: s.grade, comment: s.comment,
  }));

  const problems: BulletinData['problems'] = [];
  for (const it of rubric?.items ?? []) {
    const low = checked.flatMap((s) => {
      const v = (JSON.parse(s.scores) as Record<string, number | null>)[it.key];
      return v != null && v < it.maxScore * PROBLEM_SHARE ? [{ teacherId: s.teacher_id, teacherName: nameOf(s.teacher_id), score: v }] : [];
    }).sort((a, b) => a.score - b.score || compareZh(a.teacherName, b.teacherName));
    if (low.length) problems.push({ itemKey: it.key, itemName: it.name, maxScore: it.maxScore, teachers: low });
  }

  const byGroupMap = new Map<string, number[]>();
  const checkedByGroup = new Map<string, number>();
  for (const s of checked) {
    for (const g of groupsOf(s.teacher_id)) {
      checkedByGroup.set(g, (checkedByGroup.get(g) ?? 0) + 1);
      if (s.total != null) { const l = byGroupMap.get(g) ?? []; l.push(s.total); byGroupMap.set(g, l); }
    }
  }
  const range = monthRange(month);
  const monthCounts = observationCounts(db, termId, month);
  const research = (db.prepare('SELECT COUNT(*) n FROM research_activity WHERE term_id = ? AND date BETWEEN ? AND ?').get(termId, range.from, range.to) as { n: number }).n;

  return {
    termId, termName: term.name, month, schoolName: school,
    summary: {
      teachers: sheets.length, checked: checked.length, averageScore: avg(totals), maxTotal: rubric ? rubricMax(rubric) : 100,
      gradeDistribution: [...gradeCounts].map(([grade, count]) => ({ grade, count })),
      observationsDone: sheets.reduce((s, x) => s + x.observations_done, 0),
      observationsDue: round1(sheets.reduce((s, x) => s + x.observations_due, 0)),
      observationsThisMonth: sheets.reduce((s, x) => s + (monthCounts.get(x.teacher_id)?.month ?? 0), 0),
      // The same rule as each sheet's 未达进度 and the bulletin's chart: term to date below the whole lessons due.
      teachersBehind: sheets.filter((x) => x.observations_due > 0 && x.observations_done < x.observations_due).length,
      researchActivities: research,
      planProblems: planChecks.filter(isProblem).length,
      homeworkProblems: homeworkChecks.filter(isProblem).length,
      openFixes: fixes.filter((f) => !f.done).length,
      fixTeachers: new Set(fixes.filter((f) => !f.done).map((f) => f.teacherId)).size,
    },
    commended, problems, fixes,
    byGroup: [...checkedByGroup].map(([groupName, n]) => ({ groupName, checked: n, average: avg(byGroupMap.get(groupName) ?? []) })).sort((a, b) => compareZh(a.groupName, b.groupName)),
  };
}
