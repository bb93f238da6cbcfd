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
import { degrees, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFEmbeddedPage, type PDFPage, type PDFRef } from 'pdf-lib';
import { AppError } from '../../../../shared/errors';
import type { PrintedPages } from './batch-print';
import type { PdfPort } from './pdf-port';

export interface ComposePart {
  /** The bookmark title. */
  title: string;
  /** 0 = top level; a part at depth d nests under the last part of depth d - 1. */
  depth: number;
  /** The part's pages: a PDF, or an image that becomes one page. A part with neither is a bookmark only (points at the next page). */
  pdf?: Uint8Array | PrintedPages;
  image?: { bytes: Uint8Array; type: 'png' | 'jpg' };
  /**
   * Scale every page of `pdf` onto an A4 page of its own orientation (uploaded scans come in Letter, B5 or odd
   * sizes; the dossier is A4), leaving the bottom margin for the page number.
   */
  fitA4?: boolean;
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

/**
 * The page-number glyphs: 第, 页, 共 and the digits, each printed once by the PDF port on a page of its own (so
 * a text search finds each stamp's own characters, and pdftotext reads "第 3 页 共 120 页"), in the fonts of
 * every printout. A stamp is laid out from these small pieces; pdf-lib needs no CJK font and the engine prints
 * once per session, not once per page size and volume.
 */
const GLYPHS = ['第', '页', '共', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const GLYPH_H = 12;
const glyphWidth = (g: string) => (/\d/.test(g) ? 5.2 : 9.6);
const GAP = 4.5;
const glyphSheets = new WeakMap<PdfPort, Promise<Uint8Array>>();

function glyphSheetHtml(): string {
  const pages = GLYPHS.map((g) => `<div class="p"><div class="g" style="width:${glyphWidth(g)}pt">${g}</div></div>`).join('');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
html, body { margin: 0; padding: 0; }
.p { position: relative; width: 100%; height: 200pt; break-after: page; page-break-after: always; }
.p:last-child { break-after: auto; page-break-after: auto; }
.g { position: absolute; left: 0; top: 0; height: ${GLYPH_H}pt; line-height: ${GLYPH_H}pt; text-align: center; font-size: 9pt; color: #000;
  font-variant-numeric: tabular-nums; font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
</style></head><body>${pages}</body></html>`;
}

async function glyphPieces(port: PdfPort, doc: PDFDocument): Promise<Map<string, PDFEmbeddedPage>> {
  let sheet = glyphSheets.get(port);
  if (!sheet) {
    sheet = port.htmlToPdf(glyphSheetHtml(), { paper: 'A4', landscape: false, marginMm: { top: 0, right: 0, bottom: 0, left: 0 } });
    glyphSheets.set(port, sheet);
    sheet.catch(() => glyphSheets.delete(port));
  }
  const src = await PDFDocument.load(await sheet);
  if (src.getPageCount() < GLYPHS.length) throw new AppError('IO', 'composeStampFailed', { pages: src.getPageCount(), want: GLYPHS.length });
  const out = new Map<string, PDFEmbeddedPage>();
  for (const [i, g] of GLYPHS.entries()) {
    const page = src.getPage(i);
    const { height } = page.getSize();
    out.set(g, await doc.embedPage(page, { left: 0, bottom: height - GLYPH_H, right: glyphWidth(g), top: height }));
  }
  return out;
}

/** Draws "第 n 页 共 total 页" centred 6 mm above the page's foot. */
function stamp(page: PDFPage, pieces: Map<string, PDFEmbeddedPage>, n: number, total: number): void {
  const tokens: (string | null)[] = ['第', null, ...String(n), null, '页', null, '共', null, ...String(total), null, '页'];
  const width = tokens.reduce((w, t) => w + (t === null ? GAP : glyphWidth(t)), 0);
  const box = page.getMediaBox();
  let x = box.x + (box.width - width) / 2;
  const y = box.y + 6 * MM - 3;
  for (const t of tokens) {
    if (t === null) { x += GAP; continue; }
    page.drawPage(pieces.get(t)!, { x, y });
    x += glyphWidth(t);
  }
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

/**
 * Each page of `src` drawn on an A4 page of its orientation, scaled to fit inside 10 mm margins (18 mm at the
 * foot). A scanner's /Rotate is honoured: the page is placed as a reader shows it, not as it is stored.
 */
async function addFittedA4(doc: PDFDocument, src: PDFDocument): Promise<void> {
  const embedded = await doc.embedPdf(src, src.getPageIndices());
  for (const [i, e] of embedded.entries()) {
    const turn = (((src.getPage(i).getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
    const sideways = turn === 90 || turn === 270;
    // As shown: width and height after the page's rotation.
    const [dw, dh] = sideways ? [e.height, e.width] : [e.width, e.height];
    const [w, h] = dw > dh ? [A4[1], A4[0]] : A4;
    const page = doc.addPage([w, h]);
    const m = 10 * MM;
    const foot = 18 * MM;
    const s = Math.min((w - 2 * m) / dw, (h - m - foot) / dh);
    const x0 = (w - dw * s) / 2;
    const y0 = foot + (h - m - foot - dh * s) / 2;
    // drawPage turns counter-clockwise about (x, y); /Rotate turns clockwise: place the corner that lands bottom-left.
    const at = { 0: [x0, y0], 90: [x0, y0 + dh * s], 180: [x0 + dw * s, y0 + dh * s], 270: [x0 + dw * s, y0] }[turn];
    page.drawPage(e, { x: at[0], y: at[1], width: e.width * s, height: e.height * s, rotate: degrees(-turn) });
  }
}

export async function composePdf(port: PdfPort, parts: ComposePart[], opts: ComposeOptions): Promise<ComposeResult> {
  const doc = await PDFDocument.create();
  const starts: number[] = [];
  const marks: { title: string; depth: number; pageIndex: number }[] = [];
  // Pages printed together (one shared document) are copied in one call, so their fonts are copied once.
  const copied = new Map<PDFDocument, Map<number, PDFPage>>();
  const shared = new Map<PDFDocument, Set<number>>();
  for (const part of parts) {
    if (part.pdf && !(part.pdf instanceof Uint8Array)) {
      const set = shared.get(part.pdf.doc) ?? new Set<number>();
      part.pdf.indices.forEach((i) => set.add(i));
      shared.set(part.pdf.doc, set);
    }
  }
  for (const [src, set] of shared) {
    abortIf(opts.signal);
    const indices = [...set].sort((a, b) => a - b);
    const pages = await doc.copyPages(src, indices);
    copied.set(src, new Map(indices.map((i, k) => [i, pages[k]])));
  }
  for (const [i, part] of parts.entries()) {
    abortIf(opts.signal);
    starts.push(doc.getPageCount() + 1);
    marks.push({ title: part.title, depth: part.depth, pageIndex: doc.getPageCount() });
    if (part.pdf && !(part.pdf instanceof Uint8Array)) {
      const pages = copied.get(part.pdf.doc)!;
      for (const k of part.pdf.indices) doc.addPage(pages.get(k)!);
    } else if (part.pdf) {
      let src: PDFDocument;
      try {
        src = await PDFDocument.load(part.pdf, { ignoreEncryption: false, updateMetadata: false });
      } catch {
        throw new AppError('VALIDATION', 'composeBadPdf', { title: part.title });
      }
      if (part.fitA4) await addFittedA4(doc, src);
      else for (const p of await doc.copyPages(src, src.getPageIndices())) doc.addPage(p);
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
  if (total > 0) {
    const pieces = await glyphPieces(port, doc);
    pages.forEach((p, i) => { if (i + 1 >= from) stamp(p, pieces, i + 2 - from, total); });
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
