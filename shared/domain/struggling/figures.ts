/**
 * Figures over struggling-student files (pure): the transformation rate (转化率) and the tutoring reminders.
 *
 * 转化率 of a group (a class, a teacher, a term) = 已转化 / (files of the group that are not 转出).
 * A student who left before the end cannot be judged either way, so 转出 files leave the denominator;
 * 帮扶中 and 继续帮扶 files count as not (yet) transformed. No file to judge -> null, never NaN.
 */
import type { RateRow, StrugglingStatus } from '../../contract/struggling';

export interface RateInput { status: StrugglingStatus }

export function transformationRate<T extends RateInput>(files: T[], key: number | null = null, label = ''): RateRow {
  const count = (s: StrugglingStatus) => files.filter((f) => f.status === s).length;
  const transformed = count('已转化');
  const continuing = count('继续帮扶');
  const inProgress = count('帮扶中');
  const left = count('转出');
  const judged = files.length - left;
  return { key, label, files: files.length, transformed, continuing, inProgress, left, rate: judged > 0 ? transformed / judged : null };
}

/** One rate row per group, in the order the groups first appear (callers sort their input). */
export function ratesBy<T extends RateInput>(files: T[], keyOf: (f: T) => number | null, labelOf: (f: T) => string): RateRow[] {
  const groups = new Map<number | null, T[]>();
  for (const f of files) {
    const k = keyOf(f);
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  return [...groups].map(([k, g]) => transformationRate(g, k, labelOf(g[0])));
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / DAY_MS);

export interface ReminderInput { openedOn: string; lastTutoringOn: string | null }

/**
 * Whole days since the last tutoring entry, or since the file was opened when it has none. A file is
 * overdue when that is at least weeks x 7 days (no entry "in the last N weeks").
 */
export function daysSinceTutoring(f: ReminderInput, today: string): number {
  return dayNumber(today) - dayNumber(f.lastTutoringOn ?? f.openedOn);
}

export function overdueFiles<T extends ReminderInput>(files: T[], today: string, weeks: number): (T & { daysSince: number })[] {
  return files
    .map((f) => ({ ...f, daysSince: daysSinceTutoring(f, today) }))
    .filter((f) => f.daysSince >= weeks * 7)
    .sort((a, b) => b.daysSince - a.daysSince);
}

/** The first day a file of a student who left on `leftOn` may be purged: leftOn + years (29 Feb -> 1 Mar). */
export function purgeableFrom(leftOn: string, years: number): string {
  const [y, m, d] = leftOn.slice(0, 10).split('-').map(Number);
  // Calendar arithmetic on a stored day (29 Feb + 1 year rolls to 1 Mar), no clock involved.
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

export function isPurgeable(leftOn: string | null, years: number, today: string): boolean {
  return leftOn !== null && purgeableFrom(leftOn, years) <= today.slice(0, 10);
}
