/**
 * The readiness view: per indicator complete / evidence missing / below the standard, with the reasons, and
 * the whole dossier's completion percentage (indicators the school does not document are left out).
 */
export type ReadinessStatus = 'complete' | 'missing' | 'below' | 'na';

export interface ReadinessInput {
  applies: boolean;
  evidenceCount: number;
  /** Evidence items that cannot be printed, each with its reason. */
  evidenceProblems: string[];
  selfText: string | null;
  /** The computed figure against the standard: false = below, null = cannot be decided or none. */
  met: boolean | null;
  metSummary: string | null;
}

export interface Readiness {
  counts: Record<ReadinessStatus, number>;
  applicable: number;
  /** complete / applicable, 0-100 with one decimal; null when nothing applies. */
  percent: number | null;
}

export function indicatorReadiness(i: ReadinessInput): { status: ReadinessStatus; reasons: string[] } {
  if (!i.applies) return { status: 'na', reasons: ['学校不单独举证（县级指标）'] };
  if (i.met === false) return { status: 'below', reasons: [`未达标准：${i.metSummary ?? ''}`.trim(), ...i.evidenceProblems] };
  const reasons: string[] = [];
  if (i.evidenceCount === 0) reasons.push('尚无佐证材料');
  reasons.push(...i.evidenceProblems);
  if (!i.selfText?.trim()) reasons.push('未填写自评');
  return reasons.length ? { status: 'missing', reasons } : { status: 'complete', reasons: [] };
}

export function dossierReadiness(statuses: ReadinessStatus[]): Readiness {
  const counts: Record<ReadinessStatus, number> = { complete: 0, missing: 0, below: 0, na: 0 };
  for (const s of statuses) counts[s]++;
  const applicable = statuses.length - counts.na;
  return { counts, applicable, percent: applicable ? Math.round((counts.complete / applicable) * 1000) / 10 : null };
}
