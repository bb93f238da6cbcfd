/** Teaching-research activities (教研活动). */
import { defineFeature } from '../../platform/feature';
import { researchHandlers } from './handlers';

export const researchFeature = defineFeature({ name: 'research', handlers: researchHandlers });
