/**
 * A hidden, sandboxed window holding one HTML document, for printToPDF and for the system print dialog.
 * The HTML goes through a temp file, not a data: URL (Chromium caps URL length at 2 MB; class lists are bigger).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, type WebContents } from 'electron';
import { PRINT_WEB_PREFERENCES, withPrintCsp } from './print-page';

export async function withHiddenPage<T>(
  html: string,
  job: (contents: WebContents) => Promise<T>,
  size: { width: number; height: number; offscreen?: boolean } = { width: 1024, height: 1400 },
): Promise<T> {
  const dir = path.join(os.tmpdir(), 'jiaowu-print');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${crypto.randomUUID()}.html`);
  fs.writeFileSync(file, withPrintCsp(html), 'utf8');
  const win = new BrowserWindow({
    show: false,
    width: size.width,
    height: size.height,
    useContentSize: true,
    // Offscreen rendering draws at scale 1 whatever the monitor's DPI: the same PNG on every PC.
    webPreferences: { ...PRINT_WEB_PREFERENCES, offscreen: !!size.offscreen },
  });
  // The page never goes anywhere: no navigation of the page or any frame, no new windows.
  const contents = win.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  try {
    // loadFile resolves after the load event: with system fonts only, the layout printToPDF uses is final.
    await win.loadFile(file);
    return await job(contents);
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
