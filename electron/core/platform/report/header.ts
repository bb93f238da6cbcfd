/** Data every report header needs: the school's name and the term it is printed for. */
import type { z } from 'zod';
import type { REPORT_PARAMS, ReportParamKey } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../context';

/** Any report's parameters after its schema checked them (defaults applied); a report reads the ones it declared. */
export type ReportParams = { [K in ReportParamKey]?: z.output<(typeof REPORT_PARAMS)[K]['schema']> };

export interface TermInfo { id: number; label: string }

export interface ReportHeaderData {
  schoolName: string;
  term: TermInfo | null;
  producedAt: Date;
}

/** 2025-2026学年 + 第一学期 -> 2025-2026学年第一学期. */
export function termLabel(schoolYearName: string, termNo: number): string {
  return `${schoolYearName}${termNo === 1 ? '第一学期' : '第二学期'}`;
}

export function loadTerm(ctx: CoreContext, termId: number): TermInfo | null {
  const r = ctx.db
    .prepare('SELECT t.id, t.term_no, y.name AS year_name FROM term t JOIN school_year y ON y.id = t.school_year_id WHERE t.id = ?')
    .get(termId) as { id: number; term_no: number; year_name: string } | undefined;
  return r ? { id: r.id, label: termLabel(r.year_name, r.term_no) } : null;
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
  const current = Number(ctx.getSetting('currentTermId'));
  return Number.isInteger(current) && current > 0 ? loadTerm(ctx, current) : null;
}

export function loadHeader(ctx: CoreContext, termId: number | undefined): ReportHeaderData {
  const school = ctx.db.prepare('SELECT name FROM school WHERE id = 1').get() as { name: string } | undefined;
  return { schoolName: school?.name ?? '', term: resolveTerm(ctx, termId), producedAt: ctx.now() };
}
