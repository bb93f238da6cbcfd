/** The monthly routine check: months, sheets (start, refresh, discard, save), progress, term summary, bulletin data, and the Word and Excel exports. */
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { requireTerm } from '../../platform/query';
import { monthlyCheckExports } from './export-handlers';
import { discardMonth, listMonths, monthlyProgress, readSheets, refreshMonth, saveSheets, startMonth } from './monthly';
import { bulletinData, termSummary } from './summary';

export const monthlyCheckHandlers: HandlerMap<FeatureMethod<'monthly-check'>> = {
  'monthly-check/months': (i, ctx) => listMonths(ctx.db, i.termId),
  'monthly-check/start': (i, ctx) => startMonth(ctx, i.termId, i.month),
  'monthly-check/refresh': (i, ctx) => refreshMonth(ctx, i.termId, i.month),
  'monthly-check/discard': (i, ctx) => discardMonth(ctx, i.termId, i.month),
  'monthly-check/sheets': (i, ctx) => { requireTerm(ctx.db, i.termId); return readSheets(ctx.db, i.termId, i.month); },
  'monthly-check/saveSheets': (i, ctx) => saveSheets(ctx, i),
  'monthly-check/progress': (i, ctx) => { requireTerm(ctx.db, i.termId); return monthlyProgress(ctx.db, i.termId, i.month); },
  'monthly-check/termSummary': (i, ctx) => termSummary(ctx.db, i.termId, i.teacherId),
  'monthly-check/bulletinData': (i, ctx) => bulletinData(ctx.db, i.termId, i.month),
  ...monthlyCheckExports,
};
