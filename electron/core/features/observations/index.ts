/** Lesson observations (听课评课) and their quotas. */
import { defineFeature } from '../../platform/feature';
import { observationsHandlers } from './handlers';

export const observationsFeature = defineFeature({ name: 'observations', handlers: observationsHandlers });
