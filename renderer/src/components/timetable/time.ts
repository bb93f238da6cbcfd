/**
 * Small pure helpers for timetable screens: clock arithmetic for period times and the slot key used by maps.
 */
import type { BreakDef, PeriodDef, TimetableSettings } from '../../../../shared/contract';

/** '08:00' + 45 -> '08:45'. Returns '' for a malformed time so a half-typed row does not throw. */
export function addMinutes(hhmm: string, minutes: number): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm ?? '');
  if (!m) return '';
  const total = Number(m[1]) * 60 + Number(m[2]) + minutes;
  const h = Math.floor(total / 60) % 24;
  return `${String(h).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Minutes since midnight, NaN when malformed. */
export function toMinutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

/** Grades 1-6 use the primary lesson length, 7-9 the middle one (nine-year schools have both). */
export function lessonMinutesFor(settings: Pick<TimetableSettings, 'lessonMinutes'>, gradeLevel: number): number {
  return gradeLevel <= 6 ? settings.lessonMinutes.primary : settings.lessonMinutes.middle;
}

export const slotKey = (classId: number, day: number, period: number) => `${classId}:${day}:${period}`;

/** Breaks that sit between period `after` and the next one (0 = before the first period). */
export function breaksAfter(breaks: BreakDef[] | undefined, after: number): BreakDef[] {
  return (breaks ?? []).filter((b) => b.afterPeriod === after);
}

/** Periods sorted by number (settings arrive sorted, but an edited list may not be). */
export function sortedPeriods(periods: PeriodDef[]): PeriodDef[] {
  return [...periods].sort((a, b) => a.no - b.no);
}
