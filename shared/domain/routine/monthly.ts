/**
 * The monthly routine check (教学常规月查): the term's months, the default monthly-sheet rubric, suggested scores
 * from the prefilled facts, totals and grade bands, and per-row validation. Pure.
 */
import { termEnd } from '../timetable/taught';
import { defaultRubric } from './standards';

/** Where an item's suggested score comes from (the prefilled facts of the sheet); null = entered by hand. */
export type MonthlyItemSource = 'plan' | 'homework' | 'observation' | 'research' | 'collective' | 'tutoring' | null;

/** Same shape as the routine standards' rubric (shared/contract/routine-plans.ts), plus where a suggestion comes from. */
export interface MonthlyRubricItem { key: string; name: string; maxScore: number; source?: MonthlyItemSource }
/** A score >= min earns the label (bands tried from the highest min down). */
export interface SheetGradeBand { label: string; min: number }
export interface MonthlyRubric { mode: 'bands' | 'score'; items: MonthlyRubricItem[]; bands: SheetGradeBand[] }

/** Item keys whose suggested score comes from a fact of the sheet (keys of the standards' default rubric included). */
const SOURCE_BY_KEY: Record<string, MonthlyItemSource> = {
  plan: 'plan', plans: 'plan', lessonPlans: 'plan',
  homework: 'homework',
  observation: 'observation', observations: 'observation',
  research: 'research',
  collective: 'collective', collectivePrep: 'collective',
  tutoring: 'tutoring',
};

/** A standards rubric (routine-plans shape) with each item's fact source inferred from its key. */
export function toMonthlyRubric(r: { mode: 'bands' | 'score'; items: { key: string; name: string; maxScore: number }[]; bands: SheetGradeBand[] }): MonthlyRubric {
  return {
    mode: r.mode,
    items: r.items.map((i) => ({ key: i.key, name: i.name, maxScore: i.maxScore, source: SOURCE_BY_KEY[i.key] ?? null })),
    bands: r.bands.map((b) => ({ label: b.label, min: b.min })),
  };
}

/** The monthly-sheet rubric when the school has not configured one: the routine standards' default. */
export const DEFAULT_MONTHLY_RUBRIC: MonthlyRubric = toMonthlyRubric(defaultRubric('monthlySheet'));

/** An item scored below this share of its max is a problem for the bulletin. */
export const PROBLEM_SHARE = 0.6;

export const SHEET_STATUSES = ['未查', '已查', '已确认'] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];

/** 'YYYY-MM' months the term's teaching weeks touch, in order. */
export function termMonths(termStart: string, teachingWeeks: number): string[] {
  const end = termEnd(termStart, teachingWeeks);
  const out: string[] = [];
  let y = Number(termStart.slice(0, 4));
  let m = Number(termStart.slice(5, 7));
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end.slice(0, 7)) break;
    out.push(key);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

/** First and last day of a 'YYYY-MM' month. */
export function monthRange(month: string): { from: string; to: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Default grade-band lookup (the routine-plans module's gradeFor has the same contract). */
export function gradeForScore(score: number, bands: readonly SheetGradeBand[]): string | null {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  for (const b of sorted) if (score >= b.min) return b.label;
  return sorted[sorted.length - 1]?.label ?? null;
}

export function rubricMax(rubric: MonthlyRubric): number {
  return rubric.items.reduce((s, i) => s + i.maxScore, 0);
}

/** Share of an item's max that a plan/homework check grade is worth when suggesting a score. */
const GRADE_SHARE: Record<string, number> = { 优: 1, 良: 0.85, 合格: 0.7, 不合格: 0.5 };

export interface SheetFacts {
  observationsDone: number;
  observationsDue: number;
  researchAttended: number;
  researchHeld: number;
  collectiveAttended: number;
  collectiveHeld: number;
  planGrade: string | null;
  homeworkGrade: string | null;
  tutoringCount: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Suggested scores from the facts, for items with a source: attendance and observation ratios (capped at 1)
 * times the max; check grades by GRADE_SHARE. An item whose fact is missing (no check yet, nothing held, nothing
 * due) gets no suggestion: the checker scores it. Tutoring stays unsuggested until the struggling-student module
 * feeds counts. (The tutoring count is shown to the checker; how much tutoring a month earns full marks is the school's call.)
 */
export function suggestScores(rubric: MonthlyRubric, f: SheetFacts): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const ratio = (a: number, b: number) => (b > 0 ? Math.min(1, a / b) : null);
  const hasCollective = rubric.items.some((i) => i.source === 'collective');
  for (const it of rubric.items) {
    let share: number | null = null;
    switch (it.source ?? null) {
      case 'observation': share = ratio(f.observationsDone, f.observationsDue); break;
      // Without a 集体备课 item of its own, collective preparation counts with the research activities.
      case 'research': share = hasCollective ? ratio(f.researchAttended, f.researchHeld)
        : ratio(f.researchAttended + f.collectiveAttended, f.researchHeld + f.collectiveHeld); break;
      case 'collective': share = ratio(f.collectiveAttended, f.collectiveHeld); break;
      case 'plan': share = f.planGrade ? GRADE_SHARE[f.planGrade] ?? null : null; break;
      case 'homework': share = f.homeworkGrade ? GRADE_SHARE[f.homeworkGrade] ?? null : null; break;
      default: share = null;
    }
    out[it.key] = share == null ? null : round1(it.maxScore * share);
  }
  return out;
}

/**
 * Total and grade of a sheet: the sum of item scores when every item has one (else null), the grade from the
 * bands on the 100-point scale (total / rubric max x 100).
 */
export function scoreSheet(
  rubric: MonthlyRubric,
  scores: Record<string, number | null | undefined>,
  gradeFor: (score: number, bands: SheetGradeBand[]) => string | null = gradeForScore,
): { total: number | null; grade: string | null } {
  let sum = 0;
  for (const it of rubric.items) {
    const v = scores[it.key];
    if (v == null) return { total: null, grade: null };
    sum += v;
  }
  const total = round1(sum);
  const max = rubricMax(rubric);
  const pct = max > 0 ? (total / max) * 100 : 0;
  // In 'score' mode the plain score is the result: no grade label.
  return { total, grade: rubric.mode === 'bands' && rubric.bands.length ? gradeFor(round1(pct), rubric.bands) : null };
}

export interface RowProblem { field: string; key: string; params?: Record<string, string | number> }

/** Unknown items and scores outside [0, max]. */
export function checkSheetScores(rubric: MonthlyRubric, scores: Record<string, number | null | undefined>): RowProblem[] {
  const items = new Map(rubric.items.map((i) => [i.key, i]));
  const out: RowProblem[] = [];
  for (const [k, v] of Object.entries(scores)) {
    const it = items.get(k);
    if (!it) { out.push({ field: k, key: 'routineMonthly.unknownItem', params: { item: k } }); continue; }
    if (v != null && (!Number.isFinite(v) || v < 0 || v > it.maxScore)) out.push({ field: k, key: 'routineMonthly.scoreOverMax', params: { max: it.maxScore } });
  }
  return out;
}
