/** Teaching-research activities (教研活动) and who attended them. */
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { requireTerm } from '../../platform/query';
import { deleteResearch, listResearch, researchAttendance, saveResearch } from './research';

export const researchHandlers: HandlerMap<FeatureMethod<'research'>> = {
  'research/list': (i, ctx) => { requireTerm(ctx.db, i.termId); return listResearch(ctx.db, i); },
  'research/save': (i, ctx) => saveResearch(ctx, i),
  'research/delete': (i, ctx) => deleteResearch(ctx, i.id),
  'research/attendance': (i, ctx) => researchAttendance(ctx.db, i.termId),
};
