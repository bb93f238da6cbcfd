/** FET timetable files (.fet) in and out. */
import { z } from 'zod';
import { FilePayloadSchema, TermOnly, type FilePayload, type ImportIssue } from './common';
import { featureContract, method } from './method';

const FetImportSchema = FilePayloadSchema.extend({ termId: z.number().int().positive() });
/** placements: what of the current timetable the file carries ('all', the default: every placed lesson; 'locked': the locked ones; 'none'). */
const FetExportSchema = TermOnly.extend({ placements: z.enum(['none', 'locked', 'all']).optional() });
export interface FetImportPreview {
  fileName: string;
  hasTimetable: boolean;
  teachers: { name: string; teacherId: number | null }[];
  /** name = the school's subject name (matched or to be created); fetName = the name in the file when it differs. */
  subjects: { name: string; subjectId: number | null; fetName?: string }[];
  /** fetNames = the FET student sets (years/groups) that became this class. */
  classes: { name: string; classId: number | null; fetNames?: string[] }[];
  activities: number;
  placed: number;
  /** The file's FET version attribute and its grid as the school's days x periods. */
  version?: string;
  grid?: { days: number; periods: number } | null;
  /** What the commit will write: teaching assignments (created + updated) and lessons. */
  assignments?: number;
  lessons?: number;
  issues: ImportIssue[];
}
export interface FetImportResult { teachersCreated: number; subjectsCreated: number; classesCreated: number; assignments: number; lessons: number; backup: string }

export const fetContract = featureContract('fet', {
  'fet/importPreview': method(FetImportSchema).returns<FetImportPreview>(),
  'fet/importCommit': method(FetImportSchema).returns<FetImportResult>(),
  'fet/export': method(FetExportSchema).returns<FilePayload>(),
});
