/**
 * Shared print layout for every report: the HTML document shell with print CSS, the school header, the
 * title, tables, the "date produced" line, and the PDF options (paper, margins, page-number footer) that
 * both PDF ports (Electron printToPDF, Chromium page.pdf) receive unchanged.
 *
 * Forms are printed on black-and-white laser printers: no colour carries meaning, rules are black.
 */
import type { PdfOptions } from './pdf-port';
import { zhSchoolDate } from '../../../../shared/domain/dates';

export interface PageSetup { paper: 'A4' | 'A3'; landscape: boolean }

/** Page margins (mm). The bottom margin holds the "第 X 页 共 Y 页" footer. */
export const PAGE_MARGIN_MM = { top: 12, right: 12, bottom: 15, left: 12 } as const;

const TITLE_FONTS = `"SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`;
const BODY_FONTS = `"SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif`;

/** HTML-escapes any value; null/undefined print as empty. Every data value goes through this. */
export function esc(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The footer both PDF engines draw in the bottom margin. Chromium renders templates at a tiny default
 * size and without the page's fonts, so size and font are set inline.
 */
export const PAGE_NUMBER_FOOTER =
  `<div style="width:100%;text-align:center;font-size:9pt;font-family:${BODY_FONTS.replace(/"/g, "'")};color:#000;">` +
  `第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`;

export function pdfOptionsFor(setup: PageSetup): PdfOptions {
  return {
    paper: setup.paper,
    landscape: setup.landscape,
    footerTemplate: PAGE_NUMBER_FOOTER,
    headerTemplate: '<span></span>',
    marginMm: { ...PAGE_MARGIN_MM },
  };
}

/** Formats an instant as 2025年9月1日 (the school's day). */
export function zhDate(d: Date): string {
  return zhSchoolDate(d);
}

/** The complete HTML document: @page setup, base print CSS, then the report's own CSS and body. */
export function documentShell(opts: { title: string; setup: PageSetup; body: string; css?: string }): string {
  const m = PAGE_MARGIN_MM;
  const size = `${opts.setup.paper} ${opts.setup.landscape ? 'landscape' : 'portrait'}`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(opts.title)}</title>
<style>
@page { size: ${size}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${BODY_FONTS}; font-size: 10.5pt; color: #000; background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: 100%; }
.sheet + .sheet, .page-break { break-before: page; page-break-before: always; }
.school-header { display: flex; justify-content: space-between; align-items: flex-end;
  font-size: 10pt; border-bottom: 0.6pt solid #000; padding-bottom: 1mm; margin-bottom: 3mm; }
.school-header .school { font-family: ${TITLE_FONTS}; }
.report-title { font-family: ${TITLE_FONTS}; font-weight: bold; font-size: 18pt; text-align: center;
  letter-spacing: 0.15em; margin: 1mm 0 3mm; }
.info-line { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 2mm 6mm; margin: 0 0 2mm; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
table.grid th, table.grid td { border: 0.6pt solid #000; padding: 0 1mm; text-align: center; vertical-align: middle;
  overflow: hidden; }
table.grid th { font-family: ${TITLE_FONTS}; font-weight: bold; font-size: 10pt; height: 7.5mm; background: #fff; }
table.grid td.left { text-align: left; }
.num { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-variant-numeric: tabular-nums; }
.produced { text-align: right; font-size: 9.5pt; margin-top: 2mm; }
.empty { text-align: center; margin-top: 20mm; font-size: 12pt; }
${opts.css ?? ''}
</style>
</head>
<body>
${opts.body}
</body>
</html>
`;
}

/** School name on the left, school year and term on the right, ruled underneath. */
export function schoolHeader(schoolName: string, termLabel: string | null): string {
  return `<div class="school-header"><span class="school">${esc(schoolName)}</span><span>${esc(termLabel ?? '')}</span></div>`;
}

export function reportTitle(title: string): string {
  return `<div class="report-title">${esc(title)}</div>`;
}

export function producedLine(at: Date): string {
  return `<div class="produced">制表日期：${esc(zhDate(at))}</div>`;
}

export interface Column<R> {
  /** Header text (escaped). */
  label: string;
  /** Column width, e.g. '12mm' or '8%'; omitted columns share the rest. */
  width?: string;
  /** Cell text (escaped), or raw HTML via `html`. */
  value: (row: R, index: number) => unknown;
  className?: string;
}

/** A ruled table whose header row repeats on every page and whose rows never split across pages. */
export function gridTable<R>(columns: Column<R>[], rows: R[], opts: { className?: string; minRows?: number } = {}): string {
  const cols = columns.map((c) => `<col${c.width ? ` style="width:${esc(c.width)}"` : ''}>`).join('');
  const head = columns.map((c) => `<th>${esc(c.label)}</th>`).join('');
  const body = rows
    .map((r, i) => `<tr>${columns.map((c) => `<td${c.className ? ` class="${esc(c.className)}"` : ''}>${esc(c.value(r, i))}</td>`).join('')}</tr>`)
    .join('\n');
  // Blank ruled rows keep side-by-side tables the same height, as on a paper form.
  const filler = Math.max(0, (opts.minRows ?? 0) - rows.length);
  const blanks = Array.from({ length: filler }, () => `<tr>${columns.map(() => '<td></td>').join('')}</tr>`).join('\n');
  return `<table class="grid${opts.className ? ' ' + esc(opts.className) : ''}"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${body}${blanks ? '\n' + blanks : ''}\n</tbody></table>`;
}
