/**
 * The report catalogue: every printout the app offers, registered once. An entry knows how to load its
 * data and render it to a complete HTML document; the PDF options come from the shared layout. Nothing
 * here knows about dossiers: a dossier can later render any entry, drop its footer (PdfOptions) and stamp
 * continuous page numbers with pdf-lib.
 */
import { PDFDocument } from 'pdf-lib';
import type { ReportInfo } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { CLASS_LISTS_SETUP, CLASS_LISTS_TITLE, loadClassLists, renderClassLists } from './class-student-lists';
import { COMPLIANCE_REPORTS } from './compliance-report';
import { STRUGGLING_REPORTS } from './struggling-reports';
import { EXAM_REPORTS } from './exam-quality-report';
import { loadHeader, type ReportParams } from './common';
import { pdfOptionsFor } from './layout';
import type { PdfOptions } from './pdf-port';
import { ROUTINE_REPORTS } from './routine-reports';
import { TIMETABLE_REPORTS } from './timetable-reports';
import { loadTeacherRoster, renderTeacherRoster, TEACHER_ROSTER_SETUP, TEACHER_ROSTER_TITLE } from './teacher-roster';

export interface ReportDef<D> extends ReportInfo {
  load(ctx: CoreContext, params: ReportParams): D;
  render(data: D): string;
}

/** Keeps each entry's load/render data type consistent while the catalogue holds them side by side. */
function defineReport<D>(def: ReportDef<D>): ReportDef<unknown> {
  return def as unknown as ReportDef<unknown>;
}

export const REPORTS: ReportDef<unknown>[] = [
  defineReport({
    id: 'teacher-roster',
    title: TEACHER_ROSTER_TITLE,
    titleKey: 'reports.teacher-roster',
    module: 'school',
    params: ['termId'],
    formats: ['pdf', 'html'],
    ...TEACHER_ROSTER_SETUP,
    load: loadTeacherRoster,
    render: renderTeacherRoster,
  }),
  defineReport({
    id: 'class-student-lists',
    title: CLASS_LISTS_TITLE,
    titleKey: 'reports.class-student-lists',
    module: 'school',
    params: ['termId', 'classIds', 'maskNames', 'maskStudentNos'],
    formats: ['pdf', 'html'],
    ...CLASS_LISTS_SETUP,
    load: loadClassLists,
    render: renderClassLists,
  }),
  ...TIMETABLE_REPORTS,
  ...COMPLIANCE_REPORTS,
  ...STRUGGLING_REPORTS,
  ...EXAM_REPORTS,
  ...ROUTINE_REPORTS,
];

/** The catalogue as the UI sees it: plain data, no functions. */
export function reportCatalogue(): ReportInfo[] {
  return REPORTS.map(({ id, title, titleKey, module, params, formats, paper, landscape }) => ({
    id, title, titleKey, module, params: [...params], formats: [...formats], paper, landscape,
  }));
}

export function findReport(id: string): ReportDef<unknown> {
  const def = REPORTS.find((r) => r.id === id);
  if (!def) throw new AppError('NOT_FOUND', 'unknownReport', { id });
  return def;
}

export interface RenderedReport {
  html: string;
  title: string;
  /** File name without extension, e.g. 班级学生名册-2025-2026学年第一学期. */
  fileBase: string;
  pdf: PdfOptions;
}

/** Characters Windows forbids in file names. */
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;

export function renderReport(ctx: CoreContext, id: string, params: ReportParams): RenderedReport {
  const def = findReport(id);
  const html = def.render(def.load(ctx, params));
  const term = loadHeader(ctx, params.termId).term;
  const fileBase = (term ? `${def.title}-${term.label}` : def.title).replace(UNSAFE_FILE_CHARS, '_');
  return { html, title: def.title, fileBase, pdf: pdfOptionsFor({ paper: def.paper, landscape: def.landscape }) };
}

export interface ReportPdf { bytes: Uint8Array; pages: number; fileName: string; title: string }

/** Renders a report to PDF through the context's PDF port and records the printout in the audit log. */
export async function reportToPdf(ctx: CoreContext, id: string, params: ReportParams): Promise<ReportPdf> {
  const def = findReport(id); // unknown id fails before the engine check
  if (!ctx.pdf) throw new AppError('IO', 'noPdfEngine');
  const r = renderReport(ctx, def.id, params);
  const bytes = await ctx.pdf.htmlToPdf(r.html, r.pdf);
  const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  const fileName = `${r.fileBase}.pdf`;
  ctx.audit('report', 'print', { entityId: id, summary: `${r.title}（${pages} 页）`, after: { fileName, pages, params } });
  return { bytes, pages, fileName, title: r.title };
}
