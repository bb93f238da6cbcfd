import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { queryAudit } from '../../platform/audit';

export const auditHandlers: HandlerMap<FeatureMethod<'audit'>> = {
  'audit/list': (q, ctx) => queryAudit(ctx.db, q),
};
