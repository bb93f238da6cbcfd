/** Data every report header needs: the school's name and the term it is printed for. */
import type { z } from 'zod';
import type { REPORT_PARAMS, ReportParamKey } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../context';
import { currentTermId, findTerm, schoolName } from '../query';

/** Any report's parameters after its schema checked them (defaults applied); a report reads the ones it declared. */
export type ReportParams = { [K in ReportParamKey]?: z.output<(typeof REPORT_PARAMS)[K]['schema']> };

export interface TermInfo { id: number; label: string }

export interface ReportHeaderData {
  schoolName: string;
  term: TermInfo | null;
  producedAt: Date;
}

export function loadTerm(ctx: CoreContext, termId: number): TermInfo | null {
  const t = findTerm(ctx.db, termId);
  return t ? { id: t.id, label: t.name } : null;
}

/**
 * The term a report is for: the one asked for (which must exist), else the current term chosen in the
 * header, else none (the header then shows no term).
 */
export function resolveTerm(ctx: CoreContext, termId: number | undefined): TermInfo | null {
  if (termId !== undefined) {
    const t = loadTerm(ctx, termId);
    if (!t) throw new AppError('NOT_FOUND', 'termNotFound', { id: termId });
    return t;
  }
  const current = currentTermId(ctx);
  return current === null ? null : loadTerm(ctx, current);
}

export function loadHeader(ctx: CoreContext, termId: number | undefined): ReportHeaderData {
  return { schoolName: schoolName(ctx.db), term: resolveTerm(ctx, termId), producedAt: ctx.now() };
}
