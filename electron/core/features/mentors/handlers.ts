/** Mentor pairs (师徒结对): settings, pairs, activity log, progress, the bound evaluation and the agreement as Word. */
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { deleteActivity, saveActivity } from './activities';
import { agreementDocx } from './agreement-docx';
import { deletePair, savePair } from './pairs';
import { assessPair, pairDetail, programmeSummary } from './programme';
import { mentorSettings, saveMentorSettings } from './settings';

export const mentorsHandlers: HandlerMap<FeatureMethod<'mentors'>> = {
  'mentors/settings': (_i, ctx) => mentorSettings(ctx),
  'mentors/saveSettings': (i, ctx) => saveMentorSettings(ctx, i),
  'mentors/list': (i, ctx) => programmeSummary(ctx, i.termId, i.asOf, i.includeEnded),
  'mentors/get': (i, ctx) => pairDetail(ctx, i.id, i.termId, i.asOf),
  'mentors/save': (i, ctx) => savePair(ctx, i),
  'mentors/delete': (i, ctx) => deletePair(ctx, i.id),
  'mentors/saveActivity': (i, ctx) => saveActivity(ctx, i),
  'mentors/deleteActivity': (i, ctx) => deleteActivity(ctx, i.id),
  'mentors/assess': (i, ctx) => assessPair(ctx, i.pairId, i.termId, i.comment),
  'mentors/agreementDocx': (i, ctx) => agreementDocx(ctx, i.id),
};
