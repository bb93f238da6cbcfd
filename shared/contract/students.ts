/** Students (学生名册), by class. */
import { z } from 'zod';
import type { Student } from './entities';
import { StudentSchema } from './entities';
import { ArchiveSchema } from './common';
import { id, isoDay, optId, optText } from './fields';
import { STUDENT_CHANGES, type EnrollmentEnd, type EnrollmentStart } from '../domain/cohort';

/** A dated change of class or status (学籍变动) typed by the clerk. */
export const StudentChangeSchema = z.object({
  studentId: id,
  change: z.enum(STUDENT_CHANGES),
  date: isoDay,
  /** The class joined (转入, 复学, 分班调整, 留级). */
  classId: optId,
  note: optText(200),
});

/** One stretch of a student in one class within one school year, named as the class was that year. */
export interface EnrollmentStretch {
  id: number; schoolYearId: number; schoolYearName: string; classId: number; className: string; cohortName: string;
  fromDate: string; toDate: string | null; startChange: EnrollmentStart; endChange: EnrollmentEnd | null; note: string | null;
}

/** A student's whole record across years: classes, exam results (with the class of the time) and files. */
export interface StudentHistory {
  student: Student;
  stretches: EnrollmentStretch[];
  exams: {
    examId: number; termName: string; examName: string; date: string; className: string;
    scores: { subjectName: string; score: number | null; absent: boolean; level: string | null }[];
  }[];
  files: { id: number; termName: string; className: string | null; status: string; openedOn: string | null; closedOn: string | null }[];
}
import { featureContract, method } from './method';

export const studentsContract = featureContract('students', {
  'students/list': method(z.object({ includeArchived: z.boolean().default(false), classId: z.number().int().positive().optional() }),).returns<Student[]>(),
  'students/save': method(StudentSchema).returns<Student>(),
  'students/saveMany': method(z.object({ rows: z.array(StudentSchema).max(10000) })).returns<Student[]>(),
  'students/archive': method(ArchiveSchema).returns<Student>(),
  'students/change': method(StudentChangeSchema).returns<Student>(),
  'students/history': method(z.object({ studentId: id })).returns<StudentHistory>(),
});
