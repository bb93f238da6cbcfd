/**
 * Composing the dossier: the whole file and one volume (盒) per indicator as PDF, and the Word file. Runs as a
 * job (progress, cancel); the result goes to <dataDir>/dossiers/<id>/ only when every file is written.
 *
 * The catalogue carries real page numbers: every other part is printed first, so its page count is known; the
 * catalogue is then printed with the numbers that follow from those counts and its own length, and printed
 * again if its length changed. composePdf reports where each part starts, and the job checks that against the
 * catalogue before saving, so a catalogue that disagrees with the file is never written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { DossierFile, DossierOutput, Indicator, InspectionDetail, JobStatus } from '../../../../shared/contract';
import { schoolDay } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/errors';
import { attachmentStore } from '../../platform/attachments/store';
import type { CoreContext } from '../../platform/context';
import { startJob, type JobHandle } from '../../platform/jobs';
import { schoolName } from '../../platform/query';
import { printBatched, type PrintedPages } from '../../platform/report/batch-print';
import { composePdf, type ComposePart } from '../../platform/report/compose';
import type { PdfOptions, PdfPort } from '../../platform/report/pdf-port';
import { safeArchiveName } from '../../platform/archive/bagit';
import { inspectionDetail } from './detail';
import { dossierWord } from './word';
import { catalogueHtml, computedHtml, coverHtml, dividerHtml, notePageHtml, overallHtml, type CatalogueEntry, type CoverData } from './pages';

/** One part's pages, before printing: HTML for the port, or bytes as uploaded. */
type Source =
  | { kind: 'html'; html: string; pdf: PdfOptions }
  | { kind: 'pdf'; bytes: Uint8Array }
  | { kind: 'image'; bytes: Uint8Array; type: 'png' | 'jpg' };

/** A printed part: its pages (or an image page) and its count. */
interface Printed { pdf?: Uint8Array | PrintedPages; image?: { bytes: Uint8Array; type: 'png' | 'jpg' }; fitA4?: boolean; pages: number }

interface Node { title: string; depth: number; key: string | null }

const OWN_PAGE: PdfOptions = { paper: 'A4', landscape: false, marginMm: { top: 15, right: 15, bottom: 18, left: 15 } };

export function dossierDir(dataDir: string, inspectionId: number): string {
  return path.join(dataDir, 'dossiers', String(inspectionId));
}

export function readOutput(dataDir: string, inspectionId: number): DossierOutput | null {
  const f = path.join(dossierDir(dataDir, inspectionId), 'output.json');
  if (!fs.existsSync(f)) return null;
  try { return JSON.parse(fs.readFileSync(f, 'utf8')) as DossierOutput; } catch { return null; }
}


const pageCount = async (bytes: Uint8Array) => (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();

function period(detail: InspectionDetail): string {
  return detail.inspection.yearNames.join('、');
}

/** The evidence sources of the dossier, keyed, with notes for what cannot be placed. HTML is rendered here, in one pass. */
function planSources(ctx: CoreContext, detail: InspectionDetail, school: string, today: string, notes: string[]): Map<string, Source> {
  const sources = new Map<string, Source>();
  const store = attachmentStore(ctx);
  const own = (html: string): Source => ({ kind: 'html', html, pdf: OWN_PAGE });
  sources.set('overall', own(overallHtml(school, detail.inspection.name, detail.inspection.overallText)));
  for (const ind of detail.indicators.filter((i) => i.applies)) {
    sources.set(`div:${ind.id}`, own(dividerHtml(school, ind)));
    for (const e of ind.evidence) {
      const key = `ev:${e.id}`;
      if (e.kind === 'report') {
        try {
          const r = ctx.reports.render(ctx, e.reportId!, e.params ?? {});
          // The dossier stamps its own continuous numbers: the report's footer goes.
          sources.set(key, { kind: 'html', html: r.html, pdf: { ...r.pdf, footerTemplate: undefined, headerTemplate: undefined } });
        } catch (err) {
          notes.push(`${ind.code}「${e.title}」未能生成（${(err as AppError).key ?? String(err)}）`);
          sources.set(key, own(notePageHtml(e.title, '此项材料未能生成，请在“迎检资料”页面检查它的参数后重新生成。')));
        }
      } else if (e.kind === 'computed') {
        const v = ind.value && ind.value.key === e.computed ? ind.value : null;
        if (v) sources.set(key, own(computedHtml(school, e.title, v, ind.standard, today)));
        else sources.set(key, own(notePageHtml(e.title, '该指标没有设置计算项。')));
      } else {
        const a = e.attachment;
        let bytes: Buffer | null = null;
        try { bytes = a ? store.get(a.id) : null; } catch { bytes = null; }
        if (!a || !bytes) {
          notes.push(`${ind.code}「${e.title}」文件已丢失`);
          sources.set(key, own(notePageHtml(e.title, '文件已丢失，请重新上传。')));
        } else if (a.mime === 'application/pdf') sources.set(key, { kind: 'pdf', bytes });
        else if (a.mime === 'image/png' || a.mime === 'image/jpeg') sources.set(key, { kind: 'image', bytes, type: a.mime === 'image/png' ? 'png' : 'jpg' });
        else {
          notes.push(`${ind.code}「${e.title}」是 Word 文件，PDF 中放一页说明，原件在归档的“佐证材料”文件夹`);
          sources.set(key, own(notePageHtml(e.title, `Word 文件《${a.fileName}》，原件见归档的“佐证材料”文件夹。`)));
        }
      }
    }
  }
  return sources;
}

async function printAll(port: PdfPort, sources: Map<string, Source>, job: JobHandle, notes: string[]): Promise<Map<string, Printed>> {
  const entries = [...sources.entries()];
  const out = new Map<string, Printed>();
  let done = 0;
  job.progress({ phase: 'dossier.phase.render', done: 0, total: entries.length });
  const html = entries.filter(([, s]) => s.kind === 'html') as [string, Extract<Source, { kind: 'html' }>][];
  const printed = await printBatched(port, html.map(([, s]) => ({ html: s.html, pdf: s.pdf })), { signal: job.signal, onPrinted: (n) => job.progress({ done: (done += n) }) });
  html.forEach(([key], i) => out.set(key, { pdf: printed[i], pages: printed[i].indices.length }));
  for (const [key, s] of entries) {
    if (s.kind === 'pdf') {
      try {
        out.set(key, { pdf: s.bytes, fitA4: true, pages: await pageCount(s.bytes) });
      } catch {
        // An encrypted or broken PDF cannot be merged: a note page stands in for it.
        notes.push(`上传的 PDF 无法读取（可能已加密或损坏）：${key}`);
        const bytes = await port.htmlToPdf(notePageHtml('无法读取的 PDF', '该 PDF 文件已加密或损坏，无法并入，原件见归档。'), OWN_PAGE);
        out.set(key, { pdf: bytes, pages: 1 });
      }
      job.progress({ done: ++done });
    } else if (s.kind === 'image') {
      out.set(key, { image: { bytes: s.bytes, type: s.type }, pages: 1 });
      job.progress({ done: ++done });
    }
  }
  return out;
}

interface Volume { cover: CoverData; body: { node: Node; printed: Printed | null }[]; meta: { title: string; author: string; subject: string }; fileName: string; whole: boolean }

/**
 * Every volume's cover and catalogue, printed together: the catalogues are printed with the page numbers that
 * follow from their own length, and those whose length changed are printed again until all settle.
 */
async function frontMatter(port: PdfPort, volumes: Volume[], job: JobHandle): Promise<{ cover: PrintedPages; catalogue: PrintedPages; entries: CatalogueEntry[] }[]> {
  // About 40 catalogue lines fit a page: start from that guess, so most catalogues print once.
  const catPages = volumes.map((v) => Math.max(1, Math.ceil(v.body.length / 40)));
  let covers: PrintedPages[] = [];
  const result: ({ catalogue: PrintedPages; entries: CatalogueEntry[] } | null)[] = volumes.map(() => null);
  const entriesOf = (v: Volume, pages: number) => {
    let page = pages + 1;
    return v.body.map((b) => {
      const e = { title: b.node.title, depth: b.node.depth, page };
      page += b.printed?.pages ?? 0;
      return e;
    });
  };
  for (let attempt = 0; attempt < 4; attempt++) {
    const todo = volumes.map((_, i) => i).filter((i) => !result[i]);
    if (!todo.length) break;
    const entries = todo.map((i) => entriesOf(volumes[i], catPages[i]));
    // The covers go with the first round of catalogues (different CSS: separate jobs, printed side by side).
    const coverItems = attempt === 0 ? volumes.map((v) => ({ html: coverHtml(v.cover), pdf: OWN_PAGE })) : [];
    const all = await printBatched(port, [...coverItems, ...todo.map((i, k) => ({ html: catalogueHtml(`${volumes[i].meta.title} 目录`, entries[k]), pdf: OWN_PAGE }))], { signal: job.signal });
    if (attempt === 0) covers = all.slice(0, volumes.length);
    const printed = all.slice(coverItems.length);
    todo.forEach((i, k) => {
      const n = printed[k].indices.length;
      if (n === catPages[i]) result[i] = { catalogue: printed[k], entries: entries[k] };
      else catPages[i] = n;
    });
  }
  if (result.some((r) => !r)) throw new AppError('INTERNAL', 'composeCatalogueUnstable');
  return volumes.map((_, i) => ({ cover: covers[i], ...result[i]! }));
}

/** Composes one volume and checks every catalogue number against where composePdf put the part. */
async function composeVolume(port: PdfPort, v: Volume, front: { cover: PrintedPages; catalogue: PrintedPages; entries: CatalogueEntry[] }, job: JobHandle): Promise<{ bytes: Uint8Array; pages: number }> {
  const coverPages = front.cover.indices.length;
  const parts: ComposePart[] = [
    { title: '封面', depth: 0, pdf: front.cover },
    { title: '目录', depth: 0, pdf: front.catalogue },
    ...v.body.map((b) => ({ title: b.node.title, depth: b.node.depth, pdf: b.printed?.pdf, image: b.printed?.image, fitA4: b.printed?.fitA4 })),
  ];
  // Numbers are stamped from the page after the cover: stamped number = physical page - cover pages.
  const r = await composePdf(port, parts, { ...v.meta, numberFrom: coverPages + 1, signal: job.signal });
  v.body.forEach((b, i) => {
    const stamped = r.starts[i + 2] - coverPages;
    if (stamped !== front.entries[i].page) throw new AppError('INTERNAL', 'composeCatalogueMismatch', { title: b.node.title, catalogue: front.entries[i].page, actual: stamped });
  });
  return { bytes: r.bytes, pages: r.pages };
}

function bodyOf(printed: Map<string, Printed>, indicators: Indicator[], withParts: boolean): { node: Node; printed: Printed | null }[] {
  const out: { node: Node; printed: Printed | null }[] = [];
  let lastPart = '';
  for (const ind of indicators) {
    if (withParts && ind.partNo !== lastPart) {
      out.push({ node: { title: `${ind.partNo}、${ind.partName}`, depth: 0, key: null }, printed: null });
      lastPart = ind.partNo;
    }
    const d = withParts ? 1 : 0;
    out.push({ node: { title: `${ind.code}\u3000${ind.text.length > 40 ? ind.text.slice(0, 40) + '…' : ind.text}`, depth: d, key: `div:${ind.id}` }, printed: printed.get(`div:${ind.id}`)! });
    for (const e of ind.evidence) out.push({ node: { title: e.title, depth: d + 1, key: `ev:${e.id}` }, printed: printed.get(`ev:${e.id}`)! });
  }
  return out;
}

export const fileBaseOf = (name: string) => safeArchiveName(name).slice(0, 60);

export function startCompose(ctx: CoreContext, input: { inspectionId: number; whole: boolean; volumes: boolean; word: boolean }): JobStatus<DossierOutput> {
  if (!ctx.pdf) throw new AppError('IO', 'noPdfEngine');
  if (!input.whole && !input.volumes && !input.word) throw new AppError('VALIDATION', 'dossier.nothingToCompose', {}, [{ path: ['whole'], key: 'dossier.nothingToCompose' }]);
  const detail = inspectionDetail(ctx, input.inspectionId);
  const applicable = detail.indicators.filter((i) => i.applies);
  if (!applicable.length) throw new AppError('VALIDATION', 'dossier.noIndicators');
  const port = ctx.pdf;
  const dataDir = ctx.dataDir;
  return startJob<DossierOutput>(dataDir, 'dossier', async (job) => {
    const started = Date.now();
    const school = schoolName(ctx.db);
    const today = schoolDay(ctx.now());
    const notes: string[] = [];
    // One pass over the data: every page's HTML now, so the files agree with each other.
    const sources = planSources(ctx, detail, school, today, notes);
    const printed = await printAll(port, sources, job, notes);
    const base = fileBaseOf(detail.inspection.name);
    const dir = dossierDir(dataDir, detail.inspection.id);
    const tmp = `${dir}.tmp-${started}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    const files: DossierFile[] = [];
    const coverBase: CoverData = {
      schoolName: school, inspectionName: detail.inspection.name, frameworkName: detail.inspection.frameworkName,
      frameworkDocument: detail.inspection.frameworkDocument, period: period(detail), visitDate: detail.inspection.visitDate, composedOn: today,
    };
    const meta = { title: detail.inspection.name, author: school, subject: `${detail.inspection.frameworkName} 迎检资料` };
    let catalogue: CatalogueEntry[] = [];
    try {
      const volumes: Volume[] = [];
      if (input.whole) {
        volumes.push({
          cover: coverBase, meta, whole: true, fileName: `${base}-全册.pdf`,
          body: [{ node: { title: '学校自评报告', depth: 0, key: 'overall' }, printed: printed.get('overall')! }, ...bodyOf(printed, applicable, true)],
        });
      }
      if (input.volumes) {
        applicable.forEach((ind, i) => volumes.push({
          cover: { ...coverBase, volume: { no: i + 1, code: ind.code, text: ind.text } }, meta: { ...meta, title: `${detail.inspection.name} ${ind.code}` }, whole: false,
          fileName: `${base}-第${String(i + 1).padStart(2, '0')}盒-${fileBaseOf(ind.code)}.pdf`, body: bodyOf(printed, [ind], false),
        }));
      }
      job.progress({ phase: 'dossier.phase.merge', done: 0, total: volumes.length });
      const fronts = volumes.length ? await frontMatter(port, volumes, job) : [];
      for (const [k, v] of volumes.entries()) {
        if (job.signal.aborted) throw new AppError('IO', 'composeCancelled');
        const r = await composeVolume(port, v, fronts[k], job);
        if (v.whole) catalogue = fronts[k].entries;
        fs.writeFileSync(path.join(tmp, v.fileName), r.bytes);
        files.push({ name: v.fileName, kind: 'pdf', volume: v.whole ? 'whole' : 'indicator', pages: r.pages, size: r.bytes.length });
        job.progress({ done: k + 1 });
      }
      if (input.word) {
        job.progress({ phase: 'dossier.phase.word' });
        const bytes = await dossierWord(school, detail, today);
        const name = `${base}.docx`;
        fs.writeFileSync(path.join(tmp, name), bytes);
        files.push({ name, kind: 'docx', volume: 'whole', pages: null, size: bytes.length });
      }
      const output: DossierOutput = { composedAt: new Date().toISOString(), files, notes, catalogue };
      fs.writeFileSync(path.join(tmp, 'output.json'), JSON.stringify(output, null, 1));
      // Only a complete set replaces the last one.
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      fs.renameSync(tmp, dir);
      ctx.audit('inspection', 'compose', { entityId: detail.inspection.id, summary: `生成迎检资料 ${detail.inspection.name}（${files.length} 个文件${files[0]?.pages ? `，全册 ${files[0].pages} 页` : ''}）` });
      return output;
    } catch (e) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
  });
}

/** A composed file, by name (only names of the last composition are served). */
export function dossierFile(dataDir: string, inspectionId: number, name: string): { bytes: Buffer; file: DossierFile } {
  const out = readOutput(dataDir, inspectionId);
  const file = out?.files.find((f) => f.name === name);
  if (!file) throw new AppError('NOT_FOUND', 'dossier.fileNotFound', { name });
  return { bytes: fs.readFileSync(path.join(dossierDir(dataDir, inspectionId), file.name)), file };
}
