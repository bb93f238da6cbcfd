/** What other features may use of the observations feature. */
export { listObservations } from './observations';
export { quotaProgress } from './quotas';
