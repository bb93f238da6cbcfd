/**
 * The report catalogue and its printouts (HTML preview, PDF), and the vocabulary of report parameters.
 *
 * A report (in its feature, electron/core/features/<name>/) declares which of these parameters it takes and
 * which it requires; its input schema is built from that declaration (reportParamsSchema), the catalogue
 * tells the renderer the same list, and the Reports page draws one picker per parameter from its kind. A new
 * report only picks from this table; only a new kind of picker adds a row here.
 */
import { z } from 'zod';
import { isoDaySchema } from '../domain/dates';
import { Empty, type FilePayload } from './common';
import type { FeatureName } from './features';
import { featureContract, method } from './method';
import { id } from './fields';

/** How a parameter is picked on the Reports page (and any page that prints a report). */
export type ReportParamKind =
  | 'term' | 'classes' | 'teachers' | 'rooms' | 'grades' | 'date' | 'switch' | 'month' | 'exam' | 'struggleFile' | 'choice' | 'mentorPair';

const ids = z.array(id);

/** Every parameter a report can take: its picker kind and its schema (choices are i18n keys under tools.reports.choices.<param>). */
export const REPORT_PARAMS = {
  termId: { kind: 'term', schema: id },
  classIds: { kind: 'classes', schema: ids },
  teacherIds: { kind: 'teachers', schema: ids },
  roomIds: { kind: 'rooms', schema: ids },
  gradeLevels: { kind: 'grades', schema: z.array(z.number().int().min(1).max(9)) },
  /** Printed on timetables: 自 YYYY-MM-DD 起执行. */
  effectiveFrom: { kind: 'date', schema: isoDaySchema },
  /** Master timetable: print the teacher's surname under the subject (default yes). */
  showTeachers: { kind: 'switch', schema: z.boolean() },
  /** Compliance report basis. */
  basis: { kind: 'choice', schema: z.enum(['assignments', 'timetable', 'taught']), choices: ['assignments', 'timetable', 'taught'] },
  from: { kind: 'date', schema: isoDaySchema },
  to: { kind: 'date', schema: isoDaySchema },
  /** Exam reports (质量分析报告). */
  examId: { kind: 'exam', schema: id },
  maskNames: { kind: 'switch', schema: z.boolean().default(false) },
  maskStudentNos: { kind: 'switch', schema: z.boolean().default(false) },
  /** Struggling-student printouts: the file (一生一案); the roster masks names and 学籍号 unless showFullNames. */
  fileId: { kind: 'struggleFile', schema: id },
  showFullNames: { kind: 'switch', schema: z.boolean() },
  /** Monthly routine check printouts: the month, 'YYYY-MM' (teacherIds picks the teachers). */
  month: { kind: 'month', schema: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'badMonth') },
  /** Mentor-pair printouts (agreement, assessment, certificate). */
  pairId: { kind: 'mentorPair', schema: id },
  /** Room timetables: also print rooms without a lesson (skipped by default). */
  includeEmptyRooms: { kind: 'switch', schema: z.boolean() },
} as const satisfies Record<string, { kind: ReportParamKind; schema: z.ZodType; choices?: readonly string[] }>;

export type ReportParamKey = keyof typeof REPORT_PARAMS;
type ParamSchema<K extends ReportParamKey> = (typeof REPORT_PARAMS)[K]['schema'];

/** The kinds alone, for the renderer's pickers. */
export const REPORT_PARAM_KINDS: { [K in ReportParamKey]: { kind: ReportParamKind; choices?: readonly string[] } } = REPORT_PARAMS;

/** Any report's parameters as the renderer sends them (each report reads the ones it declared). */
export type ReportParams = { [K in ReportParamKey]?: z.input<ParamSchema<K>> };

/**
 * The input schema of a report taking parameters K: each one optional (a required one is checked by the page
 * before it prints and by the report's loader, with its own message), defaults kept as declared.
 */
export type ReportParamsSchemaOf<K extends ReportParamKey> = z.ZodObject<{
  [P in K]: ParamSchema<P> extends z.ZodDefault ? ParamSchema<P> : z.ZodOptional<ParamSchema<P>>;
}>;

export function reportParamsSchema<K extends ReportParamKey>(keys: readonly K[]): ReportParamsSchemaOf<K> {
  const shape: Record<string, z.ZodType> = {};
  for (const k of keys) {
    const s: z.ZodType = REPORT_PARAMS[k].schema;
    shape[k] = s instanceof z.ZodDefault ? s : s.optional();
  }
  return z.object(shape) as ReportParamsSchemaOf<K>;
}

/** The Reports page's sections (tools.reports.modules.<module>). */
export type ReportModule = 'school' | 'teaching' | 'timetable' | 'exams' | 'routine' | 'teachers';

export interface ReportInfo {
  id: string; titleKey: string; title: string;
  /** The feature that owns the report (its folder under electron/core/features/). */
  feature: FeatureName;
  /** The Reports page section it is listed under. */
  module: ReportModule;
  /** The parameters the report takes, in the order its pickers are shown. */
  params: ReportParamKey[];
  /** Parameters without which it cannot print (the page asks for them instead of failing). */
  required: ReportParamKey[];
  formats: ('pdf' | 'html')[]; paper: 'A4' | 'A3'; landscape: boolean;
}

/** A plain object of parameters; each report checks it against its own declaration in core. */
const isParamsObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Which report, and its parameters. */
const ReportRequestSchema = z.object({ reportId: z.string().min(1).max(80), params: z.custom<ReportParams>(isParamsObject, 'invalidType').default({}) });

export const reportsContract = featureContract('reports', {
  'reports/catalogue': method(Empty).returns<ReportInfo[]>(),
  'reports/html': method(ReportRequestSchema).returns<{ html: string; title: string }>(),
  'reports/pdf': method(ReportRequestSchema).returns<FilePayload & { pages: number }>(),
});
