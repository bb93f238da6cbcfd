/** Lists exported to Excel. */
import { defineFeature } from '../../platform/feature';
import { exportHandlers } from './handlers';

export const exportFeature = defineFeature({ name: 'export', handlers: exportHandlers });
