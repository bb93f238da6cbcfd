/**
 * Grid headers that are never cut off: headers wrap onto a second line (autoHeaderHeight), and a column is never
 * narrower than its longest header word plus room for the sort and menu icons. English headers ("Left-behind",
 * "Backbone level") are far wider than their Chinese originals (留守, 骨干), so widths set for Chinese need this.
 */
let ctx: CanvasRenderingContext2D | null = null;

/** Pixel width of text in the grid's header font. */
function textWidth(text: string): number {
  if (typeof document === 'undefined') return text.length * 8;
  ctx ??= document.createElement('canvas').getContext('2d');
  if (!ctx) return text.length * 8;
  ctx.font = '600 13px -apple-system, "Segoe UI", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
  return ctx.measureText(text).width;
}

/** The narrowest a column may be: its longest unbreakable word, the icons and the cell padding. */
export function headerMinWidth(header: string | undefined, icons = 40): number {
  const words = (header ?? '').split(/\s+/).filter(Boolean);
  const longest = Math.max(0, ...words.map(textWidth));
  return Math.ceil(longest + icons);
}

/** Default column settings shared by every grid: headers wrap instead of being clipped. */
export const WRAPPING_HEADERS = { wrapHeaderText: true, autoHeaderHeight: true } as const;
