import type { HandlerMap } from '../../platform/handlers';
import { queryAudit } from '../../platform/audit';

export const auditHandlers: HandlerMap<'audit/list'> = {
  'audit/list': (q, ctx) => queryAudit(ctx.db, q),
};
