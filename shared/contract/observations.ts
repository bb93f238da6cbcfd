/** Lesson observations (听课评课) and the observation quotas per role (听课节数). */
import { z } from 'zod';
import { TEACHER_ROLES, type TeacherRole } from '../domain/constants';
import { LEVELS, OBSERVATION_KINDS, type Level, type ObservationKind, type ObservationItemKey } from '../domain/routine/observation';
import { type MonthlyRubricItem, type SheetGradeBand, type SheetStatus } from '../domain/routine/monthly';
import type { QuotaAggregate, QuotaStatus } from '../domain/routine/quota';
import { featureContract, method } from './method';
import { id, isoDay, month, optDate, optId, optText, period } from './fields';
import { TermOnly } from './common';

const IdOnlySchema = z.object({ id });
const score = z.number().min(0, 'tooSmall').max(100, 'tooBig').nullish().transform((v) => v ?? null);

export { OBSERVATION_KINDS, OBSERVATION_ITEMS, OBSERVATION_ITEM_KEYS, LEVELS } from '../domain/routine/observation';
export { SHEET_STATUSES, DEFAULT_MONTHLY_RUBRIC } from '../domain/routine/monthly';
export { DEFAULT_QUOTAS } from '../domain/routine/quota';
export type { Level, ObservationKind, ObservationItemKey, MonthlyRubricItem, SheetGradeBand, SheetStatus, QuotaAggregate, QuotaStatus };

// ---- quotas ----
export const QuotaSaveSchema = z.object({
  termId: id,
  /** Observations a term per role; roles left out keep their current value (or the default). */
  roles: z.array(z.object({ role: z.enum(TEACHER_ROLES), perTerm: z.number().int().min(0, 'tooSmall').max(500, 'tooBig') })).max(20),
  /** Replaces the term's overrides as a whole. */
  overrides: z.array(z.object({ teacherId: id, perTerm: z.number().int().min(0, 'tooSmall').max(500, 'tooBig'), note: optText(100) })).max(2000),
});
export type QuotaSaveInput = z.input<typeof QuotaSaveSchema>;
export interface QuotaSettings {
  termId: number;
  roles: { role: TeacherRole; perTerm: number; isDefault: boolean }[];
  overrides: { teacherId: number; teacherName: string; perTerm: number; note: string | null }[];
}

export const QuotaProgressSchema = z.object({ termId: id, /** Defaults to today (the core's clock). */ asOf: optDate });
export interface QuotaProgressRow {
  teacherId: number; teacherName: string; roles: string[];
  /** The role the quota comes from (highest rank held). */
  role: TeacherRole;
  /** 教研组 names the teacher belongs to. */
  groupNames: string[];
  quota: number; overridden: boolean; done: number; shortfall: number;
  projected: number | null; dueSoFar: number; status: QuotaStatus;
}
export interface QuotaProgress {
  termId: number; asOf: string; elapsedWeeks: number; totalWeeks: number;
  people: QuotaProgressRow[];
  byRole: QuotaAggregate[];
  /** Per 教研组 (teachers in no 教研组 under key 'none'). */
  byGroup: QuotaAggregate[];
}
// ---- observations ----
export const ObservationScoresSchema = z.object({
  goal: score, content: score, method: score, participation: score, effect: score, skill: score,
});
export const ObservationSchema = z.object({
  id: id.optional(),
  termId: id,
  date: isoDay,
  period: period.nullish().transform((v) => v ?? null),
  classId: optId,
  subjectId: optId,
  /** The teacher observed. */
  teacherId: id,
  observerId: id,
  topic: optText(100),
  kind: z.enum(OBSERVATION_KINDS),
  scores: ObservationScoresSchema.default({ goal: null, content: null, method: null, participation: null, effect: null, skill: null }),
  /** Used only when the scores are incomplete (no total); otherwise derived from the total. */
  level: z.enum(LEVELS).nullish().transform((v) => v ?? null),
  comments: optText(2000),
  suggestions: optText(2000),
});
export type ObservationInput = z.input<typeof ObservationSchema>;
export interface Observation {
  id: number; termId: number; date: string; period: number | null;
  classId: number | null; className: string | null; subjectId: number | null; subjectName: string | null;
  teacherId: number; teacherName: string; observerId: number; observerName: string;
  topic: string | null; kind: ObservationKind;
  scores: Record<ObservationItemKey, number | null>;
  total: number | null; level: Level | null;
  comments: string | null; suggestions: string | null; updatedAt: string;
}
export const ObservationListSchema = z.object({
  termId: id,
  observerId: optId,
  teacherId: optId,
  month: month.nullish().transform((v) => v ?? null),
  kind: z.enum(OBSERVATION_KINDS).nullish().transform((v) => v ?? null),
});
export const FromLessonSchema = z.object({ termId: id, date: isoDay, period, classId: id });
/** Prefill for quick entry: the timetable lesson at that weekday and period (nulls when the slot is empty). */
export interface ObservationPrefill {
  termId: number; date: string; period: number; classId: number; className: string; day: number;
  subjectId: number | null; subjectName: string | null; teacherId: number | null; teacherName: string | null;
}

export const observationsContract = featureContract('observations', {
  'observations/getQuotas': method(TermOnly).returns<QuotaSettings>(),
  'observations/saveQuotas': method(QuotaSaveSchema).returns<QuotaSettings>(),
  'observations/quotaProgress': method(QuotaProgressSchema).returns<QuotaProgress>(),
  'observations/list': method(ObservationListSchema).returns<Observation[]>(),
  'observations/save': method(ObservationSchema).returns<Observation>(),
  'observations/delete': method(IdOnlySchema).returns<{ ok: true }>(),
  'observations/fromLesson': method(FromLessonSchema).returns<ObservationPrefill>(),
});
