/**
 * curriculum/check: loads the classes and their weekly periods per subject on the chosen basis and runs the
 * pure check. Bases: 'assignments' (teaching_assignment.weekly_periods), 'timetable' (lessons placed in the
 * week), 'taught' (periods actually taught in a date range per week, from the timetable core's
 * 'timetable/taught', which applies the substitution log).
 */
import type { ComplianceResult, CurriculumStandard } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import { checkCompliance, type ActualPeriods, type ComplianceBasis, type ComplianceClass } from '../../../../shared/domain/timetable/compliance';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { loadTerm } from '../../platform/report/header';
import { taught } from '../timetable/service';
import { getStandard } from './standard';
import { schoolDay } from '../../../../shared/domain/dates';
import { requireTerm } from '../../platform/query';

export interface ComplianceQuery { termId: number; basis: ComplianceBasis; from?: string; to?: string }

export interface ComplianceRun {
  result: ComplianceResult;
  standard: CurriculumStandard;
  termLabel: string;
  /** For 'taught': the date range actually used. */
  range: { from: string; to: string } | null;
}

/** The classes running in the term's school year, named for it. */
export function loadClasses(ctx: CoreContext, termId: number): ComplianceClass[] {
  const rows = ctx.db
    .prepare('SELECT class_id AS id, level, class_no FROM class_in_term WHERE term_id = ? AND active ORDER BY level, class_no')
    .all(termId) as { id: number; level: number; class_no: number }[];
  return rows.map((r) => ({ classId: r.id, className: className(r.level, r.class_no), gradeLevel: r.level }));
}

/** The 'taught' range: what was asked, else the term's start up to today (or the term's last teaching day). */
function taughtRange(ctx: CoreContext, termId: number, from?: string, to?: string): { from: string; to: string } {
  const t = requireTerm(ctx.db, termId);
  const today = schoolDay(ctx.now());
  const range = { from: from ?? t.startDate, to: to ?? (today < t.endDate ? today : t.endDate) };
  if (range.from > range.to) throw new AppError('VALIDATION', 'compliance.badRange', range);
  return range;
}

function taughtPeriods(ctx: CoreContext, termId: number, range: { from: string; to: string }): ActualPeriods[] {
  return taught(ctx, termId, range.from, range.to)
    .map((r) => ({ classId: r.classId, subjectId: r.subjectId, subjectName: r.subjectName, periods: r.weeks > 0 ? r.taught / r.weeks : 0 }));
}

export function loadActual(ctx: CoreContext, q: ComplianceQuery, range: { from: string; to: string } | null): ActualPeriods[] {
  if (q.basis === 'assignments') {
    return ctx.db
      .prepare(
        `SELECT ta.class_id AS classId, ta.subject_id AS subjectId, s.name AS subjectName, SUM(ta.weekly_periods) AS periods
           FROM teaching_assignment ta JOIN subject s ON s.id = ta.subject_id
          WHERE ta.term_id = ? GROUP BY ta.class_id, ta.subject_id`,
      )
      .all(q.termId) as ActualPeriods[];
  }
  if (q.basis === 'timetable') {
    return ctx.db
      .prepare(
        `SELECT l.class_id AS classId, ta.subject_id AS subjectId, s.name AS subjectName, COUNT(*) AS periods
           FROM lesson l JOIN teaching_assignment ta ON ta.id = l.assignment_id JOIN subject s ON s.id = ta.subject_id
          WHERE l.term_id = ? GROUP BY l.class_id, ta.subject_id`,
      )
      .all(q.termId) as ActualPeriods[];
  }
  return taughtPeriods(ctx, q.termId, range!);
}

export function runCompliance(ctx: CoreContext, q: ComplianceQuery): ComplianceRun {
  const term = loadTerm(ctx, q.termId);
  if (!term) throw new AppError('NOT_FOUND', 'termNotFound', { id: q.termId });
  const standard = getStandard(ctx);
  const range = q.basis === 'taught' ? taughtRange(ctx, q.termId, q.from, q.to) : null;
  const actual = loadActual(ctx, q, range);
  return { result: checkCompliance(standard, loadClasses(ctx, q.termId), actual, q.basis), standard, termLabel: term.label, range };
}

/** Chinese text of a problem for printouts and Excel (the UI translates the same keys itself). */
export function problemText(p: { key: string; params: Record<string, string | number> }): string {
  const v = p.params;
  switch (p.key.split('.').pop()) {
    case 'missing': return `未开设${v.subject}（应 ${v.required} 节）`;
    case 'below': return `${v.subject}少 ${round1(Number(v.required) - Number(v.actual))} 节（${v.actual}/${v.required}）`;
    case 'above': return `${v.subject}多 ${round1(Number(v.actual) - Number(v.required))} 节（${v.actual}/${v.required}）`;
    case 'extra': return `${v.subject}不在本年级课程标准中（${v.actual} 节）`;
    case 'totalWrong': return `周课时合计 ${v.actual}，应为 ${v.required}`;
    case 'noStandard': return `${v.grade} 年级没有课程标准`;
    default: return p.key;
  }
}
const round1 = (n: number) => Math.round(n * 10) / 10;

export const BASIS_LABELS: Record<ComplianceBasis, string> = { assignments: '按任课安排', timetable: '按课表', taught: '按实际授课' };

export function basisText(run: ComplianceRun): string {
  const label = BASIS_LABELS[run.result.basis];
  return run.range ? `${label}（${run.range.from} 至 ${run.range.to}）` : label;
}
