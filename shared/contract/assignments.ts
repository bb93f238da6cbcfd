/** Teaching assignments (任课安排) per term. */
import { z } from 'zod';
import type { Assignment, AssignmentSummaryRow } from './entities';
import { AssignmentSchema } from './entities';
import { IdOnly } from './common';
import { featureContract, method } from './method';

export const assignmentsContract = featureContract('assignments', {
  'assignments/list': method(z.object({ termId: z.number().int().positive() })).returns<Assignment[]>(),
  'assignments/save': method(AssignmentSchema).returns<Assignment>(),
  'assignments/saveMany': method(z.object({ rows: z.array(AssignmentSchema).max(10000) })).returns<Assignment[]>(),
  'assignments/delete': method(IdOnly).returns<{ id: number }>(),
  'assignments/summary': method(z.object({ termId: z.number().int().positive(), by: z.enum(['class', 'teacher']) }),).returns<AssignmentSummaryRow[]>(),
});
