import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { listBackups, backupsDir } from '../../../electron/core/platform/backups';
import type { ImportKind, ImportPreview } from '../../../shared/contract';
import { NATIONAL_SUBJECTS } from '../../../shared/domain/constants';
import type { AppError } from '../../../shared/errors';
import {
  makeAssignmentsXlsx, makeE2eStudentsXlsx, makeMessyStudentsXlsx, makeStudents, makeStudentsCsvGbk, makeStudentsCsvUtf8,
  makeStudentsXls, makeTeachersXlsx, seedMinimalSchool, E2E_STUDENT_COUNT, E2E_UNRECOGNISED_HEADER, type MessyStudent,
} from '../../helpers/messy-files';

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  core = await Core.open({ dataDir: dir, noDailyBackup: true });
  seedMinimalSchool(core.context().db, NATIONAL_SUBJECTS);
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const b64 = (b: Buffer) => b.toString('base64');
const req = (kind: ImportKind, fileName: string, buf: Buffer, extra: { mapping?: Record<string, number | null>; sheet?: string } = {}) =>
  ({ kind, fileName, dataBase64: b64(buf), ...extra });
const preview = (kind: ImportKind, fileName: string, buf: Buffer, extra = {}) => core.call('import/preview', req(kind, fileName, buf, extra)) as Promise<ImportPreview>;
const commit = (kind: ImportKind, fileName: string, buf: Buffer, extra = {}) => core.call('import/commit', req(kind, fileName, buf, extra));
const count = (table: string) => (core.context().db.prepare(`SELECT COUNT(*) n FROM ${table}`).get() as { n: number }).n;
const studentRow = (no: string) => core.context().db.prepare(
  `SELECT s.*, c.level, c.class_no FROM student s LEFT JOIN class_in_year c ON c.class_id = s.class_id AND c.school_year_id = (SELECT MAX(id) FROM school_year) WHERE student_no = ?`,
).get(no) as Record<string, unknown> | undefined;
const errorsOf = (p: ImportPreview) => p.issues.filter((i) => i.severity === 'error');

describe('import students', () => {
  const students = makeStudents(20);

  it('happy path: xlsx with a title row -> preview -> commit writes rows, a backup and an audit entry', async () => {
    const buf = makeMessyStudentsXlsx(students);
    const p = await preview('students', '学生名册.xlsx', buf);
    expect(errorsOf(p)).toEqual([]);
    expect(p.headerRow).toBe(2);
    expect(p.encoding).toBe('binary');
    expect(p.counts).toMatchObject({ total: 20, insert: 20, update: 0, errors: 0 });
    expect(count('student')).toBe(0); // preview writes nothing

    const r = await commit('students', '学生名册.xlsx', buf);
    expect(r).toMatchObject({ inserted: 20, updated: 0 });
    expect(count('student')).toBe(20);
    const s = studentRow(students[3].studentNo)!;
    expect(s).toMatchObject({ name: students[3].name, gender: students[3].gender, birth_date: students[3].birthDate, level: 7 });
    expect(s.class_no).toBe(students[3].className === '七年级(1)班' ? 1 : 2);
    expect(s.left_behind).toBe(students[3].leftBehind ? 1 : 0);

    expect(fs.existsSync(path.join(backupsDir(dir), r.backup))).toBe(true);
    expect(listBackups(dir).map((b) => b.kind)).toContain('pre-import');
    const audit = core.context().db.prepare(`SELECT * FROM audit_log WHERE entity = 'student' AND action = 'import'`).all() as { summary: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toBe('导入 学生名册.xlsx：新增 20，更新 0，跳过 0');
  });

  it('re-importing the same file updates existing students instead of failing', async () => {
    const buf = makeMessyStudentsXlsx(students);
    await commit('students', 'a.xlsx', buf);
    const moved = students.map((s) => ({ ...s, className: '八年级(1)班' }));
    const p = await preview('students', 'b.xlsx', makeMessyStudentsXlsx(moved));
    expect(p.counts).toMatchObject({ insert: 0, update: 20, errors: 0 });
    const r = await commit('students', 'b.xlsx', makeMessyStudentsXlsx(moved));
    expect(r).toMatchObject({ inserted: 0, updated: 20 });
    expect(count('student')).toBe(20);
    expect(studentRow(students[0].studentNo)).toMatchObject({ level: 8, class_no: 1 });
  });

  it('merged header cells: a merged 学生信息 over two columns and headers merged across two rows', async () => {
    const p = await preview('students', 'm.xlsx', makeMessyStudentsXlsx(students, { mergedHeader: true }));
    expect(p.headerRow).toBe(3);
    expect(p.mapping).toMatchObject({ studentNo: 0, name: 1, gender: 2, birthDate: 3, className: 4, leftBehind: 5, migrant: 6 });
    expect(errorsOf(p)).toEqual([]);
    expect(p.rows[0]).toMatchObject({ row: 4, values: { name: students[0].name, className: students[0].className } });
  });

  it('header name variants are mapped (学生编号, 学生姓名, 所在班级, 出生年月)', async () => {
    const buf = makeMessyStudentsXlsx(students, { headers: { studentNo: '学生编号', name: '学生姓名', className: '所在班级', birthDate: '出生年月' } });
    const p = await preview('students', 'v.xlsx', buf);
    expect(p.mapping).toMatchObject({ studentNo: 0, name: 1, birthDate: 3, className: 4 });
    expect(errorsOf(p)).toEqual([]);
    const p2 = await preview('students', 'v.xlsx', makeMessyStudentsXlsx(students, { headers: { studentNo: '全国学籍号' } }));
    expect(p2.mapping.studentNo).toBe(0);
  });

  it('性别 as 1/2', async () => {
    const p = await preview('students', 'g.xlsx', makeMessyStudentsXlsx(students, { genderAsNumber: true }));
    expect(errorsOf(p)).toEqual([]);
    expect(p.rows.map((r) => r.values.gender)).toEqual(students.map((s) => s.gender));
  });

  it('full-width digits in 学籍号 and dates', async () => {
    const p = await preview('students', 'f.xlsx', makeMessyStudentsXlsx(students, { fullWidthDigits: true }));
    expect(errorsOf(p)).toEqual([]);
    expect(p.rows[0].values).toMatchObject({ studentNo: students[0].studentNo, birthDate: students[0].birthDate });
  });

  it('dates written as 2012.3.5, 2012年3月5日, 2012/03/05 and real Excel dates', async () => {
    for (const dateStyle of ['dots', 'cn', 'slash', 'date'] as const) {
      const p = await preview('students', 'd.xlsx', makeMessyStudentsXlsx(students, { dateStyle }));
      expect(errorsOf(p), dateStyle).toEqual([]);
      expect(p.rows.map((r) => r.values.birthDate), dateStyle).toEqual(students.map((s) => s.birthDate));
    }
  });

  it('学籍号 stored as a number: exact integers become text, lost precision is an error', async () => {
    const shortNos: MessyStudent[] = students.slice(0, 3).map((s, i) => ({ ...s, studentNo: `20250700100${i}` }));
    const p = await preview('students', 'n.xlsx', makeMessyStudentsXlsx(shortNos, { studentNoAsNumber: true }));
    expect(errorsOf(p)).toEqual([]);
    expect(p.rows.map((r) => r.values.studentNo)).toEqual(shortNos.map((s) => s.studentNo));

    // 18 digits cannot survive as an Excel number (1.1010120120305E+17).
    const lost = await preview('students', 'n.xlsx', makeMessyStudentsXlsx(students.slice(0, 2), { studentNoAsNumber: true }));
    expect(errorsOf(lost).map((i) => [i.row, i.column, i.key])).toEqual([[3, '学籍号', 'studentNoNumeric'], [4, '学籍号', 'studentNoNumeric']]);
  });

  it('blank trailing rows are ignored', async () => {
    const p = await preview('students', 't.xlsx', makeMessyStudentsXlsx(students, { trailingBlankRows: 50 }));
    expect(p.counts.total).toBe(20);
    expect(errorsOf(p)).toEqual([]);
  });

  it('duplicate students: an error on the later row naming the first', async () => {
    const p = await preview('students', 'dup.xlsx', makeMessyStudentsXlsx(students, { duplicateOf: [2] }));
    const errs = errorsOf(p);
    expect(errs).toHaveLength(1);
    // title row 1, header row 2, students from row 3: students[2] is row 5, the copy is row 23.
    expect(errs[0]).toMatchObject({ row: 23, column: '学籍号', field: 'studentNo', key: 'duplicateInFile', params: { first: 5 } });
    expect(p.rows.find((r) => r.row === 23)).toMatchObject({ hasError: true, action: 'skip' });
  });

  it('GBK csv', async () => {
    const p = await preview('students', '学生.csv', makeStudentsCsvGbk(students, { genderAsNumber: true }));
    expect(p.encoding).toBe('gbk');
    expect(errorsOf(p)).toEqual([]);
    expect(p.rows.map((r) => r.values.name)).toEqual(students.map((s) => s.name));
    await commit('students', '学生.csv', makeStudentsCsvGbk(students));
    expect(studentRow(students[5].studentNo)).toMatchObject({ name: students[5].name });
  });

  it('UTF-8 csv with and without BOM', async () => {
    for (const bom of [true, false]) {
      const p = await preview('students', 's.csv', makeStudentsCsvUtf8(students, { bom }));
      expect(p.encoding).toBe('utf-8');
      expect(p.mapping.studentNo).toBe(0); // the BOM does not stick to the first header
      expect(errorsOf(p)).toEqual([]);
      expect(p.rows[7].values.name).toBe(students[7].name);
    }
  });

  it('.xls (Excel 97-2003) with merged header, an empty first sheet and Excel dates', async () => {
    const buf = makeStudentsXls(students, { mergedHeader: true, emptyFirstSheet: true, dateStyle: 'date' });
    const p = await preview('students', '学籍系统导出.xls', buf);
    expect(p.sheets).toEqual(['说明', '学生名册']);
    expect(p.sheet).toBe('学生名册');
    expect(errorsOf(p)).toEqual([]);
    expect(p.rows.map((r) => r.values.birthDate)).toEqual(students.map((s) => s.birthDate));
    const r = await commit('students', '学籍系统导出.xls', buf);
    expect(r.inserted).toBe(20);
  });

  it('class names in many spellings; an unknown class is an error by row and column', async () => {
    const spellings = ['七年级(1)班', '七年级1班', '7年级(2)班', '初一(2)班', '701', '八年级（1）班', '七年级一班', '九年级(9)班'];
    const rows = spellings.map((className, i) => ({ ...students[i], className }));
    const p = await preview('students', 'c.xlsx', makeMessyStudentsXlsx(rows));
    expect(p.rows.slice(0, 7).map((r) => r.values.className)).toEqual(['七年级(1)班', '七年级(1)班', '七年级(2)班', '七年级(2)班', '七年级(1)班', '八年级(1)班', '七年级(1)班']);
    expect(errorsOf(p)).toEqual([expect.objectContaining({ row: 10, column: '班级', key: 'unknownClass', params: { value: '九年级(9)班' } })]);
  });

  it('separate 年级 and 班 columns; a file without any class column only warns', async () => {
    const csv = ['学籍号,姓名,年级,班', ...students.slice(0, 3).map((s, i) => `${s.studentNo},${s.name},${['七年级', '初一', '8年级'][i]},${['2', '(1)班', '1班'][i]}`)].join('\n');
    const p = await preview('students', 'split.csv', Buffer.from(csv));
    expect(errorsOf(p)).toEqual([]);
    expect(p.rows.map((r) => r.values.className)).toEqual(['七年级(2)班', '七年级(1)班', '八年级(1)班']);
    const noClass = await preview('students', 'n.csv', Buffer.from(['学籍号,姓名', `${students[0].studentNo},${students[0].name}`].join('\n')));
    expect(noClass.issues).toEqual([expect.objectContaining({ row: 0, field: 'className', key: 'missingColumn', severity: 'warning' })]);
    expect(noClass.counts).toMatchObject({ insert: 1, errors: 0, warnings: 1 });
  });

  it('a missing required column is reported, then fixed by a manual mapping (the e2e fixture)', async () => {
    const buf = makeE2eStudentsXlsx({ withDuplicate: true });
    const p = await preview('students', 'e2e.xlsx', buf);
    const col = p.columns.find((c) => c.header === E2E_UNRECOGNISED_HEADER)!;
    expect(col).toBeDefined();
    expect(p.mapping.studentNo).toBeNull();
    expect(errorsOf(p)).toEqual([expect.objectContaining({ row: 0, field: 'studentNo', key: 'missingColumn', column: '学籍号' })]);
    expect(p.fields.find((f) => f.key === 'studentNo')).toEqual({ key: 'studentNo', label: '学籍号', required: true });

    const mapped = await preview('students', 'e2e.xlsx', buf, { mapping: { studentNo: col.index } });
    expect(mapped.mapping.studentNo).toBe(col.index);
    expect(errorsOf(mapped)).toEqual([expect.objectContaining({ key: 'duplicateInFile', params: expect.objectContaining({ first: 4 }), column: E2E_UNRECOGNISED_HEADER })]);
    // Without the mapping the file itself is wrong: nothing can be imported.
    await expect(commit('students', 'e2e.xlsx', buf)).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
    // With it, the duplicate row is skipped and the rest imported.
    const r = await commit('students', 'e2e.xlsx', buf, { mapping: { studentNo: col.index } });
    expect(r).toMatchObject({ inserted: E2E_STUDENT_COUNT, skipped: 1 });
    expect(count('student')).toBe(E2E_STUDENT_COUNT);
  });

  it('an import with one bad row skips that row, names it, and imports the others', async () => {
    await commit('students', 'first.xlsx', makeMessyStudentsXlsx(students.slice(0, 5)));
    const rows = students.map((s, i) => (i === 12 ? { ...s, gender: '未知' as '男' } : s));
    const p = await preview('students', 'bad.xlsx', makeMessyStudentsXlsx(rows));
    expect(errorsOf(p)).toEqual([expect.objectContaining({ key: 'badGender', row: 15, column: '性别' })]);
    expect(p.counts).toMatchObject({ skip: 1, fileErrors: 0, insert: 14, update: 5 });
    const r = await commit('students', 'bad.xlsx', makeMessyStudentsXlsx(rows));
    expect(r).toMatchObject({ inserted: 14, updated: 5, skipped: 1 });
    expect(studentRow(students[12].studentNo)).toBeUndefined();
  });

  it('a file whose required column is missing writes nothing and throws IMPORT_INVALID', async () => {
    const before = { students: count('student'), audit: count('audit_log'), backups: listBackups(dir).length };
    const buf = makeE2eStudentsXlsx({ withDuplicate: false });
    const err = await commit('students', 'e2e.xlsx', buf).catch((e: AppError) => e);
    expect(err).toMatchObject({ code: 'IMPORT_INVALID', key: 'importHasErrors', params: { errors: 1 } });
    expect((err as AppError).issues).toEqual([expect.objectContaining({ key: 'import.missingColumn' })]);
    expect({ students: count('student'), audit: count('audit_log'), backups: listBackups(dir).length }).toEqual(before);
  });

  it('the template previews cleanly: note row, header on row 2, example row, 学籍号 column as text', async () => {
    const t = await core.call('import/template', { kind: 'students' });
    expect(t.fileName).toMatch(/\.xlsx$/);
    const buf = Buffer.from(t.dataBase64, 'base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A2').value).toBe('学籍号');
    expect(ws.getColumn(1).numFmt).toBe('@');
    expect(String(ws.getCell('A1').value)).toContain('说明');
    const p = await preview('students', t.fileName, buf);
    expect(p.headerRow).toBe(2);
    expect(errorsOf(p)).toEqual([]);
    expect(p.rows).toHaveLength(1);
    for (const kind of ['teachers', 'assignments'] as const) {
      const tk = await core.call('import/template', { kind });
      const pk = await preview(kind, tk.fileName, Buffer.from(tk.dataBase64, 'base64'));
      expect(pk.headerRow, kind).toBe(2);
      expect(pk.issues.filter((i) => i.key === 'missingColumn'), kind).toEqual([]);
      expect(pk.rows, kind).toHaveLength(1);
    }
  });
});

describe('import teachers', () => {
  it('happy path with roles, titles, subject aliases; existing 工号 is updated', async () => {
    const buf = makeTeachersXlsx([
      { staffNo: 'T001', name: '王丽华', gender: '女', subject: '语文', title: '中学一级', roles: '班主任、教研组长', backbone: '县级' },
      { staffNo: 'T010', name: '赵敏', gender: '女', subject: '英语', title: '二级教师', roles: '任课教师' },
      { staffNo: 'T011', name: '钱多多', gender: '男', subject: '体育', title: '高级教师', roles: '副校长,任课教师', backbone: '市级骨干' },
    ], { titleRow: 'XX县第一中学 教职工名册' });
    const p = await preview('teachers', '教师.xlsx', buf);
    expect(errorsOf(p)).toEqual([]);
    expect(p.counts).toMatchObject({ insert: 2, update: 1 });
    const before = count('teacher');
    const r = await commit('teachers', '教师.xlsx', buf);
    expect(r).toMatchObject({ inserted: 2, updated: 1 });
    expect(count('teacher')).toBe(before + 2);
    const db = core.context().db;
    const qian = db.prepare(`SELECT t.*, s.name AS subject FROM teacher t JOIN subject s ON s.id = t.subject_id WHERE staff_no = 'T011'`).get() as Record<string, unknown>;
    expect(qian).toMatchObject({ name: '钱多多', subject: '体育与健康', title: '高级教师', backbone_level: '市级', is_pe_arts: 1 });
    expect(JSON.parse(qian.roles as string)).toEqual(['副校长', '任课教师']);
    expect(db.prepare(`SELECT s.name FROM teacher t JOIN subject s ON s.id = t.subject_id WHERE staff_no = 'T010'`).pluck().get()).toBe('外语(英语)');
    const wang = db.prepare(`SELECT * FROM teacher WHERE staff_no = 'T001'`).get() as Record<string, unknown>;
    expect(wang).toMatchObject({ title: '一级教师', backbone_level: '县级' });
    expect(JSON.parse(wang.roles as string)).toEqual(['班主任', '教研组长', '任课教师']);
    expect(db.prepare(`SELECT summary FROM audit_log WHERE entity = 'teacher' AND action = 'import'`).pluck().get()).toBe('导入 教师.xlsx：新增 2，更新 1，跳过 0');
  });

  it('unknown subject, bad role and duplicate 工号 are reported by row and column', async () => {
    const buf = makeTeachersXlsx([
      { staffNo: 'T020', name: '甲', gender: '男', subject: '天文' },
      { staffNo: 'T021', name: '乙', gender: '男', subject: '数学', roles: '舍监' },
      { staffNo: 'T020', name: '丙', gender: '女', subject: '数学' },
    ], { headers: { staffNo: '教职工号', subject: '学科' } });
    const p = await preview('teachers', 't.xlsx', buf);
    expect(errorsOf(p).map((i) => [i.row, i.column, i.key])).toEqual([[2, '学科', 'unknownSubject'], [3, '职务', 'badValue'], [4, '教职工号', 'duplicateInFile']]);
  });
});

describe('import assignments', () => {
  it('happy path by name and 工号, subject aliases and class codes; re-import updates periods', async () => {
    const rows = [
      { teacher: '王丽华', className: '七年级(1)班', subject: '语文', periods: 5 },
      { teacher: 'T002', className: '701', subject: '数学', periods: '５' },
      { teacher: 'T003', className: '初一(2)班', subject: '英语', periods: 4 },
    ];
    const p = await preview('assignments', '任课.xlsx', makeAssignmentsXlsx(rows));
    expect(errorsOf(p)).toEqual([]);
    expect(p.rows.map((r) => r.values.teacher)).toEqual(['王丽华', '李建国', '张伟']);
    const r = await commit('assignments', '任课.xlsx', makeAssignmentsXlsx(rows));
    expect(r).toMatchObject({ inserted: 3, updated: 0 });
    const db = core.context().db;
    expect(db.prepare('SELECT SUM(weekly_periods) FROM teaching_assignment WHERE term_id = 1').pluck().get()).toBe(14);
    const r2 = await commit('assignments', '任课.xlsx', makeAssignmentsXlsx(rows.map((x) => ({ ...x, periods: 6 }))));
    expect(r2).toMatchObject({ inserted: 0, updated: 3 });
    expect(db.prepare('SELECT SUM(weekly_periods) FROM teaching_assignment').pluck().get()).toBe(18);
    expect(db.prepare(`SELECT COUNT(*) FROM audit_log WHERE entity = 'assignment' AND action = 'import'`).pluck().get()).toBe(2);
  });

  it('unknown and ambiguous teachers, unknown subject and bad periods', async () => {
    const rows = [
      { teacher: '不存在', className: '七年级(1)班', subject: '语文', periods: 5 },
      { teacher: '张伟', className: '七年级(1)班', subject: '英语', periods: 4 },
      { teacher: '王丽华', className: '七年级(2)班', subject: '书法课', periods: 1 },
      { teacher: '王丽华', className: '七年级(2)班', subject: '语文', periods: '五节' },
    ];
    const p = await preview('assignments', 'a.xlsx', makeAssignmentsXlsx(rows, ['教师', '所在班级', '科目', '课时']));
    expect(errorsOf(p).map((i) => [i.row, i.column, i.key])).toEqual([
      [3, '教师', 'unknownTeacher'], [4, '教师', 'ambiguousTeacher'], [5, '科目', 'unknownSubject'], [6, '课时', 'badPeriods'],
    ]);
    const before = count('teaching_assignment');
    await expect(commit('assignments', 'a.xlsx', makeAssignmentsXlsx(rows))).rejects.toMatchObject({ code: 'VALIDATION', key: 'import.noRows' });
    expect(count('teaching_assignment')).toBe(before);
  });
});
