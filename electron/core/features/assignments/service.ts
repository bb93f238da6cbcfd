/** What other features may use of the assignments feature. */
export { listAssignments } from './queries';
