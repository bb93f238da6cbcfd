/** Mentor pairs (师徒结对, 青蓝工程): the pairs, their duties, the activity log, progress and the bound evaluation. */
import { z } from 'zod';
import { DUTY_KEYS, DUTY_PERS, type DutyKey, type DutyPer, type DutyProgress } from '../domain/mentors/duties';
import type { EvalLevel, Evaluation, EvaluationWeights } from '../domain/mentors/evaluation';
import { featureContract, method } from './method';
import { id, isoDay, optDate, optId, optText, reqText } from './fields';
import { IdOnly, type FilePayload } from './common';
import { UploadSchema, type AttachmentInfo } from './routine-plans';

export { DUTY_KEYS, DUTY_PERS, DUTY_LABEL, DUTY_OWNER, DUTY_UNIT, PER_LABEL, DEFAULT_DUTIES } from '../domain/mentors/duties';
export { DEFAULT_WEIGHTS, EVAL_LEVELS } from '../domain/mentors/evaluation';
export type { DutyKey, DutyPer, DutyProgress, EvalLevel, Evaluation, EvaluationWeights };

export const PAIR_STATUSES = ['进行中', '已结束', '已解除'] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];
export const ACTIVITY_KINDS = ['guidance', 'reportLesson', 'reflection', 'paper'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

const DutySchema = z.object({
  key: z.enum(DUTY_KEYS),
  per: z.enum(DUTY_PERS),
  target: z.number().int('integer').min(0, 'tooSmall').max(200, 'tooBig'),
});
const DutiesSchema = z.array(DutySchema).max(DUTY_KEYS.length).refine((ds) => new Set(ds.map((d) => d.key)).size === ds.length, 'duplicate');
const weight = z.number().min(0, 'tooSmall').max(100, 'tooBig');
export const WeightsSchema = z.object({
  progress: weight, reportLessons: weight, duties: weight, mentorFromApprentice: weight, mentorOwnDuties: weight,
});

export const MentorSettingsSchema = z.object({
  duties: DutiesSchema,
  weights: WeightsSchema,
  warnWeeks: z.number().int('integer').min(0, 'tooSmall').max(10, 'tooBig'),
});
export type MentorSettings = z.output<typeof MentorSettingsSchema>;

export const PairSchema = z.object({
  id: id.optional(),
  mentorId: id,
  apprenticeId: id,
  subjectId: optId,
  startDate: isoDay,
  endDate: isoDay,
  goals: optText(2000),
  status: z.enum(PAIR_STATUSES).default('进行中'),
  signedOn: optDate,
  /** The agreement's duties; left out -> the school default (new pair) or unchanged (edit). */
  duties: DutiesSchema.optional(),
});
export type PairInput = z.input<typeof PairSchema>;

export interface MentorPair {
  id: number; mentorId: number; mentorName: string; mentorTitle: string | null; mentorBackbone: string | null;
  apprenticeId: number; apprenticeName: string; apprenticeHireDate: string | null;
  subjectId: number | null; subjectName: string | null;
  startDate: string; endDate: string; goals: string | null; status: PairStatus; signedOn: string | null;
  duties: { key: DutyKey; per: DutyPer; target: number }[];
}

export interface MentorActivity {
  id: number; pairId: number; termId: number; kind: ActivityKind; date: string; title: string;
  score: number | null; note: string | null; attachment: AttachmentInfo | null;
}
/** An observation counted for the pair (an observation record of the routine module). */
export interface PairObservation {
  id: number; date: string; duty: 'mentorObserves' | 'apprenticeObserves'; observerName: string; teacherName: string;
  className: string | null; subjectName: string | null; topic: string | null; total: number | null; level: string | null;
}

export interface PairTermProgress {
  pairId: number; termId: number; asOf: string;
  duties: DutyProgress[];
  behind: boolean;
  evaluation: Evaluation;
  /** The confirmed assessment of the term, if the office has confirmed one. */
  assessment: MentorAssessment | null;
}
export interface MentorAssessment {
  pairId: number; termId: number; apprenticeScore: number | null; mentorScore: number | null;
  apprenticeLevel: EvalLevel | null; mentorLevel: EvalLevel | null; comment: string | null; confirmedAt: string; operator: string;
  /** The figures the assessment was confirmed on (the form prints these, so scores and duties agree). */
  detail: { asOf: string; parts: Evaluation['parts']; duties: DutyProgress[]; capped: boolean } | null;
}

export interface PairDetail {
  pair: MentorPair;
  /** The terms the pair runs in (id, name). */
  terms: { id: number; name: string }[];
  progress: PairTermProgress | null;
  observations: PairObservation[];
  activities: MentorActivity[];
}

export interface PairRow extends MentorPair {
  /** Progress in the asked term (null when the pair does not run in it). */
  progress: PairTermProgress | null;
}

export interface ProgrammeSummary {
  termId: number; asOf: string;
  pairs: PairRow[];
  /** Per duty over the running pairs: targets, done, met pairs. */
  byDuty: { key: DutyKey; pairs: number; met: number; target: number; done: number }[];
  behind: number;
}

export const PairListSchema = z.object({ termId: id, asOf: optDate, includeEnded: z.boolean().default(true) });
export const PairGetSchema = z.object({ id, termId: optId, asOf: optDate });

export const ActivitySchema = z.object({
  id: id.optional(),
  pairId: id,
  kind: z.enum(ACTIVITY_KINDS),
  date: isoDay,
  title: reqText(100),
  score: z.number().min(0, 'tooSmall').max(100, 'tooBig').nullish().transform((v) => v ?? null),
  note: optText(2000),
  upload: UploadSchema.nullish(),
  removeAttachment: z.boolean().optional(),
});
export type ActivityInput = z.input<typeof ActivitySchema>;

export const AssessSchema = z.object({ pairId: id, termId: id, comment: optText(1000) });

export const mentorsContract = featureContract('mentors', {
  'mentors/settings': method(z.object({}).default({})).returns<MentorSettings>(),
  'mentors/saveSettings': method(MentorSettingsSchema).returns<MentorSettings>(),
  'mentors/list': method(PairListSchema).returns<ProgrammeSummary>(),
  'mentors/get': method(PairGetSchema).returns<PairDetail>(),
  'mentors/save': method(PairSchema).returns<MentorPair>(),
  'mentors/delete': method(IdOnly).returns<{ ok: true }>(),
  'mentors/saveActivity': method(ActivitySchema).returns<MentorActivity>(),
  'mentors/deleteActivity': method(IdOnly).returns<{ ok: true }>(),
  'mentors/assess': method(AssessSchema).returns<PairTermProgress>(),
  'mentors/agreementDocx': method(IdOnly).returns<FilePayload>(),
});
