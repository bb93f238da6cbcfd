/** The report catalogue, HTML preview and PDF (the catalogue is folded from every feature's reports). */
import { defineFeature } from '../../platform/feature';
import { reportsHandlers } from './handlers';

export const reportsFeature = defineFeature({ name: 'reports', handlers: reportsHandlers });
