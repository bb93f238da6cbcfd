/** Teachers (教师名册). */
import { z } from 'zod';
import type { Teacher } from './entities';
import { TeacherSchema } from './entities';
import { ArchiveSchema, ListSchema } from './common';
import { featureContract, method } from './method';

export const teachersContract = featureContract('teachers', {
  'teachers/list': method(ListSchema).returns<Teacher[]>(),
  'teachers/save': method(TeacherSchema).returns<Teacher>(),
  'teachers/saveMany': method(z.object({ rows: z.array(TeacherSchema).max(5000) })).returns<Teacher[]>(),
  'teachers/archive': method(ArchiveSchema).returns<Teacher>(),
});
