/**
 * Reads an uploaded spreadsheet (.xlsx, .xls BIFF8, .csv in UTF-8 or GBK) into a plain grid of cell values.
 * Merged cells are filled with their top-left value so that merged headers (and vertically merged class
 * cells in data rows) read like ordinary cells.
 */
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { AppError } from '../../../../shared/errors';
import { zipEntryNames } from '../attachments/zip-entries';

export type Cell = string | number | boolean | Date | null;
export type Encoding = 'utf-8' | 'gbk' | 'binary';

export interface ReadSheet {
  sheets: string[];
  sheet: string;
  encoding: Encoding;
  /** Rows of cells, index 0 = Excel row 1. */
  grid: Cell[][];
}

/** Decodes CSV bytes: strict UTF-8 first (a BOM is dropped), else GBK (what Chinese Excel saves as "CSV"). */
export function decodeText(buf: Buffer): { text: string; encoding: 'utf-8' | 'gbk' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gbk'), encoding: 'gbk' };
  }
}

function isZip(buf: Buffer): boolean {
  return buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b;
}
function isOle(buf: Buffer): boolean {
  return buf.length > 8 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;
}

function isBlank(v: Cell): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function sheetToGrid(ws: XLSX.WorkSheet): Cell[][] {
  const grid = XLSX.utils.sheet_to_json<Cell[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
  // sheet_to_json starts at the sheet's first used row; pad so that index 0 is Excel row 1.
  const ref = ws['!ref'];
  if (ref) {
    const start = XLSX.utils.decode_range(ref).s;
    if (start.r > 0) grid.unshift(...Array.from({ length: start.r }, () => [] as Cell[]));
    if (start.c > 0) for (const row of grid) row.unshift(...Array.from({ length: start.c }, () => null));
  }
  for (const m of ws['!merges'] ?? []) {
    const v = grid[m.s.r]?.[m.s.c] ?? null;
    if (isBlank(v)) continue;
    for (let r = m.s.r; r <= m.e.r; r++) {
      const row = (grid[r] ??= []);
      for (let c = m.s.c; c <= m.e.c; c++) if (isBlank(row[c] ?? null)) row[c] = v;
    }
  }
  // Drop blank trailing rows (files often carry hundreds of formatted but empty rows).
  while (grid.length && grid[grid.length - 1].every((v) => isBlank(v ?? null))) grid.pop();
  return grid;
}

/** What the bytes really are, whatever the file name says. */
export type RealType = 'xlsx' | 'zip' | 'ole' | 'html' | 'text' | 'binary';
export function detectRealType(b: Buffer): RealType {
  if (isZip(b)) return (zipEntryNames(b) ?? []).some((n) => n.startsWith('xl/')) ? 'xlsx' : 'zip';
  if (isOle(b)) return 'ole';
  const head = b.subarray(0, 2048).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('<') && /<(html|table|\?xml)/.test(head)) return 'html';
  return b.subarray(0, 4096).includes(0) ? 'binary' : 'text';
}

const REAL_TYPE_LABEL: Record<RealType, string> = { xlsx: 'Excel', zip: '压缩包或 Word 文档', ole: 'Excel 97-2003', html: '网页', text: '纯文本', binary: '其他二进制数据' };

/**
 * A file named .xlsx/.xls must be a spreadsheet inside: a text file renamed .xlsx would otherwise read as one
 * column of garbled header. An .xls that is really an .xlsx (or the other way round) is read by its real type;
 * .xls files that are HTML tables (what several school systems export) are read too.
 */
export function checkRealType(fileName: string, ext: string, real: RealType): void {
  const excel = ext === 'xlsx' || ext === 'xlsm' || ext === 'xls';
  if (!excel) return;
  const ok = real === 'xlsx' || real === 'ole' || (ext === 'xls' && real === 'html');
  if (!ok) throw new AppError('VALIDATION', 'import.notExcel', { file: fileName, actual: REAL_TYPE_LABEL[real] });
}

/** Refuses bytes that are not what a spreadsheet file name promises (every import reads through this). */
export function assertSpreadsheetBytes(fileName: string, data: Buffer): void {
  checkRealType(fileName, fileName.toLowerCase().split('.').pop() ?? '', detectRealType(data));
}

/** Parses the bytes into a workbook: binary Excel as is, CSV/text decoded (UTF-8, else GBK) with every value a string. */
function parseWorkbook(fileName: string, data: Buffer): { wb: XLSX.WorkBook; encoding: Encoding } {
  assertSpreadsheetBytes(fileName, data);
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  try {
    if (isZip(data) || isOle(data) || (ext !== 'csv' && ext !== 'txt')) {
      return { wb: XLSX.read(data, { type: 'buffer', cellDates: true, cellNF: false, cellText: false }), encoding: 'binary' };
    }
    const dec = decodeText(data);
    // raw: keep every CSV value a string (an 18-digit 学籍号 must not become a float).
    return { wb: XLSX.read(dec.text.replace(/^\uFEFF/, ''), { type: 'string', raw: true }), encoding: dec.encoding };
  } catch {
    throw new AppError('VALIDATION', 'import.unreadableFile', { file: fileName });
  }
}

/** Every non-empty sheet of a workbook as a grid (score and timetable imports read whole workbooks). */
export function readAllSheets(fileName: string, data: Buffer): { name: string; grid: Cell[][] }[] {
  const { wb } = parseWorkbook(fileName, data);
  return wb.SheetNames.map((name) => ({ name, grid: sheetToGrid(wb.Sheets[name]) })).filter((x) => x.grid.length > 0);
}

export function readSpreadsheet(fileName: string, data: Buffer, wantSheet?: string): ReadSheet {
  const { wb, encoding } = parseWorkbook(fileName, data);
  const sheets = wb.SheetNames;
  if (wantSheet !== undefined && !sheets.includes(wantSheet)) throw new AppError('NOT_FOUND', 'import.sheetNotFound', { sheet: wantSheet });
  let chosen = wantSheet;
  let grid: Cell[][] = [];
  if (chosen !== undefined) grid = sheetToGrid(wb.Sheets[chosen]);
  else {
    for (const name of sheets) {
      grid = sheetToGrid(wb.Sheets[name]);
      if (grid.length) { chosen = name; break; }
    }
  }
  if (chosen === undefined || !grid.length) throw new AppError('VALIDATION', 'import.emptyFile', { file: fileName });
  return { sheets, sheet: chosen, encoding, grid };
}
