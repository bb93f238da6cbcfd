/**
 * curriculum/* and compliance/* through Core: seeding the default, save and reset, Excel import (issues by row
 * and column, nothing written before a clean commit), the check on each basis, the Excel export, and the
 * printed 课程开设情况统计表 (pdftotext holds the class names).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { loadSampleSchool } from '../../../electron/core/features/app/sample-school';
import { createChromiumPdfPort } from '../../../electron/server/pdf-chromium';
import type { PdfPort } from '../../../electron/core/platform/report/pdf-port';
import { DEFAULT_CURRICULUM_SOURCE } from '../../../shared/domain/timetable/default-curriculum';
import { seedSchool } from '../reports/fixture';
import { toolsOk } from '../../helpers/system-tools';

const canReadPdf = toolsOk('tests/unit/curriculum/compliance-core.test.ts', ['pdftotext', 'pdfinfo']);

let dir: string;
let core: Core;
let port: PdfPort;
let termId: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  port = createChromiumPdfPort();
  core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf: port, now: () => new Date('2025-10-15T08:00:00Z') });
  termId = loadSampleSchool(core.context()).currentTermId;
});
afterAll(async () => {
  await core?.close();
  await port?.close?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

const db = () => core.context().db;
const count = (sql: string) => (db().prepare(sql).get() as { n: number }).n;
const subjectId = (name: string) => (db().prepare('SELECT id FROM subject WHERE name = ?').get(name) as { id: number }).id;

async function xlsx(rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('课程设置表');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('curriculum standard', () => {
  it('seeds the default for the grades of the school on first use', async () => {
    expect(count('SELECT COUNT(*) n FROM curriculum_total')).toBe(0);
    const std = await core.call('curriculum/get', {});
    expect(std.source).toBe(DEFAULT_CURRICULUM_SOURCE);
    expect(std.grades.map((g) => [g.level, g.total])).toEqual([[7, 34], [8, 34], [9, 34]]);
    for (const g of std.grades) expect(g.subjects.reduce((n, s) => n + s.periods, 0)).toBe(g.total);
    expect(std.grades[2].subjects.find((s) => s.subjectName === '化学')?.periods).toBe(3);
    expect(count("SELECT COUNT(*) n FROM audit_log WHERE entity = 'curriculum' AND action = 'seed'")).toBe(1);
    await core.call('curriculum/get', {}); // no second seeding
    expect(count("SELECT COUNT(*) n FROM audit_log WHERE entity = 'curriculum' AND action = 'seed'")).toBe(1);
  });

  it('refuses a grade whose subjects do not sum to its total, writing nothing', async () => {
    const std = await core.call('curriculum/get', {});
    const grades = std.grades.map((g) => ({ level: g.level, total: g.total, subjects: g.subjects.map(({ subjectId: id, periods }) => ({ subjectId: id, periods })) }));
    grades[0].subjects[0].periods += 1;
    await expect(core.call('curriculum/save', { source: 'x', grades })).rejects.toMatchObject({
      key: 'curriculum.invalid', issues: [{ path: ['grades', 'total'], key: 'curriculum.totalMismatch', params: { grade: 7, total: 34, sum: 35 } }],
    });
    expect((await core.call('curriculum/get', {})).source).toBe(DEFAULT_CURRICULUM_SOURCE);
    // Moving the period from one subject to another keeps the total: saved, with the new note, and audited.
    grades[0].subjects[1].periods -= 1;
    const saved = await core.call('curriculum/save', { source: '本省 2024 课程设置表', grades });
    expect(saved.source).toBe('本省 2024 课程设置表');
    expect(saved.grades[0].subjects[0].periods).toBe(std.grades[0].subjects[0].periods + 1);
    expect(count("SELECT COUNT(*) n FROM audit_log WHERE entity = 'curriculum' AND action = 'save'")).toBe(1);
    const reset = await core.call('curriculum/resetDefault', {});
    expect(reset).toEqual(std);
  });

  it('previews an Excel table with issues by row and column and commits nothing while there are errors', async () => {
    const before = await core.call('curriculum/get', {});
    const file = await xlsx([
      ['某省义务教育课程设置表'],
      ['科目', '七年级', '八年级', '九年级'],
      ['语文', 6, 5, 5],
      ['数学', 5, 5, 6],
      ['英语', 5, 4, 4],
      ['道法', 2, 2, 2],
      ['书法练习', 1, 0, 0],
      ['历史', 2, 'x', 2],
      ['周课时合计', 34, 34, 34],
    ]);
    const preview = await core.call('curriculum/importPreview', { fileName: '课程设置表.xlsx', dataBase64: file });
    const errors = preview.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 7, column: '科目', key: 'curriculumUnknownSubject', params: { name: '书法练习' } }),
      expect.objectContaining({ row: 8, column: '八年级', key: 'curriculumBadNumber' }),
      expect.objectContaining({ row: 9, column: '七年级', key: 'curriculumTotalMismatch', params: { grade: 7, total: 34, sum: 20 } }),
    ]));
    // Aliases resolve: 英语 -> 外语(英语), 道法 -> 道德与法治.
    expect(preview.standard.grades[0].subjects.map((s) => s.subjectName)).toEqual(expect.arrayContaining(['外语(英语)', '道德与法治']));
    await expect(core.call('curriculum/importCommit', { fileName: '课程设置表.xlsx', dataBase64: file })).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
    expect(await core.call('curriculum/get', {})).toEqual(before);
  });

  it('imports a clean CSV (grades as 1..9 numbers) for its grades only, in one step', async () => {
    const csv = ['科目,7,8', '语文,6,6', '数学,6,6', '外语(英语),5,5', '体育与健康,3,3', '合计,20,20'].join('\r\n');
    const dataBase64 = Buffer.from(csv, 'utf8').toString('base64');
    const preview = await core.call('curriculum/importPreview', { fileName: 'std.csv', dataBase64 });
    expect(preview.issues).toEqual([]);
    const std = await core.call('curriculum/importCommit', { fileName: 'std.csv', dataBase64 });
    expect(std.source).toContain('std.csv');
    expect(std.grades.map((g) => [g.level, g.total, g.subjects.length])).toEqual([[7, 20, 4], [8, 20, 4], [9, 34, 13]]);
    await core.call('curriculum/resetDefault', {});
  });
});

describe('compliance check', () => {
  it('passes the sample school on its assignments and its timetable, and finds a changed class', async () => {
    for (const basis of ['assignments', 'timetable'] as const) {
      const r = await core.call('curriculum/check', { termId, basis });
      expect(r.classes).toHaveLength(18);
      expect(r.classes.filter((c) => c.status !== 'ok').map((c) => [c.className, c.problems]), basis).toEqual([]);
    }
    const classId = (db().prepare("SELECT class_id AS id FROM class_in_term WHERE term_id = 1 AND level = 9 AND class_no = 2").get() as { id: number }).id;
    db().prepare('UPDATE teaching_assignment SET weekly_periods = 0 WHERE term_id = ? AND class_id = ? AND subject_id = ?').run(termId, classId, subjectId('化学'));
    const r = await core.call('curriculum/check', { termId, basis: 'assignments' });
    const row = r.classes.find((c) => c.classId === classId)!;
    expect(row.status).toBe('problem');
    expect(row.problems.map((p) => p.key)).toEqual(['compliance.problem.missing', 'compliance.problem.totalWrong']);
    expect(r.grades.find((g) => g.level === 9)).toEqual({ level: 9, classes: 6, okClasses: 5 });
  });

  it('exports an Excel workbook whose standard sheet imports back without issues', async () => {
    const file = await core.call('curriculum/exportCheckXlsx', { termId, basis: 'assignments' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['课程开设情况统计表', '年级汇总', '九年课时占比', '课程标准']);
    const cells = wb.getWorksheet('课程开设情况统计表')!.getSheetValues().flat().map(String);
    expect(cells).toContain('九年级(2)班');
    expect(cells).toContain('0/3▼');
    const back = await core.call('curriculum/importPreview', { fileName: file.fileName, dataBase64: file.dataBase64 });
    expect(back.issues).toEqual([]);
    expect(back.standard.grades.map((g) => g.total)).toEqual([34, 34, 34]);
  });

  it.skipIf(!canReadPdf)('prints the 课程开设情况统计表 with every class name, the problem and the signature lines', async () => {
    const out = await core.call('reports/pdf', { reportId: 'compliance-report', params: { termId, basis: 'assignments' } });
    const pdf = path.join(dir, 'compliance.pdf');
    fs.writeFileSync(pdf, Buffer.from(out.dataBase64, 'base64'));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const name of ['七年级(1)班', '八年级(6)班', '九年级(2)班']) expect(text).toContain(name);
    expect(text).toContain('课程开设情况统计表');
    expect(text).toContain('未开设化学');
    expect(text).toContain('教务处负责人');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+84[12](\.\d+)? x 595(\.\d+)? pts \(A4\)/); // A4 landscape
    expect(out.pages).toBeLessThanOrEqual(3);
  }, 60_000);
});

describe('a school missing some national subjects', () => {
  it('seeds only the subjects it has and names the others in the source note', async () => {
    const d2 = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
    const c2 = await Core.open({ dataDir: d2, noDailyBackup: true });
    try {
      seedSchool(c2.context().db, { classSizes: [1, 1, 1] }); // subjects: 语文, 数学, 体育与健康
      const std = await c2.call('curriculum/get', {});
      expect(std.grades[0].subjects.map((s) => s.subjectName)).toEqual(['语文', '数学', '体育与健康']);
      expect(std.source).toContain('本校科目表中没有');
      expect(std.source).toContain('化学');
      const r = await c2.call('curriculum/check', { termId: 1, basis: 'assignments' });
      expect(r.classes[0].problems.map((p) => p.key)).toContain('compliance.problem.missing');
    } finally {
      await c2.close();
      fs.rmSync(d2, { recursive: true, force: true });
    }
  });
});
