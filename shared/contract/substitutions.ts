/** Substitutions (代课、调课、停课、补课). */
import { z } from 'zod';
import { isoDaySchema } from '../domain/dates';
import { IdOnly } from './common';
import { featureContract, method } from './method';
import { id, period } from './fields';

export const SUBSTITUTION_KINDS = ['代课', '调课', '停课', '补课'] as const;
export const SubstitutionSchema = z.object({
  id: id.optional(),
  termId: id,
  date: isoDaySchema,
  period,
  classId: id,
  subjectId: id,
  kind: z.enum(SUBSTITUTION_KINDS),
  originalTeacherId: id.nullish().transform((v) => v ?? null),
  substituteTeacherId: id.nullish().transform((v) => v ?? null),
  reason: z.string().trim().max(100).nullish().transform((v) => (v ? v : null)),
  /** For 调课: the lesson it is swapped with (date, period), recorded as the paired row. */
  swapWith: z.object({ date: isoDaySchema, period, subjectId: id, teacherId: id.nullish() }).nullish(),
});
export interface Substitution {
  id: number; termId: number; date: string; period: number; classId: number; className: string; subjectId: number; subjectName: string;
  kind: (typeof SUBSTITUTION_KINDS)[number]; originalTeacherId: number | null; originalTeacherName: string | null;
  substituteTeacherId: number | null; substituteTeacherName: string | null; swapId: number | null; reason: string | null;
}
const SubstitutionQuerySchema = z.object({ termId: z.number().int().positive(), from: isoDaySchema.optional(), to: isoDaySchema.optional() });

export const substitutionsContract = featureContract('substitutions', {
  'substitutions/list': method(SubstitutionQuerySchema).returns<Substitution[]>(),
  'substitutions/save': method(SubstitutionSchema).returns<Substitution[]>(),
  'substitutions/delete': method(IdOnly).returns<{ id: number }>(),
});
