/** Text normalisation for messy spreadsheet input. */

/** Full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ, full-width space) to half-width. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Trim, collapse inner white space, half-width. */
export function cleanCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  return toHalfWidth(String(v)).replace(/\s+/g, ' ').trim();
}

/** Chinese collation for names (pinyin order), shared by grids and reports. */
export const zhCollator = new Intl.Collator('zh-CN-u-co-pinyin', { sensitivity: 'base', numeric: true });
export function compareZh(a: string | null | undefined, b: string | null | undefined): number {
  return zhCollator.compare(a ?? '', b ?? '');
}
