/** What other features may use of the students feature (the roster import writes through it). */
export { findStudentId, storedStudentNo, studentIdsByNo, writeStudents, type StudentWrite } from './write';
export { listStudents } from './queries';
