/** Struggling-student files (学困生, 一生一案) with the file and roster printouts. */
import { defineFeature } from '../../platform/feature';
import { strugglingHandlers } from './handlers';
import { STRUGGLING_REPORTS } from './reports';

export const strugglingFeature = defineFeature({ name: 'struggling', handlers: strugglingHandlers, reports: [...STRUGGLING_REPORTS] });
