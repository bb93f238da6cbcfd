/**
 * Timetable PDFs through the Chromium port: page counts, paper size and orientation (pdfinfo), text (pdftotext).
 * Pages are rendered to test-results/timetable-pages/ for a human to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import type { PdfPort } from '../../../electron/core/platform/report/pdf-port';
import { createChromiumPdfPort } from '../../../electron/server/pdf-chromium';
import { seedTimetableSchool, type TtSeeded } from './print-fixture';
import { toolsOk } from '../../helpers/system-tools';

const canReadPdf = toolsOk('tests/unit/timetable/print-pdf.test.ts', ['pdftotext', 'pdfinfo', 'pdftoppm']);

const PAGES_DIR = path.resolve('test-results/timetable-pages');

let dir: string;
let core: Core;
let port: PdfPort;
let seeded: TtSeeded;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  port = createChromiumPdfPort(); // one browser for the whole file
  core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf: port });
  seeded = seedTimetableSchool(core.context().db, 3); // 9 classes
  fs.mkdirSync(PAGES_DIR, { recursive: true });
});

afterAll(async () => {
  await core?.close(); // closed before its folder goes (Windows cannot delete an open database)
  await port?.close?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

function inspect(name: string, dataBase64: string, pngPages = 1): { pages: number; text: string; size: [number, number] } {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(dataBase64, 'base64'));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(pngPages), file, path.join(PAGES_DIR, name)]);
  return { pages, text, size: [Number(m[1]), Number(m[2])] };
}

/** Chromium rounds paper to whole CSS pixels: A4 comes out 842.88 x 595.92 rather than 841.89 x 595.28. */
function expectSize(size: [number, number], w: number, h: number) {
  expect(Math.abs(size[0] - w), `width ${size[0]} vs ${w}`).toBeLessThan(1.5);
  expect(Math.abs(size[1] - h), `height ${size[1]} vs ${h}`).toBeLessThan(1.5);
}

describe('timetable PDFs', () => {
  it.skipIf(!canReadPdf)('prints every class timetable on its own A4 landscape page', async () => {
    const out = await core.call('reports/pdf', { reportId: 'class-timetables', params: { termId: seeded.termId } });
    expect(out.fileName).toBe('班级课程表-2025-2026学年第一学期.pdf');
    expect(out.pages).toBe(seeded.classIds.length);
    const { pages, text, size } = inspect('class-timetables', out.dataBase64, 2);
    expect(pages).toBe(9);
    expectSize(size, 841.89, 595.28);
    const flat = text.replace(/\s+/g, '');
    for (const name of ['七年级(1)班课程表', '九年级(3)班课程表', '青山县第一中学', '星期五', '午休', '自2025-09-01起执行', '第1页共9页', '第9页共9页']) {
      expect(flat, name).toContain(name);
    }
    // The first class's Monday period 1 teacher and subject are on page 1.
    const [subject, teacher] = seeded.expected.get(seeded.classIds[0])!.get('1:1')!;
    const page1 = text.split('\f')[0].replace(/\s+/g, '');
    expect(page1).toContain(subject);
    expect(page1).toContain(teacher);
  });

  it.skipIf(!canReadPdf)('prints the master timetable on A3 landscape with all classes', async () => {
    const out = await core.call('reports/pdf', { reportId: 'master-timetable', params: { termId: seeded.termId } });
    const { pages, text, size } = inspect('master-timetable', out.dataBase64);
    expect(pages).toBe(1);
    expectSize(size, 1190.55, 841.89);
    const flat = text.replace(/\s+/g, '');
    for (const name of ['全校总课程表', '七(1)班', '八(3)班', '九(3)班', '星期一', '星期五', '道法', '英语']) expect(flat, name).toContain(name);
  });

  it.skipIf(!canReadPdf)('prints teacher and room timetables on A4 landscape', async () => {
    const t = await core.call('reports/pdf', { reportId: 'teacher-timetables', params: { termId: seeded.termId } });
    const teachers = inspect('teacher-timetables', t.dataBase64);
    expect(teachers.pages).toBe(seeded.teacherNames.length);
    expectSize(teachers.size, 841.89, 595.28);
    expect(teachers.text.replace(/\s+/g, '')).toContain(`${seeded.teacherNames[0]}老师课程表`);
    const r = await core.call('reports/pdf', { reportId: 'room-timetables', params: { termId: seeded.termId } });
    const rooms = inspect('room-timetables', r.dataBase64);
    expect(rooms.pages).toBe(1);
    expect(rooms.text.replace(/\s+/g, '')).toContain('音乐室课程表');
  });
});
