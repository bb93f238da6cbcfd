import { schoolYmd } from './dates';
/** The school year that contains `d` (2025 for 2025-2026学年): the first term starts in September. */
export function schoolYearStart(d: Date): number {
  const { year, month } = schoolYmd(d);
  return month >= 8 ? year : year - 1;
}

/**
 * A term's name for the user's language. Stored names stay Chinese (2026-2027学年第一学期, what printouts show);
 * the English UI reads "2026-2027 school year, term 1". Names that do not follow the pattern are shown as they are.
 */
export function termDisplayName(name: string, lang: string): string {
  if (!lang.startsWith('en')) return name;
  const m = /^(\d{4})-(\d{4})学年第([一二12])学期$/.exec(name);
  if (!m) return name;
  return `${m[1]}-${m[2]} school year, term ${m[3] === '一' || m[3] === '1' ? 1 : 2}`;
}
