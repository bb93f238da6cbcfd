/**
 * A county's 细则 as an Excel sheet: read into indicators for a new inspection, and written back out (the same
 * columns), so the office can edit a framework in Excel and import it again. The columns are found by their
 * header names; a bad row is named by its row number and column.
 */
import ExcelJS from 'exceljs';
import type { FilePayload } from '../../../../shared/contract';
import { COMPUTED_KEYS, COMPUTED_LABEL } from '../../../../shared/domain/dossier/computed';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { XLSX_MIME } from '../../platform/serving';
import { addTitledSheet } from '../../platform/spreadsheet/sheet';
import { readSpreadsheet } from '../../platform/spreadsheet/read';
import { cellText } from '../../platform/spreadsheet/values';

export interface ImportedIndicator {
  partNo: string; partName: string; code: string; text: string; standard: string | null; computed: string | null; applies: boolean;
  frameworkName?: string;
}

const HEADERS = {
  part: /^(部分|一级指标|评估项目|项目|类别|维度)/,
  code: /^(编号|序号|指标编号|代码)/,
  text: /^(指标|二级指标|评估指标|评估内容|指标内容|内容)/,
  standard: /^(标准|评估标准|评价标准|达标要求|要求)/,
  computed: /^(计算项|计算)/,
  applies: /^(学校举证|是否举证|适用)/,
};
type Col = keyof typeof HEADERS;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "一、资源配置" / "（一）资源配置" / "资源配置" -> number and name. */
function splitPart(text: string, index: number): { no: string; name: string } {
  const m = /^[（(]?([一二三四五六七八九十]+|\d+|[A-Z])[)）、.．\s]+(.+)$/.exec(text.trim());
  return m ? { no: m[1], name: m[2].trim() } : { no: NUMERALS[index] ?? String(index + 1), name: text.trim() };
}

const computedFrom = (t: string): string | null => {
  const s = t.trim();
  if (!s) return null;
  return (COMPUTED_KEYS as readonly string[]).includes(s) ? s : (COMPUTED_KEYS.find((k) => COMPUTED_LABEL[k] === s) ?? null);
};

export function readFrameworkExcel(fileName: string, bytes: Buffer): ImportedIndicator[] {
  const sheet = readSpreadsheet(fileName, bytes);
  const grid = sheet.grid.map((r) => r.map((c) => cellText(c).replace(/\s+/g, ' ').trim()));
  const fail = (key: string, params: Record<string, string | number>) => {
    const issue: FieldIssue = { path: ['framework', 'upload', 'fileName'], key, params };
    return new AppError('VALIDATION', key, params, [issue]);
  };
  // The header row: the first of the first 10 rows with an 指标 column.
  const headerAt = grid.slice(0, 10).findIndex((r) => r.some((c) => HEADERS.text.test(c)));
  if (headerAt < 0) throw fail('dossier.excelNoTextColumn', { file: fileName });
  const cols: Partial<Record<Col, number>> = {};
  grid[headerAt].forEach((c, i) => {
    for (const k of Object.keys(HEADERS) as Col[]) if (cols[k] === undefined && HEADERS[k].test(c)) { cols[k] = i; break; }
  });
  // A title above the header row names the framework (e.g. 某某省县域义务教育优质均衡发展督导评估实施细则).
  const title = grid.slice(0, headerAt).flat().find((c) => c.length >= 4);
  const out: ImportedIndicator[] = [];
  const codes = new Map<string, number>();
  let part = { no: '一', name: '评估指标' };
  let partIndex = -1;
  let lastPartText = '';
  for (let r = headerAt + 1; r < grid.length; r++) {
    const row = grid[r];
    const at = (c: Col) => (cols[c] === undefined ? '' : (row[cols[c]!] ?? ''));
    const rowNo = r + 1;
    const partText = at('part');
    // Merged part cells read as empty below their first row: the part carries on.
    if (partText && partText !== lastPartText) {
      partIndex++;
      part = splitPart(partText, partIndex);
      lastPartText = partText;
    } else if (partIndex < 0) partIndex = 0;
    const text = at('text');
    if (!text) {
      if (at('code') || at('standard')) throw fail('dossier.excelEmptyText', { row: rowNo, column: grid[headerAt][cols.text!] });
      continue;
    }
    if (text.length > 500) throw fail('dossier.excelTooLong', { row: rowNo, column: grid[headerAt][cols.text!], max: 500 });
    const standard = at('standard');
    if (standard.length > 300) throw fail('dossier.excelTooLong', { row: rowNo, column: grid[headerAt][cols.standard!], max: 300 });
    const n = out.filter((x) => x.partNo === part.no).length + 1;
    const code = (at('code') || `${part.no}-${n}`).slice(0, 20);
    if (codes.has(code)) throw fail('dossier.excelDuplicateCode', { row: rowNo, code, first: codes.get(code)! });
    codes.set(code, rowNo);
    const appliesText = at('applies');
    out.push({
      partNo: part.no.slice(0, 10), partName: part.name.slice(0, 60), code, text, standard: standard || null,
      computed: computedFrom(at('computed')), applies: !/^(否|不|×|N|no)/i.test(appliesText),
      frameworkName: title?.slice(0, 100),
    });
  }
  if (!out.length) throw fail('dossier.excelNoRows', { file: fileName });
  return out;
}

/** The inspection's indicators in the import's columns (a template for a county's own 细则). */
export async function frameworkWorkbook(ctx: CoreContext, inspectionId: number, title: string): Promise<FilePayload> {
  const rows = ctx.db.prepare('SELECT part_no, part_name, code, text, standard, computed, applies FROM inspection_indicator WHERE inspection_id = ? ORDER BY sort').all(inspectionId) as
    { part_no: string; part_name: string; code: string; text: string; standard: string | null; computed: string | null; applies: number }[];
  const wb = new ExcelJS.Workbook();
  const ws = addTitledSheet(wb, '评估指标', title, [
    { header: '部分', width: 18 }, { header: '编号', width: 8 }, { header: '指标', width: 60 }, { header: '标准', width: 26 },
    { header: '计算项', width: 22 }, { header: '学校举证', width: 9 },
  ], rows.map((r) => [`${r.part_no}、${r.part_name}`, r.code, r.text, r.standard ?? '', r.computed ? COMPUTED_LABEL[r.computed as keyof typeof COMPUTED_LABEL] : '', r.applies ? '是' : '否']), { landscape: true });
  ws.getColumn(3).alignment = { wrapText: true, vertical: 'middle' };
  ws.getColumn(4).alignment = { wrapText: true, vertical: 'middle' };
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${title.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`, mime: XLSX_MIME, dataBase64: buf.toString('base64') };
}
