/**
 * Score analysis (三率一分 and balance between classes), pure: the core loads rows, this computes.
 *
 * Definitions (domain.md, 质量监测):
 * - 应考 = students on the exam's roster in the class; 实考 = those with a score (or a level); 缺考 are not takers.
 * - 及格 = score >= pass% of full marks; 优秀 = score >= excellent%; 低分 = score < low% (ties at a threshold
 *   count as reached, so a score exactly on the low cut is not low).
 * - Standard deviation is the population one (the class is the whole population, not a sample).
 * - Spread between classes = coefficient of variation of the class averages (SD / mean, unweighted).
 * - Nobody took it -> every rate and average is null, never NaN.
 */
import type {
  ClassSubjectStats, ExamThreshold, GradeAnalysis, ScoreLevel, SubjectGradeAnalysis, SubjectStats,
} from '../../contract/exams';
import { SCORE_LEVELS } from '../../contract/exams';

export interface Thresholds { passPct: number; excellentPct: number; lowPct: number }

/** Defaults when the settings table has no row for a grade: 优秀 from 90% in grades 1-3, else 85%. */
export function defaultThreshold(gradeLevel: number): ExamThreshold {
  return { gradeLevel, passPct: 60, excellentPct: gradeLevel <= 3 ? 90 : 85, lowPct: 40, bottomPct: 10 };
}

// Scores and full marks are given to at most a tenth or half point; the epsilon only absorbs float noise
// such as 0.85 * 150 so that a score exactly on the line counts as reached.
const EPS = 1e-9;
export const reaches = (score: number, fullMarks: number, pct: number) => score * 100 >= fullMarks * pct - EPS;
export const isLow = (score: number, fullMarks: number, lowPct: number) => score * 100 < fullMarks * lowPct - EPS;

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/** Statistics of one group's scores (a class or a whole grade in one subject). */
export function scoreStats(values: ArrayLike<number>, opts: { expected: number; absent: number; fullMarks: number; thresholds: Thresholds }): SubjectStats {
  const n = values.length;
  const { fullMarks, thresholds: t } = opts;
  let sum = 0, max = -Infinity, min = Infinity, pass = 0, excellent = 0, low = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    if (v > max) max = v;
    if (v < min) min = v;
    if (reaches(v, fullMarks, t.passPct)) pass++;
    if (reaches(v, fullMarks, t.excellentPct)) excellent++;
    if (isLow(v, fullMarks, t.lowPct)) low++;
  }
  const average = n ? sum / n : null;
  let sd: number | null = null;
  if (average !== null) {
    let sq = 0;
    for (let i = 0; i < n; i++) sq += (values[i] - average) ** 2;
    sd = Math.sqrt(sq / n);
  }
  return {
    expected: opts.expected, takers: n, absent: opts.absent,
    participation: ratio(n, opts.expected),
    average, passRate: ratio(pass, n), excellentRate: ratio(excellent, n), lowRate: ratio(low, n),
    passCount: pass, excellentCount: excellent, lowCount: low,
    max: n ? max : null, min: n ? min : null, sd,
  };
}

/**
 * Level-mode statistics (grades 1-2): 优秀率 = share of 优, 及格率 = share not 待合格, 低分率 = share of 待合格.
 */
export function levelStats(levels: ScoreLevel[], opts: { expected: number; absent: number }): SubjectStats {
  const counts = Object.fromEntries(SCORE_LEVELS.map((l) => [l, 0])) as Record<ScoreLevel, number>;
  for (const l of levels) counts[l]++;
  const n = levels.length;
  return {
    expected: opts.expected, takers: n, absent: opts.absent,
    participation: ratio(n, opts.expected), average: null,
    passRate: ratio(n - counts['待合格'], n), excellentRate: ratio(counts['优'], n), lowRate: ratio(counts['待合格'], n),
    passCount: n - counts['待合格'], excellentCount: counts['优'], lowCount: counts['待合格'],
    max: null, min: null, sd: null, levels: counts,
  };
}

/** Coefficient of variation (population SD / mean) of the given averages; null with < 2 values or mean 0. */
export function coefficientOfVariation(averages: (number | null)[]): number | null {
  const xs = averages.filter((x): x is number => x !== null);
  if (xs.length < 2) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (mean === 0) return null;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
  return sd / mean;
}

/** Histogram in `bins` equal bins of full marks; the last bin includes full marks itself. */
export function distribution(values: ArrayLike<number>, fullMarks: number, bins = 10): { from: number; to: number; count: number }[] {
  const width = fullMarks / bins;
  const out = Array.from({ length: bins }, (_, i) => ({ from: round(i * width, 2), to: round((i + 1) * width, 2), count: 0 }));
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor((values[i] / fullMarks) * bins + EPS)));
    out[b].count++;
  }
  return out;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// ---- the whole exam ----

export interface AnalysisCell { studentId: number; subjectId: number; score: number | null; absent: boolean; level: ScoreLevel | null }
export interface AnalysisInput {
  mode: 'score' | 'level';
  subjects: { subjectId: number; subjectName: string; fullMarks: number | null }[];
  grades: { gradeId: number; gradeLevel: number; gradeName: string; thresholds: ExamThreshold }[];
  /** Classes in display order. */
  classes: { classId: number; className: string; gradeId: number }[];
  /** The exam's roster (应考): each student's class on the exam. */
  roster: { studentId: number; classId: number }[];
  cells: AnalysisCell[];
}

interface Bucket { values: number[]; levels: ScoreLevel[]; absent: number; cells: number }
const newBucket = (): Bucket => ({ values: [], levels: [], absent: 0, cells: 0 });

/** Per grade, per subject: the grade-wide figures, each class's, the CV of class averages and a histogram. */
export function analyseExam(input: AnalysisInput): GradeAnalysis[] {
  const classOf = new Map<number, number>();
  for (const r of input.roster) classOf.set(r.studentId, r.classId);
  const expected = new Map<number, number>();
  for (const r of input.roster) expected.set(r.classId, (expected.get(r.classId) ?? 0) + 1);

  // bucket key = classId * 100000 + subjectId (ids are far below 100000 in a school database)
  const buckets = new Map<number, Bucket>();
  for (const c of input.cells) {
    const classId = classOf.get(c.studentId);
    if (classId === undefined) continue; // not on the roster: not part of the analysis
    const key = classId * 100000 + c.subjectId;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = newBucket()));
    b.cells++;
    if (c.absent) b.absent++;
    else if (input.mode === 'level') { if (c.level) b.levels.push(c.level); }
    else if (c.score !== null) b.values.push(c.score);
  }

  return input.grades.map((g) => {
    const classes = input.classes.filter((c) => c.gradeId === g.gradeId && expected.has(c.classId));
    const cellsIn = (subjectId: number) => classes.reduce((n, c) => n + (buckets.get(c.classId * 100000 + subjectId)?.cells ?? 0), 0);
    const gradeHasCells = input.subjects.some((s) => cellsIn(s.subjectId) > 0);
    // A grade shows the subjects it has scores in (an exam for grades 7-9 may list 物理 that grade 7 does not take).
    const subjects = input.subjects.filter((s) => !gradeHasCells || cellsIn(s.subjectId) > 0);
    const t = g.thresholds;
    const subjectRows: SubjectGradeAnalysis[] = subjects.map((s) => {
      const all = newBucket();
      const perClass = classes.map((c) => {
        const b = buckets.get(c.classId * 100000 + s.subjectId) ?? newBucket();
        for (const v of b.values) all.values.push(v);
        for (const l of b.levels) all.levels.push(l);
        all.absent += b.absent;
        return { c, b };
      });
      const exp = (classId: number) => expected.get(classId) ?? 0;
      const gradeExpected = classes.reduce((n, c) => n + exp(c.classId), 0);
      const stats = (b: Bucket, e: number) =>
        input.mode === 'level' || s.fullMarks === null
          ? levelStats(b.levels, { expected: e, absent: b.absent })
          : scoreStats(b.values, { expected: e, absent: b.absent, fullMarks: s.fullMarks, thresholds: t });
      const grade = stats(all, gradeExpected);
      const classRows: ClassSubjectStats[] = perClass.map(({ c, b }) => {
        const st = stats(b, exp(c.classId));
        return {
          ...st, classId: c.classId, className: c.className,
          diffFromGrade: st.average !== null && grade.average !== null ? st.average - grade.average : null,
        };
      });
      return {
        subjectId: s.subjectId, subjectName: s.subjectName, fullMarks: s.fullMarks, grade,
        classes: classRows,
        cv: coefficientOfVariation(classRows.map((r) => r.average)),
        distribution: s.fullMarks !== null && input.mode === 'score' ? distribution(all.values, s.fullMarks) : [],
      };
    });
    return {
      gradeId: g.gradeId, gradeLevel: g.gradeLevel, gradeName: g.gradeName, thresholds: t,
      classes: classes.map((c) => ({ classId: c.classId, className: c.className, expected: expected.get(c.classId) ?? 0 })),
      subjects: subjectRows,
    };
  });
}

/** Rate as printed: 87.5% (one decimal), '—' for null. */
export function pct(x: number | null, digits = 1): string {
  return x === null ? '—' : `${(x * 100).toFixed(digits)}%`;
}
/** Score as printed: 78.35 (two decimals, trailing zeros dropped), '—' for null. */
export function fmtScore(x: number | null, digits = 2): string {
  return x === null ? '—' : String(round(x, digits));
}
