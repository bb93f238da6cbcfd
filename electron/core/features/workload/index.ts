/** Teaching loads (工作量). */
import { defineFeature } from '../../platform/feature';
import { workloadHandlers } from './handlers';

export const workloadFeature = defineFeature({ name: 'workload', handlers: workloadHandlers });
