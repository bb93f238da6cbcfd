/** The app itself: the operator, the sample school and a new school (status and recovery are Core's own). */
import { defineFeature } from '../../platform/feature';
import { appHandlers } from './handlers';

export const appFeature = defineFeature({ name: 'app', handlers: appHandlers });
