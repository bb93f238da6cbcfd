/**
 * What goes into each kind of archive, as payload files under data/:
 * - dossier: the last composed PDF volumes and Word file (迎检资料/), and the original evidence files in a
 *   folder per indicator (佐证材料/一-1 每百名学生…/01 文件名.pdf);
 * - year: every printout of the school year (报表/<学期>/…pdf: each term's reports, each month's sheets, each
 *   exam's, each struggling file's and each mentor pair's) and an Excel file of every list (名单/);
 * - data: the database snapshot and the attachments (platform/archive/data-archive.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { attachmentStore } from '../../platform/attachments/store';
import { safeArchiveName, type PayloadFile } from '../../platform/archive/bagit';
import type { CoreContext } from '../../platform/context';
import { todayOf } from '../../platform/staff';
import type { JobHandle } from '../../platform/jobs';
import { printBatched } from '../../platform/report/batch-print';
import { composePdf } from '../../platform/report/compose';
import { schoolName, schoolYearSpan } from '../../platform/query';
import { dossierDir, inspectionDetail, periodYears, readOutput } from '../dossier/service';
import { startedMonths } from '../monthly-check/service';
import { EXPORT_LISTS, exportList } from '../export/service';

const seg = (s: string, max = 60) => Array.from(safeArchiveName(s)).slice(0, max).join('') || '_';

/** Makes a path unique among those already used (case-insensitive, as on a USB stick). */
function uniquePath(used: Set<string>, p: string): string {
  const ext = path.posix.extname(p);
  const stem = p.slice(0, p.length - ext.length);
  let out = p;
  for (let n = 2; used.has(out.toLowerCase()); n++) out = `${stem}（${n}）${ext}`;
  used.add(out.toLowerCase());
  return out;
}

export function dossierPayload(ctx: CoreContext, inspectionId: number): { files: PayloadFile[]; what: string; period: string } {
  const detail = inspectionDetail(ctx, inspectionId);
  const out = readOutput(ctx.dataDir, inspectionId);
  if (!out) throw new AppError('VALIDATION', 'archiveNoDossier', { name: detail.inspection.name }, [{ path: ['inspectionId'], key: 'archiveNoDossier', params: { name: detail.inspection.name } }]);
  const used = new Set<string>();
  const files: PayloadFile[] = out.files.map((f) => ({ path: uniquePath(used, `迎检资料/${seg(f.name, 120)}`), source: path.join(dossierDir(ctx.dataDir, inspectionId), f.name) }));
  const store = attachmentStore(ctx);
  for (const ind of detail.indicators) {
    const folder = `佐证材料/${seg(`${ind.code} ${ind.text}`, 40)}`;
    ind.evidence.forEach((e, i) => {
      if (e.kind !== 'upload' || !e.attachment || e.problem) return;
      const ext = path.extname(e.attachment.fileName).toLowerCase();
      files.push({ path: uniquePath(used, `${folder}/${String(i + 1).padStart(2, '0')} ${seg(e.title, 60)}${ext}`), source: path.join(store.dir, e.attachment.sha256) });
    });
  }
  return { files, what: `迎检资料：${detail.inspection.name}`, period: detail.inspection.yearNames.join('、') };
}

interface Printout { folder: string; reportId: string; params: Record<string, unknown> }

/** Every printout of the year: what each report needs, filled from the year's terms, months, exams, files and pairs. */
function yearPrintouts(ctx: CoreContext, schoolYearId: number): Printout[] {
  const year = periodYears(ctx.db, [schoolYearId], todayOf(ctx.now()))[0];
  if (!year) throw new AppError('NOT_FOUND', 'notFound', { entity: 'schoolYear', id: schoolYearId }, [{ path: ['schoolYearId'], key: 'notFound' }]);
  const span = schoolYearSpan(ctx.db, schoolYearId);
  const out: Printout[] = [];
  for (const r of ctx.reports.list()) {
    const req = r.required;
    if (!req.length) {
      if (r.params.includes('termId')) for (const t of year.terms) out.push({ folder: t.name, reportId: r.id, params: { termId: t.id } });
      else out.push({ folder: year.name, reportId: r.id, params: {} });
    } else if (req.length === 1 && req[0] === 'month') {
      for (const t of year.terms) for (const m of startedMonths(ctx.db, t.id)) out.push({ folder: t.name, reportId: r.id, params: { termId: t.id, month: m } });
    } else if (req.length === 1 && req[0] === 'examId') {
      for (const t of year.terms) {
        for (const e of ctx.db.prepare('SELECT id FROM exam WHERE term_id = ? ORDER BY exam_date, id').all(t.id) as { id: number }[]) out.push({ folder: `${t.name}/考试`, reportId: r.id, params: { examId: e.id } });
      }
    } else if (req.length === 1 && req[0] === 'fileId') {
      for (const t of year.terms) {
        for (const f of ctx.db.prepare('SELECT id FROM struggling_file WHERE term_id = ? ORDER BY id').all(t.id) as { id: number }[]) out.push({ folder: `${t.name}/学困生档案`, reportId: r.id, params: { fileId: f.id } });
      }
    } else if (req.length === 1 && req[0] === 'pairId') {
      const pairs = ctx.db.prepare('SELECT id FROM mentor_pair WHERE start_date <= ? AND end_date >= ? ORDER BY id').all(span.to, span.from) as { id: number }[];
      for (const p of pairs) out.push({ folder: `${year.name}/师徒结对`, reportId: r.id, params: { pairId: p.id } });
    }
  }
  return out;
}

/** The year's printouts as PDFs and its lists as Excel, in memory (a year is tens of megabytes at most). */
export async function yearPayload(ctx: CoreContext, schoolYearId: number, job: JobHandle): Promise<{ files: PayloadFile[]; what: string; period: string; notes: string[] }> {
  if (!ctx.pdf) throw new AppError('IO', 'noPdfEngine');
  const year = periodYears(ctx.db, [schoolYearId], todayOf(ctx.now()))[0];
  const printouts = yearPrintouts(ctx, schoolYearId);
  const lastTerm = year.terms[year.terms.length - 1];
  const used = new Set<string>();
  const files: PayloadFile[] = [];
  const notes: string[] = [];
  job.progress({ phase: 'archive.phase.print', done: 0, total: printouts.length + EXPORT_LISTS.length });
  let done = 0;
  // HTML first, in one pass over the data; then print.
  const rendered = printouts.map((p) => {
    try {
      const r = ctx.reports.render(ctx, p.reportId, p.params);
      return { p, r };
    } catch (e) {
      notes.push(`${p.reportId}：${(e as AppError).key ?? String(e)}`);
      return null;
    }
  });
  // Printouts of the same kind print together (one engine job each), as the dossier's do.
  const ok = rendered.filter((x): x is NonNullable<typeof x> => !!x);
  // Printed without the engine's footer (its numbers would run on across a shared job), then each file gets
  // its own "第 X 页 共 Y 页" stamped.
  const printed = await printBatched(ctx.pdf, ok.map((x) => ({ html: x.r.html, pdf: { ...x.r.pdf, footerTemplate: undefined, headerTemplate: undefined } })), { signal: job.signal, onPrinted: (n) => job.progress({ done: (done += n) }) });
  const school = schoolName(ctx.db);
  for (const [i, x] of ok.entries()) {
    const one = await composePdf(ctx.pdf, [{ title: x.r.title, depth: 0, pdf: printed[i] }], { title: x.r.title, author: school, numberFrom: 1, signal: job.signal });
    files.push({ path: uniquePath(used, `报表/${x.p.folder.split('/').map((s) => seg(s)).join('/')}/${seg(x.r.fileBase, 80)}.pdf`), source: Buffer.from(one.bytes) });
  }
  for (const list of EXPORT_LISTS) {
    const f = await exportList(ctx, list, lastTerm?.id);
    files.push({ path: uniquePath(used, `名单/${seg(f.fileName.replace(/\.xlsx$/i, ''), 80)}.xlsx`), source: Buffer.from(f.dataBase64, 'base64') });
    job.progress({ done: ++done });
  }
  return { files, what: `${year.name}全年资料`, period: year.name, notes };
}

export function stagingDir(dataDir: string, jobId: string): string {
  return path.join(dataDir, 'archive-staging', jobId);
}

export function clearStaging(dataDir: string, jobId: string): void {
  fs.rmSync(stagingDir(dataDir, jobId), { recursive: true, force: true });
}
