/** Teaching routine records: standards, lesson plans, plan checks, collective prep, homework checks. */
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { collectiveAttendance, deleteCollectivePrep, listCollectivePreps, saveCollectivePrep } from './collective';
import { termInfo } from './common';
import {
  deleteHomeworkCheck, listHomeworkChecks, prefillHomeworkChecks, saveHomeworkCheck, saveHomeworkChecks,
} from './homework-checks';
import { countFromPlans, deleteLessonPlan, getLessonPlan, listLessonPlans, saveLessonPlan, saveLessonPlans } from './lesson-plans';
import { deletePlanCheck, listPlanChecks, prefillPlanChecks, savePlanCheck, savePlanChecks } from './plan-checks';
import { getStandards, resetStandards, saveStandards } from './standards';

export const routinePlansHandlers: HandlerMap<FeatureMethod<'routine-plans'>> = {
  'routine-plans/getStandards': ({ termId }, ctx) => getStandards(ctx, termId),
  'routine-plans/saveStandards': (input, ctx) => saveStandards(ctx, input),
  'routine-plans/resetStandards': ({ termId }, ctx) => resetStandards(ctx, termId),

  'routine-plans/listLessonPlans': (q, ctx) => listLessonPlans(ctx, q),
  'routine-plans/getLessonPlan': ({ id }, ctx) => getLessonPlan(ctx, id),
  'routine-plans/saveLessonPlan': (p, ctx) => saveLessonPlan(ctx, p),
  'routine-plans/saveLessonPlans': ({ rows }, ctx) => saveLessonPlans(ctx, rows),
  'routine-plans/deleteLessonPlan': ({ id }, ctx) => deleteLessonPlan(ctx, id),

  'routine-plans/listPlanChecks': (q, ctx) => listPlanChecks(ctx, q),
  'routine-plans/prefillPlanChecks': (q, ctx) => prefillPlanChecks(ctx, q),
  'routine-plans/countPlanChecksFromPlans': (q, ctx) => countFromPlans(ctx, q),
  'routine-plans/savePlanCheck': (c, ctx) => savePlanCheck(ctx, c),
  'routine-plans/savePlanChecks': ({ rows }, ctx) => savePlanChecks(ctx, rows),
  'routine-plans/deletePlanCheck': ({ id }, ctx) => deletePlanCheck(ctx, id),

  'routine-plans/listCollectivePreps': (q, ctx) => listCollectivePreps(ctx, q),
  'routine-plans/saveCollectivePrep': (p, ctx) => saveCollectivePrep(ctx, p),
  'routine-plans/deleteCollectivePrep': ({ id }, ctx) => deleteCollectivePrep(ctx, id),
  'routine-plans/collectivePrepAttendance': ({ termId, month }, ctx) => { termInfo(ctx.db, termId); return collectiveAttendance(ctx.db, termId, month); },

  'routine-plans/listHomeworkChecks': (q, ctx) => listHomeworkChecks(ctx, q),
  'routine-plans/prefillHomeworkChecks': (q, ctx) => prefillHomeworkChecks(ctx, q),
  'routine-plans/saveHomeworkCheck': (c, ctx) => saveHomeworkCheck(ctx, c),
  'routine-plans/saveHomeworkChecks': ({ rows }, ctx) => saveHomeworkChecks(ctx, rows),
  'routine-plans/deleteHomeworkCheck': ({ id }, ctx) => deleteHomeworkCheck(ctx, id),
};
