/**
 * composePdf (the dossier's PDF layer): parts keep their orientation (a landscape printout and a landscape scan
 * stay landscape), every page from the second carries "第 X 页 共 Y 页" counted from there, the bookmarks read
 * back with their Chinese titles and nesting, and the document properties are set. Checked with pdfinfo,
 * pdftotext and pdf-lib; page images go to test-results/compose/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { composePdf } from '../../../electron/core/platform/report/compose';
import type { PdfPort } from '../../../electron/core/platform/report/pdf-port';
import { createChromiumPdfPort } from '../../../electron/server/pdf-chromium';
import { toolsOk } from '../../helpers/system-tools';

const canReadPdf = toolsOk('tests/unit/reports/compose.test.ts', ['pdftotext', 'pdfinfo', 'pdftoppm']);

let port: PdfPort;
let dir: string;
beforeAll(() => { port = createChromiumPdfPort(); dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-compose-')); });
afterAll(async () => { await port.close?.(); fs.rmSync(dir, { recursive: true, force: true }); });

const page = (title: string, pages = 1) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC";} .s+.s{break-before:page}</style></head>
<body>${Array.from({ length: pages }, (_, i) => `<div class="s"><h1>${title}（${i + 1}）</h1></div>`).join('')}</body></html>`;

/** The outline as [depth, title] in order, read back from the file. */
function outline(doc: PDFDocument): [number, string][] {
  const out: [number, string][] = [];
  const lookup = (r: unknown) => doc.context.lookup(r as PDFRef) as PDFDict;
  const walk = (first: unknown, depth: number) => {
    for (let ref = first; ref; ref = lookup(ref).get(PDFName.of('Next'))) {
      const d = lookup(ref);
      const t = d.get(PDFName.of('Title')) as PDFHexString | PDFString;
      out.push([depth, t.decodeText()]);
      const child = d.get(PDFName.of('First'));
      if (child) walk(child, depth + 1);
    }
  };
  walk(lookup(doc.catalog.get(PDFName.of('Outlines'))).get(PDFName.of('First')), 0);
  return out;
}

it.skipIf(!canReadPdf)('merges, keeps orientation, numbers continuously from the second page, and bookmarks by part > indicator > evidence', async () => {
  const cover = await port.htmlToPdf(page('封面'), { paper: 'A4', landscape: false });
  const table = await port.htmlToPdf(page('课程开设情况统计表', 2), { paper: 'A4', landscape: true });
  const plan = await port.htmlToPdf(page('课程实施方案', 3), { paper: 'A4', landscape: false });
  // A landscape scan (PNG) made by drawing a page to an image.
  const png = Buffer.from(await port.svgToPng!('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="250"><rect width="400" height="250" fill="#eee"/><text x="20" y="130" font-size="28">扫描件</text></svg>', { width: 400, height: 250 }));
  const r = await composePdf(port, [
    { title: '封面', depth: 0, pdf: cover },
    { title: '一、教育质量', depth: 0 },
    { title: '指标7 开齐开足课程', depth: 1 },
    { title: '课程开设情况统计表', depth: 2, pdf: table },
    { title: '课程实施方案', depth: 2, pdf: plan },
    { title: '课表扫描件', depth: 2, image: { bytes: png, type: 'png' } },
  ], { title: '示例县第一中学迎检资料', author: '示例县第一中学', subject: '义务教育优质均衡督导评估', numberFrom: 2 });
  expect(r.pages).toBe(7);
  expect(r.numbered).toBe(6);
  expect(r.starts).toEqual([1, 2, 2, 2, 4, 7]);
  const file = path.join(dir, 'dossier.pdf');
  fs.writeFileSync(file, r.bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Title:\s+示例县第一中学迎检资料/);
  expect(info).toMatch(/Author:\s+示例县第一中学/);
  const doc = await PDFDocument.load(r.bytes);
  const orient = doc.getPages().map((p) => (p.getWidth() > p.getHeight() ? 'L' : 'P')).join('');
  expect(orient).toBe('PLLPPPL');
  // Page by page: the cover has no number; page k (k >= 2) says 第 k-1 页 共 6 页.
  for (let k = 1; k <= 7; k++) {
    const text = execFileSync('pdftotext', ['-f', String(k), '-l', String(k), file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ''); // pdftotext may drop the spaces between CJK characters
    if (k === 1) expect(flat).not.toMatch(/第\d+页/);
    else expect(flat).toContain(`第${k - 1}页共6页`);
  }
  expect(outline(doc)).toEqual([[0, '封面'], [0, '一、教育质量'], [1, '指标7 开齐开足课程'], [2, '课程开设情况统计表'], [2, '课程实施方案'], [2, '课表扫描件']]);
  fs.mkdirSync(path.resolve('test-results/compose'), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '2', '-l', '7', file, path.resolve('test-results/compose/page')]);
}, 60_000);

it('refuses a part that is not a PDF, naming it', async () => {
  await expect(composePdf(port, [{ title: '坏文件.pdf', depth: 0, pdf: new Uint8Array([1, 2, 3]) }], { title: 't', author: 'a' }))
    .rejects.toMatchObject({ key: 'composeBadPdf', params: { title: '坏文件.pdf' } });
});

/** Where pdftotext finds `word` on a page of `file`, as fractions of the shown page (poppler applies /Rotate). */
function wordAt(file: string, word: string, sideways = false, pageNo = 1): { x: number; y: number } {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(pageNo), '-l', String(pageNo), file, '-'], { encoding: 'utf8' });
  const pg = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html)!;
  const w = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="[\\d.]+" yMax="[\\d.]+">${word}</word>`).exec(html)!;
  // poppler reports the stored (unrotated) size with the shown coordinates.
  const [pw, ph] = sideways ? [Number(pg[2]), Number(pg[1])] : [Number(pg[1]), Number(pg[2])];
  return { x: Number(w[1]) / pw, y: Number(w[2]) / ph };
}

it.skipIf(!canReadPdf)('draws a scan with /Rotate as a reader shows it: sideways pages turn landscape, the corner mark stays in its corner', async () => {
  const { StandardFonts, degrees } = await import('pdf-lib');
  for (const turn of [90, 180, 270]) {
    const src = await PDFDocument.create();
    const font = await src.embedFont(StandardFonts.Helvetica);
    const p = src.addPage([595, 842]);
    p.drawText('CORNER', { x: 40, y: 790, size: 14, font });
    p.setRotation(degrees(turn));
    const srcFile = path.join(dir, `rot-${turn}.pdf`);
    fs.writeFileSync(srcFile, await src.save());
    const out = await composePdf(port, [{ title: 'scan', depth: 0, pdf: fs.readFileSync(srcFile), fitA4: true }], { title: 't', author: 'a', numberFrom: 2 });
    const outFile = path.join(dir, `rot-${turn}-out.pdf`);
    fs.writeFileSync(outFile, out.bytes);
    const size = (await PDFDocument.load(out.bytes)).getPage(0).getSize();
    expect(size.width > size.height, `rotate ${turn}`).toBe(turn !== 180);
    const a = wordAt(srcFile, 'CORNER', turn !== 180);
    const b = wordAt(outFile, 'CORNER');
    // Same corner of the shown page (margins and scaling move it a little).
    expect(Math.abs(a.x - b.x), `x rotate ${turn}`).toBeLessThan(0.12);
    expect(Math.abs(a.y - b.y), `y rotate ${turn}`).toBeLessThan(0.12);
  }
});
