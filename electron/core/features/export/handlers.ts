/** export/list: any list as an .xlsx a real office suite opens (title row, frozen header, text 学籍号). */
import ExcelJS from 'exceljs';
import type { FilePayload } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { XLSX_MIME } from '../../platform/serving';
import { loadList, type ExportList, type ListData } from './lists';
import { HEADER_FILL, writeHeaderRow, writeTitleRow } from '../../platform/spreadsheet/sheet';
import { compactSchoolDay } from '../../../../shared/domain/dates';
import { findTerm, schoolName } from '../../platform/query';

export async function listWorkbook(data: ListData, heading: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiaowu Desk';
  const ws = wb.addWorksheet(data.title, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: data.columns.length > 8 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  ws.columns = data.columns.map((c) => ({ key: c.key, width: c.width }));
  const n = data.columns.length;
  writeTitleRow(ws, heading, n);
  writeHeaderRow(ws, 2, data.columns.map((c) => c.header), { fill: HEADER_FILL });
  for (const r of data.rows) ws.addRow(data.columns.map((c) => (r[c.key] === null || r[c.key] === undefined ? null : c.text ? String(r[c.key]) : r[c.key])));
  // Text columns keep 学籍号 / 工号 / 电话 from being turned into numbers when the user edits them.
  data.columns.forEach((c, i) => { if (c.text) ws.getColumn(i + 1).numFmt = '@'; });
  if (data.rows.length) ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: n } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function stamp(d: Date): string {
  return compactSchoolDay(d);
}

export async function exportList(ctx: CoreContext, list: ExportList, termIdIn?: number): Promise<FilePayload> {
  let termId: number | null = null;
  let termText = '';
  if (list === 'assignments') {
    termId = termIdIn ?? (Number(ctx.getSetting('currentTermId') ?? 0) || null);
    const label = termId ? findTerm(ctx.db, termId)?.name ?? null : null;
    if (!termId || !label) throw new AppError('VALIDATION', 'export.noTerm');
    termText = label;
  }
  const data = loadList(ctx.db, list, termId);
  const school = schoolName(ctx.db);
  const heading = [school, termText, data.title].filter(Boolean).join(' ');
  const buf = await listWorkbook(data, heading);
  return { fileName: `${[school, termText, data.title].filter(Boolean).join('-')}-${stamp(ctx.now())}.xlsx`, mime: XLSX_MIME, dataBase64: buf.toString('base64') };
}

export const exportHandlers: HandlerMap<FeatureMethod<'export'>> = {
  'export/list': (input, ctx) => exportList(ctx, input.list, input.termId),
};
