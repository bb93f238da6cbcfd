/**
 * Real PDFs through the Chromium port (Debian /usr/bin/chromium or CHROMIUM_PATH): page count, text,
 * page-number footer, masking, audit. Page images go to test-results/report-pages/ for a human to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import type { PdfPort } from '../../../electron/core/platform/report/pdf-port';
import { createChromiumPdfPort } from '../../../electron/server/pdf-chromium';
import { seedSchool, type Seeded } from './fixture';
import { toolsOk } from '../../helpers/system-tools';

const canReadPdf = toolsOk('tests/unit/reports/pdf.test.ts', ['pdftotext', 'pdfinfo', 'pdftoppm']);

const PAGES_DIR = path.resolve('test-results/report-pages');

let dir: string;
let core: Core;
let port: PdfPort;
let seeded: Seeded;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  port = createChromiumPdfPort(); // one browser for the whole file
  core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf: port });
  seeded = seedSchool(core.context().db, { classSizes: [55, 40, 20], specialNames: ['张三明'] });
  fs.mkdirSync(PAGES_DIR, { recursive: true });
});

afterAll(async () => {
  await core?.close(); // closed before its folder goes (Windows cannot delete an open database)
  await port?.close?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes the PDF, returns its page count (pdfinfo) and text (pdftotext), and renders page 1 to PNG. */
function inspect(name: string, dataBase64: string): { pages: number; text: string; file: string } {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(dataBase64, 'base64'));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(PAGES_DIR, name)]);
  return { pages, text, file };
}

describe('class student lists PDF', () => {
  it.skipIf(!canReadPdf)('prints three classes on three A4 pages with names, class names and page numbers', async () => {
    const out = await core.call('reports/pdf', { reportId: 'class-student-lists', params: { termId: seeded.termId } });
    expect(out.fileName).toBe('班级学生名册-2025-2026学年第一学期.pdf');
    expect(out.mime).toBe('application/pdf');
    expect(out.pages).toBe(3);
    const { pages, text, file } = inspect('class-lists', out.dataBase64);
    expect(pages).toBe(3); // the class of 55 fits one page
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+|595\.92 x 842\.88/);
    expect(text).toContain('张三明');
    expect(text).toContain('七年级(1)班');
    expect(text).toContain('九年级(1)班');
    expect(text).toContain('青山县第一中学');
    // pdftotext drops the narrow spaces of the footer "第 1 页 共 3 页": compare without white space.
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('第1页共3页');
    expect(compact).toContain('第3页共3页');
    expect(fs.statSync(path.join(PAGES_DIR, 'class-lists.png')).size).toBeGreaterThan(5000);

    const audit = core.context().db
      .prepare(`SELECT entity_id, summary FROM audit_log WHERE entity = 'report' AND action = 'print'`)
      .all() as { entity_id: string; summary: string }[];
    expect(audit.some((a) => a.entity_id === 'class-student-lists' && a.summary.includes('3 页'))).toBe(true);
  });

  it.skipIf(!canReadPdf)('masks names and 学籍号 in the PDF when asked', async () => {
    const out = await core.call('reports/pdf', {
      reportId: 'class-student-lists',
      params: { termId: seeded.termId, classIds: [seeded.classIds[0]], maskNames: true, maskStudentNos: true },
    });
    const { pages, text } = inspect('class-lists-masked', out.dataBase64);
    expect(pages).toBe(1);
    expect(text).not.toContain('张三明');
    expect(text).toContain('张*明');
    expect(text).not.toContain('G360723201210000000');
    expect(text).toContain('七年级(1)班');
  });
});

describe('teacher roster PDF', () => {
  it.skipIf(!canReadPdf)('prints the roster on landscape A4 with totals', async () => {
    const out = await core.call('reports/pdf', { reportId: 'teacher-roster', params: { termId: seeded.termId } });
    expect(out.fileName).toBe('教师花名册-2025-2026学年第一学期.pdf');
    const { pages, text, file } = inspect('teacher-roster', out.dataBase64);
    expect(pages).toBe(1);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+84[12]\.\d+ x 59[45]\.\d+/);
    expect(text).toContain('教师花名册');
    expect(text).toContain('周建国');
    expect(text).toContain('马<强>');
    expect(text.replace(/\s+/g, '')).toContain('第1页共1页');
  });
});
