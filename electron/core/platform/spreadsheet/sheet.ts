/**
 * The look every exported workbook shares: a merged, bold title row, a bold header row, rows below. Used by list
 * exports, timetables, compliance, workloads and the monthly check, so a change of house style is one change.
 */
import type ExcelJS from 'exceljs';

export const THIN_BOX: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };

/** Row 1: the title merged across `width` columns. */
export function writeTitleRow(ws: ExcelJS.Worksheet, text: string, width: number): void {
  ws.mergeCells(1, 1, 1, width);
  const c = ws.getCell(1, 1);
  c.value = text;
  c.font = { bold: true, size: 14 };
  c.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 26;
}

export interface HeaderStyle {
  /** Wrap long labels (the header row grows). */
  wrap?: boolean;
  /** A box around each label; otherwise a rule under the row. */
  boxed?: boolean;
  fill?: ExcelJS.Fill;
}

/** A bold header row of labels at `rowNo`. */
export function writeHeaderRow(ws: ExcelJS.Worksheet, rowNo: number, labels: string[], style: HeaderStyle = {}): void {
  const row = ws.getRow(rowNo);
  labels.forEach((label, i) => {
    const cell = row.getCell(i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.alignment = style.wrap ? { horizontal: 'center', vertical: 'middle', wrapText: true } : { horizontal: 'center' };
    if (style.fill) cell.fill = style.fill;
    cell.border = style.boxed ? THIN_BOX : { bottom: { style: 'thin' } };
  });
}

export interface SheetColumn { header: string; width: number }

/**
 * A titled A4 sheet: title row, header row (frozen and repeated when printed), then `rows`. Returns the sheet for
 * any extra formatting.
 */
export function addTitledSheet(
  wb: ExcelJS.Workbook, name: string, title: string, columns: SheetColumn[], rows: (string | number | null)[][],
  opts: { landscape?: boolean; freezeColumns?: number; header?: HeaderStyle } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2, ...(opts.freezeColumns ? { xSplit: opts.freezeColumns } : {}) }],
    pageSetup: { paperSize: 9, orientation: opts.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  writeTitleRow(ws, title, columns.length);
  writeHeaderRow(ws, 2, columns.map((c) => c.header), opts.header);
  for (const r of rows) ws.addRow(r);
  return ws;
}
