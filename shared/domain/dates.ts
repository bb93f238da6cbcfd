/**
 * The one date module of the app. A school's day is the day in Beijing time (Asia/Shanghai), whatever the
 * computer's clock zone: between 00:00 and 08:00 Beijing time a UTC date would still say yesterday. Dates are
 * stored as 'YYYY-MM-DD' strings and months as 'YYYY-MM'; instants (audit, created_at) stay ISO timestamps.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { z } from 'zod';

dayjs.extend(utc);
dayjs.extend(timezone);

export const SCHOOL_TZ = 'Asia/Shanghai';

/** 'YYYY-MM-DD' with a real calendar date (no 2025-02-30). */
export const ISO_DAY_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export function isIsoDay(s: string): boolean {
  return ISO_DAY_RE.test(s) && dayjs.utc(s, 'YYYY-MM-DD').format('YYYY-MM-DD') === s;
}
/** The zod schema for a stored day, with the message key the UI translates. */
export const isoDaySchema = z.string().refine(isIsoDay, 'badDate');

const inSchool = (at: Date) => dayjs(at).tz(SCHOOL_TZ);

/** The school's day of an instant (default: now), 'YYYY-MM-DD'. */
export function schoolDay(at: Date = new Date()): string {
  return inSchool(at).format('YYYY-MM-DD');
}
/** An instant as the school's clock shows it, 'YYYY-MM-DD HH:mm' (when a draft was made, ...), or with seconds. */
export function schoolDateTime(at: Date | string, withSeconds = false): string {
  return inSchool(new Date(at)).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}
/** An instant as 'YYYYMMDD-HHmmss-SSS' on the school's clock: file names that sort by time (backups). */
export function schoolTimestamp(at: Date = new Date()): string {
  return inSchool(at).format('YYYYMMDD-HHmmss-SSS');
}
/** The instant a schoolTimestamp's parts stand for ('YYYYMMDD', 'HHmmss', 'SSS'). */
export function fromSchoolTimestamp(ymd: string, hms: string, ms = '000'): Date {
  const local = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}T${hms.slice(0, 2)}:${hms.slice(2, 4)}:${hms.slice(4, 6)}.${ms}`;
  return dayjs.tz(local, SCHOOL_TZ).toDate();
}
/** The school's month of an instant (default: now), 'YYYY-MM'. */
export function schoolMonth(at: Date = new Date()): string {
  return inSchool(at).format('YYYY-MM');
}
/** 'YYYYMMDD' of the school's day, for file names. */
export function compactSchoolDay(at: Date = new Date()): string {
  return inSchool(at).format('YYYYMMDD');
}
/** 2026年12月4日 (the school's day of an instant), as printouts write dates. */
export function zhSchoolDate(at: Date = new Date()): string {
  const d = inSchool(at);
  return `${d.year()}年${d.month() + 1}月${d.date()}日`;
}
/** Year, month (1-12) and day of the school's day. */
export function schoolYmd(at: Date = new Date()): { year: number; month: number; day: number } {
  const d = inSchool(at);
  return { year: d.year(), month: d.month() + 1, day: d.date() };
}
/** 2026年12月4日 of a stored day (YYYY-MM-DD): no time zone involved. */
export function zhDay(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}
/** Adds days to a stored day: calendar arithmetic, no time zone involved. */
export function addDaysIso(day: string, n: number): string {
  return dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD');
}
