/** Lesson observations (听课评课) and the observation quotas per role, with each teacher's progress. */
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { deleteObservation, listObservations, observationFromLesson, saveObservation } from './observations';
import { getQuotas, quotaProgress, saveQuotas } from './quotas';

export const observationsHandlers: HandlerMap<FeatureMethod<'observations'>> = {
  'observations/getQuotas': (i, ctx) => getQuotas(ctx.db, i.termId),
  'observations/saveQuotas': (i, ctx) => saveQuotas(ctx, i),
  'observations/quotaProgress': (i, ctx) => quotaProgress(ctx, i.termId, i.asOf),
  'observations/list': (i, ctx) => listObservations(ctx.db, i),
  'observations/save': (i, ctx) => saveObservation(ctx, i),
  'observations/delete': (i, ctx) => deleteObservation(ctx, i.id),
  'observations/fromLesson': (i, ctx) => observationFromLesson(ctx.db, i),
};
