/** routinePlansContract handlers: standards, lesson plans and attachments, plan checks, collective prep, homework checks. */
import type { routinePlansContract } from '../../../../shared/contract/routine-plans';
import { attachmentStore } from '../../platform/attachments/store';
import type { HandlerMap } from '../../platform/handlers';
import { collectiveAttendance, deleteCollectivePrep, listCollectivePreps, saveCollectivePrep } from './collective';
import { termInfo } from './common';
import {
  deleteHomeworkCheck, listHomeworkChecks, prefillHomeworkChecks, saveHomeworkCheck, saveHomeworkChecks,
} from './homework-checks';
import { countFromPlans, deleteLessonPlan, getLessonPlan, listLessonPlans, saveLessonPlan, saveLessonPlans } from './lesson-plans';
import { deletePlanCheck, listPlanChecks, prefillPlanChecks, savePlanCheck, savePlanChecks } from './plan-checks';
import { getStandards, resetStandards, saveStandards } from './standards';

export const routinePlansHandlers: HandlerMap<keyof typeof routinePlansContract> = {
  'standards/get': ({ termId }, ctx) => getStandards(ctx, termId),
  'standards/save': (input, ctx) => saveStandards(ctx, input),
  'standards/resetDefault': ({ termId }, ctx) => resetStandards(ctx, termId),

  'lessonPlans/list': (q, ctx) => listLessonPlans(ctx, q),
  'lessonPlans/get': ({ id }, ctx) => getLessonPlan(ctx, id),
  'lessonPlans/save': (p, ctx) => saveLessonPlan(ctx, p),
  'lessonPlans/saveMany': ({ rows }, ctx) => saveLessonPlans(ctx, rows),
  'lessonPlans/delete': ({ id }, ctx) => deleteLessonPlan(ctx, id),
  'attachments/download': ({ id }, ctx) => attachmentStore(ctx).download(id),

  'planChecks/list': (q, ctx) => listPlanChecks(ctx, q),
  'planChecks/prefill': (q, ctx) => prefillPlanChecks(ctx, q),
  'planChecks/countFromPlans': (q, ctx) => countFromPlans(ctx, q),
  'planChecks/save': (c, ctx) => savePlanCheck(ctx, c),
  'planChecks/saveMany': ({ rows }, ctx) => savePlanChecks(ctx, rows),
  'planChecks/delete': ({ id }, ctx) => deletePlanCheck(ctx, id),

  'collectivePrep/list': (q, ctx) => listCollectivePreps(ctx, q),
  'collectivePrep/save': (p, ctx) => saveCollectivePrep(ctx, p),
  'collectivePrep/delete': ({ id }, ctx) => deleteCollectivePrep(ctx, id),
  'collectivePrep/attendance': ({ termId, month }, ctx) => { termInfo(ctx.db, termId); return collectiveAttendance(ctx.db, termId, month); },

  'homeworkChecks/list': (q, ctx) => listHomeworkChecks(ctx, q),
  'homeworkChecks/prefill': (q, ctx) => prefillHomeworkChecks(ctx, q),
  'homeworkChecks/save': (c, ctx) => saveHomeworkCheck(ctx, c),
  'homeworkChecks/saveMany': ({ rows }, ctx) => saveHomeworkChecks(ctx, rows),
  'homeworkChecks/delete': ({ id }, ctx) => deleteHomeworkCheck(ctx, id),
};
