/**
 * PDF text through pdf.js (Firefox's PDF reader), for tests that must run where poppler's pdftotext is not
 * installed (the Electron suite on Windows). One string per page: text items in reading order, a newline where
 * pdf.js ends a line. Chromium's PDFs map some glyphs back to radicals rather than ideographs, because the CJK
 * fonts draw both with one glyph. NFKC folds the Kangxi radicals (⼀ U+2F00 -> 一); the map RADICALS below folds the CJK
 * Radicals Supplement ones (⻚ U+2EDA -> 页, ⻩ -> 黄, ⻢ -> 马), which NFKC leaves alone.
 */
import fs from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Radical -> ideograph, pairs of characters: the supplement radicals that share a glyph with an ideograph in Noto CJK. */
const RADICALS = new Map([...'⺂乛⺃乚⺅亻⺉刂⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺖忄⺘扌⺙攵⺛旡⺞歺⺠民⺡氵⺣灬⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒⺹耂⺺肀⺾艹⻂衤⻃覀⻄西⻅见⻈讠⻉贝⻋车⻍辶⻐钅⻑長⻒镸⻓长⻖阝⻘青⻙韦⻚页⻛风⻜飞⻟飠⻠饣⻢马⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻲亀'.matchAll(/(.)(.)/gu)].map((m) => [m[1], m[2]]));
const RADICAL_RE = new RegExp(`[${[...RADICALS.keys()].join('')}]`, 'gu');

/** NFKC, then the supplement radicals as ideographs. */
export const foldCjk = (s: string): string => s.normalize('NFKC').replace(RADICAL_RE, (c) => RADICALS.get(c) ?? c);

export async function pdfPagesText(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const text = content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('');
      pages.push(foldCjk(text));
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
export const flat = (s: string): string => foldCjk(s).replace(/\s+/g, '');
