/** Lists exported to Excel (teachers, students, classes, subjects, groups, assignments, audit). */
import { z } from 'zod';
import type { FilePayload } from './common';
import { featureContract, method } from './method';

export const exportContract = featureContract('export', {
  'export/list': method(z.object({ list: z.enum(['teachers', 'students', 'classes', 'subjects', 'groups', 'assignments', 'audit']), termId: z.number().int().positive().optional() }),).returns<FilePayload>(),
});
