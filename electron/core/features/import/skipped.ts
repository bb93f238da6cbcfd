/**
 * The rows an import leaves out, as a workbook the clerk can fix and import again: the original columns of
 * each skipped row, its row number in the file and, in a last column, why it was skipped.
 */
import ExcelJS from 'exceljs';
import type { FilePayload, ImportPreview } from '../../../../shared/contract';
import { addTitledSheet } from '../../platform/spreadsheet/sheet';
import { importMessages } from './messages';
import { cellText } from '../../platform/spreadsheet/values';
import type { ReadSheet } from '../../platform/spreadsheet/read';

import { XLSX_MIME } from '../../platform/serving';

/** The Chinese message of an import issue, with its parameters filled in. */
export function issueText(key: string, params: Record<string, string | number> = {}): string {
  const msgs = importMessages['zh-CN'].import as Record<string, string>;
  return (msgs[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

export async function skippedRowsWorkbook(fileName: string, sheet: ReadSheet, preview: ImportPreview): Promise<FilePayload> {
  const skipped = preview.rows.filter((r) => r.action === 'skip').map((r) => r.row);
  const reasons = new Map<number, string[]>();
  for (const i of preview.issues) {
    if (i.severity !== 'error' || i.row === 0) continue;
    const list = reasons.get(i.row) ?? [];
    list.push(`${i.column}：${issueText(i.key, { ...i.params, row: i.row, column: i.column })}`);
    reasons.set(i.row, list);
  }
  const header = sheet.grid[preview.headerRow - 1] ?? [];
  const width = Math.max(header.length, ...skipped.map((r) => (sheet.grid[r - 1] ?? []).length));
  const columns = [
    { header: '原行号', width: 8 },
    ...Array.from({ length: width }, (_, c) => ({ header: cellText(header[c] ?? null) || `第${c + 1}列`, width: 14 })),
    { header: '跳过原因', width: 50 },
  ];
  const rows = skipped.map((r) => [
    r,
    ...Array.from({ length: width }, (_, c) => cellText(sheet.grid[r - 1]?.[c] ?? null)),
    (reasons.get(r) ?? []).join('；'),
  ]);
  const wb = new ExcelJS.Workbook();
  const base = fileName.replace(/\.[^.]+$/, '');
  const ws = addTitledSheet(wb, '未导入的行', `未导入的行（${base}，共 ${skipped.length} 行）`, columns, rows, { landscape: true });
  // 学籍号 and other long numbers stay text.
  ws.eachRow((row, n) => { if (n > 2) row.eachCell((cell) => { cell.numFmt = '@'; }); });
  return { fileName: `${base}-未导入的行.xlsx`, mime: XLSX_MIME, dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}
