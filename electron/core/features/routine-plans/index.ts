/** Lesson plans, plan checks, homework checks, collective preparation and their standards. */
import { defineFeature } from '../../platform/feature';
import { routinePlansHandlers } from './handlers';

export const routinePlansFeature = defineFeature({ name: 'routine-plans', handlers: routinePlansHandlers });
