/** Excel interchange of timetables: export (opened by LibreOffice), round trips, hand-made files, issues, commit. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { safeSheetName } from '../../../electron/core/features/timetable/excel-export';
import { parseDay, parsePeriodLabel, splitLessonText } from '../../../electron/core/features/timetable/excel-import';
import { seedTimetableSchool, type TtSeeded } from './print-fixture';
import { toolsOk } from '../../helpers/system-tools';

const canOpenOffice = toolsOk('tests/unit/timetable/excel.test.ts', ['soffice']);

let dir: string;
let core: Core;
let seeded: TtSeeded;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  core = await Core.open({ dataDir: dir, noDailyBackup: true });
  seeded = seedTimetableSchool(core.context().db, 2);
  // A subject the school has but no class is assigned.
  core.context().db.prepare(`INSERT INTO subject (code, name, short_name) VALUES ('LD', '劳动', '劳动')`).run();
});
afterAll(async () => {
  await core?.close(); // closed before its folder goes (Windows cannot delete an open database)
  fs.rmSync(dir, { recursive: true, force: true });
});

const db = () => core.context().db;
type LessonRow = { class_id: number; day: number; period: number; assignment_id: number; room_id: number | null };
const lessons = (): LessonRow[] => db().prepare('SELECT class_id, day, period, assignment_id, room_id FROM lesson ORDER BY class_id, day, period').all() as LessonRow[];

async function workbook(sheets: Record<string, (string | number | null)[][]>, merges: Record<string, string[]> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
    for (const m of merges[name] ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const file = (dataBase64: string, layout: 'classes' | 'master' = 'classes') => ({ fileName: 'kb.xlsx', dataBase64, termId: seeded.termId, layout });

describe('parsing helpers', () => {
  it('read days, periods and cell text in the usual spellings', () => {
    expect(['星期一', '周二', '三', '星期4', '礼拜五', '周六', '星期日'].map(parseDay)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parseDay('语文')).toBeNull();
    expect(['第1节 08:00-08:45', '1', '第三节', '2节', '第１０节'].map(parsePeriodLabel)).toEqual([1, 1, 3, 2, 10]);
    expect(['午休', '08:00', '一', '上午'].map(parsePeriodLabel)).toEqual([null, null, null, null]);
    expect(splitLessonText('语文 王丽')).toEqual({ subject: '语文', teacher: '王丽' });
    expect(splitLessonText('语文（王老师）')).toEqual({ subject: '语文', teacher: '王老师' });
    expect(splitLessonText('数学')).toEqual({ subject: '数学', teacher: null });
    const taken = new Set<string>();
    expect(safeSheetName('七年级(1)班', taken)).toBe('七年级(1)班');
    expect(safeSheetName('七年级(1)班', taken)).toBe('七年级(1)班_2');
    expect(safeSheetName('a/b:c*d?[e]\\' + 'x'.repeat(40), taken)).toMatch(/^a_b_c_d__e__x+$/);
    expect(safeSheetName('x'.repeat(40), taken).length).toBeLessThanOrEqual(31);
  });
});

describe('export', () => {
  it.skipIf(!canOpenOffice)('writes one sheet per class that LibreOffice opens, with days across and "subject\\nteacher" cells', async () => {
    const out = await core.call('timetable/exportXlsx', { termId: seeded.termId, layout: 'classes' });
    expect(out.fileName).toBe('青山县第一中学-2025-2026学年第一学期-班级课程表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['七年级(1)班', '七年级(2)班', '八年级(1)班', '八年级(2)班', '九年级(1)班', '九年级(2)班']);
    const [subject, teacher] = seeded.expected.get(seeded.classIds[0])!.get('2:1')!;
    expect(wb.worksheets[0].getCell('C3').value).toBe(`${subject}\n${teacher}`);
    expect(wb.worksheets[0].getCell('B2').value).toBe('星期一');

    const xlsx = path.join(dir, 'export.xlsx');
    fs.writeFileSync(xlsx, Buffer.from(out.dataBase64, 'base64'));
    const outDir = path.join(dir, 'csv');
    execFileSync('soffice', ['--headless', `-env:UserInstallation=${pathToFileURL(path.join(dir, 'lo-profile')).href}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, xlsx], { timeout: 120_000, stdio: 'ignore' });
    const csv = fs.readFileSync(path.join(outDir, 'export.csv'), 'utf8');
    expect(csv).toContain('七年级(1)班课程表');
    expect(csv).toContain('星期五');
    expect(csv).toContain(`"${subject}\n${teacher}"`);
    expect(csv).toContain('第8节');
  }, 180_000);

  it('writes the master grid with two header rows', async () => {
    const out = await core.call('timetable/exportXlsx', { termId: seeded.termId, layout: 'master' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('B2').value).toBe('星期一');
    expect(ws.getCell('J2').value).toBe('星期二');
    expect(ws.getCell('J3').value).toBe('第1节');
    expect(ws.getCell('A4').value).toBe('七年级(1)班');
    expect(ws.getCell('A9').value).toBe('九年级(2)班');
  });
});

describe('import round trip', () => {
  for (const layout of ['classes', 'master'] as const) {
    it(`export then import (${layout}) gives the same lessons`, async () => {
      const before = lessons();
      const out = await core.call('timetable/exportXlsx', { termId: seeded.termId, layout });
      db().prepare('DELETE FROM lesson').run();
      const preview = await core.call('timetable/importPreview', file(out.dataBase64, layout));
      expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(preview.counts).toMatchObject({ lessons: before.length, classes: 6, errors: 0 });
      expect(lessons()).toEqual([]); // preview writes nothing
      db().exec('BEGIN');
      // Put the music room back on the old lessons so commit can keep it (it is not in the file).
      const ins = db().prepare('INSERT INTO lesson (term_id, class_id, day, period, assignment_id, room_id) VALUES (1, ?, ?, ?, ?, ?)');
      for (const l of before) ins.run(l.class_id, l.day, l.period, l.assignment_id, l.room_id);
      db().exec('COMMIT');
      const r = await core.call('timetable/importCommit', file(out.dataBase64, layout));
      expect(r).toMatchObject({ placed: before.length, classes: 6 });
      expect(r.backup).toMatch(/pre-import/);
      expect(fs.existsSync(path.join(dir, 'backups', r.backup))).toBe(true);
      expect(lessons()).toEqual(before);
    });
  }
});

describe('hand-made files', () => {
  it('reads a title row, 周一 headers, a 上午/下午 column, restarting numbers and mixed cell spellings', async () => {
    const exp = seeded.expected.get(seeded.classIds[2])!; // 八年级(1)班
    const cellFor = (d: number, p: number, style: number): string | null => {
      const e = exp.get(`${d}:${p}`);
      if (!e) return null;
      const short = { 外语: '英语', 道德与法治: '道法', 生物学: '生物', 体育与健康: '体育', 综合实践活动: '综合实践' } as Record<string, string>;
      const name = Object.entries(short).find(([k]) => e[0].startsWith(k))?.[1] ?? e[0];
      return [`${name}`, `${name} ${e[1]}`, `${name}（${e[1][0]}老师）`, `${name}\n${e[1]}`][style % 4];
    };
    const rows: (string | number | null)[][] = [['2025秋 八年级(1)班 课程表'], ['', '', '周一', '周二', '周三', '周四', '周五']];
    for (let p = 1; p <= 8; p++) {
      if (p === 5) rows.push(['午休']);
      rows.push([p <= 4 ? '上午' : '下午', p <= 4 ? p : p - 4, ...[1, 2, 3, 4, 5].map((d) => cellFor(d, p, d + p))]);
    }
    const data = await workbook({ Sheet1: rows }, { Sheet1: ['A3:A6', 'A8:A11'] });
    const preview = await core.call('timetable/importPreview', file(data));
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(preview.classes).toEqual([{ classId: seeded.classIds[2], name: '八年级(1)班', lessons: exp.size }]);
    const before = lessons().filter((l) => l.class_id === seeded.classIds[2]);
    const others = lessons().filter((l) => l.class_id !== seeded.classIds[2]);
    db().prepare('DELETE FROM lesson WHERE class_id = ?').run(seeded.classIds[2]);
    await core.call('timetable/importCommit', file(data));
    expect(lessons().filter((l) => l.class_id === seeded.classIds[2]).map((l) => ({ ...l, room_id: null })))
      .toEqual(before.map((l) => ({ ...l, room_id: null })));
    expect(lessons().filter((l) => l.class_id !== seeded.classIds[2])).toEqual(others); // other classes kept
    const audit = db().prepare(`SELECT summary FROM audit_log WHERE entity = 'timetable' AND action = 'import' ORDER BY id DESC`).get() as { summary: string };
    expect(audit.summary).toContain('1 个班级');
  });

  it('reports each bad case at its sheet, Excel row and day column; a class with a bad cell is skipped whole', async () => {
    const before = lessons();
    const header = ['节次', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
    const data = await workbook({
      '七年级(1)班': [
        ['七年级(1)班课程表'], header,
        ['第1节', '书法', '劳动', '体育', '语文', '数学', '语文'], // unknownSubject, noAssignment, ambiguous, ok, ok, badSlot (6 days)
        ['第9节', '语文'], // badSlot: no period 9
      ],
      '九年级(9)班': [header, ['第1节', '语文']], // unknownClass
      说明: [['本文件由教务处整理']], // no grid: warning only
    });
    const preview = await core.call('timetable/importPreview', file(data));
    const got = preview.issues.map((i) => [i.field, i.row, i.column, i.key, i.severity]);
    expect(got).toEqual([
      ['七年级(1)班', 3, '星期一', 'unknownSubject', 'error'],
      ['七年级(1)班', 3, '星期二', 'noAssignment', 'error'],
      ['七年级(1)班', 3, '星期三', 'ambiguous', 'error'],
      ['七年级(1)班', 3, '星期六', 'badSlot', 'error'],
      ['七年级(1)班', 4, '星期一', 'badSlot', 'error'],
      ['九年级(9)班', 1, '', 'unknownClass', 'error'],
      ['说明', 1, '', 'noTimetableGrid', 'warning'],
    ]);
    expect(preview.issues[2].params).toMatchObject({ subject: '体育与健康' });
    // 七年级(1)班 has bad cells: it keeps its timetable; nothing else readable is in the file.
    expect(preview.counts).toMatchObject({ errors: 6, warnings: 1, lessons: 0, classes: 0, skippedClasses: 1, fileErrors: 0 });
    await expect(core.call('timetable/importCommit', file(data))).rejects.toMatchObject({ key: 'import.noRows' });
    expect(lessons()).toEqual(before);
  });

  it('imports the good classes of a master timetable, skipping a class with a bad cell and the signature footer', async () => {
    const before = lessons();
    const exported = await core.call('timetable/exportXlsx', { termId: seeded.termId, layout: 'master' });
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.read(Buffer.from(exported.dataBase64, 'base64'), { type: 'buffer' });
    const ws = wb.Sheets[wb.SheetNames[0]];
    const aoa = XLSX.utils.sheet_to_json<(string | number | null)[]>(ws, { header: 1, defval: null });
    // Break one cell of the first class row, and add a footer.
    const firstClassRow = aoa.findIndex((r) => typeof r[0] === 'string' && /班$/.test(String(r[0])));
    const col = aoa[firstClassRow].findIndex((v, i) => i > 0 && v);
    aoa[firstClassRow][col] = '书法';
    aoa.push([], ['制表人：教务处', null, '审核：王校长', null, '日期：2025年9月1日']);
    const out = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(aoa), wb.SheetNames[0]);
    const data = (XLSX.write(out, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
    const req = { termId: seeded.termId, layout: 'master' as const, fileName: '总课表.xlsx', dataBase64: data };
    const preview = await core.call('timetable/importPreview', req);
    expect(preview.counts.skippedClasses).toBe(1);
    expect(preview.issues.filter((i) => i.key === 'footerIgnored')).toHaveLength(1);
    expect(preview.issues.filter((i) => i.severity === 'error').map((i) => i.key)).toEqual(['unknownSubject']);
    expect(preview.counts.classes).toBeGreaterThan(0);
    await core.call('timetable/importCommit', req);
    expect(lessons().length).toBe(before.length); // the skipped class kept its own lessons; the others were replaced by the same
  });

  it('finds a class twice, and resolves 体育 by the teacher named in the cell', async () => {
    const pe = db().prepare(
      `SELECT t.name FROM teaching_assignment a JOIN teacher t ON t.id = a.teacher_id JOIN subject s ON s.id = a.subject_id
        WHERE a.class_id = ? AND s.name = '体育与健康' ORDER BY a.id`,
    ).all(seeded.classIds[0]) as { name: string }[];
    expect(pe).toHaveLength(2);
    const header = ['', '一', '二'];
    const data = await workbook({
      '701': [header, ['1', `体育(${pe[1].name})`, `体育 ${pe[0].name[0]}老师`]],
      '七(1)班': [header, ['1', '语文']],
    });
    const preview = await core.call('timetable/importPreview', file(data));
    expect(preview.issues.map((i) => [i.field, i.key])).toEqual([['七(1)班', 'duplicateClass']]);
    expect(preview.counts.lessons).toBe(2);
  });
});
