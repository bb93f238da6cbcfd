/**
 * File-name and path rules for the shell's save and open IPC. Plain Node: unit-tested.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Documents the app produces or the user keeps beside the data; executables and scripts are never opened. */
export const OPENABLE_EXTENSIONS = new Set(['.pdf', '.xlsx', '.xls', '.csv', '.docx', '.doc', '.txt', '.html', '.png', '.jpg', '.jpeg']);

/** A file name safe on Windows: no folders, no reserved characters, not empty, at most 200 chars. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 200);
  return cleaned || '导出文件';
}

/** True when the path may be handed to the OS shell: an absolute, existing folder or document. */
export function isOpenablePath(p: string): boolean {
  if (!path.isAbsolute(p)) return false;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return false;
  }
  if (stat.isDirectory()) return true;
  return stat.isFile() && OPENABLE_EXTENSIONS.has(path.extname(p).toLowerCase());
}

const FILTER_NAMES: Record<string, string> = {
  xlsx: 'Excel 工作簿',
  xls: 'Excel 97-2003 工作簿',
  csv: 'CSV 文件',
  pdf: 'PDF 文档',
  docx: 'Word 文档',
  zip: '压缩文件',
  sqlite: '数据库备份',
};

/** Save-dialog filters for a file name: its own type first, then all files. */
export function saveFilters(fileName: string): { name: string; extensions: string[] }[] {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const filters = ext ? [{ name: FILTER_NAMES[ext] ?? `${ext.toUpperCase()} 文件`, extensions: [ext] }] : [];
  return [...filters, { name: '所有文件', extensions: ['*'] }];
}
