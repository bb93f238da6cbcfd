/**
 * Teaching routine, part 3: the monthly check's printouts and exports that are not catalogue PDFs: the
 * monthly bulletin as an editable Word file and the month's and term's Excel workbooks. (The PDFs -
 * 'monthly-sheets', 'monthly-bulletin', 'teacher-term-summary' - go through reports/pdf with params.month.)
 */
import { z } from 'zod';
import type { FilePayload } from './index';
import { m } from './method';

/** 'YYYY-MM', month 01-12. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'badMonth');

export const RoutineMonthExportSchema = z.object({ termId: z.number().int().positive(), month: MonthSchema });
export const RoutineTermExportSchema = z.object({ termId: z.number().int().positive() });

export const routineReportsContract = {
  /** 教学常规检查月度通报 as .docx (黑体 title, 宋体/仿宋 body, figures table, charts as images when the PDF engine can draw them). */
  'monthly-check/bulletinDocx': m<typeof RoutineMonthExportSchema, FilePayload>(RoutineMonthExportSchema),
  /** The month as .xlsx: 月查汇总 (one row per teacher, every item score), 听课统计, 教研活动. */
  'monthly-check/monthXlsx': m<typeof RoutineMonthExportSchema, FilePayload>(RoutineMonthExportSchema),
  /** The term as .xlsx: teachers x months score matrix with averages and grades. */
  'monthly-check/termXlsx': m<typeof RoutineTermExportSchema, FilePayload>(RoutineTermExportSchema),
} as const;
