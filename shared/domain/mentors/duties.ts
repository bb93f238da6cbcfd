/**
 * Mentor-pair duties (师徒结对协议的量化任务) and progress against them. Pure: numbers and dates in, numbers out.
 *
 * A duty is counted in a window: for a duty per term or per month, the term clipped to the pair's dates; for a
 * duty per year, the school year clipped to the pair's dates. The target of a monthly duty is k x the months
 * the window spans. Progress is pro rata through the window, with the observation quotas' arithmetic
 * (projectQuota): due so far = target x elapsed / length; behind = fewer done than the whole items due so far.
 */
import { AT_RISK_SHARE, projectQuota, type QuotaStatus } from '../routine/quota';

export const DUTY_KEYS = ['mentorObserves', 'apprenticeObserves', 'reportLessons', 'reflections', 'guidance', 'papers'] as const;
export type DutyKey = (typeof DUTY_KEYS)[number];
export const DUTY_PERS = ['term', 'month', 'year'] as const;
export type DutyPer = (typeof DUTY_PERS)[number];
export interface Duty { key: DutyKey; per: DutyPer; target: number }

/** Whose duty it is: the mentor's duties weigh in the mentor's own score, the apprentice's in the apprentice's. */
export const DUTY_OWNER: Record<DutyKey, 'mentor' | 'apprentice'> = {
  mentorObserves: 'mentor', guidance: 'mentor',
  apprenticeObserves: 'apprentice', reportLessons: 'apprentice', reflections: 'apprentice', papers: 'apprentice',
};

/** The printed wording of each duty (agreement, assessment form). */
export const DUTY_LABEL: Record<DutyKey, string> = {
  mentorObserves: '师傅听徒弟的课', apprenticeObserves: '徒弟听师傅的课', reportLessons: '徒弟上汇报课',
  reflections: '徒弟写教学反思', guidance: '师傅指导（备课、评课、谈话）', papers: '徒弟撰写论文或案例',
};
export const PER_LABEL: Record<DutyPer, string> = { term: '每学期', month: '每月', year: '每学年' };
export const DUTY_UNIT: Record<DutyKey, string> = {
  mentorObserves: '节', apprenticeObserves: '节', reportLessons: '节', reflections: '篇', guidance: '次', papers: '篇',
};

/** The school default, from the agreements domain.md quotes (7 lessons each way a term, 2 report lessons, 1 paper a year). */
export const DEFAULT_DUTIES: readonly Duty[] = [
  { key: 'mentorObserves', per: 'term', target: 7 },
  { key: 'apprenticeObserves', per: 'term', target: 7 },
  { key: 'reportLessons', per: 'term', target: 2 },
  { key: 'reflections', per: 'term', target: 4 },
  { key: 'guidance', per: 'term', target: 4 },
  { key: 'papers', per: 'year', target: 1 },
];

/** Weeks before a window's end from which an unmet duty is flagged (提醒). */
export const DEFAULT_WARN_WEEKS = 3;

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
/** Days from a to b inclusive (0 when b < a). */
export const daysInclusive = (a: string, b: string) => Math.max(0, (toUtc(b) - toUtc(a)) / DAY_MS + 1);
const maxIso = (a: string, b: string) => (a > b ? a : b);
const minIso = (a: string, b: string) => (a < b ? a : b);

export interface Window { from: string; to: string }

/** The window a duty is counted in, or null when the pair does not run in it. */
export function dutyWindow(per: DutyPer, term: Window, schoolYear: Window, pair: Window): Window | null {
  const base = per === 'year' ? schoolYear : term;
  const from = maxIso(base.from, pair.from);
  const to = minIso(base.to, pair.to);
  return from <= to ? { from, to } : null;
}

/** Months a window spans (30.4 days a month, at least 1): a 20-week term is 5 months. */
export function monthsIn(w: Window): number {
  return Math.max(1, Math.round(daysInclusive(w.from, w.to) / 30.4));
}

export function dutyTarget(duty: Duty, w: Window): number {
  return duty.per === 'month' ? duty.target * monthsIn(w) : duty.target;
}

export interface DutyProgress {
  key: DutyKey; per: DutyPer; owner: 'mentor' | 'apprentice';
  window: Window; target: number; done: number;
  /** Share met, 0..1 (done / target capped at 1; 1 when the target is 0). */
  share: number;
  dueSoFar: number; projected: number | null; status: QuotaStatus;
  /** The window ends within the warning weeks and the duty is not met yet. */
  endingSoon: boolean;
  met: boolean;
}

/** Progress of one duty in its window on `asOf`. */
export function dutyProgress(duty: Duty, w: Window, done: number, asOf: string, warnWeeks = DEFAULT_WARN_WEEKS): DutyProgress {
  const target = dutyTarget(duty, w);
  const total = daysInclusive(w.from, w.to);
  const elapsed = asOf < w.from ? 0 : Math.min(total, daysInclusive(w.from, asOf));
  const p = projectQuota(done, target, elapsed, total);
  const met = done >= target;
  const left = total - elapsed;
  // Duties are few and whole (1 paper a year): judged by the whole items due so far, not by a projection
  // (one paper projected from December would always look short).
  const wholeDue = Math.floor(p.dueSoFar);
  const status: QuotaStatus = met || done >= wholeDue ? 'onTrack' : elapsed >= total || done < Math.floor(wholeDue * AT_RISK_SHARE) ? 'short' : 'atRisk';
  return {
    key: duty.key, per: duty.per, owner: DUTY_OWNER[duty.key], window: w, target, done,
    share: target === 0 ? 1 : Math.min(1, done / target), dueSoFar: p.dueSoFar, projected: p.projected, status,
    endingSoon: !met && elapsed > 0 && left > 0 && left <= warnWeeks * 7, met,
  };
}

/** Whether a pair's progress needs the office's attention (the dashboard's "behind" list). */
export function isBehind(duties: readonly DutyProgress[]): boolean {
  return duties.some((d) => !d.met && (d.status !== 'onTrack' || d.endingSoon));
}

// ---- which pair an observation counts for ----

export interface PairSpan { id: number; mentorId: number; apprenticeId: number; subjectId: number | null; from: string; to: string }
export interface ObservationRef { observerId: number; teacherId: number; subjectId: number | null; date: string }

/**
 * The pair and duty an observation counts for: mentor observing apprentice -> mentorObserves, apprentice
 * observing mentor -> apprenticeObserves, inside the pair's dates. When the same two teachers have two pairs
 * running (two subjects), the pair of the observation's subject wins, else the earliest pair.
 */
export function pairForObservation(pairs: readonly PairSpan[], o: ObservationRef): { pairId: number; duty: 'mentorObserves' | 'apprenticeObserves' } | null {
  const hits: { pair: PairSpan; duty: 'mentorObserves' | 'apprenticeObserves' }[] = [];
  for (const p of pairs) {
    if (o.date < p.from || o.date > p.to) continue;
    if (p.mentorId === o.observerId && p.apprenticeId === o.teacherId) hits.push({ pair: p, duty: 'mentorObserves' });
    else if (p.apprenticeId === o.observerId && p.mentorId === o.teacherId) hits.push({ pair: p, duty: 'apprenticeObserves' });
  }
  if (!hits.length) return null;
  const bySubject = hits.find((h) => h.pair.subjectId != null && h.pair.subjectId === o.subjectId);
  const best = bySubject ?? [...hits].sort((a, b) => a.pair.from.localeCompare(b.pair.from) || a.pair.id - b.pair.id)[0];
  return { pairId: best.pair.id, duty: best.duty };
}
