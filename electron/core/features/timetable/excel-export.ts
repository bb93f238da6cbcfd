/**
 * timetable/exportXlsx: the term's timetables in the two layouts offices exchange.
 * - 'classes': one sheet per class (named like 七年级(1)班), a title row, days across, periods down
 *   (节次 with clock times), each cell "语文\n王丽".
 * - 'master': one sheet, classes down, day x period across under two header rows (星期 merged, 节次).
 * Both read back through timetable/importPreview unchanged.
 */
import ExcelJS from 'exceljs';
import { writeTitleRow } from '../../platform/spreadsheet/sheet';
import type { FilePayload } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { XLSX_MIME } from '../../platform/serving';
import { loadTerm } from '../../platform/report/header';
import { DAY_NAMES, groupBy, loadTimetable, slotKey, timesFor, type TtLesson } from './print/data';
import { schoolName } from '../../platform/query';

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters; names must be unique (case-insensitive). */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
  let out = base;
  for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  taken.add(out.toLowerCase());
  return out;
}

const THIN = { style: 'thin' as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** "语文\n王丽"; a cell holding two lessons (should not happen, but a combined import could) lists both. */
function cellText(ls: TtLesson[] | undefined, short: boolean): string | null {
  if (!ls?.length) return null;
  return ls.map((l) => `${short ? l.subjectShort : l.subjectName}\n${l.teacherName}`).join('\n');
}

export async function exportTimetableXlsx(ctx: CoreContext, termId: number, layout: 'classes' | 'master'): Promise<FilePayload> {
  const term = loadTerm(ctx, termId);
  if (!term) throw new AppError('NOT_FOUND', 'termNotFound', { id: termId });
  const data = loadTimetable(ctx, termId);
  const school = schoolName(ctx.db);
  const days = data.settings.daysPerWeek;
  const periods = [...data.settings.periods].sort((a, b) => a.no - b.no);
  const byClass = groupBy(data.lessons, (l) => l.classId);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiaowu Desk';
  const taken = new Set<string>();

  if (layout === 'classes') {
    for (const c of data.classes) {
      const ws = wb.addWorksheet(safeSheetName(c.name, taken), {
        pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1 },
      });
      ws.columns = [{ width: 14 }, ...Array.from({ length: days }, () => ({ width: 16 }))];
      writeTitleRow(ws, `${school} ${c.name}课程表（${term.label}）`.trim(), days + 1);
      const head = ws.getRow(2);
      head.values = ['节次', ...DAY_NAMES.slice(0, days)];
      head.font = { bold: true };
      head.alignment = { horizontal: 'center', vertical: 'middle' };
      head.eachCell((cell) => { cell.border = BOX; });
      const slots = groupBy(byClass.get(c.id) ?? [], (l) => slotKey(l.day, l.period));
      const times = new Map(timesFor(data.settings, [c.level]).map((t) => [t.no, t.label]));
      periods.forEach((p, i) => {
        const row = ws.getRow(3 + i);
        row.values = [`第${p.no}节\n${times.get(p.no) ?? ''}`, ...Array.from({ length: days }, (_, d) => cellText(slots.get(slotKey(d + 1, p.no)), false))];
        row.height = 36;
        row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        for (let col = 1; col <= days + 1; col++) row.getCell(col).border = BOX;
      });
    }
    if (!data.classes.length) wb.addWorksheet('课程表');
  } else {
    const ws = wb.addWorksheet('全校总课程表', {
      views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }],
      // 8 = A3 in the OOXML paper codes (exceljs's enum lacks it).
      pageSetup: { paperSize: 8 as ExcelJS.PaperSize, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:3' },
    });
    const n = days * periods.length;
    ws.columns = [{ width: 12 }, ...Array.from({ length: n }, () => ({ width: 7 }))];
    writeTitleRow(ws, `${school} 全校总课程表（${term.label}）`.trim(), n + 1);
    ws.mergeCells(2, 1, 3, 1);
    ws.getCell(2, 1).value = '班级';
    for (let d = 0; d < days; d++) {
      const from = 2 + d * periods.length;
      ws.mergeCells(2, from, 2, from + periods.length - 1);
      ws.getCell(2, from).value = DAY_NAMES[d];
      periods.forEach((p, i) => { ws.getCell(3, from + i).value = `第${p.no}节`; });
    }
    for (const r of [2, 3]) {
      const row = ws.getRow(r);
      row.font = { bold: true };
      row.alignment = { horizontal: 'center', vertical: 'middle' };
      for (let col = 1; col <= n + 1; col++) row.getCell(col).border = BOX;
    }
    data.classes.forEach((c, i) => {
      const slots = groupBy(byClass.get(c.id) ?? [], (l) => slotKey(l.day, l.period));
      const row = ws.getRow(4 + i);
      const cells: (string | null)[] = [c.name];
      for (let d = 1; d <= days; d++) for (const p of periods) cells.push(cellText(slots.get(slotKey(d, p.no)), true));
      row.values = cells;
      row.height = 30;
      row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      for (let col = 1; col <= n + 1; col++) row.getCell(col).border = BOX;
    });
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const what = layout === 'classes' ? '班级课程表' : '全校总课程表';
  const fileName = `${[school, term.label, what].filter(Boolean).join('-')}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName, mime: XLSX_MIME, dataBase64: buf.toString('base64') };
}
