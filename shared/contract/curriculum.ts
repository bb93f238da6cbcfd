/** The curriculum standard (课程设置) and the 开齐开足 check against it. */
import { z } from 'zod';
import { Empty, FilePayloadSchema, type FilePayload, type ImportIssue } from './common';
import { featureContract, method } from './method';
import { id, isoDay } from './fields';

// ---- 开齐开足 ----
export interface CurriculumStandard {
  /** Where the default came from, shown in the UI (e.g. 义务教育课程方案（2022年版） + a province's 课程设置表). */
  source: string;
  grades: { level: number; total: number; subjects: { subjectId: number; subjectName: string; periods: number }[] }[];
}
export const CurriculumSaveSchema = z.object({
  source: z.string().trim().max(200).default(''),
  grades: z.array(z.object({
    level: z.number().int().min(1).max(9),
    total: z.number().int().min(0).max(60),
    subjects: z.array(z.object({ subjectId: id, periods: z.number().int().min(0).max(20) })),
  })),
});
export type ComplianceStatus = 'ok' | 'missing' | 'below' | 'above' | 'totalWrong';
export interface ComplianceClassRow {
  classId: number; className: string; gradeLevel: number; total: number; requiredTotal: number;
  status: 'ok' | 'problem';
  subjects: { subjectId: number; subjectName: string; required: number; actual: number; status: ComplianceStatus }[];
  problems: { key: string; params: Record<string, string | number> }[];
}
export interface ComplianceResult {
  basis: 'assignments' | 'timetable' | 'taught';
  classes: ComplianceClassRow[];
  grades: { level: number; classes: number; okClasses: number }[];
  /** Nine-year share of each subject group for the school, against the national range (information only). */
  shares: { group: string; percent: number; min: number; max: number; /** The same share computed from the standard itself. */ requiredPercent?: number }[];
}

const ComplianceQuerySchema = z.object({
  termId: z.number().int().positive(),
  basis: z.enum(['assignments', 'timetable', 'taught']).default('timetable'),
  from: isoDay.optional(),
  to: isoDay.optional(),
});
export interface CurriculumImportPreview { standard: CurriculumStandard; issues: ImportIssue[] }

export const curriculumContract = featureContract('curriculum', {
  'curriculum/get': method(Empty).returns<CurriculumStandard>(),
  'curriculum/save': method(CurriculumSaveSchema).returns<CurriculumStandard>(),
  'curriculum/resetDefault': method(Empty).returns<CurriculumStandard>(),
  'curriculum/importPreview': method(FilePayloadSchema).returns<CurriculumImportPreview>(),
  'curriculum/importCommit': method(FilePayloadSchema).returns<CurriculumStandard>(),
  'curriculum/check': method(ComplianceQuerySchema).returns<ComplianceResult>(),
  'curriculum/exportCheckXlsx': method(ComplianceQuerySchema).returns<FilePayload>(),
});
