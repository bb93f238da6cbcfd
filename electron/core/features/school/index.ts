/** The school's setup: profile, years and terms, grades, classes, subjects, teaching groups. */
import { defineFeature } from '../../platform/feature';
import { schoolHandlers } from './handlers';

export const schoolFeature = defineFeature({ name: 'school', handlers: schoolHandlers });
