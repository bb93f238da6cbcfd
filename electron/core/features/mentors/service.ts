/** What other features may use of the mentors feature (the sample school; the dossier reads the programme summary). */
export { programmeSummary } from './programme';
export { termProgress } from './progress';
export { addSampleMentors } from './sample';
