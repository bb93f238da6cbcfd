import type { HandlerMap } from '../handlers';
import { queryAudit } from './audit';

export const auditHandlers: HandlerMap<'audit/list'> = {
  'audit/list': (q, ctx) => queryAudit(ctx.db, q),
};
