/**
 * The Chromium PDF port (browser mode, tests, command line): playwright-core drives a local Chromium,
 * Chrome or Edge. The browser is launched lazily on the first job and reused; each job gets its own page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { AppError } from '../../shared/errors';
import type { PdfOptions, PdfPort } from '../core/platform/report/pdf-port';

/** Where a Chromium-family browser usually lives, most likely first. */
function candidatePaths(): string[] {
  const env = process.env;
  const list: string[] = [];
  if (process.platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((x): x is string => !!x);
    for (const root of roots) {
      list.push(path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
      list.push(path.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    }
  } else if (process.platform === 'darwin') {
    list.push('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    list.push('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    list.push('/Applications/Chromium.app/Contents/MacOS/Chromium');
  } else {
    list.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge');
  }
  return list;
}

/** The browser to use: an explicit path, then CHROMIUM_PATH, then the usual install locations; null if none. */
export function findChromium(executablePath?: string): string | null {
  const explicit = [executablePath, process.env.CHROMIUM_PATH].filter((x): x is string => !!x);
  for (const p of [...explicit, ...candidatePaths()]) if (fs.existsSync(p)) return p;
  return null;
}

/** Chromium switches for a headless browser on a closed network (no sync, updates or background requests). */
export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function createChromiumPdfPort(opts: { executablePath?: string } = {}): PdfPort {
  let browser: Promise<Browser> | null = null;

  const getBrowser = (): Promise<Browser> => {
    if (!browser) {
      const exe = findChromium(opts.executablePath);
      if (!exe) return Promise.reject(new AppError('IO', 'noPdfEngine'));
      browser = chromium.launch({ executablePath: exe, headless: true, args: LAUNCH_ARGS }).then((b) => {
        b.on('disconnected', () => { browser = null; }); // relaunch on the next job if it crashed
        return b;
      });
      browser.catch(() => { browser = null; });
    }
    return browser;
  };

  return {
    async htmlToPdf(html: string, o: PdfOptions): Promise<Uint8Array> {
      const b = await getBrowser();
      const page = await b.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        // Fonts must be laid out before printing; waiting on them, never on a timer. (A string expression:
        // this side is compiled without the DOM library.)
        await page.evaluate('document.fonts.ready.then(() => true)');
        const m = o.marginMm;
        const buf = await page.pdf({
          format: o.paper,
          landscape: o.landscape,
          printBackground: true,
          displayHeaderFooter: !!o.footerTemplate || !!o.headerTemplate,
          footerTemplate: o.footerTemplate ?? '<span></span>',
          headerTemplate: o.headerTemplate ?? '<span></span>',
          margin: m ? { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` } : undefined,
        });
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      } finally {
        await page.close().catch(() => undefined);
      }
    },
    async svgToPng(svg: string, o: { width: number; height: number; scale?: number }): Promise<Uint8Array> {
      const b = await getBrowser();
      const page = await b.newPage({ viewport: { width: o.width, height: o.height }, deviceScaleFactor: o.scale ?? 2 });
      try {
        await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">${svg}</body></html>`, { waitUntil: 'load' });
        await page.evaluate('document.fonts.ready.then(() => true)');
        const buf = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: o.width, height: o.height } });
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      } finally {
        await page.close().catch(() => undefined);
      }
    },
    async close(): Promise<void> {
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close();
    },
  };
}
