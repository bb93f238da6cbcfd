/**
 * Parsing of what Excel / WPS put on the clipboard as text/plain: tab-separated cells, CRLF rows, and cells
 * containing tabs, newlines or quotes wrapped in double quotes with "" for a quote.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let atCellStart = true;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      i++;
      continue;
    }
    if (c === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += c;
    atCellStart = false;
    i++;
  }
  // Excel ends the block with a newline; only keep a last row that has content.
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Truthy words people type for a yes/no column. */
const YES = new Set(['是', '有', '√', '✓', '✔', 'y', 'yes', 'true', '1', 't', '对']);
export function parseBool(s: string): boolean {
  return YES.has(s.trim().toLowerCase());
}

/** 2010/9/1, 2010.9.1, 2010年9月1日, 20100901 -> 2010-09-01; anything else returned as typed (core says badDate). */
export function parseDate(s: string): string | null {
  const v = s.trim();
  if (!v) return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return v;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}
