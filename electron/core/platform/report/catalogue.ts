/**
 * The report catalogue: every printout the app offers, folded from the features' `reports` (see
 * ../feature.ts). It lists them for the UI, renders one to HTML and prints it to PDF through the PDF port.
 * Nothing here knows about dossiers: a dossier can later render any entry, drop its footer (PdfOptions) and
 * stamp continuous page numbers with pdf-lib.
 */
import { PDFDocument } from 'pdf-lib';
import type { ReportInfo } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { CoreContext, Reports } from '../context';
import { classRef, currentSchoolYearId, schoolYearOfTerm } from '../query';
import type { ReportEntry } from './define';
import { loadHeader, type ReportParams } from './header';
import { pdfOptionsFor } from './layout';
import type { PdfOptions } from './pdf-port';

export class ReportCatalogue implements Reports {
  private readonly byId = new Map<string, ReportEntry>();

  constructor(entries: readonly ReportEntry[]) {
    for (const e of entries) {
      if (this.byId.has(e.info.id)) throw new Error(`two reports named ${e.info.id}`);
      this.byId.set(e.info.id, e);
    }
  }

  /** The catalogue as the UI sees it: plain data, no functions. */
  list(): ReportInfo[] {
    return [...this.byId.values()].map(({ info }) => ({ ...info, params: [...info.params], required: [...info.required], formats: [...info.formats] }));
  }

  find(id: string): ReportEntry {
    const e = this.byId.get(id);
    if (!e) throw new AppError('NOT_FOUND', 'unknownReport', { id });
    return e;
  }

  render(ctx: CoreContext, id: string, raw: unknown): RenderedReport {
    const e = this.find(id);
    const { html, params } = e.render(ctx, raw);
    return { html, title: e.info.title, params, fileBase: reportFileBase(ctx, e.info, params), pdf: pdfOptionsFor(e.info) };
  }

  /** Renders a report to PDF through the context's PDF port and records the printout in the audit log. */
  async pdf(ctx: CoreContext, id: string, raw: unknown): Promise<ReportPdf> {
    this.find(id); // an unknown id fails before the engine check
    if (!ctx.pdf) throw new AppError('IO', 'noPdfEngine');
    const r = this.render(ctx, id, raw);
    const bytes = await ctx.pdf.htmlToPdf(r.html, r.pdf);
    const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    const fileName = `${r.fileBase}.pdf`;
    ctx.audit('report', 'print', { entityId: id, summary: `${r.title}（${pages} 页）`, after: { fileName, pages, params: r.params } });
    return { bytes, pages, fileName, title: r.title };
  }
}

export interface RenderedReport {
  html: string;
  title: string;
  /** The parameters as the report's declaration read them (defaults applied, undeclared ones dropped). */
  params: ReportParams;
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
export function reportFileBase(ctx: CoreContext, def: Pick<ReportInfo, 'title'>, params: ReportParams): string {
  const one = <T>(xs: T[] | undefined) => (xs?.length === 1 ? xs[0] : undefined);
  const pick = (sql: string, id: number | undefined) => (id === undefined ? undefined : (ctx.db.prepare(sql).get(id) as { n: string } | undefined)?.n);
  const term = loadHeader(ctx, params.termId).term?.label;
  // A class is named for the year printed: the term's, the exam's, else the year on screen.
  let termOfClass = params.termId;
  const parts: (string | undefined)[] = [def.title];
  if (params.month) {
    const [y, m] = params.month.split('-');
    parts.push(`${y}年${Number(m)}月`);
  } else if (params.examId) {
    const exam = ctx.db.prepare('SELECT name, term_id AS termId FROM exam WHERE id = ?').get(params.examId) as { name: string; termId: number } | undefined;
    if (exam) parts.push(`${loadHeader(ctx, exam.termId).term?.label ?? ''}${exam.name}`);
    termOfClass ??= exam?.termId;
  } else if (params.fileId) {
    parts.push(pick(`SELECT s.name AS n FROM struggling_file f JOIN student s ON s.id = f.student_id WHERE f.id = ?`, params.fileId));
  } else {
    parts.push(term);
  }
  const cls = one(params.classIds);
  parts.push(cls === undefined ? undefined : classRef(ctx.db, cls, termOfClass ? schoolYearOfTerm(ctx.db, termOfClass) : currentSchoolYearId(ctx))?.name);
  parts.push(pick('SELECT name AS n FROM teacher WHERE id = ?', one(params.teacherIds)));
  const base = parts.filter((x): x is string => !!x).join('-').replace(UNSAFE_FILE_CHARS, '_').replace(/\s+/g, ' ').trim();
  return Array.from(base).slice(0, 80).join('');
}

export interface ReportPdf { bytes: Uint8Array; pages: number; fileName: string; title: string }
