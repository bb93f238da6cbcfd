/** Students (学生名册), by class. */
import { z } from 'zod';
import type { Student } from './entities';
import { StudentSchema } from './entities';
import { ArchiveSchema } from './common';
import { featureContract, method } from './method';

export const studentsContract = featureContract('students', {
  'students/list': method(z.object({ includeArchived: z.boolean().default(false), classId: z.number().int().positive().optional() }),).returns<Student[]>(),
  'students/save': method(StudentSchema).returns<Student>(),
  'students/saveMany': method(z.object({ rows: z.array(StudentSchema).max(10000) })).returns<Student[]>(),
  'students/archive': method(ArchiveSchema).returns<Student>(),
});
