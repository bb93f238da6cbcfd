/** School years (学年): the new-year roll-over (学年升级), the second-term roll-over, cohorts, locked past terms. */
import { z } from 'zod';
import { id, isoDay, reqText } from './fields';
import { featureContract, method } from './method';

export const ASSIGNMENT_RULES = ['跟班走', '循环', '不复制'] as const;
export type AssignmentRule = (typeof ASSIGNMENT_RULES)[number];

/** What to carry into the new year besides the cohorts; every part defaults to what most schools do. */
export const RolloverSchema = z.object({
  /** The new school year's first calendar year (2026 for 2026-2027学年); it must follow the newest year. */
  startYear: z.number().int().min(2000, 'schoolYears.badStartYear').max(2100, 'schoolYears.badStartYear'),
  term1Start: isoDay,
  term1Weeks: z.number().int().min(1, 'badWeeks').max(30, 'badWeeks').default(20),
  term2Start: isoDay,
  term2Weeks: z.number().int().min(1, 'badWeeks').max(30, 'badWeeks').default(20),
  /** Classes of the entry grade to create (empty, for the roster import). */
  entryClasses: z.number().int().min(0, 'schoolYears.badEntryClasses').max(40, 'schoolYears.badEntryClasses'),
  assignmentRule: z.enum(ASSIGNMENT_RULES).default('跟班走'),
  copyGroups: z.boolean().default(true),
  copyTimetableSettings: z.boolean().default(true),
  copyStandards: z.boolean().default(true),
  copyQuotas: z.boolean().default(true),
  carryStrugglingFiles: z.boolean().default(true),
});
export type RolloverInput = z.input<typeof RolloverSchema>;

/** The second term of the newest year, from its first term. */
export const TermRolloverSchema = z.object({
  fromTermId: id,
  toTermId: id,
  copyAssignments: z.boolean().default(true),
  copyTimetable: z.boolean().default(true),
  copyStandards: z.boolean().default(true),
  copyQuotas: z.boolean().default(true),
  carryStrugglingFiles: z.boolean().default(true),
});

/** One line of a preview: what will happen, how many rows, and examples a clerk can check. */
export interface RolloverLine { key: string; count: number; examples: string[] }

export interface RolloverPreview {
  fromYear: string;
  toYear: string;
  /** Every change the roll-over makes, in order, nothing written yet. */
  lines: RolloverLine[];
  /** Problems that stop the roll-over (e.g. the year exists); empty when it can run. */
  blockers: { key: string; params?: Record<string, string | number> }[];
  /** Cohorts after the roll-over: 2025级 -> 八年级, the graduating one, the new entry one. */
  cohorts: { entryYear: number; fromLevel: number | null; toLevel: number | null; classes: number; students: number; graduates: boolean }[];
}

export interface RolloverResult { schoolYearId: number; termIds: number[]; backupFile: string; lines: RolloverLine[] }

export interface TermLockState {
  termId: number;
  locked: boolean;
  /** Unlocked by hand: who, when and why. */
  unlocked: { reason: string; operator: string; at: string } | null;
}

export interface Cohort {
  entryYear: number; entryLevel: number; name: string; classes: { id: number; classNo: number; name: string; archived: boolean }[];
  /** Level in the school year on screen; null when the cohort is not in school that year. */
  level: number | null; graduatedYear: number | null; students: number;
}

export const schoolYearsContract = featureContract('school-years', {
  'school-years/rolloverPreview': method(RolloverSchema).returns<RolloverPreview>(),
  'school-years/rollover': method(RolloverSchema).returns<RolloverResult>(),
  'school-years/termRolloverPreview': method(TermRolloverSchema).returns<RolloverPreview>(),
  'school-years/termRollover': method(TermRolloverSchema).returns<RolloverResult>(),
  'school-years/cohorts': method(z.object({}).default({})).returns<Cohort[]>(),
  'school-years/lockState': method(z.object({ termId: id })).returns<TermLockState>(),
  'school-years/unlockTerm': method(z.object({ termId: id, reason: reqText(200) })).returns<TermLockState>(),
  'school-years/lockTerm': method(z.object({ termId: id })).returns<TermLockState>(),
});
