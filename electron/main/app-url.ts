/**
 * The app:// origin that serves the renderer, and the mapping from its URLs to files. Plain Node: unit-tested.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'jiaowu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The one CSP both shells send (see core/platform/serving.ts). */
export { CONTENT_SECURITY_POLICY as APP_CSP, mimeOf } from '../core/platform/serving';

/** True for URLs of our own renderer origin (the only origin allowed to navigate or call IPC). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Maps an app:// URL path to a file inside `root`, or null when it would escape root (path traversal:
 * '..', encoded '%2e%2e', backslashes, NUL, absolute or drive-letter paths).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed escape
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  if (/^[a-zA-Z]:/.test(rel) || rel.split('/').includes('..')) return null;
  const base = path.resolve(root);
  const full = path.resolve(base, rel);
  const within = path.relative(base, full);
  if (within.startsWith('..') || path.isAbsolute(within)) return null;
  return full;
}
