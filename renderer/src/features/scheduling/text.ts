/** Wording shared by the two tabs: grade names, the reasons a timetable cannot exist, seconds. */
import type { InfeasibleReason } from '../../../../shared/contract';
import { GRADE_NAMES } from '../../../../shared/domain/constants';

export type T = (key: string, opts?: Record<string, unknown>) => string;

export const gradeLabel = (t: T, g: number) => t(`enum.grade.${g}`, { defaultValue: GRADE_NAMES[g] ?? String(g) });

/** One reason as a sentence: scheduling.reasons.<key> with its params, a hard kind and a day translated. */
export function reasonText(t: T, r: InfeasibleReason): string {
  const params: Record<string, string | number> = { ...r.params };
  if (typeof params.kind === 'string') params.kind = t(`scheduling.hardKinds.${params.kind}`, { defaultValue: params.kind });
  // Days come as numbers (1 = Monday).
  if (typeof params.day === 'number') params.day = t(`timetable.days.${params.day}`);
  return t(`scheduling.reasons.${r.key}`, { ...params, defaultValue: `${r.key} ${JSON.stringify(r.params)}` });
}

export const seconds = (ms: number | null | undefined) => (ms == null ? '—' : (ms / 1000).toFixed(ms < 10_000 ? 1 : 0));
