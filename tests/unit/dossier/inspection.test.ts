/**
 * The inspection dossier through Core on the sample school (today 4 Dec 2026, three school years): the
 * framework copied per inspection, readiness counted by hand, the computed figure equal to the training page's,
 * the indicator edits, and a county's 细则 from Excel with its bad rows named by row and column.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { InspectionDetail } from '../../../shared/contract';
import { closeTempCore, openTempCore } from '../../helpers/core';

let core: Core;
let dir: string;
let yearIds: number[];
let inspectionId: number;

beforeAll(async () => {
  ({ core, dir } = await openTempCore({ now: () => new Date('2026-12-04T08:00:00Z') }));
  await core.call('app/setOperator', { name: '教务员' });
  await core.call('app/loadSample', {});
  yearIds = (await core.call('school/listYears', {})).sort((a, b) => a.startYear - b.startYear).map((y) => y.id);
  inspectionId = (await core.call('dossier/save', { name: '2026年优质均衡督导评估', visitDate: '2027-01-10', schoolYearIds: yearIds, framework: { kind: 'builtin', key: 'quality-2017' } })).id;
}, 120_000);
afterAll(async () => { await closeTempCore(core, dir); });

const get = () => core.call('dossier/get', { id: inspectionId });
const byCode = (d: InspectionDetail, code: string) => d.indicators.find((i) => i.code === code)!;

async function xlsx(rows: (string | number | null)[][]): Promise<{ fileName: string; dataBase64: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('细则');
  rows.forEach((r) => ws.addRow(r));
  return { fileName: '细则.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

describe('an inspection from the built-in 2017 framework', () => {
  it('copies 32 indicators (7 + 15 + 9 + 1) and the evidence the app can give', async () => {
    const d = await get();
    expect(d.indicators.map((i) => i.partNo)).toEqual([...Array(7).fill('一'), ...Array(15).fill('二'), ...Array(9).fill('三'), '四']);
    expect(d.inspection.yearNames).toEqual(['2024-2025学年', '2025-2026学年', '2026-2027学年']);
    // 一-1: its computed figure, the indicators table once per year and the roster.
    expect(byCode(d, '一-1').evidence.map((e) => e.kind)).toEqual(['computed', 'report', 'report', 'report', 'report']);
    expect(byCode(d, '一-1').evidence.filter((e) => e.reportId === 'teacher-indicators').map((e) => e.title))
      .toEqual(['教师队伍督导评估指标统计表（2024-2025学年）', '教师队伍督导评估指标统计表（2025-2026学年）', '教师队伍督导评估指标统计表（2026-2027学年）']);
    // Terms not yet begun (2026-2027 second term) get no printouts.
    expect(byCode(d, '三-7').evidence.filter((e) => e.reportId === 'compliance-report')).toHaveLength(5);
  });

  it('counts readiness by hand: 18 indicators the school documents, none complete before any self-assessment', async () => {
    const d = await get();
    // Applicable: 资源配置 7 + 教育质量 9 + the two computed ones of 政府保障 (training 二-9, certificates 二-12).
    expect(d.readiness.applicable).toBe(18);
    expect(d.readiness.counts.na).toBe(14);
    expect(d.readiness.counts.complete).toBe(0);
    expect(d.readiness.percent).toBe(0);
    expect(byCode(d, '一-4').readiness).toEqual({ status: 'missing', reasons: [{ key: 'noEvidence' }, { key: 'noSelfText' }] });
  });

  it('shows the training figure of the training page against the standard, once per year', async () => {
    const d = await get();
    const v = byCode(d, '二-9').value!;
    expect(v.rows.map((r) => r.period)).toEqual(['2024-2025学年', '2025-2026学年', '2026-2027学年']);
    for (const [i, y] of yearIds.entries()) {
      const row = (await core.call('training/indicators', { schoolYearId: y })).rows.find((r) => r.key === 'training')!;
      expect(v.rows[i].value).toBe(`${row.value!.toFixed(2)}%`);
      expect(v.rows[i].met).toBe(row.met);
    }
    // Below 100%: the indicator reads "below the standard", with the years that fail.
    expect(byCode(d, '二-9').readiness.status).toBe(v.met === false ? 'below' : 'missing');
  });

  it('an indicator with evidence and a self-assessment is complete; the percentage follows (2 of 18 = 11.1%)', async () => {
    for (const code of ['一-1', '二-12']) {
      const i = byCode(await get(), code);
      await core.call('dossier/saveIndicator', { ...i, standard: i.standard, selfText: `${code} 学校自评：达到标准。` });
    }
    const d = await get();
    expect(byCode(d, '一-1').readiness.status).toBe(byCode(d, '一-1').value!.met === false ? 'below' : 'complete');
    expect(d.readiness.counts.complete).toBe(2);
    expect(d.readiness.percent).toBe(11.1);
    expect(d.inspection.frameworkRev).toBe(3);
  });

  it('edits stay in this inspection: a copy starts from them, the built-in framework is untouched', async () => {
    const i = byCode(await get(), '一-4');
    await core.call('dossier/saveIndicator', { ...i, text: '生均教学及辅助用房面积（本县细则）' });
    const copy = await core.call('dossier/save', { name: '复查', visitDate: '2027-06-01', schoolYearIds: [yearIds[2]], framework: { kind: 'copy', inspectionId } });
    expect(byCode(await core.call('dossier/get', { id: copy.id }), '一-4').text).toBe('生均教学及辅助用房面积（本县细则）');
    const fresh = await core.call('dossier/save', { name: '新', visitDate: '2027-06-01', schoolYearIds: [yearIds[2]] });
    expect(byCode(await core.call('dossier/get', { id: fresh.id }), '一-4').text).toBe('生均教学及辅助用房面积');
    await core.call('dossier/delete', { id: copy.id });
    await core.call('dossier/delete', { id: fresh.id });
  });

  it('moves, adds and renumbers indicators; a taken code is refused on the field', async () => {
    const d = await get();
    await core.call('dossier/moveIndicator', { id: byCode(d, '一-2').id, direction: 'up' });
    const added = await core.call('dossier/saveIndicator', { inspectionId, partNo: '一', partName: '资源配置', code: '一-8', text: '生均图书册数', after: byCode(d, '一-7').id });
    await expect(core.call('dossier/saveIndicator', { inspectionId, partNo: '一', partName: '资源配置', code: '一-8', text: '重复' }))
      .rejects.toMatchObject({ code: 'VALIDATION', key: 'dossier.codeTaken', issues: [{ path: ['code'] }] });
    const r = await core.call('dossier/renumber', { id: inspectionId });
    expect(r.changed).toBe(2); // 一-2 and 一-1 swapped numbers; 一-8 already fits
    const after = await get();
    expect(after.indicators.slice(0, 8).map((i) => i.text.slice(0, 6))).toEqual(['每百名学生拥', '每百名学生拥', '每百名学生拥', '生均教学及辅', '生均体育运动', '生均教学仪器', '每百名学生拥', '生均图书册数']);
    expect(after.indicators.find((i) => i.id === added.id)!.code).toBe('一-8');
    expect(after.indicators[0].text).toContain('骨干教师');
  });
});

describe('a county 细则 from Excel', () => {
  it('reads parts, codes, standards and computed items; the exported framework imports back the same', async () => {
    const file = await xlsx([
      ['某省县域义务教育优质均衡发展督导评估实施细则'],
      ['一级指标', '编号', '评估内容', '评估标准', '计算项', '学校举证'],
      ['A 资源配置', 'A1', '每百名学生拥有高于规定学历教师数', '初中 ≥ 5.3 人', 'degree', '是'],
      [null, 'A2', '生均体育运动场馆面积', '初中 ≥ 10.2 平方米', null, '是'],
      ['B 政府保障', 'B1', '教师交流轮岗比例', '≥ 10%', null, '否'],
    ]);
    const ins = await core.call('dossier/save', { name: '县细则', visitDate: '2027-03-01', schoolYearIds: [yearIds[2]], framework: { kind: 'excel', upload: file } });
    const d = await core.call('dossier/get', { id: ins.id });
    expect(d.inspection.frameworkName).toBe('某省县域义务教育优质均衡发展督导评估实施细则');
    expect(d.indicators.map((i) => [i.partNo, i.partName, i.code, i.computed, i.applies])).toEqual([
      ['A', '资源配置', 'A1', 'degree', true], ['A', '资源配置', 'A2', null, true], ['B', '政府保障', 'B1', null, false],
    ]);
    const exported = await core.call('dossier/exportFramework', { id: ins.id });
    const again = await core.call('dossier/save', { name: '再导入', visitDate: '2027-03-01', schoolYearIds: [yearIds[2]], framework: { kind: 'excel', upload: { fileName: exported.fileName, dataBase64: exported.dataBase64 } } });
    const d2 = await core.call('dossier/get', { id: again.id });
    expect(d2.indicators.map((i) => [i.partNo, i.code, i.text, i.standard, i.computed, i.applies])).toEqual(d.indicators.map((i) => [i.partNo, i.code, i.text, i.standard, i.computed, i.applies]));
  });

  it('names the bad row and column: a repeated code, an empty indicator, no 指标 column', async () => {
    const dup = await xlsx([['部分', '编号', '指标'], ['一、资源配置', '1', '甲'], ['一、资源配置', '1', '乙']]);
    await expect(core.call('dossier/save', { name: 'x', visitDate: '2027-03-01', schoolYearIds: [yearIds[2]], framework: { kind: 'excel', upload: dup } }))
      .rejects.toMatchObject({ key: 'dossier.excelDuplicateCode', params: { row: 3, code: '1', first: 2 } });
    const empty = await xlsx([['部分', '编号', '指标', '标准'], ['一、资源配置', '1', '甲', null], ['一、资源配置', '2', null, '≥ 1']]);
    await expect(core.call('dossier/save', { name: 'x', visitDate: '2027-03-01', schoolYearIds: [yearIds[2]], framework: { kind: 'excel', upload: empty } }))
      .rejects.toMatchObject({ key: 'dossier.excelEmptyText', params: { row: 3, column: '指标' } });
    const none = await xlsx([['姓名', '学号'], ['张三', '1']]);
    await expect(core.call('dossier/save', { name: 'x', visitDate: '2027-03-01', schoolYearIds: [yearIds[2]], framework: { kind: 'excel', upload: none } }))
      .rejects.toMatchObject({ key: 'dossier.excelNoTextColumn' });
    expect((await core.call('dossier/list', {})).filter((i) => i.name === 'x')).toEqual([]);
  });
});
