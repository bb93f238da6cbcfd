/** The teacher training register (教师培训): entries, batches, five-year cycles, and the teacher indicators. */
import { z } from 'zod';
import { TRAINING_LEVELS, type TrainingLevel, type TrainingStatus } from '../domain/training/cycle';
import type { IndicatorRow } from '../domain/teachers/indicators';
import { featureContract, method } from './method';
import { id, isoDay, optDate, optId, optText, reqText } from './fields';
import { IdOnly } from './common';
import { UploadSchema, type AttachmentInfo } from './routine-plans';

export { TRAINING_LEVELS, DEFAULT_REQUIRED_HOURS } from '../domain/training/cycle';
export { INDICATOR_KEYS, INDICATOR_LABEL } from '../domain/teachers/indicators';
export type { TrainingLevel, TrainingStatus, IndicatorRow };

const hours = z.number().gt(0, 'tooSmall').max(1000, 'tooBig');

export const TrainingSettingsSchema = z.object({
  /** The first day of a five-year cycle (e.g. 2021-09-01); cycles follow every five years from it. */
  cycleStart: isoDay,
  requiredHours: z.number().int('integer').min(1, 'tooSmall').max(2000, 'tooBig'),
});
export type TrainingSettings = z.output<typeof TrainingSettingsSchema>;

export const TrainingEntrySchema = z.object({
  id: id.optional(),
  teacherId: id,
  startDate: isoDay,
  endDate: isoDay,
  level: z.enum(TRAINING_LEVELS),
  title: reqText(100),
  organiser: optText(100),
  hours,
  note: optText(500),
  upload: UploadSchema.nullish(),
  removeAttachment: z.boolean().optional(),
});
export type TrainingEntryInput = z.input<typeof TrainingEntrySchema>;

export interface TrainingEntry {
  id: number; teacherId: number; teacherName: string; staffNo: string | null;
  startDate: string; endDate: string; level: TrainingLevel; title: string; organiser: string | null; hours: number;
  note: string | null; batchId: number | null; certificate: AttachmentInfo | null;
}

export const TrainingListSchema = z.object({
  teacherId: optId,
  /** Entries counting in this cycle (by end date); null -> all. */
  cycleIndex: z.number().int().min(-20).max(40).nullish().transform((v) => v ?? null),
  /** Only the entries of the cycle holding today (wins over cycleIndex). */
  currentCycle: z.boolean().default(false),
  level: z.enum(TRAINING_LEVELS).nullish().transform((v) => v ?? null),
});

/** A school-based training everyone attended: one form, one entry per teacher, edited together. */
export const TrainingBatchSchema = z.object({
  id: id.optional(),
  teacherIds: z.array(id).min(1, 'required').max(1000),
  startDate: isoDay,
  endDate: isoDay,
  level: z.enum(TRAINING_LEVELS).default('校本'),
  title: reqText(100),
  organiser: optText(100),
  hours,
  note: optText(500),
});
export type TrainingBatchInput = z.input<typeof TrainingBatchSchema>;

export const CycleSchema = z.object({
  /** Reference day (default today); its cycle is shown. */
  asOf: optDate,
});
export interface CycleTeacherRow {
  teacherId: number; teacherName: string; staffNo: string | null; hireDate: string | null;
  required: number; due: number; hours: number; byLevel: Record<TrainingLevel, number>;
  status: TrainingStatus; missingHireDate: boolean;
}
export interface CycleReport {
  asOf: string; cycle: { index: number; start: string; end: string; label: string };
  settings: TrainingSettings;
  teachers: CycleTeacherRow[];
  byLevel: Record<TrainingLevel, number>;
  totalHours: number;
  /** Teachers complete or on pace / teachers (the inspection figure), and its parts. */
  completion: { teachers: number; complete: number; onPace: number; behind: number; rate: number | null };
}

export const IndicatorsSchema = z.object({ schoolYearId: optId });
export interface TeacherIndicators {
  schoolYearId: number; schoolYearName: string; schoolType: string;
  /** The day the roll and the training pace are read on: the year's last day, or today in a running year. */
  asOf: string;
  students: { primary: number; middle: number; total: number };
  teacherCount: number;
  rows: IndicatorRow[];
}

export const trainingContract = featureContract('training', {
  'training/settings': method(z.object({}).default({})).returns<TrainingSettings>(),
  'training/saveSettings': method(TrainingSettingsSchema).returns<TrainingSettings>(),
  'training/list': method(TrainingListSchema).returns<TrainingEntry[]>(),
  'training/save': method(TrainingEntrySchema).returns<TrainingEntry>(),
  'training/delete': method(IdOnly).returns<{ ok: true }>(),
  'training/saveBatch': method(TrainingBatchSchema).returns<{ batchId: number; entries: number }>(),
  'training/getBatch': method(IdOnly).returns<TrainingBatchInput & { id: number }>(),
  'training/deleteBatch': method(IdOnly).returns<{ ok: true; entries: number }>(),
  'training/cycle': method(CycleSchema).returns<CycleReport>(),
  'training/indicators': method(IndicatorsSchema).returns<TeacherIndicators>(),
});
