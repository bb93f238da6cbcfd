/**
 * 开齐开足: compares each class's weekly periods per subject with the curriculum standard of its grade.
 * Pure: the caller loads the standard, the classes and the actual periods on the chosen basis (teaching
 * assignments, placed lessons, or periods actually taught per week over a date range).
 */
import type { ComplianceClassRow, ComplianceResult, ComplianceStatus, CurriculumStandard } from '../../contract/curriculum';
import { SUBJECT_ALIASES } from '../constants';
import { NINE_YEAR_SHARES, teachingWeeksOf } from './default-curriculum';

/** The national name of a school's subject name (英语 -> 外语(英语)). */
export function nationalName(name: string): string {
  return SUBJECT_ALIASES[name] ?? name;
}

export interface ComplianceClass { classId: number; className: string; gradeLevel: number }
export interface ActualPeriods { classId: number; subjectId: number; subjectName: string; periods: number }
export type ComplianceBasis = ComplianceResult['basis'];

/** Periods per week on the 'taught' basis are averages: compare with a small tolerance, show one decimal. */
const EPS = 0.05;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** i18n keys (under compliance.problem) of the problems a class can have. */
export const PROBLEM_KEYS = {
  missing: 'compliance.problem.missing',
  below: 'compliance.problem.below',
  above: 'compliance.problem.above',
  extra: 'compliance.problem.extra',
  totalWrong: 'compliance.problem.totalWrong',
  noStandard: 'compliance.problem.noStandard',
} as const;

export function checkCompliance(
  standard: CurriculumStandard,
  classes: ComplianceClass[],
  actualPeriods: ActualPeriods[],
  basis: ComplianceBasis = 'timetable',
): ComplianceResult {
  const byGrade = new Map(standard.grades.map((g) => [g.level, g]));
  const actualOf = new Map<number, Map<number, { name: string; periods: number }>>();
  for (const a of actualPeriods) {
    const m = actualOf.get(a.classId) ?? new Map<number, { name: string; periods: number }>();
    const prev = m.get(a.subjectId);
    // Several teachers may share one subject of a class (e.g. 语文 split): periods add up.
    m.set(a.subjectId, { name: a.subjectName, periods: (prev?.periods ?? 0) + a.periods });
    actualOf.set(a.classId, m);
  }

  const rows: ComplianceClassRow[] = classes.map((c) => {
    const std = byGrade.get(c.gradeLevel);
    const actual = actualOf.get(c.classId) ?? new Map<number, { name: string; periods: number }>();
    const total = round1([...actual.values()].reduce((s, a) => s + a.periods, 0));
    const subjects: ComplianceClassRow['subjects'] = [];
    const problems: ComplianceClassRow['problems'] = [];
    if (!std) {
      problems.push({ key: PROBLEM_KEYS.noStandard, params: { grade: c.gradeLevel } });
      return { ...c, total, requiredTotal: 0, status: 'problem', subjects, problems };
    }
    const required = new Set<number>();
    for (const s of std.subjects) {
      required.add(s.subjectId);
      const got = round1(actual.get(s.subjectId)?.periods ?? 0);
      let status: ComplianceStatus = 'ok';
      if (s.periods > 0 && got < EPS) status = 'missing';
      else if (got < s.periods - EPS) status = 'below';
      else if (got > s.periods + EPS) status = 'above';
      subjects.push({ subjectId: s.subjectId, subjectName: s.subjectName, required: s.periods, actual: got, status });
      if (status !== 'ok') problems.push({ key: PROBLEM_KEYS[status], params: { subject: s.subjectName, actual: got, required: s.periods } });
    }
    // Subjects the class has but the grade's standard does not list: periods taken from required subjects.
    for (const [subjectId, a] of actual) {
      if (required.has(subjectId) || a.periods < EPS) continue;
      const got = round1(a.periods);
      subjects.push({ subjectId, subjectName: a.name, required: 0, actual: got, status: 'above' });
      problems.push({ key: PROBLEM_KEYS.extra, params: { subject: a.name, actual: got } });
    }
    if (Math.abs(total - std.total) > EPS) problems.push({ key: PROBLEM_KEYS.totalWrong, params: { actual: total, required: std.total } });
    return { ...c, total, requiredTotal: std.total, status: problems.length ? 'problem' : 'ok', subjects, problems };
  });

  const levels = [...new Set(classes.map((c) => c.gradeLevel))].sort((a, b) => a - b);
  const grades = levels.map((level) => {
    const of = rows.filter((r) => r.gradeLevel === level);
    return { level, classes: of.length, okClasses: of.filter((r) => r.status === 'ok').length };
  });
  return { basis, classes: rows, grades, shares: nineYearShares(standard, rows) };
}

/**
 * Nine-year shares over the grades present: for each grade, the weekly periods of a group (the class average
 * for actual, the standard for required) times the teaching weeks of the year (35, 33 in grade 9), as a
 * percent of all periods of those grades. A primary or middle school sees the shares of its own grades only.
 */
export function nineYearShares(standard: CurriculumStandard, rows: ComplianceClassRow[]): ComplianceResult['shares'] {
  const levels = [...new Set(rows.map((r) => r.gradeLevel))].filter((l) => standard.grades.some((g) => g.level === l));
  const groupOf = new Map<string, string>();
  for (const s of NINE_YEAR_SHARES) for (const name of s.subjects) groupOf.set(name, s.group);
  const req = new Map<string, number>();
  const act = new Map<string, number>();
  let reqTotal = 0;
  let actTotal = 0;
  for (const level of levels) {
    const weeks = teachingWeeksOf(level);
    const std = standard.grades.find((g) => g.level === level)!;
    for (const s of std.subjects) {
      const g = groupOf.get(nationalName(s.subjectName));
      reqTotal += s.periods * weeks;
      if (g) req.set(g, (req.get(g) ?? 0) + s.periods * weeks);
    }
    const classRows = rows.filter((r) => r.gradeLevel === level);
    for (const r of classRows) {
      for (const s of r.subjects) {
        const share = (s.actual * weeks) / classRows.length;
        const g = groupOf.get(nationalName(s.subjectName));
        actTotal += share;
        if (g) act.set(g, (act.get(g) ?? 0) + share);
      }
    }
  }
  const pct = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 10 : 0);
  return NINE_YEAR_SHARES.map((s) => ({
    group: s.group,
    percent: pct(act.get(s.group) ?? 0, actTotal),
    requiredPercent: pct(req.get(s.group) ?? 0, reqTotal),
    min: s.min,
    max: s.max,
  }));
}
