/** What other features may use of the observations feature (the monthly check counts observations against quotas). */
export { listObservations } from './observations';
export { quotaOverrides, quotaProgress, roleQuotas } from './quotas';
