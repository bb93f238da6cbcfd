/** Handlers of the routine-monthly contract: quotas, observations, research activities, the monthly check. */
import type { HandlerMap } from '../../platform/handlers';
import type { routineMonthlyContract } from '../../../../shared/contract/routine-monthly';
import { deleteObservation, listObservations, observationFromLesson, saveObservation } from '../observations/observations';
import { getQuotas, quotaProgress, saveQuotas } from '../observations/quotas';
import { deleteResearch, listResearch, researchAttendance, saveResearch } from '../research/research';
import { discardMonth, listMonths, monthlyProgress, readSheets, refreshMonth, saveSheets, startMonth } from './monthly';
import { bulletinData, termSummary } from './summary';
import { loadTerm } from './common';

export const routineMonthlyHandlers: HandlerMap<keyof typeof routineMonthlyContract> = {
  'observations/getQuotas': (i, ctx) => getQuotas(ctx.db, i.termId),
  'observations/saveQuotas': (i, ctx) => saveQuotas(ctx, i),
  'observations/quotaProgress': (i, ctx) => quotaProgress(ctx, i.termId, i.asOf),

  'observations/list': (i, ctx) => listObservations(ctx.db, i),
  'observations/save': (i, ctx) => saveObservation(ctx, i),
  'observations/delete': (i, ctx) => deleteObservation(ctx, i.id),
  'observations/fromLesson': (i, ctx) => observationFromLesson(ctx.db, i),

  'research/list': (i, ctx) => { loadTerm(ctx.db, i.termId); return listResearch(ctx.db, i); },
  'research/save': (i, ctx) => saveResearch(ctx, i),
  'research/delete': (i, ctx) => deleteResearch(ctx, i.id),
  'research/attendance': (i, ctx) => researchAttendance(ctx.db, i.termId),

  'monthly-check/months': (i, ctx) => listMonths(ctx.db, i.termId),
  'monthly-check/start': (i, ctx) => startMonth(ctx, i.termId, i.month),
  'monthly-check/refresh': (i, ctx) => refreshMonth(ctx, i.termId, i.month),
  'monthly-check/discard': (i, ctx) => discardMonth(ctx, i.termId, i.month),
  'monthly-check/sheets': (i, ctx) => { loadTerm(ctx.db, i.termId); return readSheets(ctx.db, i.termId, i.month); },
  'monthly-check/saveSheets': (i, ctx) => saveSheets(ctx, i),
  'monthly-check/progress': (i, ctx) => { loadTerm(ctx.db, i.termId); return monthlyProgress(ctx.db, i.termId, i.month); },
  'monthly-check/termSummary': (i, ctx) => termSummary(ctx.db, i.termId, i.teacherId),
  'monthly-check/bulletinData': (i, ctx) => bulletinData(ctx.db, i.termId, i.month),
};
