/**
 * Evidence items of an indicator: a printout of the report catalogue with its parameters (expanded once per
 * school year, term or month of the inspection's period when asked), an uploaded file kept as an attachment, or
 * a figure the app computes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Evidence, EvidenceInput, ReadinessReason } from '../../../../shared/contract';
import { COMPUTED_LABEL } from '../../../../shared/domain/dossier/computed';
import type { ComputedKey } from '../../../../shared/domain/dossier/frameworks';
import { AppError } from '../../../../shared/errors';
import { attachmentStore, storeUpload } from '../../platform/attachments/store';
import type { CoreContext } from '../../platform/context';
import { todayOf } from '../../platform/staff';
import { monthLabel, startedMonths } from '../monthly-check/service';
import { neighbour } from './order';
import { periodYears } from './period';

type EvidenceRow = {
  id: number; indicator_id: number; kind: 'report' | 'upload' | 'computed'; title: string; report_id: string | null; params: string | null;
  attachment_id: number | null; computed: string | null; sort: number;
};

function indicatorOf(ctx: CoreContext, indicatorId: number): { id: number; inspectionId: number; yearIds: number[]; code: string } {
  const r = ctx.db.prepare(`SELECT i.id, i.inspection_id AS inspectionId, i.code, n.year_ids AS yearIds FROM inspection_indicator i
    JOIN inspection n ON n.id = i.inspection_id WHERE i.id = ?`).get(indicatorId) as { id: number; inspectionId: number; code: string; yearIds: string } | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'notFound', { entity: 'indicator', id: indicatorId }, [{ path: ['indicatorId'], key: 'notFound' }]);
  return { ...r, yearIds: JSON.parse(r.yearIds) as number[] };
}

/** One report choice as the items it becomes: [title suffix, params]. */
function expandReport(ctx: CoreContext, yearIds: number[], params: Record<string, unknown>, expand: string): [string, Record<string, unknown>][] {
  const years = periodYears(ctx.db, yearIds, todayOf(ctx.now()));
  switch (expand) {
    case 'years':
      // A year's figures are read in its last term (the year's roll, the pace at its end).
      return years.filter((y) => y.terms.length).map((y) => [y.name, { ...params, termId: y.terms[y.terms.length - 1].id }]);
    case 'terms':
      return years.flatMap((y) => y.terms.map((t) => [t.name, { ...params, termId: t.id }] as [string, Record<string, unknown>]));
    case 'months':
      return years.flatMap((y) => y.terms.flatMap((t) => startedMonths(ctx.db, t.id).map((m) => [monthLabel(m), { ...params, termId: t.id, month: m }] as [string, Record<string, unknown>])));
    default:
      return [['', params]];
  }
}

/** Adds the items of one input (several for an expanded report) at the end of the indicator's list. */
export function addEvidenceRows(ctx: CoreContext, indicatorId: number, input: EvidenceInput, opts: { skipEmpty?: boolean } = {}): number[] {
  const ind = indicatorOf(ctx, indicatorId);
  let sort = ((ctx.db.prepare('SELECT MAX(sort) AS m FROM inspection_evidence WHERE indicator_id = ?').get(indicatorId) as { m: number | null }).m ?? 0);
  const ins = ctx.db.prepare(`INSERT INTO inspection_evidence (indicator_id, kind, title, report_id, params, attachment_id, computed, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const ids: number[] = [];
  if (input.kind === 'report') {
    let info;
    try {
      info = ctx.reports.find(input.reportId).info;
    } catch {
      throw new AppError('VALIDATION', 'dossier.unknownReport', { id: input.reportId }, [{ path: ['reportId'], key: 'dossier.unknownReport', params: { id: input.reportId } }]);
    }
    const items = expandReport(ctx, ind.yearIds, input.params ?? {}, input.expand ?? 'none');
    if (!items.length && opts.skipEmpty) return [];
    if (!items.length) throw new AppError('VALIDATION', 'dossier.expandEmpty', {}, [{ path: ['expand'], key: 'dossier.expandEmpty' }]);
    const missing = info.required.filter((k) => items.some(([, p]) => p[k] === undefined || p[k] === null));
    if (missing.length) throw new AppError('VALIDATION', 'dossier.reportParamMissing', { param: missing[0] }, [{ path: ['params', missing[0]], key: 'dossier.reportParamMissing', params: { param: missing[0] } }]);
    for (const [suffix, params] of items) {
      const title = [input.title || info.title, suffix].filter(Boolean).join('（') + (suffix ? '）' : '');
      ids.push(Number(ins.run(indicatorId, 'report', title.slice(0, 160), input.reportId, JSON.stringify(params), null, null, ++sort).lastInsertRowid));
    }
  } else if (input.kind === 'upload') {
    const attachmentId = storeUpload(ctx, input.upload);
    const title = input.title || input.upload.fileName.replace(/\.[^.]+$/, '');
    ids.push(Number(ins.run(indicatorId, 'upload', title.slice(0, 160), null, null, attachmentId, null, ++sort).lastInsertRowid));
  } else {
    ids.push(Number(ins.run(indicatorId, 'computed', (input.title || COMPUTED_LABEL[input.computed]).slice(0, 160), null, null, null, input.computed, ++sort).lastInsertRowid));
  }
  ctx.audit('indicator', 'update', { entityId: indicatorId, summary: `${ind.code} 添加佐证 ${ids.length} 项` });
  return ids;
}

export function addEvidence(ctx: CoreContext, input: EvidenceInput): Evidence[] {
  const ids = ctx.db.transaction(() => addEvidenceRows(ctx, input.indicatorId, input))();
  return listEvidence(ctx, [input.indicatorId]).filter((e) => ids.includes(e.id));
}

function evidenceRow(ctx: CoreContext, id: number): EvidenceRow {
  const r = ctx.db.prepare('SELECT * FROM inspection_evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'notFound', { entity: 'evidence', id });
  return r;
}

export function deleteEvidence(ctx: CoreContext, id: number): { id: number } {
  const r = evidenceRow(ctx, id);
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM inspection_evidence WHERE id = ?').run(id);
    ctx.audit('indicator', 'update', { entityId: r.indicator_id, summary: `删除佐证 ${r.title}` });
  })();
  return { id };
}

export function moveEvidence(ctx: CoreContext, id: number, direction: 'up' | 'down'): { id: number } {
  const r = evidenceRow(ctx, id);
  const other = neighbour<EvidenceRow>(ctx, { table: 'inspection_evidence', scope: 'indicator_id' }, r.indicator_id, r.sort, direction);
  if (!other) return { id };
  ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE inspection_evidence SET sort = ? WHERE id = ?').run(other.sort, r.id);
    ctx.db.prepare('UPDATE inspection_evidence SET sort = ? WHERE id = ?').run(r.sort, other.id);
  })();
  return { id };
}

/** The evidence of the given indicators, in order, each with the reason it cannot be printed (or null). */
export function listEvidence(ctx: CoreContext, indicatorIds: number[]): Evidence[] {
  if (!indicatorIds.length) return [];
  const rows = ctx.db.prepare(`SELECT * FROM inspection_evidence WHERE indicator_id IN (${indicatorIds.map(() => '?').join(',')}) ORDER BY indicator_id, sort`).all(...indicatorIds) as EvidenceRow[];
  const store = attachmentStore(ctx);
  const known = new Set(ctx.reports.list().map((r) => r.id));
  return rows.map((r) => {
    const attachment = r.attachment_id ? store.info(r.attachment_id) : null;
    let problem: ReadinessReason | null = null;
    if (r.kind === 'report' && !known.has(r.report_id!)) problem = { key: 'reportGone', params: { name: r.title } };
    if (r.kind === 'upload' && (!attachment || !fs.existsSync(path.join(store.dir, attachment.sha256)))) problem = { key: 'fileLost', params: { name: attachment?.fileName ?? r.title } };
    return {
      id: r.id, indicatorId: r.indicator_id, kind: r.kind, title: r.title, reportId: r.report_id,
      params: r.params ? (JSON.parse(r.params) as Record<string, unknown>) : null, attachment, computed: (r.computed as ComputedKey | null) ?? null, problem,
    };
  });
}
