/** The monthly routine check (教学常规月查) with its sheets, bulletin and term summary printouts. */
import { defineFeature } from '../../platform/feature';
import { monthlyCheckHandlers } from './handlers';
import { MONTHLY_CHECK_REPORTS } from './reports';

export const monthlyCheckFeature = defineFeature({ name: 'monthly-check', handlers: monthlyCheckHandlers, reports: [...MONTHLY_CHECK_REPORTS] });
