/**
 * Workload arithmetic: a teacher's weekly periods from the timetable, teaching-group totals, and leaders' school
 * year totals against the required minimum. Pure functions.
 */

export interface WorkLesson { id: number; teacherId: number; day: number; period: number; combinedKey: string | null }

/**
 * Weekly periods per teacher from placed lessons. A combined lesson (合班课: the same combinedKey in one slot) is
 * one period of work however many classes sit in it.
 */
export function scheduledPeriods(lessons: WorkLesson[]): Map<number, number> {
  const units = new Map<number, Set<string>>();
  for (const l of lessons) {
    let s = units.get(l.teacherId);
    if (!s) { s = new Set(); units.set(l.teacherId, s); }
    s.add(l.combinedKey != null ? `${l.day}:${l.period}:k:${l.combinedKey}` : `l:${l.id}`);
  }
  return new Map([...units].map(([t, s]) => [t, s.size]));
}

/** Planned weekly periods per teacher from teaching assignments. */
export function plannedPeriods(assignments: { teacherId: number; weeklyPeriods: number }[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const a of assignments) out.set(a.teacherId, (out.get(a.teacherId) ?? 0) + a.weeklyPeriods);
  return out;
}

export interface GroupStats { teachers: number; periods: number; average: number; max: number; min: number }

/** Totals for a group of teachers (average to one decimal; an empty group is all zeros). */
export function groupStats(loads: number[]): GroupStats {
  if (loads.length === 0) return { teachers: 0, periods: 0, average: 0, max: 0, min: 0 };
  const periods = loads.reduce((s, n) => s + n, 0);
  return { teachers: loads.length, periods, average: Math.round((periods / loads.length) * 10) / 10, max: Math.max(...loads), min: Math.min(...loads) };
}

/** A school year's teaching periods: the sum over its terms of weekly periods x teaching weeks. */
export function yearTotal(terms: { weekly: number; teachingWeeks: number }[]): number {
  return terms.reduce((s, t) => s + t.weekly * t.teachingWeeks, 0);
}
