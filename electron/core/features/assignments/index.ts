/** Teaching assignments (任课安排). */
import { defineFeature } from '../../platform/feature';
import { assignmentsHandlers } from './handlers';

export const assignmentsFeature = defineFeature({ name: 'assignments', handlers: assignmentsHandlers });
