/** What other features may use of the monthly-check feature. */
export { addSampleRoutineMonthly } from './sample';
export { startMonth } from './monthly';
export { startedMonths } from './monthly';
export { monthLabel } from './view-types';
