import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { EXPORT_LISTS } from '../../../electron/core/features/export/lists';
import { NATIONAL_SUBJECTS } from '../../../shared/domain/constants';
import { compareZh } from '../../../shared/domain/text';
import { makeAssignmentsXlsx, makeMessyStudentsXlsx, makeStudents, makeTeachersXlsx, seedMinimalSchool } from '../../helpers/messy-files';
import { toolsOk } from '../../helpers/system-tools';

const canOpenOffice = toolsOk('tests/unit/export/export.test.ts', ['soffice']);

let dir: string;
let core: Core;
const students = makeStudents(30, ['七年级(1)班', '七年级(2)班', '八年级(1)班'], 3);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  core = await Core.open({ dataDir: dir, noDailyBackup: true });
  seedMinimalSchool(core.context().db, NATIONAL_SUBJECTS);
  const b64 = (b: Buffer) => b.toString('base64');
  await core.call('import/commit', { kind: 'students', fileName: 's.xlsx', dataBase64: b64(makeMessyStudentsXlsx(students)) });
  await core.call('import/commit', {
    kind: 'teachers', fileName: 't.xlsx',
    dataBase64: b64(makeTeachersXlsx([{ staffNo: '0042', name: '欧阳晓东', gender: '男', subject: '数学', roles: '教导主任、任课教师' }])),
  });
  await core.call('import/commit', {
    kind: 'assignments', fileName: 'a.xlsx',
    dataBase64: b64(makeAssignmentsXlsx([{ teacher: '欧阳晓东', className: '七年级(1)班', subject: '数学', periods: 5 }])),
  });
});
afterAll(async () => {
  await core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function exportBook(list: (typeof EXPORT_LISTS)[number]) {
  const file = await core.call('export/list', { list });
  expect(file.fileName).toMatch(/\.xlsx$/);
  const buf = Buffer.from(file.dataBase64, 'base64');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return { file, buf, ws: wb.worksheets[0] };
}

describe('export/list', () => {
  it('students: title row with school name, frozen header, 学籍号 as text, names in pinyin order within a class', async () => {
    const { ws, file } = await exportBook('students');
    expect(file.fileName).toContain('XX县第一中学');
    expect(String(ws.getCell('A1').value)).toBe('XX县第一中学 学生名单');
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['学籍号', '姓名', '性别', '出生日期', '班级']));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(20);
    expect(ws.rowCount).toBe(2 + students.length);
    const cell = ws.getCell('A3');
    expect(typeof cell.value).toBe('string');
    expect(cell.numFmt).toBe('@');
    const class1 = [] as string[];
    for (let r = 3; r <= ws.rowCount; r++) if (ws.getCell(r, 5).value === '七年级(1)班') class1.push(String(ws.getCell(r, 2).value));
    expect(class1.length).toBe(students.filter((s) => s.className === '七年级(1)班').length);
    expect(class1).toEqual([...class1].sort(compareZh));
    expect(String(ws.getCell(ws.rowCount, 5).value)).toBe('八年级(1)班');
  });

  it('teachers are sorted with Chinese collation; the staff number stays text', async () => {
    const { ws } = await exportBook('teachers');
    const names = [] as string[];
    for (let r = 3; r <= ws.rowCount; r++) names.push(String(ws.getCell(r, 2).value));
    expect(names).toEqual(['李建国', '欧阳晓东', '王丽华', '张伟', '张伟']);
    const ouyang = names.indexOf('欧阳晓东') + 3;
    expect(ws.getCell(ouyang, 1).value).toBe('0042');
    expect(ws.getCell(ouyang, 10).value).toBe('教导主任、任课教师');
  });

  it('every list exports a workbook with a title and header row', async () => {
    for (const list of EXPORT_LISTS) {
      const { ws } = await exportBook(list);
      expect(String(ws.getCell('A1').value), list).toContain('XX县第一中学');
      expect(ws.getRow(2).cellCount, list).toBeGreaterThan(2);
    }
    const { ws } = await exportBook('assignments');
    expect(String(ws.getCell('A1').value)).toContain('2025-2026学年第一学期');
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['七年级(1)班', '数学', '欧阳晓东', 5]));
  });

  it.skipIf(!canOpenOffice)('exported files open in LibreOffice and hold the names', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-lo-'));
    const files: string[] = [];
    for (const list of ['teachers', 'students'] as const) {
      const { buf } = await exportBook(list);
      const f = path.join(out, `${list}.xlsx`);
      fs.writeFileSync(f, buf);
      files.push(f);
    }
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
    execFileSync('soffice', [
      `-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, ...files,
    ], { timeout: 120_000, stdio: 'pipe' });
    const teachers = fs.readFileSync(path.join(out, 'teachers.csv'), 'utf8');
    const studentsCsv = fs.readFileSync(path.join(out, 'students.csv'), 'utf8');
    expect(teachers).toContain('欧阳晓东');
    expect(teachers).toContain('XX县第一中学 教师名单');
    for (const s of students.slice(0, 5)) expect(studentsCsv).toContain(`${s.studentNo},${s.name}`);
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }, 150_000);
});
