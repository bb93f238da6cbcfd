/** Schemas and shapes several features share: empty and id-only inputs, list filters, files crossing the boundary. */
import { z } from 'zod';
import { Base64FileSchema } from './upload';

export const Empty = z.object({}).strict().default({});
export const IdOnly = z.object({ id: z.number().int().positive() });
export const TermOnly = z.object({ termId: z.number().int().positive() });
export const ArchiveSchema = z.object({ id: z.number().int().positive(), archived: z.boolean() });
export const ListSchema = z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false });

/** A file travelling across the boundary (exports, templates, PDFs, uploads). */
export interface FilePayload { fileName: string; mime: string; dataBase64: string }
export const FilePayloadSchema = z.object({
  fileName: z.string().min(1).max(255),
  dataBase64: Base64FileSchema,
});


export interface ImportField { key: string; label: string; required: boolean }
export interface ImportIssue {
  /** Row number as the user sees it in Excel (1-based, counting the title rows). */
  row: number;
  /** Column header as found in the file, or the field's label if the column is missing. */
  column: string;
  field: string;
  /** i18n key under errors.import. */
  key: string;
  params?: Record<string, string | number>;
  /** error: the row is skipped (row 0: the file cannot be imported); warning: imported, but look; notice: for information. */
  severity: 'error' | 'warning' | 'notice';
  /** The sheet the issue is on, for workbooks read sheet by sheet (timetable import: one sheet per class). */
  sheet?: string;
}
