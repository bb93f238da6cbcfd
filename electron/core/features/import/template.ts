/** Downloadable import templates: Chinese headers, a note row on formats, one example row, 学籍号 as text. */
import ExcelJS from 'exceljs';
import type { FilePayload, ImportKind } from '../../../../shared/contract';
import { FIELD_DEFS } from './fields';

import { XLSX_MIME } from '../../platform/serving';

interface TemplateSpec { title: string; fields: string[]; example: Record<string, string | number>; note: string; widths: Record<string, number> }

const SPECS: Record<ImportKind, TemplateSpec> = {
  students: {
    title: '学生导入模板',
    fields: ['studentNo', 'name', 'gender', 'birthDate', 'className', 'leftBehind', 'migrant', 'disability', 'hardship', 'note'],
    example: { studentNo: 'G110101201203050012', name: '张小明', gender: '男', birthDate: '2012-03-05', className: '七年级(1)班', leftBehind: '否', migrant: '否', disability: '否', hardship: '否', note: '' },
    note: '填写说明：第2行是表头，请勿修改；从第3行起每行一名学生，第3行是示例，导入前请删除。必填：学籍号、姓名。'
      + '学籍号请保持文本格式（不要转成数字，否则后几位会丢失）；性别填 男/女（或 1/2）；出生日期写 2012-03-05；'
      + '班级写 七年级(3)班、初一(3)班 或 703；留守儿童等列填 是 或 否。学籍号已存在的学生将被更新。',
    widths: { studentNo: 24, name: 12, birthDate: 13, className: 14, hardship: 14, note: 20 },
  },
  teachers: {
    title: '教师导入模板',
    fields: ['staffNo', 'name', 'gender', 'birthDate', 'subject', 'title', 'degree', 'certificate', 'backboneLevel', 'roles', 'isPeArts', 'phone', 'hireDate', 'note'],
    example: {
      staffNo: 'T001', name: '王丽华', gender: '女', birthDate: '1985-06-12', subject: '语文', title: '一级教师', degree: '本科',
      certificate: '初中教师资格', backboneLevel: '县级', roles: '班主任、任课教师', isPeArts: '否', phone: '13800000000', hireDate: '2008-08-01', note: '',
    },
    note: '填写说明：第2行是表头，请勿修改；从第3行起每行一名教师，第3行是示例，导入前请删除。必填：姓名。'
      + '职称填 正高级教师/高级教师/一级教师/二级教师/三级教师/未定级；学历填 研究生/本科/专科/高中/中专/其他；'
      + '教师资格填 小学教师资格/初中教师资格/高中教师资格/无；骨干教师填 无/县级/市级/省级；'
      + '职务可填多个，用顿号分隔（校长、副校长、教导主任、教研组长、备课组长、班主任、任课教师）；日期写 1985-06-12。工号已存在的教师将被更新。',
    widths: { staffNo: 10, name: 12, birthDate: 13, subject: 12, title: 12, certificate: 14, roles: 22, phone: 15, hireDate: 14, note: 20 },
  },
  assignments: {
    title: '任课安排导入模板',
    fields: ['teacher', 'className', 'subject', 'weeklyPeriods'],
    example: { teacher: '王丽华', className: '七年级(1)班', subject: '语文', weeklyPeriods: 5 },
    note: '填写说明：第2行是表头，请勿修改；从第3行起每行一条任课安排（教师 × 班级 × 学科），第3行是示例，导入前请删除。'
      + '任课教师填姓名（重名时填工号）；班级写 七年级(1)班；学科用学科名称或简称；周课时填 0-40 的整数。导入到当前学期。',
    widths: { teacher: 14, className: 14, subject: 14, weeklyPeriods: 10 },
  },
  training: {
    title: '教师培训导入模板',
    fields: ['teacher', 'staffNo', 'title', 'level', 'dates', 'hours', 'organiser', 'note'],
    example: { teacher: '王丽华', staffNo: 'T001', title: '“国培计划”初中语文骨干教师培训', level: '国培', dates: '2025-07-10至2025-07-14', hours: 40, organiser: '省教育厅', note: '' },
    note: '填写说明：第2行是表头，请勿修改；从第3行起每行一名教师的一次培训，第3行是示例，导入前请删除。必填：姓名、培训项目、学时。'
      + '重名教师请填工号；级别填 国培/省培/市培/县培/校本（空着时按项目名称判断）；起止日期写 2025-07-10至2025-07-14，'
      + '也可分成 开始日期、结束日期 两列；学时为正数。同一教师、同一项目、同一结束日期的记录将被更新。',
    widths: { teacher: 12, staffNo: 10, title: 36, level: 8, dates: 24, hours: 8, organiser: 18, note: 16 },
  },
};

export async function buildTemplate(kind: ImportKind): Promise<FilePayload> {
  const spec = SPECS[kind];
  const defs = spec.fields.map((k) => FIELD_DEFS[kind].find((d) => d.key === k)!);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = defs.map((d) => ({ key: d.key, width: spec.widths[d.key] ?? 10 }));
  ws.mergeCells(1, 1, 1, defs.length);
  const note = ws.getCell(1, 1);
  note.value = spec.note;
  note.alignment = { wrapText: true, vertical: 'top' };
  note.font = { size: 10, color: { argb: 'FF595959' } };
  ws.getRow(1).height = kind === 'teachers' ? 72 : 58;
  const header = ws.getRow(2);
  defs.forEach((d, i) => {
    const c = header.getCell(i + 1);
    c.value = d.label;
    c.font = { bold: true, color: { argb: d.required ? 'FFC00000' : 'FF000000' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
    c.alignment = { horizontal: 'center' };
    if (d.required) c.note = '必填';
  });
  ws.getRow(3).values = defs.map((d) => spec.example[d.key] ?? '');
  // 学籍号 / 工号 / 电话 typed into these columns stay text, so Excel cannot turn them into numbers.
  for (const key of ['studentNo', 'staffNo', 'phone']) {
    const idx = defs.findIndex((d) => d.key === key);
    if (idx >= 0) ws.getColumn(idx + 1).numFmt = '@';
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${spec.title}.xlsx`, mime: XLSX_MIME, dataBase64: buf.toString('base64') };
}
