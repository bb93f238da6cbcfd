/**
 * What both shells send with the renderer's files, and the one table of file types: the Electron app://
 * protocol (electron/main/protocol.ts) and browser mode's HTTP server (electron/server/server.ts) use the
 * same CSP and the same MIME table, and the features' exports take their MIME types from here.
 */
import path from 'node:path';

/**
 * Only our own files run; inline styles are allowed because antd and AG Grid inject them; data:/blob: for
 * images, fonts and the print preview frame (report previews are srcdoc iframes). Our pages may be framed
 * by our own origin only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_MIME = 'application/pdf';

/** File extension (lower case, with the dot) -> MIME type. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': PDF_MIME,
  '.xlsx': XLSX_MIME,
  '.docx': DOCX_MIME,
  '.fet': 'application/xml',
  '.xml': 'application/xml',
};

/** The MIME type of a file by its extension; unknown types are plain bytes. */
export function mimeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
