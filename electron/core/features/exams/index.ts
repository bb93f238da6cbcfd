/** Exams and score analysis (质量监测) with the quality report and rank list printouts. */
import { defineFeature } from '../../platform/feature';
import { examsHandlers } from './handlers';
import { EXAM_REPORTS } from './quality-report';

export const examsFeature = defineFeature({ name: 'exams', handlers: examsHandlers, reports: [...EXAM_REPORTS] });
