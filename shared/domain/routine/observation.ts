/**
 * Lesson observation (听课评课): kinds, the fixed six-item rubric (total 100), levels, and pure checks.
 */
export const OBSERVATION_KINDS = ['推门课', '公开课', '示范课', '汇报课', '研讨课', '评优课'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

export const LEVELS = ['优', '良', '合格', '不合格'] as const;
export type Level = (typeof LEVELS)[number];

export const OBSERVATION_ITEM_KEYS = ['goal', 'content', 'method', 'participation', 'effect', 'skill'] as const;
export type ObservationItemKey = (typeof OBSERVATION_ITEM_KEYS)[number];

/** The observation rubric: 教学目标, 教学内容, 教学方法, 学生参与, 教学效果, 教师素养 - maxima sum to 100. */
export const OBSERVATION_ITEMS: readonly { key: ObservationItemKey; name: string; max: number }[] = [
  { key: 'goal', name: '教学目标', max: 15 },
  { key: 'content', name: '教学内容', max: 20 },
  { key: 'method', name: '教学方法', max: 20 },
  { key: 'participation', name: '学生参与', max: 15 },
  { key: 'effect', name: '教学效果', max: 20 },
  { key: 'skill', name: '教师素养', max: 10 },
];

/** Level bands on the 100-point total: 优 >= 90, 良 >= 75, 合格 >= 60, else 不合格. */
export const OBSERVATION_LEVEL_BANDS: readonly { level: Level; min: number }[] = [
  { level: '优', min: 90 },
  { level: '良', min: 75 },
  { level: '合格', min: 60 },
  { level: '不合格', min: 0 },
];

export type ObservationScores = Partial<Record<ObservationItemKey, number | null>>;

/** Sum of the six scores, or null unless every item has a score (a partial sheet has no total). */
export function observationTotal(scores: ObservationScores): number | null {
  let sum = 0;
  for (const it of OBSERVATION_ITEMS) {
    const v = scores[it.key];
    if (v == null) return null;
    sum += v;
  }
  return Math.round(sum * 10) / 10;
}

export function levelForTotal(total: number): Level {
  for (const b of OBSERVATION_LEVEL_BANDS) if (total >= b.min) return b.level;
  return '不合格';
}

export interface ObservationProblem { path: (string | number)[]; key: string; params?: Record<string, string | number> }

/**
 * Checks that are not simple field formats: observer is not the observed teacher, the date falls inside the term,
 * every score is between 0 and its item's max. Returns the problems (i18n keys under errors.).
 */
export function validateObservation(
  o: { date: string; teacherId: number; observerId: number; scores: ObservationScores },
  term: { startDate: string; endDate: string },
): ObservationProblem[] {
  const out: ObservationProblem[] = [];
  if (o.teacherId === o.observerId) out.push({ path: ['observerId'], key: 'routineMonthly.observerIsObserved' });
  if (o.date < term.startDate || o.date > term.endDate) {
    out.push({ path: ['date'], key: 'routineMonthly.dateOutsideTerm', params: { start: term.startDate, end: term.endDate } });
  }
  for (const it of OBSERVATION_ITEMS) {
    const v = o.scores[it.key];
    if (v != null && (v < 0 || v > it.max)) out.push({ path: ['scores', it.key], key: 'routineMonthly.scoreOverMax', params: { max: it.max } });
  }
  return out;
}
