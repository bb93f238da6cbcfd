/** Mentor pairs (师徒结对, 青蓝工程) with the agreement, assessment, certificate and programme-summary printouts. */
import { defineFeature } from '../../platform/feature';
import { mentorsHandlers } from './handlers';
import { MENTOR_REPORTS } from './reports';

export const mentorsFeature = defineFeature({ name: 'mentors', handlers: mentorsHandlers, reports: [...MENTOR_REPORTS] });
