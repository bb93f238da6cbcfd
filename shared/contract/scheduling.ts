/**
 * Automatic timetabling (自动排课): the rules page, generating or repairing a timetable as a job (progress, stop
 * keeping the best), the draft compared with the current timetable, accept (undoable) or discard, the change
 * notices (调课通知) of a repair, and the explanation when no timetable can exist.
 */
import { z } from 'zod';
import { RULE_KINDS, RULE_SCOPES, type Rule } from '../domain/timetable/rules';
import type { Conflict } from './timetable';
import type { FilePayload } from './common';
import { id } from './fields';
import { JobRef, type JobStatus } from './jobs';
import { featureContract, method } from './method';

export { RULE_KINDS, RULE_SCOPES, HARD_RULE_KINDS, SOFT_RULE_KINDS, KIND_SCOPES, DEFAULTED_KINDS, isHardKind } from '../domain/timetable/rules';
export type { Rule, RuleKind, RuleScope, RuleParams } from '../domain/timetable/rules';

const slot = z.object({ day: z.number().int().min(1).max(6), period: z.number().int().min(1).max(14) });
export const RuleSchema = z.object({
  id: id.optional(),
  kind: z.enum(RULE_KINDS),
  scope: z.enum(RULE_SCOPES),
  scopeId: z.number().int().positive().nullable(),
  params: z.object({
    max: z.number().int().optional(),
    count: z.number().int().optional(),
    grades: z.array(z.number().int().min(1).max(9)).max(9).optional(),
    minDays: z.number().int().optional(),
    name: z.string().trim().max(20, 'tooLong').optional(),
    day: z.number().int().optional(),
    periods: z.array(z.number().int()).max(14).optional(),
    assignmentIds: z.array(id).max(20).optional(),
    slots: z.array(slot).max(84).optional(),
  }).strict(),
  weight: z.number().int().min(0, 'ruleWeightRange').max(100, 'ruleWeightRange'),
  enabled: z.boolean(),
});

export const EFFORTS = ['quick', 'normal', 'thorough'] as const;
export type Effort = (typeof EFFORTS)[number];

export const GenerateSchema = z.object({
  termId: id,
  /** generate: a new timetable; repair: the current one changed as little as possible (重排). */
  mode: z.enum(['generate', 'repair']),
  /** One grade only (the others keep their lessons); null for the whole school. */
  grade: z.number().int().min(1).max(9).nullable().default(null),
  keep: z.enum(['none', 'locked', 'placed']).default('locked'),
  seed: z.number().int().min(0).max(2_147_483_647).default(1),
  effort: z.enum(EFFORTS).default('normal'),
});
export type GenerateInput = z.input<typeof GenerateSchema>;

/** Names the rules page shows for scopes. */
export interface RuleNames {
  subjects: { id: number; name: string }[];
  teachers: { id: number; name: string }[];
  classes: { id: number; name: string; grade: number }[];
  grades: number[];
  groups: { id: number; name: string; kind: '教研组' | '备课组' }[];
  assignments: { id: number; classId: number; subjectId: number; teacherId: number; label: string }[];
  daysPerWeek: number;
  periods: { no: number; part: 'morning' | 'afternoon' }[];
}
export interface RuleSet { termId: number; rules: Rule[]; saved: boolean; names: RuleNames }

/** Why no timetable can hold every hard rule: one entry per argument that fails, a message key under scheduling.reasons. */
export interface InfeasibleReason {
  key: string;
  params: Record<string, string | number>;
  /** The rules or data behind it, for the page to link: e.g. teacher:12, room:3, rule:fixedEvent. */
  refs: string[];
}
export interface FeasibilityCheck { feasible: boolean; reasons: InfeasibleReason[]; activities: number; lessons: number }

export interface SoftBreakdown { slots: number; spread: number; classBalance: number; teacherDay: number; prep: number; moved: number }
export interface HardBreakdown { classClash: number; teacherClash: number; roomOver: number; notAllowed: number; dailyMax: number; unplaced: number }

export interface GenerateResult {
  draftId: number | null;
  hard: number;
  soft: number;
  iterations: number;
  ms: number;
  feasibleMs: number | null;
  stopped: 'done' | 'patience' | 'iterations' | 'time' | 'stopped';
  /** Filled when the rules cannot all hold (then no draft is made unless a best-effort one was asked for). */
  reasons: InfeasibleReason[];
}

/** One lesson's change between the current timetable and a draft. */
export interface LessonChange {
  classId: number; className: string; teacherId: number; teacherName: string; subjectName: string;
  from: { day: number; period: number } | null;
  to: { day: number; period: number } | null;
}
export interface DraftDiff {
  /** Lessons of the draft in a cell that held something else (or nothing) before. */
  moved: number;
  total: number;
  byClass: { classId: number; name: string; moved: number }[];
  byTeacher: { teacherId: number; name: string; moved: number }[];
  changes: LessonChange[];
}
export interface Draft {
  id: number;
  termId: number;
  mode: 'generate' | 'repair';
  state: 'draft' | 'accepted' | 'discarded' | 'undone';
  createdAt: string;
  options: z.output<typeof GenerateSchema>;
  summary: { hard: number; soft: number; hardBreakdown: HardBreakdown; softBreakdown: SoftBreakdown; iterations: number; ms: number; stopped: string; seed: number };
  diff: DraftDiff;
  /** The existing conflict engine's verdict on the draft (teacher/room clashes, unavailable, over-assigned). */
  conflicts: Conflict[];
  /** Lessons of the draft, as the views draw them. */
  lessons: { classId: number; day: number; period: number; assignmentId: number; subjectShort: string; teacherName: string; roomName: string | null; locked: boolean }[];
}

const DraftRef = z.object({ termId: id, draftId: id });

export const schedulingContract = featureContract('scheduling', {
  'scheduling/getRules': method(z.object({ termId: id })).returns<RuleSet>(),
  'scheduling/saveRules': method(z.object({ termId: id, rules: z.array(RuleSchema).max(2000) })).returns<RuleSet>(),
  'scheduling/resetRules': method(z.object({ termId: id })).returns<RuleSet>(),
  'scheduling/check': method(z.object({ termId: id, grade: z.number().int().min(1).max(9).nullable().default(null) })).returns<FeasibilityCheck>(),
  'scheduling/start': method(GenerateSchema).returns<JobStatus<GenerateResult>>(),
  'scheduling/job': method(JobRef).returns<JobStatus<GenerateResult>>(),
  'scheduling/stop': method(JobRef).returns<JobStatus<GenerateResult>>(),
  'scheduling/draft': method(z.object({ termId: id })).returns<Draft | null>(),
  'scheduling/accept': method(DraftRef).returns<{ lessons: number }>(),
  'scheduling/discard': method(DraftRef).returns<{ ok: true }>(),
  'scheduling/undoAccept': method(DraftRef).returns<{ lessons: number }>(),
  'scheduling/changeNotices': method(DraftRef.extend({ format: z.enum(['pdf']).default('pdf') })).returns<FilePayload>(),
});
