/** What other features may use of the mentors feature (the dossier reads the programme summary). */
export { programmeSummary } from './programme';
export { termProgress } from './progress';
