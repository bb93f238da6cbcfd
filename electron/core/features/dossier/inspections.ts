/**
 * Inspections and their indicators. An inspection copies its framework into its own rows (a built-in one, an
 * earlier inspection's, or a county's 细则 from Excel), so each inspection keeps its version; every edit of an
 * indicator counts up `framework_rev`.
 */
import type { IndicatorInput, InspectionInput, InspectionSummary, ParsedInput } from '../../../../shared/contract';
import { PRESET_EVIDENCE } from '../../../../shared/domain/dossier/computed';
import { FRAMEWORKS, indicatorCode } from '../../../../shared/domain/dossier/frameworks';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { upsertAudited } from '../../platform/db/audited';

import { addEvidenceRows } from './evidence';
import { readFrameworkExcel, type ImportedIndicator } from './framework-excel';
import { neighbour } from './order';
import { checkYears, periodYears } from './period';

type InspectionRow = {
  id: number; name: string; framework_name: string; framework_document: string | null; framework_source: string; framework_rev: number;
  visit_date: string; year_ids: string; overall_text: string | null; created_at: string; updated_at: string;
};

/** Indicators that a school documents itself in a built-in framework (the others are county-level). */
const SCHOOL_PARTS = new Set(['一', '三']);

export function inspectionRow(ctx: CoreContext, id: number): InspectionRow {
  const r = ctx.db.prepare('SELECT * FROM inspection WHERE id = ?').get(id) as InspectionRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'notFound', { entity: 'inspection', id });
  return r;
}

export const yearIdsOf = (r: { year_ids: string }): number[] => JSON.parse(r.year_ids) as number[];

export function summaryOf(ctx: CoreContext, r: InspectionRow, percent: number | null = null): InspectionSummary {
  const ids = yearIdsOf(r);
  const counts = ctx.db.prepare(`SELECT COUNT(*) AS n, (SELECT COUNT(*) FROM inspection_evidence e JOIN inspection_indicator i ON i.id = e.indicator_id WHERE i.inspection_id = ?) AS e
    FROM inspection_indicator WHERE inspection_id = ?`).get(r.id, r.id) as { n: number; e: number };
  return {
    id: r.id, name: r.name, visitDate: r.visit_date, schoolYearIds: ids, yearNames: periodYears(ctx.db, ids).map((y) => y.name),
    frameworkName: r.framework_name, frameworkDocument: r.framework_document, frameworkSource: r.framework_source, frameworkRev: r.framework_rev,
    indicators: counts.n, evidence: counts.e, percent, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function listInspectionRows(ctx: CoreContext): InspectionRow[] {
  return ctx.db.prepare('SELECT * FROM inspection ORDER BY visit_date DESC, id DESC').all() as InspectionRow[];
}

interface NewIndicator { partNo: string; partName: string; code: string; text: string; standard: string | null; computed: string | null; applies: boolean }

/** The indicators a new inspection starts from, with the framework's name for the record. */
function frameworkIndicators(ctx: CoreContext, src: NonNullable<InspectionInput['framework']>): { name: string; document: string | null; source: string; rows: NewIndicator[]; builtin: boolean } {
  if (src.kind === 'builtin') {
    const f = FRAMEWORKS.find((x) => x.key === src.key);
    if (!f) throw new AppError('VALIDATION', 'dossier.unknownFramework', { key: src.key }, [{ path: ['framework', 'key'], key: 'dossier.unknownFramework', params: { key: src.key } }]);
    const rows = f.parts.flatMap((p) => p.indicators.map((ind) => ({
      partNo: p.no, partName: p.name, code: indicatorCode(p, ind), text: ind.text, standard: ind.standard ?? null, computed: ind.computed ?? null,
      applies: !!ind.computed || SCHOOL_PARTS.has(p.no),
    })));
    return { name: f.name, document: f.document, source: `builtin:${f.key}`, rows, builtin: true };
  }
  if (src.kind === 'copy') {
    const from = inspectionRow(ctx, src.inspectionId);
    const rows = (ctx.db.prepare('SELECT * FROM inspection_indicator WHERE inspection_id = ? ORDER BY sort').all(from.id) as Record<string, unknown>[]).map((r) => ({
      partNo: String(r.part_no), partName: String(r.part_name), code: String(r.code), text: String(r.text),
      standard: (r.standard as string | null) ?? null, computed: (r.computed as string | null) ?? null, applies: r.applies === 1,
    }));
    return { name: from.framework_name, document: from.framework_document, source: `copy:${from.id}`, rows, builtin: false };
  }
  const bytes = Buffer.from(src.upload.dataBase64, 'base64');
  const imported: ImportedIndicator[] = readFrameworkExcel(src.upload.fileName, bytes);
  return { name: imported[0]?.frameworkName ?? '本地评估细则', document: null, source: `excel:${src.upload.fileName}`, rows: imported, builtin: false };
}

export function saveInspection(ctx: CoreContext, input: ParsedInput<'dossier/save'>): number {
  checkYears(ctx.db, input.schoolYearIds);
  if (input.id !== undefined) {
    inspectionRow(ctx, input.id);
    return upsertAudited(ctx, 'inspection', 'inspection', input.id, { name: input.name, visit_date: input.visitDate, year_ids: JSON.stringify(input.schoolYearIds) }, input.name, { timestamps: true });
  }
  const src = input.framework ?? { kind: 'builtin' as const, key: FRAMEWORKS[0].key };
  const fw = frameworkIndicators(ctx, src);
  if (!fw.rows.length) throw new AppError('VALIDATION', 'dossier.frameworkEmpty', {}, [{ path: ['framework'], key: 'dossier.frameworkEmpty' }]);
  return ctx.db.transaction(() => {
    const id = upsertAudited(ctx, 'inspection', 'inspection', undefined, {
      name: input.name, framework_name: fw.name, framework_document: fw.document, framework_source: fw.source, framework_rev: 1,
      visit_date: input.visitDate, year_ids: JSON.stringify(input.schoolYearIds), overall_text: null,
    }, input.name, { timestamps: true });
    const ins = ctx.db.prepare(`INSERT INTO inspection_indicator (inspection_id, part_no, part_name, code, text, standard, computed, applies, sort)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    fw.rows.forEach((r, i) => {
      const indId = Number(ins.run(id, r.partNo, r.partName, r.code, r.text, r.standard, r.computed, r.applies ? 1 : 0, (i + 1) * 10).lastInsertRowid);
      // A built-in framework arrives with the evidence the app can give: the computed figure and its printouts.
      if (fw.builtin && r.computed) {
        const key = r.computed as keyof typeof PRESET_EVIDENCE;
        addEvidenceRows(ctx, indId, { kind: 'computed', indicatorId: indId, title: null, computed: key });
        for (const p of PRESET_EVIDENCE[key]) addEvidenceRows(ctx, indId, { kind: 'report', indicatorId: indId, title: null, reportId: p.reportId, params: {}, expand: p.expand }, { skipEmpty: true });
      }
    });
    return id;
  })();
}

export function deleteInspection(ctx: CoreContext, id: number): { id: number } {
  const r = inspectionRow(ctx, id);
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM inspection WHERE id = ?').run(id);
    ctx.audit('inspection', 'delete', { entityId: id, summary: `删除迎检 ${r.name}`, before: { name: r.name } });
  })();
  return { id };
}

export function saveOverall(ctx: CoreContext, id: number, text: string | null): { id: number } {
  const r = inspectionRow(ctx, id);
  upsertAudited(ctx, 'inspection', 'inspection', id, { overall_text: text }, `${r.name} 自评报告`, { timestamps: true });
  return { id };
}

function bumpRev(ctx: CoreContext, inspectionId: number): void {
  ctx.db.prepare('UPDATE inspection SET framework_rev = framework_rev + 1, updated_at = ? WHERE id = ?').run(ctx.now().toISOString(), inspectionId);
}

type IndicatorRowDb = { id: number; inspection_id: number; part_no: string; part_name: string; code: string; sort: number };
function indicatorRow(ctx: CoreContext, id: number): IndicatorRowDb {
  const r = ctx.db.prepare('SELECT * FROM inspection_indicator WHERE id = ?').get(id) as IndicatorRowDb | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'notFound', { entity: 'indicator', id });
  return r;
}

export function saveIndicator(ctx: CoreContext, i: ParsedInput<'dossier/saveIndicator'>): { id: number } {
  inspectionRow(ctx, i.inspectionId);
  const clash = ctx.db.prepare('SELECT id FROM inspection_indicator WHERE inspection_id = ? AND code = ? AND id <> ?').get(i.inspectionId, i.code, i.id ?? 0) as { id: number } | undefined;
  if (clash) throw new AppError('VALIDATION', 'dossier.codeTaken', { code: i.code }, [{ path: ['code'], key: 'dossier.codeTaken', params: { code: i.code } }]);
  const cols = {
    part_no: i.partNo, part_name: i.partName, code: i.code, text: i.text, standard: i.standard, computed: i.computed,
    applies: i.applies ? 1 : 0, self_text: i.selfText,
  };
  return ctx.db.transaction(() => {
    if (i.id !== undefined) {
      const before = indicatorRow(ctx, i.id);
      if (before.inspection_id !== i.inspectionId) throw new AppError('VALIDATION', 'dossier.wrongInspection', {}, [{ path: ['inspectionId'], key: 'dossier.wrongInspection' }]);
      const id = upsertAudited(ctx, 'inspection_indicator', 'indicator', i.id, cols, `${i.code} ${i.text.slice(0, 30)}`);
      bumpRev(ctx, i.inspectionId);
      return { id };
    }
    // A new indicator goes after the one named, else after the last of its part, else at the end.
    const after = i.after !== undefined ? indicatorRow(ctx, i.after) : (ctx.db.prepare('SELECT * FROM inspection_indicator WHERE inspection_id = ? AND part_no = ? ORDER BY sort DESC LIMIT 1').get(i.inspectionId, i.partNo) as IndicatorRowDb | undefined);
    const sort = after ? after.sort + 1 : ((ctx.db.prepare('SELECT MAX(sort) AS m FROM inspection_indicator WHERE inspection_id = ?').get(i.inspectionId) as { m: number | null }).m ?? 0) + 10;
    ctx.db.prepare('UPDATE inspection_indicator SET sort = sort + 1 WHERE inspection_id = ? AND sort >= ?').run(i.inspectionId, sort);
    const id = upsertAudited(ctx, 'inspection_indicator', 'indicator', undefined, { inspection_id: i.inspectionId, ...cols, sort }, `${i.code} ${i.text.slice(0, 30)}`);
    bumpRev(ctx, i.inspectionId);
    return { id };
  })();
}

export function deleteIndicator(ctx: CoreContext, id: number): { id: number } {
  const r = indicatorRow(ctx, id);
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM inspection_indicator WHERE id = ?').run(id);
    ctx.audit('indicator', 'delete', { entityId: id, summary: `删除指标 ${r.code}`, before: { code: r.code } });
    bumpRev(ctx, r.inspection_id);
  })();
  return { id };
}

/** Moves an indicator one place up or down in the whole list (across a part boundary it changes part). */
export function moveIndicator(ctx: CoreContext, id: number, direction: 'up' | 'down'): { id: number } {
  const r = indicatorRow(ctx, id);
  const other = neighbour<IndicatorRowDb>(ctx, { table: 'inspection_indicator', scope: 'inspection_id' }, r.inspection_id, r.sort, direction);
  if (!other) return { id };
  ctx.db.transaction(() => {
    const set = ctx.db.prepare('UPDATE inspection_indicator SET sort = ?, part_no = ?, part_name = ? WHERE id = ?');
    // Crossing into the neighbouring part takes that part's number and name.
    const crosses = other.part_no !== r.part_no;
    set.run(other.sort, crosses ? other.part_no : r.part_no, crosses ? other.part_name : r.part_name, r.id);
    ctx.db.prepare('UPDATE inspection_indicator SET sort = ? WHERE id = ?').run(r.sort, other.id);
    ctx.audit('indicator', 'update', { entityId: id, summary: `调整指标顺序 ${r.code}` });
    bumpRev(ctx, r.inspection_id);
  })();
  return { id };
}

/** Renumbers every indicator as 部分-序号 in its order (一-1, 一-2, 二-1, ...); returns how many codes changed. */
export function renumber(ctx: CoreContext, inspectionId: number): { changed: number } {
  inspectionRow(ctx, inspectionId);
  const rows = ctx.db.prepare('SELECT id, part_no, code FROM inspection_indicator WHERE inspection_id = ? ORDER BY sort').all(inspectionId) as { id: number; part_no: string; code: string }[];
  const seq = new Map<string, number>();
  const next = rows.map((r) => {
    const n = (seq.get(r.part_no) ?? 0) + 1;
    seq.set(r.part_no, n);
    return { id: r.id, old: r.code, code: `${r.part_no}-${n}` };
  });
  const changed = next.filter((x) => x.code !== x.old);
  ctx.db.transaction(() => {
    // Codes are unique per inspection on screen: clear them first so a swap never clashes.
    const set = ctx.db.prepare('UPDATE inspection_indicator SET code = ?, sort = ? WHERE id = ?');
    next.forEach((x, i) => set.run(x.code, (i + 1) * 10, x.id));
    if (changed.length) {
      ctx.audit('indicator', 'update', { entityId: inspectionId, summary: `重新编号 ${changed.length} 个指标` });
      bumpRev(ctx, inspectionId);
    }
  })();
  return { changed: changed.length };
}

export type { IndicatorInput };
