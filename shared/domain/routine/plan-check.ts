/**
 * Lesson-plan check arithmetic (教案检查): periods that should be planned by a date, and how far ahead the
 * plans are (超前备课: plans exist at least one week before the lesson). Dates are ISO yyyy-mm-dd.
 */

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/**
 * Teaching weeks begun by `asOf`, clamped to [0, teachingWeeks]: 0 before the term starts, 1 during the first
 * week (counted from the start date, as the timetable's teaching weeks are), teachingWeeks after the end.
 * The week in progress counts, because its lessons must be planned before it starts.
 */
export function weeksElapsed(termStart: string, teachingWeeks: number, asOf: string): number {
  const days = Math.round((toUtc(asOf) - toUtc(termStart)) / DAY_MS);
  if (days < 0) return 0;
  return Math.min(Math.floor(days / 7) + 1, Math.max(teachingWeeks, 0));
}

/** Periods that should be planned by `asOf`: weekly periods x teaching weeks begun (see weeksElapsed). */
export function expectedPeriods(weeklyPeriods: number, termStart: string, teachingWeeks: number, asOf: string): number {
  return Math.max(weeklyPeriods, 0) * weeksElapsed(termStart, teachingWeeks, asOf);
}

/** The teaching week of a date (1-based), or null outside the term. */
export function teachingWeekOf(termStart: string, teachingWeeks: number, date: string): number | null {
  const days = Math.round((toUtc(date) - toUtc(termStart)) / DAY_MS);
  if (days < 0) return null;
  const w = Math.floor(days / 7) + 1;
  return w > teachingWeeks ? null : w;
}

export interface Ahead {
  /** planned - expected (negative: behind). */
  periods: number;
  /** The same in weeks of this class's periods, one decimal (null when the subject has no weekly periods). */
  weeks: number | null;
  /** Fewer than one week of periods ahead (超前一周 not met). */
  notAhead: boolean;
}

/**
 * How far the plans run ahead of the lessons. Plans should cover the week in progress and the next one, so
 * `notAhead` when ahead < one week of periods. Near the term's end there is no next week to plan, so the
 * requirement is capped at the periods left in the term.
 */
export function aheadOf(planned: number, expected: number, weeklyPeriods: number, termPeriods?: number): Ahead {
  const periods = planned - expected;
  const weeks = weeklyPeriods > 0 ? Math.round((periods / weeklyPeriods) * 10) / 10 : null;
  const need = termPeriods == null ? weeklyPeriods : Math.min(weeklyPeriods, Math.max(termPeriods - expected, 0));
  return { periods, weeks, notAhead: periods < need };
}
