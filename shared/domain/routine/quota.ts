/**
 * Observation quotas (听课任务) and progress against them. Pure: numbers in, numbers out.
 * Quotas are per term; a person counts under the highest of their roles that has a quota, unless an override
 * gives their own number.
 */
import { TEACHER_ROLES, type TeacherRole } from '../constants';
import { termEnd } from '../timetable/taught';

/** Defaults from the county and school rules in domain.md: observations per term. */
export const DEFAULT_QUOTAS: Readonly<Record<TeacherRole, number>> = {
  校长: 30,
  副校长: 20,
  教导主任: 20,
  教研组长: 15,
  备课组长: 10,
  班主任: 10,
  任课教师: 10,
};

/** Below this share of the quota, a projection counts as "short" rather than "at risk". */
export const AT_RISK_SHARE = 0.75;

export type QuotaStatus = 'onTrack' | 'atRisk' | 'short';

/** The role a person is counted under: the first of TEACHER_ROLES (highest rank) they hold. */
export function quotaRole(roles: readonly string[]): TeacherRole {
  for (const r of TEACHER_ROLES) if (roles.includes(r)) return r;
  return '任课教师';
}

export function quotaFor(roles: readonly string[], roleQuotas: Partial<Record<string, number>>, override: number | null | undefined): { role: TeacherRole; quota: number; overridden: boolean } {
  const role = quotaRole(roles);
  if (override != null) return { role, quota: override, overridden: true };
  return { role, quota: roleQuotas[role] ?? DEFAULT_QUOTAS[role], overridden: false };
}

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/**
 * Teaching weeks elapsed on `asOf` (inclusive of that day), as a fraction, clamped to [0, teachingWeeks].
 * The day before the term starts is 0; the term's last day is teachingWeeks.
 */
export function elapsedWeeks(termStart: string, teachingWeeks: number, asOf: string): number {
  const days = (toUtc(asOf) - toUtc(termStart)) / DAY_MS + 1;
  const w = days / 7;
  return Math.max(0, Math.min(teachingWeeks, Math.round(w * 100) / 100));
}

export interface QuotaProjection {
  done: number;
  quota: number;
  shortfall: number;
  /** Expected by the term end at the current pace (done / elapsed x total); null before the term has started. */
  projected: number | null;
  /** The quota's share due by now (quota x elapsed / total). */
  dueSoFar: number;
  status: QuotaStatus;
}

/**
 * Projects observations to the term's end. Met quota -> on track. Before the term starts nothing is due -> on
 * track. After the term has ended, anything below the quota is short. Otherwise the projection decides:
 * >= quota on track, >= AT_RISK_SHARE of quota at risk, below that short.
 */
export function projectQuota(done: number, quota: number, elapsed: number, total: number): QuotaProjection {
  const shortfall = Math.max(0, quota - done);
  const e = Math.max(0, Math.min(total, elapsed));
  const projected = e > 0 ? Math.round((done / e) * total * 10) / 10 : null;
  const dueSoFar = total > 0 ? Math.round((quota * e) / total * 10) / 10 : 0;
  let status: QuotaStatus;
  if (done >= quota) status = 'onTrack';
  else if (e >= total) status = 'short';
  else if (projected == null) status = 'onTrack';
  else if (projected >= quota) status = 'onTrack';
  else if (projected >= quota * AT_RISK_SHARE) status = 'atRisk';
  else status = 'short';
  return { done, quota, shortfall, projected, dueSoFar, status };
}

export interface QuotaAggregate {
  key: string;
  label: string;
  people: number;
  quota: number;
  done: number;
  shortfall: number;
  /** done / quota as a percentage (0 when the quota is 0). */
  rate: number;
  onTrack: number;
  atRisk: number;
  short: number;
}

/** Sums person rows by a key (role, teaching group); a person in two groups counts in both. */
export function aggregateQuota<T extends { quota: number; done: number; shortfall: number; status: QuotaStatus }>(
  rows: readonly T[],
  keysOf: (row: T) => { key: string; label: string }[],
): QuotaAggregate[] {
  const map = new Map<string, QuotaAggregate>();
  for (const r of rows) {
    for (const k of keysOf(r)) {
      let a = map.get(k.key);
      if (!a) { a = { key: k.key, label: k.label, people: 0, quota: 0, done: 0, shortfall: 0, rate: 0, onTrack: 0, atRisk: 0, short: 0 }; map.set(k.key, a); }
      a.people++;
      a.quota += r.quota;
      a.done += r.done;
      a.shortfall += r.shortfall;
      a[r.status]++;
    }
  }
  for (const a of map.values()) a.rate = a.quota > 0 ? Math.round((a.done / a.quota) * 1000) / 10 : 0;
  return [...map.values()];
}

/**
 * Observations due by the end of `month` (term to date), in WHOLE lessons: the term quota pro rata over the
 * term's days up to the month's last day (or the term's end), rounded UP — nobody can observe 2.2 lessons, and a
 * teacher who has observed fewer than this is behind. The monthly sheet, the bulletin's sentence and its chart
 * all use this one rule.
 */
export function quotaDueByMonthEnd(quota: number, termStart: string, teachingWeeks: number, month: string): number {
  const start = toUtc(termStart);
  const end = toUtc(termEnd(termStart, teachingWeeks));
  const y = Number(month.slice(0, 4));
  const mo = Number(month.slice(5, 7));
  const upTo = Math.min(end, Date.UTC(y, mo, 0));
  const termDays = (end - start) / DAY_MS + 1;
  const days = Math.max(0, Math.min(termDays, (upTo - start) / DAY_MS + 1));
  if (termDays <= 0 || quota <= 0) return 0;
  // Round away float noise before the ceiling (20 x 30/30 must stay 20).
  return Math.ceil(Math.round((quota * days) / termDays * 1e6) / 1e6);
}

