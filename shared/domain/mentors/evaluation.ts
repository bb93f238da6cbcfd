/**
 * The bound evaluation (捆绑式评价) of a mentor pair for a term. Pure.
 *
 * Apprentice score (0-100) = weighted mean of the parts that have data:
 *   - progress: the apprentice's observation totals over time. With one scored observation, its total; with
 *     more, the later half's mean plus the gain over the earlier half's mean (a teacher going from 72 to 80
 *     scores 88), capped to 0..100;
 *   - report lessons: the mean score of the term's report lessons (汇报课);
 *   - duties: the apprentice's duties met, mean share x 100.
 * A part without data drops out and the other weights are scaled up (a term without report lessons is judged
 * on the rest; the duties part then shows the missing lessons anyway).
 * Mentor score = apprentice weight x apprentice score + own weight x the mentor's duties met share x 100.
 * Binding: when the apprentice is 不合格 the mentor cannot be rated above 合格, whatever the score.
 */
import type { DutyProgress } from './duties';

export interface EvaluationWeights {
  /** Parts of the apprentice score; any non-negative numbers, used as proportions. */
  progress: number; reportLessons: number; duties: number;
  /** Parts of the mentor score. */
  mentorFromApprentice: number; mentorOwnDuties: number;
}
export const DEFAULT_WEIGHTS: EvaluationWeights = { progress: 30, reportLessons: 40, duties: 30, mentorFromApprentice: 60, mentorOwnDuties: 40 };

export const EVAL_LEVELS = ['优秀', '良好', '合格', '不合格'] as const;
export type EvalLevel = (typeof EVAL_LEVELS)[number];
export function levelOf(score: number): EvalLevel {
  if (score >= 90) return '优秀';
  if (score >= 75) return '良好';
  if (score >= 60) return '合格';
  return '不合格';
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The progress part from the apprentice's observation totals in date order; null without any. */
export function progressScore(totalsByDate: readonly number[]): number | null {
  if (!totalsByDate.length) return null;
  if (totalsByDate.length === 1) return round1(totalsByDate[0]);
  const half = Math.floor(totalsByDate.length / 2);
  const early = mean(totalsByDate.slice(0, half));
  const late = mean(totalsByDate.slice(totalsByDate.length - half));
  return round1(Math.max(0, Math.min(100, late + (late - early))));
}

function dutiesShare(duties: readonly DutyProgress[], owner: 'mentor' | 'apprentice'): number | null {
  const own = duties.filter((d) => d.owner === owner);
  return own.length ? round1(mean(own.map((d) => d.share)) * 100) : null;
}

export interface EvaluationInput {
  observationTotals: readonly number[];
  reportLessonScores: readonly number[];
  duties: readonly DutyProgress[];
  weights: EvaluationWeights;
}

export interface Evaluation {
  parts: { progress: number | null; reportLessons: number | null; apprenticeDuties: number | null; mentorDuties: number | null };
  apprenticeScore: number | null; apprenticeLevel: EvalLevel | null;
  mentorScore: number | null; mentorLevel: EvalLevel | null;
  /** The mentor's level was lowered because the apprentice failed (捆绑). */
  capped: boolean;
}

function weighted(parts: [number | null, number][]): number | null {
  const used = parts.filter(([v, w]) => v !== null && w > 0) as [number, number][];
  const sw = used.reduce((s, [, w]) => s + w, 0);
  return sw > 0 ? round1(used.reduce((s, [v, w]) => s + v * w, 0) / sw) : null;
}

export function evaluatePair(input: EvaluationInput): Evaluation {
  const w = input.weights;
  const progress = progressScore(input.observationTotals);
  const reportLessons = input.reportLessonScores.length ? round1(mean(input.reportLessonScores)) : null;
  const apprenticeDuties = dutiesShare(input.duties, 'apprentice');
  const mentorDuties = dutiesShare(input.duties, 'mentor');
  const apprenticeScore = weighted([[progress, w.progress], [reportLessons, w.reportLessons], [apprenticeDuties, w.duties]]);
  const mentorScore = weighted([[apprenticeScore, w.mentorFromApprentice], [mentorDuties, w.mentorOwnDuties]]);
  const apprenticeLevel = apprenticeScore === null ? null : levelOf(apprenticeScore);
  let mentorLevel = mentorScore === null ? null : levelOf(mentorScore);
  let capped = false;
  if (apprenticeLevel === '不合格' && (mentorLevel === '优秀' || mentorLevel === '良好')) { mentorLevel = '合格'; capped = true; }
  return { parts: { progress, reportLessons, apprenticeDuties, mentorDuties }, apprenticeScore, apprenticeLevel, mentorScore, mentorLevel, capped };
}
