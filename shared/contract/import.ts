/** Roster imports (teachers, students, assignments) from Excel or CSV: template, preview, commit. */
import { z } from 'zod';
import { FilePayloadSchema, type FilePayload, type ImportField, type ImportIssue } from './common';
import { featureContract, method } from './method';

export const IMPORT_KINDS = ['teachers', 'students', 'assignments', 'training'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export interface ImportPreviewRow { row: number; values: Record<string, string>; action: 'insert' | 'update' | 'skip'; hasError: boolean }
export interface ImportPreview {
  kind: ImportKind;
  sheets: string[];
  sheet: string;
  encoding: 'utf-8' | 'gbk' | 'binary';
  headerRow: number;
  columns: { index: number; header: string }[];
  fields: ImportField[];
  /** field key -> column index in `columns`, or null when not mapped. */
  mapping: Record<string, number | null>;
  rows: ImportPreviewRow[];
  issues: ImportIssue[];
  /** errors: all error issues; fileErrors: those of the file itself (they block the import); skip: rows left out. */
  counts: { total: number; insert: number; update: number; skip: number; errors: number; fileErrors: number; warnings: number; notices: number };
}
const ImportRequestSchema = FilePayloadSchema.extend({
  kind: z.enum(IMPORT_KINDS),
  sheet: z.string().optional(),
  mapping: z.record(z.string(), z.number().int().min(0).nullable()).optional(),
  termId: z.number().int().positive().optional(),
});

export type ImportRequest = z.input<typeof ImportRequestSchema>;

export const importContract = featureContract('import', {
  'import/template': method(z.object({ kind: z.enum(IMPORT_KINDS) })).returns<FilePayload>(),
  'import/preview': method(ImportRequestSchema).returns<ImportPreview>(),
  'import/commit': method(ImportRequestSchema).returns<{ inserted: number; updated: number; skipped: number; backup: string }>(),
  /** The rows the import would leave out, with the reason in a last column (.xlsx). */
  'import/skippedRows': method(ImportRequestSchema).returns<FilePayload>(),
});
