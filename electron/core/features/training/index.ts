/** The training register (教师培训) with the record, summary and teacher-indicator printouts. */
import { defineFeature } from '../../platform/feature';
import { trainingHandlers } from './handlers';
import { TRAINING_REPORTS } from './reports';

export const trainingFeature = defineFeature({ name: 'training', handlers: trainingHandlers, reports: [...TRAINING_REPORTS] });
