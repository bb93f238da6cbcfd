/** An inspection as the page and the composer see it: indicators in order, their evidence, figures and readiness. */
import type { Indicator, IndicatorRow, InspectionDetail, InspectionSummary } from '../../../../shared/contract';
import type { ComputedKey } from '../../../../shared/domain/dossier/frameworks';
import { dossierReadiness, indicatorReadiness } from '../../../../shared/domain/dossier/readiness';
import type { CoreContext } from '../../platform/context';
import { computeValue } from './computed';
import { listEvidence } from './evidence';
import { inspectionRow, listInspectionRows, summaryOf, yearIdsOf } from './inspections';

type IndRow = {
  id: number; inspection_id: number; part_no: string; part_name: string; code: string; text: string; standard: string | null;
  computed: string | null; applies: number; self_text: string | null; sort: number;
};

export function inspectionDetail(ctx: CoreContext, id: number): InspectionDetail {
  const r = inspectionRow(ctx, id);
  const yearIds = yearIdsOf(r);
  const rows = ctx.db.prepare('SELECT * FROM inspection_indicator WHERE inspection_id = ? ORDER BY sort').all(id) as IndRow[];
  const evidence = listEvidence(ctx, rows.map((x) => x.id));
  const memo = new Map<number, IndicatorRow[]>();
  const values = new Map<string, ReturnType<typeof computeValue>>();
  const valueOf = (key: ComputedKey) => {
    if (!values.has(key)) values.set(key, computeValue(ctx, key, yearIds, memo));
    return values.get(key)!;
  };
  const indicators: Indicator[] = rows.map((x) => {
    const ev = evidence.filter((e) => e.indicatorId === x.id);
    const value = x.computed ? valueOf(x.computed as ComputedKey) : null;
    const readiness = indicatorReadiness({
      applies: x.applies === 1, evidenceCount: ev.length, evidenceProblems: ev.filter((e) => e.problem).map((e) => e.problem!),
      selfText: x.self_text, met: value?.met ?? null, metSummary: value?.summary ?? null,
    });
    return {
      id: x.id, inspectionId: x.inspection_id, partNo: x.part_no, partName: x.part_name, code: x.code, text: x.text, standard: x.standard,
      computed: (x.computed as ComputedKey | null) ?? null, applies: x.applies === 1, selfText: x.self_text, sort: x.sort,
      evidence: ev, value, readiness,
    };
  });
  const readiness = dossierReadiness(indicators.map((i) => i.readiness.status));
  return { inspection: { ...summaryOf(ctx, r, readiness.percent), overallText: r.overall_text }, indicators, readiness };
}

/** The list with each inspection's completion percentage (computed the same way as its readiness view). */
export function listInspections(ctx: CoreContext): InspectionSummary[] {
  return listInspectionRows(ctx).map((r) => inspectionDetail(ctx, r.id).inspection);
}
