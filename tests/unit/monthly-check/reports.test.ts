/**
 * The monthly routine check's printouts and files from hand-made views: the HTML of the sheets, bulletin and
 * term summary; real PDFs through the Chromium port (page count, text); the Word bulletin and the Excel
 * workbooks opened by LibreOffice. Page images go to test-results/routine-pages/ for a human to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barChart, lineChart, pieChart } from '../../../shared/domain/charts/svg';
import { pdfOptionsFor } from '../../../electron/core/platform/report/layout';
import type { PdfPort } from '../../../electron/core/platform/report/pdf-port';
import { bulletinCharts, renderBulletin } from '../../../electron/core/features/monthly-check/print/bulletin';
import { renderMonthlySheets } from '../../../electron/core/features/monthly-check/print/sheets';
import { renderTermSummary } from '../../../electron/core/features/monthly-check/print/term-summary';
import { buildBulletinDocx, type ChartPng } from '../../../electron/core/features/monthly-check/bulletin-docx';
import { demoBulletin, demoHeader, demoSheets, demoTermSummary, demoWorkbook } from '../../../electron/core/features/monthly-check/demo-views';
import { buildMonthXlsx, buildTermXlsx } from '../../../electron/core/features/monthly-check/excel';
import { createChromiumPdfPort } from '../../../electron/server/pdf-chromium';
import { toolsOk } from '../../helpers/system-tools';

const canReadPdf = toolsOk('tests/unit/monthly-check/reports.test.ts', ['pdftotext', 'pdfinfo', 'pdftoppm']);
const canOpenOffice = toolsOk('tests/unit/monthly-check/reports.test.ts', ['soffice']);
const canOpenWord = toolsOk('tests/unit/monthly-check/reports.test.ts', ['soffice', 'unzip', 'pdftotext', 'pdfinfo', 'pdftoppm']);

const PAGES_DIR = path.resolve('test-results/routine-pages');
let dir: string;
let port: PdfPort;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  port = createChromiumPdfPort();
  fs.mkdirSync(PAGES_DIR, { recursive: true });
});

afterAll(async () => {
  await port?.close?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes the PDF; returns its page count and text; renders every page (up to `maxPages`) to PNG. */
function inspectPdf(name: string, bytes: Uint8Array, maxPages = 3): { pages: number; text: string } {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(maxPages), file, path.join(PAGES_DIR, name)]);
  return { pages, text };
}

/** CSV in UTF-8 (filter options: comma, double quote, encoding 76 = UTF-8). */
const CSV_UTF8 = 'csv:Text - txt - csv (StarCalc):44,34,76';

/** LibreOffice headless converts a file; returns the output's path. One profile dir per run avoids lock clashes. */
function soffice(file: string, to: string): string {
  const outDir = path.join(dir, 'lo-out');
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'lo-profile')).href}`, '--headless', '--convert-to', to, '--outdir', outDir, file], { stdio: 'pipe', timeout: 120_000 });
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  const out = fs.readdirSync(outDir).find((f) => f.startsWith(base + '.') && f !== path.basename(file));
  if (!out) throw new Error(`soffice produced nothing for ${file}`);
  return path.join(outDir, out);
}

describe('charts (server-side SVG)', () => {
  it('draws bars, lines and a donut as SVG with labels and no colour', () => {
    const bar = barChart({ width: 300, height: 200, categories: ['优', '良'], series: [{ name: '人数', values: [7, 12] }] });
    const line = lineChart({ width: 300, height: 200, categories: ['9月', '10月'], series: [{ name: '平均', values: [85.666, 88] }] });
    const pie = pieChart({ width: 300, height: 200, donut: true, slices: [{ name: '优', value: 3 }, { name: '良', value: 1 }] });
    for (const svg of [bar, line, pie]) {
      expect(svg.startsWith('<svg')).toBe(true);
      // Greys only: every fill/stroke colour has equal R, G and B.
      const colours = [...svg.matchAll(/(?:fill|stroke)="(#[0-9a-f]{6}|rgb\([^)]*\))"/gi)].map((m) => m[1].toLowerCase());
      for (const c of colours) {
        const [r, g, b] = c.startsWith('#') ? [c.slice(1, 3), c.slice(3, 5), c.slice(5, 7)].map((h) => parseInt(h, 16)) : c.slice(4, -1).split(',').map(Number);
        expect(r === g && g === b, `${c} is not grey`).toBe(true);
      }
    }
    expect(bar).toContain('12');
    expect(line).toContain('85.7'); // one decimal, not 85.666
    expect(line).not.toContain('85.666');
    expect(pie).toContain('75%');
  });
});

describe('monthly sheets', () => {
  const sheets = demoSheets(5);
  const html = renderMonthlySheets({ header: demoHeader(), month: '2025-10', sheets });

  it('holds every teacher, the item scores, the total, grade and signature lines', () => {
    for (const s of sheets) expect(html).toContain(s.teacherName);
    expect(html).toContain('备课（教案）');
    expect(html).toContain(`>${sheets[0].items[0].score}<`);
    expect(html).toContain(`>${sheets[0].total}<`);
    expect(html).toContain('等级：优');
    expect(html).toContain('检查人签字');
    expect(html).toContain('被检查教师签字');
    expect(html).toContain('（2025年10月）');
    expect((html.match(/<section class="sheet">/g) ?? []).length).toBe(5);
  });

  it('escapes what teachers typed', () => {
    const [s] = demoSheets(1);
    const out = renderMonthlySheets({ header: demoHeader(), month: '2025-10', sheets: [{ ...s, comment: '<b>好</b>' }] });
    expect(out).toContain('&lt;b&gt;好&lt;/b&gt;');
  });

  it.skipIf(!canReadPdf)('prints one A4 page per teacher through the Chromium port', async () => {
    const bytes = await port.htmlToPdf(html, pdfOptionsFor({ paper: 'A4', landscape: false }));
    const { pages, text } = inspectPdf('monthly-sheets', bytes, 2);
    expect(pages).toBe(sheets.length);
    for (const s of sheets) expect(text).toContain(s.teacherName);
    expect(text).toContain('检查人');
    expect(text).toContain('被检查教师签字');
    expect(text.replace(/\s+/g, '')).toContain('第5页共5页');
  });
});

describe('monthly bulletin', () => {
  const view = demoBulletin(demoSheets(40));
  const html = renderBulletin(view);

  it('holds the summary, two inline SVG charts, commended teachers, problems and fixes', () => {
    expect(html).toContain('教学常规检查月度通报');
    expect(html).toContain(`全校 ${view.figures.teachers} 名教师`);
    expect((html.match(/<svg/g) ?? []).length).toBe(2);
    expect(html).toContain('听课进度');
    for (const c of view.commended) expect(html).toContain(c.teacherName);
    expect(html).toContain(view.fixes[0].text);
    expect(html).toContain('教务处点评');
    expect(html).toContain('2025年11月3日');
  });

  it.skipIf(!canReadPdf)('prints to PDF with its text', async () => {
    const bytes = await port.htmlToPdf(html, pdfOptionsFor({ paper: 'A4', landscape: false }));
    const { pages, text } = inspectPdf('monthly-bulletin', bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    expect(text).toContain('教学常规检查月度通报');
    expect(text).toContain('表扬教师');
    expect(text).toContain(view.commended[0].teacherName);
    expect(text).toContain('月查等级分布'); // the chart title: SVG text survives as PDF text
  });

  it.skipIf(!canOpenWord)('is an editable Word file that LibreOffice opens, with the charts as images', async () => {
    const charts = bulletinCharts(view);
    const pngs: ChartPng[] = [];
    for (const c of [charts.grades, charts.progress!]) {
      const png = await port.svgToPng!(c.svg, { width: c.width, height: c.height });
      expect(Buffer.from(png).subarray(1, 4).toString()).toBe('PNG');
      pngs.push({ title: c.title, width: c.width, height: c.height, png });
    }
    fs.writeFileSync(path.join(PAGES_DIR, 'bulletin-chart-grades.png'), pngs[0].png);
    const buf = await buildBulletinDocx(view, pngs);
    const file = path.join(dir, 'bulletin.docx');
    fs.writeFileSync(file, buf);
    const txt = fs.readFileSync(soffice(file, 'txt:Text'), 'utf8');
    expect(txt).toContain('教学常规检查月度通报');
    expect(txt).toContain(view.commended[0].teacherName);
    expect(txt).toContain(view.fixes[0].teacherName);
    expect(txt).toContain('教务处');
    const pdf = soffice(file, 'pdf');
    const { pages, text } = inspectPdf('bulletin-docx', fs.readFileSync(pdf));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('基本情况');
    // The document's fonts: 黑体 title, 仿宋 body.
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(execFileSync('unzip', ['-l', file], { encoding: 'utf8' })).toMatch(/word\/media\/.*\.png/);
  });
});

describe('term summary', () => {
  const sheets = demoSheets(8);

  it.skipIf(!canReadPdf)('tabulates teachers by month with averages and a line chart', async () => {
    const view = demoTermSummary(sheets);
    const html = renderTermSummary(view);
    for (const s of sheets) expect(html).toContain(s.teacherName);
    expect(html).toContain('<th>10月</th>');
    expect(html).toContain('全校平均');
    expect((html.match(/<svg/g) ?? []).length).toBe(1); // the school chart only, no per-teacher cards
    const bytes = await port.htmlToPdf(html, pdfOptionsFor({ paper: 'A4', landscape: false }));
    const { text } = inspectPdf('term-summary', bytes, 1);
    expect(text).toContain(sheets[7].teacherName);
    expect(text).toContain('教师学期常规检查汇总');
  });

  it('adds a chart card per chosen teacher', () => {
    const html = renderTermSummary(demoTermSummary(sheets.slice(0, 2), true));
    expect((html.match(/<svg/g) ?? []).length).toBe(3);
    expect(html).toContain(`${sheets[0].teacherName}（平均`);
  });
});

describe('Excel workbooks', () => {
  it.skipIf(!canOpenOffice)('writes the month: 月查汇总 with every item score, 听课统计 and 教研活动, readable by LibreOffice', async () => {
    const sheets = demoSheets(10);
    const buf = await buildMonthXlsx(demoWorkbook(sheets));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['月查汇总', '听课统计', '教研活动']);
    const ws = wb.getWorksheet('月查汇总')!;
    expect(ws.getCell(2, 7).value).toBe('备课（教案）(25)');
    expect(ws.getCell(3, 2).value).toBe(sheets[0].teacherName);
    expect(ws.getCell(3, 7).value).toBe(sheets[0].items[0].score);
    expect(ws.getCell(3, 13).value).toBe(sheets[0].total);
    const file = path.join(dir, 'month.xlsx');
    fs.writeFileSync(file, buf);
    const csv = fs.readFileSync(soffice(file, CSV_UTF8), 'utf8');
    expect(csv).toContain(sheets[9].teacherName);
  });

  it.skipIf(!canOpenOffice)('writes the term: teachers x months with averages', async () => {
    const view = demoTermSummary(demoSheets(6));
    const buf = await buildTermXlsx(view);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('学期汇总')!;
    expect(ws.getRow(2).values).toContain('10月');
    expect(ws.getCell(3, 2).value).toBe(view.teachers[0].teacherName);
    expect(ws.getCell(3, 5).value).toBe(view.teachers[0].scores[0]);
    expect(ws.getCell(3 + view.teachers.length, 2).value).toBe('全校平均');
    const file = path.join(dir, 'term.xlsx');
    fs.writeFileSync(file, buf);
    expect(fs.readFileSync(soffice(file, CSV_UTF8), 'utf8')).toContain(view.teachers[5].teacherName);
  });
});
