/**
 * Reads a province's 课程设置表 from Excel (.xlsx/.xls/.csv through the import module's reader): subjects down,
 * grades across (一年级..九年级, 1..9, 初一..初三), and a 周课时合计 row. Reports problems by row and column;
 * writes nothing (commit writes, in one transaction, only when there are no errors).
 */
import type { CurriculumImportPreview, CurriculumStandard, ImportIssue } from '../../../../shared/contract';
import { cleanCell } from '../../../../shared/domain/text';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { readSpreadsheet, type Cell, type ReadSheet } from '../../platform/spreadsheet/read';
import { schoolSubjects, subjectResolver } from './standard';
import { zhSchoolDate } from '../../../../shared/domain/dates';

const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A grade column header as a grade level, or null: 一年级, 七年级（初一）, 初二, 1, 1年级, 9. */
export function parseGradeHeader(v: Cell): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 9 ? v : null;
  const s = cleanCell(v).replace(/\s/g, '');
  if (!s) return null;
  let m = /^([1-9])(?:年级)?$/.exec(s) ?? /^([1-9])年级/.exec(s);
  if (m) return Number(m[1]);
  m = /^([一二三四五六七八九])年级/.exec(s);
  if (m) return ZH_DIGITS[m[1]];
  m = /^初([一二三])/.exec(s);
  if (m) return 6 + ZH_DIGITS[m[1]];
  return null;
}

const TOTAL_ROW = /合计|总计|周课时|总课时|小计/;

/** A period count cell: blank, 0, - and / mean none; anything else must be a whole number 0..max. */
function parsePeriods(v: Cell, max: number): number | 'bad' {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v <= max ? v : 'bad';
  const s = cleanCell(v);
  if (s === '' || /^[-—–/／\\]+$/.test(s)) return 0;
  if (!/^\d{1,2}$/.test(s)) return 'bad';
  const n = Number(s);
  return n <= max ? n : 'bad';
}

interface Header { row: number; subjectCol: number; gradeCols: { col: number; level: number; header: string }[] }

/** The first row (of the first 15) with at least two distinct grade headers. */
function findHeader(grid: Cell[][]): Header | null {
  for (let r = 0; r < Math.min(grid.length, 15); r++) {
    const cols: Header['gradeCols'] = [];
    const seen = new Set<number>();
    (grid[r] ?? []).forEach((v, c) => {
      const level = parseGradeHeader(v);
      if (level !== null && !seen.has(level)) { seen.add(level); cols.push({ col: c, level, header: cleanCell(v) }); }
    });
    if (cols.length >= 2 || (cols.length === 1 && typeof grid[r][cols[0].col] === 'string')) {
      const subjectCol = cols[0].col - 1;
      if (subjectCol >= 0) return { row: r, subjectCol, gradeCols: cols };
    }
  }
  return null;
}

/** Reads the sheet holding the table: the first with a grade header row (an exported workbook has it last). */
function readTable(fileName: string, data: Buffer): { sheet: ReadSheet; header: Header } {
  const first = readSpreadsheet(fileName, data);
  for (const name of [first.sheet, ...first.sheets.filter((s) => s !== first.sheet)]) {
    let sheet: ReadSheet;
    try { sheet = name === first.sheet ? first : readSpreadsheet(fileName, data, name); } catch { continue; }
    const header = findHeader(sheet.grid);
    if (header) return { sheet, header };
  }
  throw new AppError('VALIDATION', 'curriculum.noGradeHeader', { file: fileName });
}

export interface CurriculumAnalysis {
  preview: CurriculumImportPreview;
  grades: { level: number; total: number; subjects: { subjectId: number; periods: number }[] }[];
}

export function analyzeCurriculum(ctx: CoreContext, fileName: string, data: Buffer): CurriculumAnalysis {
  const { sheet, header } = readTable(fileName, data);
  const resolve = subjectResolver(schoolSubjects(ctx.db));
  const issues: ImportIssue[] = [];
  const subjectHeader = cleanCell(sheet.grid[header.row][header.subjectCol]) || '科目';
  const issue = (row: number, column: string, field: string, key: string, params: Record<string, string | number>, severity: 'error' | 'warning' = 'error') =>
    issues.push({ row, column, field, key, params, severity });

  const periods = new Map<number, Map<number, number>>(header.gradeCols.map((g) => [g.level, new Map()]));
  const names = new Map<number, string>();
  const firstRowOf = new Map<number, number>();
  let totals: Map<number, number> | null = null;
  let totalsRow = 0;

  for (let r = header.row + 1; r < sheet.grid.length; r++) {
    const row = sheet.grid[r] ?? [];
    const excelRow = r + 1;
    const name = cleanCell(row[header.subjectCol]);
    // A row whose label or a cell left of it says 合计 is the totals row (the label may sit in a merged category cell).
    const isTotal = TOTAL_ROW.test(name) || row.slice(0, header.subjectCol).some((v) => TOTAL_ROW.test(cleanCell(v)));
    const values = header.gradeCols.map((g) => ({ g, raw: row[g.col] ?? null, n: parsePeriods(row[g.col] ?? null, isTotal ? 60 : 20) }));
    const empty = values.every((v) => cleanCell(v.raw) === '');
    if (empty) continue; // blank rows and category headings (国家课程, 地方课程 ...)
    for (const v of values) if (v.n === 'bad') issue(excelRow, v.g.header, 'periods', 'curriculumBadNumber', { value: cleanCell(v.raw), subject: name, grade: v.g.level });
    if (isTotal) {
      if (totals) continue; // a second totals line (e.g. 学年总课时) is not the weekly one
      totals = new Map(values.map((v) => [v.g.level, v.n === 'bad' ? 0 : v.n]));
      totalsRow = excelRow;
      continue;
    }
    if (!name) { issue(excelRow, subjectHeader, 'subject', 'curriculumNoSubject', {}); continue; }
    const subject = resolve(name);
    if (!subject) { issue(excelRow, subjectHeader, 'subject', 'curriculumUnknownSubject', { name }); continue; }
    if (firstRowOf.has(subject.id)) {
      issue(excelRow, subjectHeader, 'subject', 'curriculumDuplicateSubject', { name, first: firstRowOf.get(subject.id)! });
      continue;
    }
    firstRowOf.set(subject.id, excelRow);
    names.set(subject.id, subject.name);
    for (const v of values) if (v.n !== 'bad') periods.get(v.g.level)!.set(subject.id, v.n);
  }

  const weeklyTotals = totals as Map<number, number> | null;
  const sums = new Map(header.gradeCols.map((g) => [g.level, [...periods.get(g.level)!.values()].reduce((a, b) => a + b, 0)]));
  if (!weeklyTotals) {
    issue(header.row + 1, subjectHeader, 'total', 'curriculumNoTotalRow', {}, 'warning');
  } else {
    for (const g of header.gradeCols) {
      const t = weeklyTotals.get(g.level) ?? 0;
      if (t !== sums.get(g.level)) issue(totalsRow, g.header, 'total', 'curriculumTotalMismatch', { grade: g.level, total: t, sum: sums.get(g.level)! });
    }
  }
  if (!names.size) issue(header.row + 1, subjectHeader, 'subject', 'curriculumNoRows', {});

  const grades = header.gradeCols
    .map((g) => ({
      level: g.level,
      total: weeklyTotals?.get(g.level) ?? sums.get(g.level)!,
      subjects: [...periods.get(g.level)!].filter(([, n]) => n > 0).map(([subjectId, n]) => ({ subjectId, periods: n })),
    }))
    .sort((a, b) => a.level - b.level);
  const standard: CurriculumStandard = {
    source: importSource(fileName, ctx.now()),
    grades: grades.map((g) => ({ ...g, subjects: g.subjects.map((s) => ({ ...s, subjectName: names.get(s.subjectId)! })) })),
  };
  return { preview: { standard, issues }, grades };
}

export function importSource(fileName: string, at: Date): string {
  return `依据导入文件《${fileName}》（${zhSchoolDate(at)}导入），请核对本省文件`;
}
