/** School years (学年): the new-year and new-term roll-overs, cohorts, read-only past terms. */
import { defineFeature } from '../../platform/feature';
import { schoolYearsHandlers } from './handlers';

export const schoolYearsFeature = defineFeature({ name: 'school-years', handlers: schoolYearsHandlers });
