/**
 * The inspection dossier (迎检资料): inspections with their own copy of an indicator framework, evidence per
 * indicator (printouts, uploads, computed values), self-assessment texts, the readiness view and the composed
 * PDF and Word files.
 */
import { z } from 'zod';
import type { ComputedKey } from '../domain/dossier/frameworks';
import { COMPUTED_KEYS } from '../domain/dossier/computed';
import type { Readiness, ReadinessReason, ReadinessStatus } from '../domain/dossier/readiness';
import { IdOnly, type FilePayload } from './common';
import { id, isoDay, optText, reqText } from './fields';
import { JobRef, type JobStatus } from './jobs';
import { featureContract, method } from './method';
import { UploadSchema, type AttachmentInfo } from './routine-plans';

export { COMPUTED_KEYS, COMPUTED_LABEL } from '../domain/dossier/computed';
export { FRAMEWORKS } from '../domain/dossier/frameworks';
export type { ComputedKey, Readiness, ReadinessReason, ReadinessStatus };

/** Where a new inspection's indicators come from. */
export const FrameworkSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('builtin'), key: z.string().min(1).max(40) }),
  z.object({ kind: z.literal('copy'), inspectionId: id }),
  z.object({ kind: z.literal('excel'), upload: UploadSchema }),
]);

export const InspectionSchema = z.object({
  id: id.optional(),
  name: reqText(100),
  visitDate: isoDay,
  schoolYearIds: z.array(id).min(1, 'required').max(6, 'tooMany'),
  /** Only when creating. */
  framework: FrameworkSourceSchema.optional(),
});
export type InspectionInput = z.input<typeof InspectionSchema>;

export const IndicatorSchema = z.object({
  id: id.optional(),
  inspectionId: id,
  partNo: reqText(10),
  partName: reqText(60),
  code: reqText(20),
  text: reqText(500),
  standard: optText(300),
  computed: z.enum(COMPUTED_KEYS).nullish().transform((v) => v ?? null),
  applies: z.boolean().default(true),
  selfText: optText(5000),
  /** A new indicator goes after this one (else at the end of its part). */
  after: id.optional(),
});
export type IndicatorInput = z.input<typeof IndicatorSchema>;

/** How one report choice becomes evidence items: once, or once per school year / term / month of the period. */
export const EXPANDS = ['none', 'years', 'terms', 'months'] as const;
export type Expand = (typeof EXPANDS)[number];

const isParams = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
export const EvidenceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('report'), indicatorId: id, title: optText(120),
    reportId: z.string().min(1).max(80), params: z.custom<Record<string, unknown>>(isParams, 'invalidType').default({}),
    expand: z.enum(EXPANDS).default('none'),
  }),
  z.object({ kind: z.literal('upload'), indicatorId: id, title: optText(120), upload: UploadSchema }),
  z.object({ kind: z.literal('computed'), indicatorId: id, title: optText(120), computed: z.enum(COMPUTED_KEYS) }),
]);
export type EvidenceInput = z.input<typeof EvidenceSchema>;

export interface InspectionSummary {
  id: number; name: string; visitDate: string; schoolYearIds: number[]; yearNames: string[];
  frameworkName: string; frameworkDocument: string | null; frameworkSource: string; frameworkRev: number;
  indicators: number; evidence: number; percent: number | null;
  createdAt: string; updatedAt: string;
}

export interface Evidence {
  id: number; indicatorId: number; kind: 'report' | 'upload' | 'computed'; title: string;
  reportId: string | null; params: Record<string, unknown> | null;
  attachment: AttachmentInfo | null; computed: ComputedKey | null;
  /** Why this item cannot go into the dossier as it is (unknown report, file missing), or null. */
  problem: ReadinessReason | null;
}

/** A figure the app computes for an indicator, per school year or term of the period. */
export interface ComputedValue {
  key: ComputedKey; label: string;
  rows: { period: string; value: string; standard: string; met: boolean | null; detail: string }[];
  /** Met in every row; false if any row fails; null when it cannot be decided (no data). */
  met: boolean | null;
  /** One line for the readiness view and the divider: "2025-2026学年 5.30 人（≥ 5.3 人）". */
  summary: string;
}

export interface Indicator {
  id: number; inspectionId: number; partNo: string; partName: string; code: string; text: string;
  standard: string | null; computed: ComputedKey | null; applies: boolean; selfText: string | null; sort: number;
  evidence: Evidence[];
  value: ComputedValue | null;
  readiness: { status: ReadinessStatus; reasons: ReadinessReason[] };
}

export interface InspectionDetail {
  inspection: InspectionSummary & { overallText: string | null };
  indicators: Indicator[];
  readiness: Readiness;
}

export interface DossierFile { name: string; kind: 'pdf' | 'docx'; volume: 'whole' | 'indicator'; pages: number | null; size: number }
export interface DossierOutput {
  composedAt: string; files: DossierFile[];
  /** Items that could not be placed (a Word upload, a report that failed), each named. */
  notes: string[];
  /** The catalogue as printed: section title -> page number, for checking against the PDF. */
  catalogue: { title: string; page: number; depth: number }[];
}

export const ComposeSchema = z.object({
  inspectionId: id,
  whole: z.boolean().default(true),
  volumes: z.boolean().default(true),
  word: z.boolean().default(true),
});

export const dossierContract = featureContract('dossier', {
  'dossier/list': method(z.object({}).default({})).returns<InspectionSummary[]>(),
  'dossier/get': method(IdOnly).returns<InspectionDetail>(),
  'dossier/save': method(InspectionSchema).returns<InspectionSummary>(),
  'dossier/delete': method(IdOnly).returns<{ id: number }>(),
  'dossier/saveOverall': method(z.object({ id, overallText: optText(20000) })).returns<{ id: number }>(),
  'dossier/saveIndicator': method(IndicatorSchema).returns<{ id: number }>(),
  'dossier/deleteIndicator': method(IdOnly).returns<{ id: number }>(),
  'dossier/moveIndicator': method(z.object({ id, direction: z.enum(['up', 'down']) })).returns<{ id: number }>(),
  'dossier/renumber': method(IdOnly).returns<{ changed: number }>(),
  'dossier/addEvidence': method(EvidenceSchema).returns<Evidence[]>(),
  'dossier/deleteEvidence': method(IdOnly).returns<{ id: number }>(),
  'dossier/moveEvidence': method(z.object({ id, direction: z.enum(['up', 'down']) })).returns<{ id: number }>(),
  'dossier/exportFramework': method(IdOnly).returns<FilePayload>(),
  'dossier/compose': method(ComposeSchema).returns<JobStatus<DossierOutput>>(),
  'dossier/job': method(JobRef).returns<JobStatus<DossierOutput>>(),
  'dossier/cancel': method(JobRef).returns<JobStatus<DossierOutput>>(),
  'dossier/output': method(IdOnly).returns<DossierOutput | null>(),
  'dossier/download': method(z.object({ id, name: z.string().min(1).max(200) })).returns<FilePayload>(),
});
