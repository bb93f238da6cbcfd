/**
 * The routine printouts and files end to end through Core on the sample school: start a month's check, score
 * the sheets, then reports/pdf (monthly-sheets, monthly-bulletin, teacher-term-summary) and the
 * routineReports/* Word and Excel files. Page images go to test-results/routine-pages/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import type { PdfPort } from '../../../electron/core/platform/report/pdf-port';
import { createChromiumPdfPort } from '../../../electron/server/pdf-chromium';
import type { MonthlySheets } from '../../../shared/contract';
import { toolsOk } from '../../helpers/system-tools';

const canReadPdf = toolsOk('tests/unit/monthly-check/reports-core.test.ts', ['pdftotext', 'pdfinfo', 'pdftoppm']);
const canOpenOffice = toolsOk('tests/unit/monthly-check/reports-core.test.ts', ['soffice']);

const PAGES_DIR = path.resolve('test-results/routine-pages');
let dir: string;
let core: Core;
let port: PdfPort;
let termId: number;
let month: string;
let sheets: MonthlySheets;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  port = createChromiumPdfPort();
  core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf: port });
  const status = await core.call('app/loadSample', {});
  termId = status.currentTermId!;
  month = (await core.call('monthly-check/months', { termId }))[1].month; // the term's second month: observations exist
  const started = await core.call('monthly-check/start', { termId, month });
  // Score every sheet: the first teacher poorly (a problem and a fix), the rest well.
  const rows = started.rows.map((r, i) => ({
    id: r.id,
    scores: Object.fromEntries(started.items.map((it) => [it.key, i === 0 ? Math.floor(it.maxScore * 0.5) : it.maxScore - (i % 4)])),
    checker: '教务处王主任',
    checkedOn: `${month}-28`,
    comment: i === 0 ? '教案过简，作业批改不及时' : '常规落实到位',
    fixRequired: i === 0 ? '补写详案并重新提交作业批改记录' : null,
  }));
  sheets = await core.call('monthly-check/saveSheets', { termId, month, rows });
  fs.mkdirSync(PAGES_DIR, { recursive: true });
}, 180_000);

afterAll(async () => {
  await core?.close(); // closed before its folder goes (Windows cannot delete an open database)
  await port?.close?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

function pdfInfo(name: string, dataBase64: string, firstPages = 2): { pages: number; text: string } {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(dataBase64, 'base64'));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(firstPages), file, path.join(PAGES_DIR, name)]);
  return { pages, text };
}

describe('routine printouts through Core', () => {
  it('lists the three reports in the catalogue with the month parameter', async () => {
    const cat = await core.call('reports/catalogue', {});
    const ids = cat.filter((r) => r.module === 'routine').map((r) => r.id);
    expect(ids).toEqual(['monthly-sheets', 'monthly-bulletin', 'teacher-term-summary']);
    expect(cat.find((r) => r.id === 'monthly-sheets')!.params).toContain('month');
  });

  it('asks for a month', async () => {
    await expect(core.call('reports/html', { reportId: 'monthly-sheets', params: { termId } })).rejects.toMatchObject({ key: 'routineReports.noMonth' });
  });

  it.skipIf(!canReadPdf)('prints every teacher\'s sheet, one page each, with names, scores and signature lines', async () => {
    const html = await core.call('reports/html', { reportId: 'monthly-sheets', params: { termId, month } });
    const first = sheets.rows[0];
    expect(html.html).toContain(first.teacherName);
    expect(html.html).toContain('补写详案并重新提交作业批改记录');
    expect(html.html).toContain('被检查教师签字');
    const out = await core.call('reports/pdf', { reportId: 'monthly-sheets', params: { termId, month } });
    const { pages, text } = pdfInfo('core-monthly-sheets', out.dataBase64);
    expect(pages).toBe(sheets.rows.length);
    expect(out.pages).toBe(sheets.rows.length);
    expect(text).toContain(first.teacherName);
    expect(text).toContain(sheets.rows[sheets.rows.length - 1].teacherName);
    expect(text).toContain('检查人');
  });

  it('prints only the chosen teachers', async () => {
    const ids = sheets.rows.slice(0, 2).map((r) => r.teacherId);
    const out = await core.call('reports/pdf', { reportId: 'monthly-sheets', params: { termId, month, teacherIds: ids } });
    expect(out.pages).toBe(2);
  });

  it.skipIf(!canReadPdf)('prints the bulletin with the summary, SVG charts and the fix', async () => {
    const html = await core.call('reports/html', { reportId: 'monthly-bulletin', params: { termId, month } });
    expect(html.html).toContain('<svg');
    expect(html.html).toContain(`全校 ${sheets.rows.length} 名教师`);
    expect(html.html).toContain(sheets.rows[0].teacherName); // in the fixes
    const out = await core.call('reports/pdf', { reportId: 'monthly-bulletin', params: { termId, month } });
    const { text } = pdfInfo('core-monthly-bulletin', out.dataBase64);
    expect(text).toContain('教学常规检查月度通报');
    expect(text).toContain('整改要求');
  });

  it.skipIf(!canReadPdf)('prints the term summary', async () => {
    const out = await core.call('reports/pdf', { reportId: 'teacher-term-summary', params: { termId } });
    const { text } = pdfInfo('core-term-summary', out.dataBase64, 1);
    expect(text).toContain('教师学期常规检查汇总');
    expect(text).toContain(sheets.rows[1].teacherName);
  });

  it('exports the bulletin as Word and the month and term as Excel', async () => {
    const docx = await core.call('monthly-check/bulletinDocx', { termId, month });
    expect(docx.fileName).toMatch(/^教学常规检查月度通报-\d{4}年\d{1,2}月\.docx$/);
    const docFile = path.join(dir, 'b.docx');
    fs.writeFileSync(docFile, Buffer.from(docx.dataBase64, 'base64'));
    if (canOpenOffice) { // LibreOffice reads the Word file (skipped, with its line, where it is not installed)
      execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'lo')).href}`, '--headless', '--convert-to', 'txt:Text', '--outdir', dir, docFile], { stdio: 'pipe', timeout: 120_000 });
      const txt = fs.readFileSync(path.join(dir, 'b.txt'), 'utf8');
      expect(txt).toContain('教学常规检查月度通报');
      expect(txt).toContain(sheets.rows[0].teacherName);
    }

    const month1 = await core.call('monthly-check/monthXlsx', { termId, month });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(month1.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('月查汇总')!;
    expect(ws.rowCount).toBe(2 + sheets.rows.length);
    expect(ws.getCell(3, 2).value).toBe(sheets.rows[0].teacherName);
    expect(wb.getWorksheet('听课统计')).toBeTruthy();
    expect(wb.getWorksheet('教研活动')!.rowCount).toBeGreaterThan(2);

    const term = await core.call('monthly-check/termXlsx', { termId });
    const tw = new ExcelJS.Workbook();
    await tw.xlsx.load(Buffer.from(term.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sum = tw.getWorksheet('学期汇总')!;
    const names = Array.from({ length: sum.rowCount - 2 }, (_, i) => sum.getCell(i + 3, 2).value);
    expect(names).toContain(sheets.rows[0].teacherName);
  });
});
