/** What other features may use of the routine-plans feature. */
export { getStandards } from './standards';
