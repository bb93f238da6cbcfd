import { schoolYmd } from './dates';
/** The school year that contains `d` (2025 for 2025-2026学年): the first term starts in September. */
export function schoolYearStart(d: Date): number {
  const { year, month } = schoolYmd(d);
  return month >= 8 ? year : year - 1;
}
