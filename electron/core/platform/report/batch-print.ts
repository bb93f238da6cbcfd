/**
 * Printing many documents in few engine jobs. Each print job costs Chromium one to three seconds whatever its
 * length, so a dossier of a hundred printouts would spend minutes starting jobs. Documents with the same page
 * setup and the same head (CSS) are printed together: each starts on a new page and carries an invisible link
 * at its top; the link annotations in the printed PDF say on which page each document begins, and are removed
 * afterwards. If the marks do not come back as expected, each document is printed on its own instead.
 * (Putting different printouts into shadow roots of one job was tried: Chromium 14x does not fragment flex
 * layouts inside shadow roots across pages, and drops content.)
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFHexString } from 'pdf-lib';
import { AppError } from '../../../../shared/errors';
import type { PdfOptions, PdfPort } from './pdf-port';

export interface PrintItem { html: string; pdf: PdfOptions }
/** A printed item: pages of a (shared) document. */
export interface PrintedPages { doc: PDFDocument; indices: number[] }

const MARK = 'https://jiaowu.invalid/section/';

const headOf = (html: string) => /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
/** The head without its <title> (which names the one printout): equal for two printouts of the same kind. */
const styleOf = (html: string) => headOf(html).replace(/<title>[\s\S]*?<\/title>/i, '');
const bodyOf = (html: string) => /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;

/**
 * Documents with the same head (the same CSS: the same printout with other parameters) are printed as one:
 * their bodies follow each other, each from a new page, with a mark at its top. Different printouts are never
 * mixed, so no printout's CSS can touch another's layout.
 */
function batchHtml(items: PrintItem[]): string {
  const sections = items.map((it, i) => `<div class="jw-sec" style="position:relative;${i ? 'break-before:page;page-break-before:always;' : ''}">`
    + `<a href="${MARK}${i}" style="position:absolute;top:0;left:0;width:2px;height:2px;font-size:1px;color:transparent;text-decoration:none">.</a>`
    + `${bodyOf(it.html)}</div>`);
  return `<!DOCTYPE html><html lang="zh-CN"><head>${headOf(items[0].html)}</head><body>${sections.join('\n')}</body></html>`;
}

/** Page index of each mark, removing the marks' annotations; null if any is missing or out of order. */
function readMarks(doc: PDFDocument, count: number): number[] | null {
  const starts = new Array<number>(count).fill(-1);
  doc.getPages().forEach((page, pi) => {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) return;
    for (let k = annots.size() - 1; k >= 0; k--) {
      const a = annots.lookup(k);
      if (!(a instanceof PDFDict)) continue;
      const act = a.lookup(PDFName.of('A'));
      const uri = act instanceof PDFDict ? act.lookup(PDFName.of('URI')) : undefined;
      if (!uri) continue;
      const text = (uri as PDFString | PDFHexString).decodeText();
      if (!text.startsWith(MARK)) continue;
      const i = Number(text.slice(MARK.length));
      if (Number.isInteger(i) && i >= 0 && i < count && starts[i] < 0) starts[i] = pi;
      annots.remove(k);
    }
  });
  if (starts[0] !== 0 || starts.some((s, i) => s < 0 || (i > 0 && s <= starts[i - 1]))) return null;
  return starts;
}

const setupKey = (it: PrintItem) => JSON.stringify([it.pdf.paper, it.pdf.landscape, it.pdf.marginMm ?? null, it.pdf.footerTemplate ?? null, it.pdf.headerTemplate ?? null, styleOf(it.html)]);

/**
 * Prints every item and returns its pages, in the items' order. Items with the same page setup share print
 * jobs of up to `perJob` documents. `onPrinted` counts printed items (for a progress bar).
 */
export async function printBatched(
  port: PdfPort, items: PrintItem[], opts: { signal?: AbortSignal; onPrinted?: (n: number) => void; perJob?: number } = {},
): Promise<PrintedPages[]> {
  const out = new Array<PrintedPages>(items.length);
  const groups = new Map<string, number[]>();
  items.forEach((it, i) => { const k = setupKey(it); groups.set(k, [...(groups.get(k) ?? []), i]); });
  const perJob = opts.perJob ?? 60;
  const alone = async (i: number) => {
    const doc = await PDFDocument.load(await port.htmlToPdf(items[i].html, items[i].pdf), { updateMetadata: false });
    out[i] = { doc, indices: doc.getPageIndices() };
  };
  const jobs: number[][] = [];
  for (const members of groups.values()) for (let from = 0; from < members.length; from += perJob) jobs.push(members.slice(from, from + perJob));
  // Two jobs at a time: Chromium prints each on its own page (process), and this is a 2-core office PC.
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const chunk = jobs[next++];
      if (opts.signal?.aborted) throw new AppError('IO', 'composeCancelled');
      if (chunk.length === 1) {
        await alone(chunk[0]);
      } else {
        const doc = await PDFDocument.load(await port.htmlToPdf(batchHtml(chunk.map((i) => items[i])), items[chunk[0]].pdf), { updateMetadata: false });
        const starts = readMarks(doc, chunk.length);
        if (!starts) {
          for (const i of chunk) await alone(i);
        } else {
          const total = doc.getPageCount();
          chunk.forEach((i, k) => {
            const end = k + 1 < starts.length ? starts[k + 1] : total;
            out[i] = { doc, indices: Array.from({ length: end - starts[k] }, (_, n) => starts[k] + n) };
          });
        }
      }
      opts.onPrinted?.(chunk.length);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}
