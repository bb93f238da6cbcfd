/** The app's own methods that need the database: the operator's name, the sample school, a new school. */
import type { HandlerMap } from '../../platform/handlers';
import type { CoreOwnMethod } from '../../platform/feature';
import type { FeatureMethod } from '../../../../shared/contract';
import { createSchool } from '../school/service';
import { loadSampleSchool } from './sample-school';

export const appHandlers: HandlerMap<Exclude<FeatureMethod<'app'>, CoreOwnMethod>> = {
  'app/setOperator': ({ name }, ctx) => {
    const before = ctx.getSetting('operator');
    ctx.setSetting('operator', name);
    ctx.audit('operator', 'update', { summary: `操作员 ${before ?? '（无）'} → ${name}` });
    return ctx.status();
  },
  'app/loadSample': (_i, ctx) => {
    loadSampleSchool(ctx);
    return ctx.status();
  },
  'app/createSchool': (p, ctx) => {
    createSchool(ctx, p);
    return ctx.status();
  },
};
