/** What other features may use of the curriculum feature (routine standards use the school's subjects). */
export { schoolSubjects, subjectResolver } from './standard';
export { runCompliance } from './check';
