/**
 * Folders named by the user for archives: where to write one, and where to read one back. The rules of the
 * manual backup folder apply (absolute, no `..`, must exist); reading needs no write access.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';

function isAbsoluteFolder(p: string): boolean {
  // On Windows `\\foo` is relative to the current drive: only X:\\... and \\\\server\\share count.
  return process.platform === 'win32' ? /^[a-zA-Z]:[\\/]|^\\\\[^\\]+\\[^\\]+/.test(p) : path.isAbsolute(p);
}

/** An archive (a bag folder or an encrypted .zip) to read: absolute, no `..`, present. */
export function checkArchiveFolder(p: string): void {
  const issue = (key: string) => new AppError('VALIDATION', key, { path: p }, [{ path: ['path'], key, params: { path: p } }]);
  if (!isAbsoluteFolder(p)) throw issue('archivePathRelative');
  if (p.split(/[\\/]+/).some((seg) => seg === '..')) throw issue('archivePathDotDot');
  if (!fs.existsSync(p)) throw new AppError('NOT_FOUND', 'archiveNotFound', { path: p }, [{ path: ['path'], key: 'archiveNotFound', params: { path: p } }]);
}
