/**
 * curriculum/exportCheckXlsx: 课程开设情况统计表 as a workbook a real office suite opens: per class rows with each
 * subject as actual/required, a per-grade summary, the nine-year shares and the standard itself (in the
 * import layout, so the office can edit it and import it back).
 */
import ExcelJS from 'exceljs';
import { HEADER_FILL, THIN_BOX, writeHeaderRow, writeTitleRow } from '../../platform/spreadsheet/sheet';
import type { FilePayload } from '../../../../shared/contract';
import { GRADE_NAMES } from '../../../../shared/domain/constants';
import type { CoreContext } from '../../platform/context';
import { XLSX_MIME } from '../../platform/serving';
import { basisText, problemText, type ComplianceRun } from './check';
import { schoolSubjects } from './standard';
import { schoolName } from '../../platform/query';

const THIN = THIN_BOX;
const PROBLEM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };

/** Subject columns: every subject of the standard or of any class, in the school's subject order. */
export function subjectColumns(ctx: CoreContext, run: ComplianceRun): { id: number; name: string; short: string }[] {
  const used = new Set<number>();
  for (const g of run.standard.grades) for (const s of g.subjects) if (s.periods > 0) used.add(s.subjectId);
  for (const c of run.result.classes) for (const s of c.subjects) if (s.actual > 0) used.add(s.subjectId);
  return schoolSubjects(ctx.db, true).filter((s) => used.has(s.id)).map((s) => ({ id: s.id, name: s.name, short: s.shortName || s.name }));
}

/** ▼ below / missing, ▲ above: the same marks as the printout, readable without colour. */
export function mark(status: string): string {
  return status === 'missing' || status === 'below' ? '▼' : status === 'above' ? '▲' : '';
}

const titleRow = writeTitleRow;
const headerRow = (ws: ExcelJS.Worksheet, rowNo: number, labels: string[]) => writeHeaderRow(ws, rowNo, labels, { wrap: true, boxed: true, fill: HEADER_FILL });

export async function complianceWorkbook(ctx: CoreContext, run: ComplianceRun): Promise<Buffer> {
  const school = schoolName(ctx.db);
  const subjects = subjectColumns(ctx, run);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiaowu Desk';
  const page = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;

  // ---- per class ----
  const ws = wb.addWorksheet('课程开设情况统计表', { views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }], pageSetup: { ...page, printTitlesRow: '3:3' } });
  const head = ['班级', ...subjects.map((s) => s.short), '周课时合计', '状态', '问题'];
  titleRow(ws, `${school} ${run.termLabel} 课程开设情况统计表`, head.length);
  ws.mergeCells(2, 1, 2, head.length);
  ws.getCell(2, 1).value = `统计口径：${basisText(run)}。单元格为“实际/标准”周课时，▼ 少于标准或未开设，▲ 多于标准。`;
  headerRow(ws, 3, head);
  ws.columns = head.map((_, i) => ({ width: i === 0 ? 14 : i === head.length - 1 ? 48 : i === head.length - 3 ? 11 : 8 }));
  for (const c of run.result.classes) {
    const bySubject = new Map(c.subjects.map((s) => [s.subjectId, s]));
    const row = ws.addRow([
      c.className,
      ...subjects.map((s) => {
        const x = bySubject.get(s.id);
        return x ? `${x.actual}/${x.required}${mark(x.status)}` : '';
      }),
      `${c.total}/${c.requiredTotal}${c.total !== c.requiredTotal ? (c.total < c.requiredTotal ? '▼' : '▲') : ''}`,
      c.status === 'ok' ? '达标' : '未达标',
      c.problems.map(problemText).join('；'),
    ]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = THIN;
      cell.alignment = { horizontal: col === head.length ? 'left' : 'center', vertical: 'middle', wrapText: col === head.length };
      const text = String(cell.value ?? '');
      if (/[▼▲]/.test(text) || text === '未达标') { cell.font = { bold: true }; cell.fill = PROBLEM_FILL; }
    });
  }

  // ---- per grade ----
  const wg = wb.addWorksheet('年级汇总', { pageSetup: { ...page, orientation: 'portrait' } });
  titleRow(wg, `${school} ${run.termLabel} 课程开设情况年级汇总`, 5);
  headerRow(wg, 2, ['年级', '班级数', '达标班级数', '未达标班级数', '达标率']);
  wg.columns = [{ width: 12 }, { width: 10 }, { width: 12 }, { width: 14 }, { width: 10 }];
  for (const g of run.result.grades) {
    const row = wg.addRow([GRADE_NAMES[g.level] ?? String(g.level), g.classes, g.okClasses, g.classes - g.okClasses, g.classes ? g.okClasses / g.classes : 0]);
    row.getCell(5).numFmt = '0.0%';
    row.eachCell({ includeEmpty: true }, (cell) => { cell.border = THIN; cell.alignment = { horizontal: 'center' }; });
  }

  // ---- nine-year shares ----
  const wsh = wb.addWorksheet('九年课时占比', { pageSetup: { ...page, orientation: 'portrait' } });
  titleRow(wsh, '九年课时占比（供参考）', 5);
  const nineYears = run.result.grades.length === 9;
  headerRow(wsh, 2, ['科目', '实际占比', '标准占比', '国家方案范围', '实际是否在范围内']);
  wsh.columns = [{ width: 26 }, { width: 11 }, { width: 11 }, { width: 14 }, { width: 16 }];
  for (const s of run.result.shares) {
    const row = wsh.addRow([s.group, s.percent / 100, (s.requiredPercent ?? 0) / 100, `${s.min}%～${s.max}%`, nineYears ? (s.percent < s.min ? '偏低' : s.percent > s.max ? '偏高' : '在范围内') : '—']);
    row.getCell(2).numFmt = '0.0%';
    row.getCell(3).numFmt = '0.0%';
    row.eachCell({ includeEmpty: true }, (cell) => { cell.border = THIN; cell.alignment = { horizontal: 'center' }; });
  }
  wsh.addRow([]);
  wsh.addRow([nineYears
    ? '按九个年级计算（每学年 35 周，九年级 33 周），对照《义务教育课程方案（2022年版）》的九年课时比例，仅供参考。'
    : '本校未开设全部九个年级：占比按本校年级计算，与国家方案的九年比例不能直接比较，不作判断。']);

  // ---- the standard, in the import layout ----
  const wst = wb.addWorksheet('课程标准', { pageSetup: { ...page, orientation: 'portrait' } });
  const levels = run.standard.grades.map((g) => g.level);
  const stdSubjects = schoolSubjects(ctx.db, true).filter((s) => run.standard.grades.some((g) => g.subjects.some((x) => x.subjectId === s.id)));
  titleRow(wst, '课程设置表（周课时）', levels.length + 1);
  headerRow(wst, 2, ['科目', ...levels.map((l) => GRADE_NAMES[l] ?? String(l))]);
  wst.columns = [{ width: 16 }, ...levels.map(() => ({ width: 9 }))];
  for (const s of stdSubjects) {
    const row = wst.addRow([s.name, ...run.standard.grades.map((g) => g.subjects.find((x) => x.subjectId === s.id)?.periods ?? 0)]);
    row.eachCell({ includeEmpty: true }, (cell) => { cell.border = THIN; cell.alignment = { horizontal: 'center' }; });
  }
  const total = wst.addRow(['周课时合计', ...run.standard.grades.map((g) => g.total)]);
  total.eachCell({ includeEmpty: true }, (cell) => { cell.border = THIN; cell.font = { bold: true }; cell.alignment = { horizontal: 'center' }; });
  wst.addRow([]);
  const src = wst.addRow([`来源：${run.standard.source}`]);
  src.getCell(1).alignment = { wrapText: false };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportCompliance(ctx: CoreContext, run: ComplianceRun): Promise<FilePayload> {
  const school = schoolName(ctx.db);
  const buf = await complianceWorkbook(ctx, run);
  const name = [school, run.termLabel, '课程开设情况统计表'].filter(Boolean).join('-').replace(/[\\/:*?"<>|]/g, '_');
  return { fileName: `${name}.xlsx`, mime: XLSX_MIME, dataBase64: buf.toString('base64') };
}
