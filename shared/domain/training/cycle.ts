/**
 * Five-year training cycles (五年一周期, 不少于360学时). Pure.
 *
 * The school sets the first cycle's start (e.g. 2021-09-01); cycle k runs [start + 5k years, start + 5(k+1)
 * years). An entry counts in the cycle holding its end date (a course that ends after the boundary counts in
 * the new cycle, as certificates are dated at the end). A teacher who joined after a cycle began owes the
 * share of the cycle left on the joining day, rounded up to whole hours (joining halfway owes 180).
 * Pace: due by a day = required x the share of the teacher's part of the cycle elapsed (rounded to 0.1 h).
 */
import { addDaysIso } from '../dates';

export const TRAINING_LEVELS = ['国培', '省培', '市培', '县培', '校本'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];
export const CYCLE_YEARS = 5;
export const DEFAULT_REQUIRED_HOURS = 360;

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const addYears = (iso: string, n: number) => `${String(Number(iso.slice(0, 4)) + n).padStart(4, '0')}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');
const days = (a: string, b: string) => (toUtc(b) - toUtc(a)) / DAY_MS;

export interface Cycle {
  index: number;
  /** First day. */
  start: string;
  /** Last day (the day before the next cycle starts). */
  end: string;
  /** 2021-2026 */
  label: string;
}

/** The cycle holding `date` (cycles before the set start have negative index). */
export function cycleOf(cycleStart: string, date: string): Cycle {
  let k = Math.floor((Number(date.slice(0, 4)) - Number(cycleStart.slice(0, 4))) / CYCLE_YEARS);
  // Step to the exact cycle (the year arithmetic can be one off around the start day).
  while (date < addYears(cycleStart, k * CYCLE_YEARS)) k--;
  while (date >= addYears(cycleStart, (k + 1) * CYCLE_YEARS)) k++;
  return cycleAt(cycleStart, k);
}

export function cycleAt(cycleStart: string, index: number): Cycle {
  const start = addYears(cycleStart, index * CYCLE_YEARS);
  const next = addYears(cycleStart, (index + 1) * CYCLE_YEARS);
  return { index, start, end: addDaysIso(next, -1), label: `${start.slice(0, 4)}-${next.slice(0, 4)}` };
}

/** Hours a teacher owes in the cycle: the full requirement, or pro rata from the joining day. */
export function requiredHours(cycle: Cycle, joinedOn: string | null, fullHours = DEFAULT_REQUIRED_HOURS): number {
  if (!joinedOn || joinedOn <= cycle.start) return fullHours;
  if (joinedOn > cycle.end) return 0;
  const total = days(cycle.start, cycle.end) + 1;
  const left = days(joinedOn, cycle.end) + 1;
  return Math.ceil((fullHours * left) / total);
}

/** Hours due by `asOf` at an even pace over the teacher's part of the cycle. */
export function dueBy(cycle: Cycle, required: number, joinedOn: string | null, asOf: string): number {
  const from = joinedOn && joinedOn > cycle.start ? joinedOn : cycle.start;
  if (asOf < from) return 0;
  if (asOf >= cycle.end) return required;
  const share = (days(from, asOf) + 1) / (days(from, cycle.end) + 1);
  return Math.round(required * share * 10) / 10;
}

export interface TrainingEntryRef { endDate: string; hours: number; level: TrainingLevel }

/** Hours of the entries that count in the cycle (by end date), in total and by level. */
export function hoursInCycle(cycle: Cycle, entries: readonly TrainingEntryRef[], upTo?: string): { total: number; byLevel: Record<TrainingLevel, number> } {
  const byLevel = Object.fromEntries(TRAINING_LEVELS.map((l) => [l, 0])) as Record<TrainingLevel, number>;
  let total = 0;
  for (const e of entries) {
    if (e.endDate < cycle.start || e.endDate > cycle.end || (upTo && e.endDate > upTo)) continue;
    byLevel[e.level] += e.hours;
    total += e.hours;
  }
  const r = (v: number) => Math.round(v * 10) / 10;
  for (const l of TRAINING_LEVELS) byLevel[l] = r(byLevel[l]);
  return { total: r(total), byLevel };
}

export type TrainingStatus = 'complete' | 'onPace' | 'behind';

/** Complete when the hours reach the requirement, on pace when they reach what is due by now, else behind. */
export function trainingStatus(hours: number, required: number, due: number): TrainingStatus {
  if (hours >= required) return 'complete';
  return hours >= due ? 'onPace' : 'behind';
}
