/** What other features may use of the routine-plans feature (the monthly check reads its rubrics and attendance). */
export { collectiveAttendance } from './collective';
export { addSampleRoutinePlans } from './sample';
export { getRubric, getStandards } from './standards';
export { listHomeworkChecks } from './homework-checks';
