/** What other features may use of the school feature. */
export { createSchool, ensureGrade, ensureYear } from './setup';
export { getProfile, listClasses, listGrades, listGroups, listSubjects, listTerms, listYears } from './queries';
export { seedNationalSubjects } from './national-subjects';
