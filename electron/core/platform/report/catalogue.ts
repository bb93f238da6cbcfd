/**
 * The report catalogue: every printout the app offers, registered once. An entry knows how to load its
 * data and render it to a complete HTML document; the PDF options come from the shared layout. Nothing
 * here knows about dossiers: a dossier can later render any entry, drop its footer (PdfOptions) and stamp
 * continuous page numbers with pdf-lib.
 */
import { PDFDocument } from 'pdf-lib';
import type { ReportInfo, ReportParams as ReportParamsInput } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../context';
import { CLASS_LISTS_SETUP, CLASS_LISTS_TITLE, loadClassLists, renderClassLists } from '../../features/students/class-lists-report';
import { COMPLIANCE_REPORTS } from '../../features/curriculum/compliance-report';
import { STRUGGLING_REPORTS } from '../../features/struggling/reports';
import { EXAM_REPORTS } from '../../features/exams/quality-report';
import { loadHeader, type ReportParams } from './header';
import { pdfOptionsFor } from './layout';
import type { PdfOptions } from './pdf-port';
import { ROUTINE_REPORTS } from '../../features/monthly-check/reports';
import { TIMETABLE_REPORTS } from '../../features/timetable/reports';
import { loadTeacherRoster, renderTeacherRoster, TEACHER_ROSTER_SETUP, TEACHER_ROSTER_TITLE } from '../../features/teachers/teacher-roster-report';

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
  return REPORTS.map(({ id, title, titleKey, module, params, required, formats, paper, landscape }) => ({
    id, title, titleKey, module, params: [...params], required: [...(required ?? [])], formats: [...formats], paper, landscape,
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

/**
 * The file name (without extension) says what the printout is for: the month (教学常规月查表-2026年12月), the
 * exam with its term, the student of a file, the one class or teacher chosen, else the term. Windows-safe and
 * short enough for any folder.
 */
export function reportFileBase(ctx: CoreContext, def: Pick<ReportInfo, 'title'>, params: ReportParamsInput): string {
  const one = <T>(xs: T[] | undefined) => (xs?.length === 1 ? xs[0] : undefined);
  const pick = (sql: string, id: number | undefined) => (id === undefined ? undefined : (ctx.db.prepare(sql).get(id) as { n: string } | undefined)?.n);
  const term = loadHeader(ctx, params.termId).term?.label;
  const parts: (string | undefined)[] = [def.title];
  if (params.month) {
    const [y, m] = params.month.split('-');
    parts.push(`${y}年${Number(m)}月`);
  } else if (params.examId) {
    const exam = ctx.db.prepare('SELECT name, term_id AS termId FROM exam WHERE id = ?').get(params.examId) as { name: string; termId: number } | undefined;
    if (exam) parts.push(`${loadHeader(ctx, exam.termId).term?.label ?? ''}${exam.name}`);
  } else if (params.fileId) {
    parts.push(pick(`SELECT s.name AS n FROM struggling_file f JOIN student s ON s.id = f.student_id WHERE f.id = ?`, params.fileId));
  } else {
    parts.push(term);
  }
  const cls = one(params.classIds);
  const c = cls === undefined ? undefined : ctx.db.prepare('SELECT g.level, c.class_no AS no FROM class c JOIN grade g ON g.id = c.grade_id WHERE c.id = ?').get(cls) as { level: number; no: number } | undefined;
  if (c) parts.push(className(c.level, c.no));
  parts.push(pick('SELECT name AS n FROM teacher WHERE id = ?', one(params.teacherIds)));
  const base = parts.filter((x): x is string => !!x).join('-').replace(UNSAFE_FILE_CHARS, '_').replace(/\s+/g, ' ').trim();
  return Array.from(base).slice(0, 80).join('');
}

export function renderReport(ctx: CoreContext, id: string, params: ReportParams): RenderedReport {
  const def = findReport(id);
  const html = def.render(def.load(ctx, params));
  return { html, title: def.title, fileBase: reportFileBase(ctx, def, params), pdf: pdfOptionsFor({ paper: def.paper, landscape: def.landscape }) };
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
