/** Automatic timetabling (自动排课): rules, generating and repairing in a worker thread, drafts, change notices. */
import { defineFeature } from '../../platform/feature';
import { schedulingHandlers } from './handlers';

export const schedulingFeature = defineFeature({ name: 'scheduling', handlers: schedulingHandlers });
