/** What other features may use of the research feature. */
export { listResearch, researchAttendance, researchAttendanceMap } from './research';
