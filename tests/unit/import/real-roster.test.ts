/**
 * Real rosters (issue 8, item 3): a county school's file with title rows, a signature footer, a duplicate and a
 * bad row imports its good rows; skipped rows download as .xlsx with the reason; a bare ID number is the same
 * student as G + number; a wrong check digit is a warning; a text file renamed .xlsx is refused by its bytes;
 * hostile files cannot pollute Object.prototype.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import type { ImportKind, ImportPreview } from '../../../shared/contract';
import { NATIONAL_SUBJECTS } from '../../../shared/domain/constants';
import { makeStudents, seedMinimalSchool } from '../../helpers/messy-files';
import { tempDir } from '../../helpers/core';
import { toolsOk } from '../../helpers/system-tools';

const canOpenOffice = toolsOk('tests/unit/import/real-roster.test.ts', ['soffice']);

let dir: string;
let core: Core;
beforeEach(async () => {
  dir = tempDir('jw-roster-');
  core = await Core.open({ dataDir: dir, noDailyBackup: true });
  seedMinimalSchool(core.context().db, NATIONAL_SUBJECTS);
});
afterEach(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

const req = (kind: ImportKind, fileName: string, buf: Buffer) => ({ kind, fileName, dataBase64: buf.toString('base64') });
const preview = (fileName: string, buf: Buffer) => core.call('import/preview', req('students', fileName, buf)) as Promise<ImportPreview>;
const commit = (fileName: string, buf: Buffer) => core.call('import/commit', req('students', fileName, buf));
const count = () => (core.context().db.prepare('SELECT COUNT(*) n FROM student').get() as { n: number }).n;

function xlsx(aoa: unknown[][]): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '学生名册');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const kids = makeStudents(8, ['七年级(1)班', '七年级(2)班'], 31);
const row = (s: (typeof kids)[number], no: string = s.studentNo) => [no, s.name, s.gender, s.birthDate, s.className];

/** What a county school sends: two title rows, header, data with one duplicate and one unknown class, a signature footer. */
function countyRoster(): Buffer {
  return xlsx([
    ['示例县第一中学2025级学生花名册'],
    ['填报单位（盖章）：示例县第一中学', null, null, '2025年9月'],
    ['学籍号', '姓名', '性别', '出生日期', '班级'],
    ...kids.slice(0, 6).map((s) => row(s)),
    row(kids[2]), // duplicate of row 6
    [kids[6].studentNo, kids[6].name, kids[6].gender, kids[6].birthDate, '七年级(9)班'], // no such class
    row(kids[7]),
    [],
    ['制表人：张老师', null, '审核：李主任', null, '日期：2025年9月3日'],
    ['校长签字：', null, null, '（学校公章）'],
  ]);
}

describe('a real roster with a signature footer, a duplicate and a bad row', () => {
  it('previews the skipped rows by row and column, ignores the footer with a notice, and imports the rest', async () => {
    const p = await preview('花名册.xlsx', countyRoster());
    const errors = p.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.row, i.column, i.key])).toEqual([[10, '学籍号', 'duplicateInFile'], [11, '班级', 'unknownClass']]);
    expect(p.issues.filter((i) => i.key === 'footerIgnored').map((i) => i.row)).toEqual([14, 15]);
    expect(p.counts).toMatchObject({ total: 9, insert: 7, skip: 2, fileErrors: 0 });

    const r = await commit('花名册.xlsx', countyRoster());
    expect(r).toMatchObject({ inserted: 7, updated: 0, skipped: 2 });
    expect(count()).toBe(7);
  });

  it.skipIf(!canOpenOffice)('downloads the skipped rows as an .xlsx with the reason in a last column, readable by LibreOffice', async () => {
    const f = await core.call('import/skippedRows', req('students', '花名册.xlsx', countyRoster()));
    expect(f.fileName).toBe('花名册-未导入的行.xlsx');
    const out = tempDir('jw-skipped-');
    const file = path.join(out, f.fileName);
    fs.writeFileSync(file, Buffer.from(f.dataBase64, 'base64'));
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, file], { stdio: 'ignore', timeout: 120_000 });
    const csv = fs.readFileSync(path.join(out, '花名册-未导入的行.csv'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    expect(csv[1]).toBe('原行号,学籍号,姓名,性别,出生日期,班级,跳过原因');
    expect(csv).toHaveLength(4);
    expect(csv[2]).toContain(kids[2].studentNo);
    expect(csv[2]).toMatch(/^10,.*与第 6 行重复/);
    expect(csv[3]).toMatch(/^11,.*找不到班级“七年级\(9\)班”/);
  }, 150_000);
});

describe('学籍号 rules', () => {
  it('a bare valid ID number is the same student as G + number: a re-import updates, never duplicates', async () => {
    await commit('first.xlsx', xlsx([['学籍号', '姓名', '性别', '出生日期', '班级'], ...kids.slice(0, 3).map((s) => row(s))]));
    const bare = xlsx([['学籍号', '姓名', '性别', '出生日期', '班级'], ...kids.slice(0, 3).map((s) => row(s, s.studentNo.slice(1)))]);
    const p = await preview('again.xlsx', bare);
    expect(p.counts).toMatchObject({ insert: 0, update: 3, skip: 0 });
    expect(p.issues.filter((i) => i.key === 'studentNoPrefixed')).toHaveLength(3);
    expect(p.issues.find((i) => i.key === 'studentNoPrefixed')!.params).toMatchObject({ normalized: kids[0].studentNo });
    await commit('again.xlsx', bare);
    expect(count()).toBe(3);
  });

  it('a wrong check digit is a warning shown in the preview', async () => {
    const s = kids[0];
    const last = s.studentNo.at(-1)!;
    const wrong = s.studentNo.slice(0, -1) + (last === '1' ? '2' : '1');
    const p = await preview('typo.xlsx', xlsx([['学籍号', '姓名', '性别', '出生日期', '班级'], row(s, wrong)]));
    expect(p.issues).toEqual([expect.objectContaining({ row: 2, column: '学籍号', key: 'studentNoCheckDigit', severity: 'warning' })]);
    expect(p.counts).toMatchObject({ insert: 1, warnings: 1 });
  });
});

describe('file type from the bytes', () => {
  it('a text file renamed .xlsx is "not an Excel file"', async () => {
    const text = Buffer.from('学籍号,姓名\nG110105201201010012,张三\n', 'utf8');
    await expect(preview('名单.xlsx', text)).rejects.toMatchObject({ key: 'import.notExcel', params: { file: '名单.xlsx', actual: '纯文本' } });
    const zip = fs.readFileSync(path.resolve('node_modules/docx/package.json')); // any non-Excel bytes
    await expect(preview('名单.xls', zip)).rejects.toMatchObject({ key: 'import.notExcel' });
  });

  it('an .xls that is really .xlsx is read by its real type', async () => {
    const p = await preview('名单.xls', xlsx([['学籍号', '姓名', '性别', '出生日期', '班级'], row(kids[0])]));
    expect(p.counts).toMatchObject({ insert: 1, skip: 0 });
  });
});

describe('hostile files', () => {
  const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

  it('cells, headers, comments and sheet names named __proto__/constructor do not pollute Object.prototype', async () => {
    const before = protoKeys();
    const ws = XLSX.utils.aoa_to_sheet([
      ['__proto__', 'constructor', 'prototype', '学籍号', '姓名', '班级'],
      ['{"polluted":1}', 'x', 'y', kids[0].studentNo, kids[0].name, kids[0].className],
      ['__proto__', '__proto__', '__proto__', '__proto__', '__proto__', '__proto__'],
    ]);
    ws.A1.c = [{ a: '__proto__', t: 'polluted' }];
    (ws.A1.c as unknown as { hidden: boolean }).hidden = true;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '__proto__');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['constructor']]), 'constructor');
    const hostile = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const csv = Buffer.from('__proto__,constructor,学籍号,姓名\npolluted,1,G1,张三\n');

    await preview('hostile.xlsx', hostile).catch(() => undefined);
    await preview('hostile.csv', csv).catch(() => undefined);
    await core.call('import/preview', req('teachers', 'hostile.xlsx', hostile)).catch(() => undefined);
    await core.call('import/preview', { ...req('students', 'hostile.xlsx', hostile), mapping: { __proto__: 1, constructor: 2 } as never }).catch(() => undefined);

    expect(protoKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The core still answers normally.
    expect((await core.call('app/status', {})).state).toBe('ok');
    expect((await core.call('teachers/list', {})).length).toBeGreaterThan(0);
  });
});
