/** Roster imports from Excel or CSV (teachers, students, assignments). */
import { defineFeature } from '../../platform/feature';
import { importHandlers } from './handlers';

export const importFeature = defineFeature({ name: 'import', handlers: importHandlers });
