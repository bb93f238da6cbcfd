/**
 * Struggling-student printouts as real PDFs (Chromium port): the single file (一生一案) carries the sensitive
 * cause note and the score curve; the roster masks names and has no cause notes. Page images go to
 * test-results/report-pages/ for a human to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import type { PdfPort } from '../../../electron/core/platform/report/pdf-port';
import { createChromiumPdfPort } from '../../../electron/server/pdf-chromium';
import { seedSchool } from '../reports/fixture';
import { toolsOk } from '../../helpers/system-tools';

const canReadPdf = toolsOk('tests/unit/struggling/pdf.test.ts', ['pdftotext', 'pdfinfo', 'pdftoppm']);

const PAGES_DIR = path.resolve('test-results/report-pages');
const SENSITIVE = '父亲长期酗酒家庭冲突频繁';

let dir: string;
let core: Core;
let port: PdfPort;
let fileId: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  port = createChromiumPdfPort();
  core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf: port, now: () => new Date('2025-11-20T08:00:00') });
  const db = core.context().db;
  seedSchool(db, { classSizes: [12, 8], specialNames: ['张三明'] });
  const exams: [number, string, string][] = [[1, '九月月考', '2025-09-28'], [2, '期中考试', '2025-11-05'], [3, '十一月月考', '2025-11-18']];
  for (const [id, name, date] of exams) {
    db.prepare(`INSERT INTO exam (id, term_id, name, kind, exam_date, created_at) VALUES (?, 1, ?, '月考', ?, 'x')`).run(id, name, date);
    db.prepare('INSERT INTO exam_subject (exam_id, subject_id, full_marks) VALUES (?, 1, 120), (?, 2, 100)').run(id, id);
    db.prepare('INSERT INTO score (exam_id, student_id, subject_id, score) VALUES (?, 1, 1, ?), (?, 1, 2, ?)').run(id, 50 + id * 12, id, 38 + id * 9);
  }
  const f = await core.call('struggling/save', {
    termId: 1, studentId: 1, subjectIds: [1, 2], teacherId: 1,
    causes: [{ dimension: '知识基础', note: '分数运算不过关' }, { dimension: '家庭', note: SENSITIVE }],
    goal: '期末数学及格', measures: '每周两次面批辅导',
    plan: { time: '每周二、四课后', place: '七年级(1)班教室', content: '计算与应用题', teacher: '周建国', measures: '分层练习', check: '每月检查' },
    summary: '本学期进步明显。',
  });
  fileId = f.id;
  await core.call('struggling/addEntry', { fileId, kind: 'tutoring', date: '2025-10-14', who: '周建国', content: '分数加减法错题讲解', minutes: 40, result: '基本掌握' });
  await core.call('struggling/addEntry', { fileId, kind: 'contact', date: '2025-10-20', way: '家访', who: '林晓红', content: '了解家庭学习环境', result: '家长配合督促' });
  await core.call('struggling/save', { termId: 1, studentId: 13, subjectIds: [2], teacherId: 1, causes: [{ dimension: '心理', note: SENSITIVE }] });
  fs.mkdirSync(PAGES_DIR, { recursive: true });
}, 60_000);

afterAll(async () => {
  await core?.close(); // closed before its folder goes (Windows cannot delete an open database)
  await port?.close?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

function inspect(name: string, dataBase64: string): { pages: number; text: string } {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(dataBase64, 'base64'));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(PAGES_DIR, name)]);
  return { pages, text };
}
const flat = (s: string) => s.replace(/\s+/g, '');

describe('struggling-student PDFs', () => {
  it.skipIf(!canReadPdf)('prints one student\'s whole file with the sensitive cause note and the score curve', async () => {
    const out = await core.call('reports/pdf', { reportId: 'struggling-file', params: { fileId } });
    const { pages, text } = inspect('struggling-file', out.dataBase64);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    const t = flat(text);
    expect(t).toContain('学困生帮扶档案');
    expect(t).toContain('张三明');
    expect(t).toContain(SENSITIVE);
    expect(t).toContain('分数加减法错题讲解');
    expect(t).toContain('家访');
    expect(t).toContain('十一月月考'); // chart axis and score table
    expect(t).toContain('第1页');
    const audit = core.context().db.prepare(`SELECT action FROM audit_log WHERE entity IN ('struggling', 'report') AND action IN ('export', 'print')`).all();
    expect(audit).toHaveLength(2);
  }, 60_000);

  it.skipIf(!canReadPdf)('prints the roster masked by default, without any cause note', async () => {
    const out = await core.call('reports/pdf', { reportId: 'struggling-roster', params: { termId: 1 } });
    const { text } = inspect('struggling-roster', out.dataBase64);
    const t = flat(text);
    expect(t).toContain('学困生名册');
    expect(t).toContain('张*明');
    expect(t).not.toContain('张三明');
    expect(t).not.toContain(SENSITIVE);
    expect(t).not.toContain('分数运算不过关');
    expect(t).toContain('共2人');
  }, 60_000);
});
