/** The audit log (操作日志). */
import { z } from 'zod';
import type { AuditEntry } from './entities';
import { featureContract, method } from './method';

export const AuditQuerySchema = z.object({
  entity: z.string().optional(),
  operator: z.string().optional(),
  text: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  limit: z.number().int().min(1).max(5000).default(500),
  offset: z.number().int().min(0).default(0),
});

export const auditContract = featureContract('audit', {
  'audit/list': method(AuditQuerySchema).returns<{ rows: AuditEntry[]; total: number }>(),
});
