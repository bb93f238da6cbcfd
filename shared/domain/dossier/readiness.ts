/**
 * The readiness view: per indicator complete / evidence missing / below the standard, with the reasons, and
 * the whole dossier's completion percentage (indicators the school does not document are left out).
 */
export type ReadinessStatus = 'complete' | 'missing' | 'below' | 'na';

/** Why an indicator is not complete, as a message key (dossier.reason.<key>) with its parameters. */
export interface ReadinessReason { key: 'notApplicable' | 'below' | 'noEvidence' | 'noSelfText' | 'reportGone' | 'fileLost'; params?: Record<string, string> }

export interface ReadinessInput {
  applies: boolean;
  evidenceCount: number;
  /** Evidence items that cannot be printed, each with its reason. */
  evidenceProblems: ReadinessReason[];
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

export function indicatorReadiness(i: ReadinessInput): { status: ReadinessStatus; reasons: ReadinessReason[] } {
  if (!i.applies) return { status: 'na', reasons: [{ key: 'notApplicable' }] };
  if (i.met === false) return { status: 'below', reasons: [{ key: 'below', params: { summary: i.metSummary ?? '' } }, ...i.evidenceProblems] };
  const reasons: ReadinessReason[] = [];
  if (i.evidenceCount === 0) reasons.push({ key: 'noEvidence' });
  reasons.push(...i.evidenceProblems);
  if (!i.selfText?.trim()) reasons.push({ key: 'noSelfText' });
  return reasons.length ? { status: 'missing', reasons } : { status: 'complete', reasons: [] };
}

export function dossierReadiness(statuses: ReadinessStatus[]): Readiness {
  const counts: Record<ReadinessStatus, number> = { complete: 0, missing: 0, below: 0, na: 0 };
  for (const s of statuses) counts[s]++;
  const applicable = statuses.length - counts.na;
  return { counts, applicable, percent: applicable ? Math.round((counts.complete / applicable) * 1000) / 10 : null };
}
