/** The audit log (操作日志). */
import { defineFeature } from '../../platform/feature';
import { auditHandlers } from './handlers';

export const auditFeature = defineFeature({ name: 'audit', handlers: auditHandlers });
