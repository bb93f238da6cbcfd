/**
 * One PDF from many parts (printouts rendered without their own footer, uploaded PDFs, scanned images), as
 * the inspection dossier needs it:
 * - each part's pages keep their own size and orientation (a landscape timetable stays landscape); an image
 *   gets an A4 page of its own orientation and is scaled to fit inside 10 mm margins;
 * - continuous page numbers "第 X 页 共 Y 页" on every page from `numberFrom` on: a stamp document (one page per
 *   number) is rendered by the PDF port for each page size and laid over the pages, so the Chinese text uses the
 *   same fonts as every printout and pdf-lib needs no CJK font of its own;
 * - bookmarks (the PDF outline) from the parts' titles and depths (part > indicator > evidence);
 * - document properties (title, author = school, subject, producer).
 * Returns where each part starts, for the catalogue (目录) of real page numbers.
 */
import { PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFPage, type PDFRef } from 'pdf-lib';
import { AppError } from '../../../../shared/errors';
import type { PdfPort } from './pdf-port';

export interface ComposePart {
  /** The bookmark title. */
  title: string;
  /** 0 = top level; a part at depth d nests under the last part of depth d - 1. */
  depth: number;
  /** The part's pages: a PDF, or an image that becomes one page. A part with neither is a bookmark only (points at the next page). */
  pdf?: Uint8Array;
  image?: { bytes: Uint8Array; type: 'png' | 'jpg' };
}

export interface ComposeOptions {
  title: string;
  author: string;
  subject?: string;
  /** The first page (1-based) that is numbered and counted; the cover is usually not (2 = from the page after it). */
  numberFrom?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface ComposeResult { bytes: Uint8Array; pages: number; numbered: number; starts: number[] }

const MM = 72 / 25.4;
const A4: [number, number] = [210 * MM, 297 * MM];

function abortIf(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('IO', 'composeCancelled');
}

/** The stamp document for pages of one size: page i carries "第 n 页 共 total 页" at the bottom centre. */
function stampHtml(width: number, height: number, numbers: number[], total: number): string {
  const pages = numbers.map((n) => `<div class="p"><div class="n">第 ${n} 页 共 ${total} 页</div></div>`).join('');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: ${width}pt ${height}pt; margin: 0; }
html, body { margin: 0; padding: 0; }
.p { width: ${width}pt; height: ${height - 1}pt; position: relative; break-after: page; page-break-after: always; overflow: hidden; }
.p:last-child { break-after: auto; page-break-after: auto; }
.n { position: absolute; left: 0; right: 0; bottom: 6mm; text-align: center; font-size: 9pt; color: #000;
  font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
</style></head><body>${pages}</body></html>`;
}

/** Adds the outline (bookmarks) to the document: titles in UTF-16 so Chinese survives in every reader. */
function addOutline(doc: PDFDocument, items: { title: string; depth: number; page: PDFPage }[]): void {
  if (!items.length) return;
  const ctx = doc.context;
  type Node = { title: string; page: PDFPage; ref: PDFRef; children: Node[] };
  const root: Node[] = [];
  const stack: Node[] = [];
  for (const it of items) {
    const node: Node = { title: it.title, page: it.page, ref: ctx.nextRef(), children: [] };
    const depth = Math.min(it.depth, stack.length);
    stack.length = depth;
    (depth === 0 ? root : stack[depth - 1].children).push(node);
    stack.push(node);
  }
  const outlinesRef = ctx.nextRef();
  const count = (ns: Node[]): number => ns.reduce((n, x) => n + 1 + count(x.children), 0);
  const write = (nodes: Node[], parent: PDFRef) => {
    nodes.forEach((n, i) => {
      const dict = ctx.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(n.title));
      dict.set(PDFName.of('Parent'), parent);
      if (i > 0) dict.set(PDFName.of('Prev'), nodes[i - 1].ref);
      if (i < nodes.length - 1) dict.set(PDFName.of('Next'), nodes[i + 1].ref);
      dict.set(PDFName.of('Dest'), ctx.obj([n.page.ref, PDFName.of('Fit')]));
      if (n.children.length) {
        dict.set(PDFName.of('First'), n.children[0].ref);
        dict.set(PDFName.of('Last'), n.children[n.children.length - 1].ref);
        // Negative: closed when the file opens, so an inspector sees the parts first.
        dict.set(PDFName.of('Count'), PDFNumber.of(-count(n.children)));
      }
      ctx.assign(n.ref, dict);
      write(n.children, n.ref);
    });
  };
  write(root, outlinesRef);
  ctx.assign(outlinesRef, ctx.obj({ Type: 'Outlines', First: root[0].ref, Last: root[root.length - 1].ref, Count: PDFNumber.of(count(root)) }));
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

export async function composePdf(port: PdfPort, parts: ComposePart[], opts: ComposeOptions): Promise<ComposeResult> {
  const doc = await PDFDocument.create();
  const starts: number[] = [];
  const marks: { title: string; depth: number; pageIndex: number }[] = [];
  for (const [i, part] of parts.entries()) {
    abortIf(opts.signal);
    starts.push(doc.getPageCount() + 1);
    marks.push({ title: part.title, depth: part.depth, pageIndex: doc.getPageCount() });
    if (part.pdf) {
      let src: PDFDocument;
      try {
        src = await PDFDocument.load(part.pdf, { ignoreEncryption: false, updateMetadata: false });
      } catch {
        throw new AppError('VALIDATION', 'composeBadPdf', { title: part.title });
      }
      for (const p of await doc.copyPages(src, src.getPageIndices())) doc.addPage(p);
    } else if (part.image) {
      const img = part.image.type === 'png' ? await doc.embedPng(part.image.bytes) : await doc.embedJpg(part.image.bytes);
      const landscape = img.width > img.height;
      const [w, h] = landscape ? [A4[1], A4[0]] : A4;
      const page = doc.addPage([w, h]);
      const m = 10 * MM;
      const s = Math.min((w - 2 * m) / img.width, (h - 2 * m - 8 * MM) / img.height);
      page.drawImage(img, { x: (w - img.width * s) / 2, y: h - m - img.height * s, width: img.width * s, height: img.height * s });
    }
    opts.onProgress?.(i + 1, parts.length + 1);
  }
  const pages = doc.getPages();
  if (!pages.length) throw new AppError('VALIDATION', 'composeEmpty');
  // Continuous numbers: one stamp document per page size, laid over the pages.
  const from = Math.max(1, opts.numberFrom ?? 1);
  const total = Math.max(0, pages.length - from + 1);
  const bySize = new Map<string, number[]>();
  pages.forEach((p, i) => {
    if (i + 1 < from) return;
    const { width, height } = p.getSize();
    const key = `${Math.round(width * 100) / 100}x${Math.round(height * 100) / 100}`;
    bySize.set(key, [...(bySize.get(key) ?? []), i]);
  });
  for (const [key, indices] of bySize) {
    abortIf(opts.signal);
    const [w, h] = key.split('x').map(Number);
    // The port prints on A4 or A3 (the CSS page size is not used): stamp on the nearer one, scaled onto the page.
    const paper = Math.max(w, h) > 1000 ? 'A3' : 'A4';
    const [pw, ph] = paper === 'A3' ? [297 * MM, 420 * MM] : A4;
    const [sw, sh] = w > h ? [ph, pw] : [pw, ph];
    const html = stampHtml(sw, sh, indices.map((i) => i + 2 - from), total);
    const stamp = await PDFDocument.load(await port.htmlToPdf(html, { paper, landscape: w > h, marginMm: { top: 0, right: 0, bottom: 0, left: 0 } }));
    if (stamp.getPageCount() < indices.length) throw new AppError('IO', 'composeStampFailed', { pages: stamp.getPageCount(), want: indices.length });
    const embedded = await doc.embedPages(stamp.getPages().slice(0, indices.length));
    indices.forEach((pageIndex, k) => {
      const page = pages[pageIndex];
      // A page's own origin may be shifted (a MediaBox not at 0,0): draw at its lower-left corner.
      const box = page.getMediaBox();
      page.drawPage(embedded[k], { x: box.x, y: box.y, width: box.width, height: box.height });
    });
  }
  addOutline(doc, marks.filter((m) => m.pageIndex < pages.length).map((m) => ({ title: m.title, depth: m.depth, page: pages[m.pageIndex] })));
  doc.setTitle(opts.title, { showInWindowTitleBar: true });
  doc.setAuthor(opts.author);
  if (opts.subject) doc.setSubject(opts.subject);
  doc.setCreator('教务台账 Jiaowu Desk');
  doc.setProducer('教务台账 Jiaowu Desk');
  doc.setLanguage('zh-CN');
  const bytes = await doc.save();
  opts.onProgress?.(parts.length + 1, parts.length + 1);
  return { bytes, pages: pages.length, numbered: total, starts };
}
