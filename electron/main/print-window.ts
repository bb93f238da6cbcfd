/**
 * A hidden, sandboxed window holding one HTML document, for printToPDF and for the system print dialog.
 * The HTML goes through a temp file, not a data: URL (Chromium caps URL length at 2 MB; class lists are bigger).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, type WebContents } from 'electron';

export async function withHiddenPage<T>(html: string, job: (contents: WebContents) => Promise<T>): Promise<T> {
  const dir = path.join(os.tmpdir(), 'jiaowu-print');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${crypto.randomUUID()}.html`);
  fs.writeFileSync(file, html, 'utf8');
  const win = new BrowserWindow({
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      javascript: true, // only for document.fonts.ready; the report HTML itself has no scripts
      spellcheck: false,
    },
  });
  try {
    await win.loadFile(file);
    // Lay out with the real fonts before printing: wait on the fonts, never on a timer.
    await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
    return await job(win.webContents);
  } finally {
    if (!win.isDestroyed()) win.destroy();
    fs.rm(file, { force: true }, () => undefined);
  }
}

/** Opens the system print dialog for the HTML. Resolves false when the user cancels or printing fails. */
export function printHtml(html: string, opts: { paper: 'A4' | 'A3'; landscape: boolean }): Promise<boolean> {
  return withHiddenPage(html, (contents) => new Promise<boolean>((resolve) => {
    contents.print({ silent: false, printBackground: true, pageSize: opts.paper, landscape: opts.landscape }, (success) => resolve(success));
  }));
}
