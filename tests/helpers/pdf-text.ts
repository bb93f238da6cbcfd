/**
 * PDF text through pdf.js (Firefox's PDF reader), for tests that must run where poppler's pdftotext is not
 * installed (the Electron suite on Windows). One string per page: text items in reading order, a newline where
 * pdf.js ends a line. NFKC folds the Kangxi radicals some CJK fonts map their glyphs to (⼀ U+2F00 -> 一).
 */
import fs from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPagesText(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const text = content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('');
      pages.push(text.normalize('NFKC'));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * For comparing with pdfPagesText: NFKC (full-width punctuation becomes ASCII, as on the page text) and no
 * white space (Chinese PDFs space their glyphs unpredictably). Apply to both sides.
 */
export const flat = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');
