/** FET timetable files (.fet) in and out. */
import { defineFeature } from '../../platform/feature';
import { fetHandlers } from './handlers';

export const fetFeature = defineFeature({ name: 'fet', handlers: fetHandlers });
