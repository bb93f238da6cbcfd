/** The school year that contains `d` (2025 for 2025-2026学年): the first term starts in September. */
export function schoolYearStart(d: Date): number {
  return d.getMonth() >= 7 ? d.getFullYear() : d.getFullYear() - 1;
}
