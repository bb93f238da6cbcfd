/**
 * The training register and the teacher indicators through Core on a hand-made school of 1,000 students: figures
 * counted by hand (5.3 per 100 exactly met, then one teacher short), the cycle with a mid-cycle joiner, batches,
 * and a county roster imported with its bad rows named by row and column.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { TeacherInput } from '../../../shared/contract';
import { closeTempCore, openSchoolCore } from '../../helpers/core';
import { insertTestClass } from '../../helpers/classes';

let core: Core;
let dir: string;
let ids: number[];

beforeEach(async () => {
  ({ core, dir } = await openSchoolCore()); // 初中, today 2025-10-15
  const db = core.context().db;
  const yearId = (db.prepare('SELECT id FROM school_year').get() as { id: number }).id;
  const classes = Array.from({ length: 20 }, (_, i) => insertTestClass(db, { level: 7 + (i % 3), classNo: 1 + Math.floor(i / 3), schoolYearId: yearId }));
  await core.call('students/saveMany', {
    rows: Array.from({ length: 1000 }, (_, i) => ({ studentNo: `G4305992012${String(i).padStart(7, '0')}`, name: `学生${i}`, classId: classes[i % 20] })),
  });
  // 53 teachers: all 本科 but the last three (专科); 10 county backbone; 9 PE/arts; one uncertified; one joined mid-cycle.
  const rows: TeacherInput[] = Array.from({ length: 56 }, (_, i) => ({
    name: `教师${String(i).padStart(2, '0')}`, staffNo: `T${String(i).padStart(3, '0')}`,
    degree: i >= 53 ? '专科' : '本科', backboneLevel: i < 10 ? '县级' : '无', isPeArts: i >= 10 && i < 19, certified: i !== 20,
    hireDate: i === 30 ? '2024-03-01' : '2010-08-25',
  }));
  ids = (await core.call('teachers/saveMany', { rows })).map((t) => t.id);
  await core.call('training/saveSettings', { cycleStart: '2021-09-01', requiredHours: 360 });
});
afterEach(async () => { await closeTempCore(core, dir); });

const row = async (key: string) => (await core.call('training/indicators', {})).rows.find((r) => r.key === key)!;

describe('teacher indicators through core', () => {
  it('counts by hand: 53 本科 for 1,000 middle-school students is exactly 5.3', async () => {
    const ind = await core.call('training/indicators', {});
    expect(ind.students).toEqual({ primary: 0, middle: 1000, total: 1000 });
    expect(ind.teacherCount).toBe(56);
    expect(await row('degree')).toMatchObject({ count: 53, value: 5.3, met: true });
    expect(await row('backbone')).toMatchObject({ count: 10, value: 1, met: true });
    expect(await row('peArts')).toMatchObject({ count: 9, value: 0.9, met: true });
    const cert = await row('certified');
    expect([cert.count, cert.denominator, cert.met, cert.shortfalls.map((s) => s.name)]).toEqual([55, 56, false, ['教师20']]);
    // One 本科 teacher leaves: 52 -> 5.2, one short.
    await core.call('teachers/archive', { id: ids[0], archived: true });
    expect(await row('degree')).toMatchObject({ count: 52, value: 5.2, met: false, needed: 1 });
  });

  it('the 360-hour figure: a batch on pace for everyone but one; the joiner owes pro rata', async () => {
    // Due on 2025-10-15: 360 x 1506 / 1826 = 296.9 hours; the joiner (2024-03-01): 181 x 594 / 914 = 117.6.
    await core.call('training/saveBatch', { teacherIds: ids.filter((_, i) => i !== 5 && i !== 30), startDate: '2025-07-01', endDate: '2025-07-20', title: '暑期集中研修', level: '县培', hours: 300 });
    await core.call('training/save', { teacherId: ids[30], startDate: '2025-07-01', endDate: '2025-07-10', title: '新教师培训', level: '县培', hours: 120 });
    const cycle = await core.call('training/cycle', {});
    const joiner = cycle.teachers.find((t) => t.teacherId === ids[30])!;
    expect([joiner.required, joiner.due, joiner.status]).toEqual([181, 117.6, 'onPace']);
    const t0 = cycle.teachers.find((t) => t.teacherId === ids[0])!;
    expect([t0.required, t0.due, t0.hours, t0.status]).toEqual([360, 296.9, 300, 'onPace']);
    expect(cycle.completion).toEqual({ teachers: 56, complete: 0, onPace: 55, behind: 1, rate: 55 / 56 });
    const tr = await row('training');
    expect([tr.count, tr.met, tr.shortfalls.map((s) => s.name)]).toEqual([55, false, ['教师05']]);
    // The summary printout says the same.
    const html = (await core.call('reports/html', { reportId: 'training-summary', params: {} })).html;
    expect(html).toContain('达到进度 55 人，落后 1 人');
    expect(html).toContain('98.2%');
    expect(html).toContain('教师05（差 296.9 学时）');
    const indHtml = (await core.call('reports/html', { reportId: 'teacher-indicators', params: {} })).html;
    expect(indHtml).toContain('98.21%');
    expect(indHtml).toContain('5.30');
  });

  it('a batch is edited together: teachers taken out lose their entry', async () => {
    const b = await core.call('training/saveBatch', { teacherIds: ids.slice(0, 10), startDate: '2025-09-20', endDate: '2025-09-20', title: '校本培训', hours: 6 });
    expect(b.entries).toBe(10);
    await core.call('training/saveBatch', { id: b.batchId, teacherIds: ids.slice(0, 8), startDate: '2025-09-20', endDate: '2025-09-20', title: '校本培训（修订）', hours: 8 });
    const list = await core.call('training/list', {});
    expect(list).toHaveLength(8);
    expect(new Set(list.map((e) => `${e.title}/${e.hours}/${e.level}`))).toEqual(new Set(['校本培训（修订）/8/校本']));
    const bad = await core.call('training/saveBatch', { teacherIds: [ids[0], 99999], startDate: '2025-09-21', endDate: '2025-09-20', title: 'x', hours: 1 }).catch((e) => e);
    expect(bad.issues.map((i: { path: (string | number)[] }) => i.path.join('.')).sort()).toEqual(['endDate', 'teacherIds.1']);
    expect(await core.call('training/deleteBatch', { id: b.batchId })).toEqual({ ok: true, entries: 8 });
    expect(await core.call('training/list', {})).toHaveLength(0);
  });
});

describe('importing a county training roster', () => {
  async function roster(rows: (string | number | Date)[][]): Promise<{ fileName: string; dataBase64: string }> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['2025年暑期教师培训名单']);
    for (const r of rows) ws.addRow(r);
    return { fileName: '培训名单.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
  }

  it('reads ranges and levels, names bad rows by row and column, skips the footer, and updates on a second import', async () => {
    await core.call('teachers/save', { name: '教师01' }); // a second 教师01: the name alone is ambiguous
    const file = await roster([
      ['姓名', '工号', '培训项目名称', '培训时间', '学时', '培训机构'],
      ['教师00', '', '“国培计划”骨干教师研修', '2025.7.10-7.19', '60学时', '教育部'],
      ['教师02', 'T002', '县级作业设计专题培训', '2025年7月14日—18日', 30, '县教师发展中心'],
      ['教师01', '', '县级作业设计专题培训', '2025-07-14至2025-07-18', 30, ''],
      ['教师03', '', '市级班主任能力提升', '2025/7/20', 'abc', ''],
      ['教师04', '', '某某培训', '2025-08-01', 12, ''],
      ['教师07', '', '县级信息技术培训', new Date(Date.UTC(2025, 6, 21)), 6, ''],
      ['教师08', '', '省级骨干教师培训', '2025年7月', 24, ''],
      ['制表人：张老师', '', '', '审核：李主任', '', ''],
    ]);
    const p = await core.call('import/preview', { kind: 'training', ...file });
    expect(p.headerRow).toBe(2);
    const issues = p.issues.filter((i) => i.severity === 'error').map((i) => `${i.row}:${i.column}:${i.key}`);
    expect(issues).toEqual(['5:姓名:ambiguousTeacher', '6:学时:badHours', '7:级别:required']);
    expect(p.issues.some((i) => i.key === 'footerIgnored' && i.row === 10)).toBe(true);
    expect(p.counts).toMatchObject({ insert: 4, skip: 3 });
    const r = await core.call('import/commit', { kind: 'training', ...file });
    expect(r).toMatchObject({ inserted: 4, updated: 0, skipped: 3 });
    // A date cell is one day; a month alone is its first day.
    expect((await core.call('training/list', { teacherId: ids[7] })).map((e) => [e.level, e.startDate, e.endDate])).toEqual([['县培', '2025-07-21', '2025-07-21']]);
    expect((await core.call('training/list', { teacherId: ids[8] })).map((e) => [e.level, e.startDate, e.endDate])).toEqual([['省培', '2025-07-01', '2025-07-01']]);
    const guo = (await core.call('training/list', { teacherId: ids[0] }))[0];
    expect([guo.level, guo.startDate, guo.endDate, guo.hours, guo.organiser]).toEqual(['国培', '2025-07-10', '2025-07-19', 60, '教育部']);
    const county = (await core.call('training/list', { teacherId: ids[2] }))[0];
    expect([county.level, county.startDate, county.endDate]).toEqual(['县培', '2025-07-14', '2025-07-18']);
    // The same file again updates, it does not double.
    expect(await core.call('import/commit', { kind: 'training', ...file })).toMatchObject({ inserted: 0, updated: 4 });
    expect(await core.call('training/list', {})).toHaveLength(4);
  });

  it('a county roster of every school: other schools\' teachers and failed courses are left out with a notice', async () => {
    const file = await roster([
      ['序号', '姓名', '工作单位', '项目名称', '培训时间', '培训学时', '考核结果'],
      [1, '教师00', '测试中学', '县级班主任培训', '2025.7.14-7.16', 18, '合格'],
      [2, '王外校', '示例县第二中学', '县级班主任培训', '2025.7.14-7.16', 18, '合格'],
      [3, '教师01', '测试中学', '县级班主任培训', '2025.7.14-7.16', 18, '不合格'],
    ]);
    const p = await core.call('import/preview', { kind: 'training', ...file });
    expect(p.issues.map((i) => `${i.row}:${i.key}:${i.severity}`)).toEqual(['4:otherSchool:notice', '5:notPassed:warning']);
    expect(p.counts).toMatchObject({ insert: 1, skip: 2, errors: 0 });
    expect(await core.call('import/commit', { kind: 'training', ...file })).toMatchObject({ inserted: 1, skipped: 2 });
  });

  it('refuses a file without the required columns', async () => {
    const file = await roster([['姓名', '备注'], ['教师00', '']]);
    const p = await core.call('import/preview', { kind: 'training', ...file });
    expect(p.issues.filter((i) => i.key === 'missingColumn').map((i) => i.field).sort()).toEqual(['hours', 'title']);
    await expect(core.call('import/commit', { kind: 'training', ...file })).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
  });
});
