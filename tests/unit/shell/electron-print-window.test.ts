/**
 * The Electron print window (issue 8, item 2): no JavaScript, a CSP in the page, and no navigation of the
 * page or its frames. Runs against a fake `electron` module (no Electron binary here).
 */
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { PRINT_CSP, PRINT_WEB_PREFERENCES, withPrintCsp } from '../../../electron/main/print-page';

const created: { opts: Record<string, unknown>; handlers: Map<string, (e: { preventDefault(): void }) => void>; openHandler?: () => unknown; loaded?: string }[] = [];
const captures: unknown[] = [];
vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    private rec: (typeof created)[number];
    constructor(opts: Record<string, unknown>) {
      this.rec = { opts, handlers: new Map() };
      created.push(this.rec);
      const rec = this.rec;
      this.webContents = {
        on: (ev: string, fn: (e: { preventDefault(): void }) => void) => { rec.handlers.set(ev, fn); },
        setWindowOpenHandler: (fn: () => unknown) => { rec.openHandler = fn; },
        executeJavaScript: () => { throw new Error('JavaScript is disabled in the print window'); },
        capturePage: async (rect: unknown) => { captures.push(rect); return { toPNG: () => Buffer.from([0x89, 0x50, 0x4e, 0x47]) }; },
      };
    }
    async loadFile(f: string) { this.rec.loaded = fs.readFileSync(f, 'utf8'); }
    isDestroyed() { return false; }
    destroy() {}
  }
  return { BrowserWindow };
});

describe('print page', () => {
  it('puts the CSP first in <head>, also for fragments', () => {
    expect(withPrintCsp('<!doctype html><html><head><title>x</title></head><body>表</body></html>'))
      .toMatch(/^<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*"><title>/);
    expect(withPrintCsp('<table></table>')).toContain(`content="${PRINT_CSP}"`);
    expect(PRINT_CSP).toContain("script-src 'none'");
    expect(PRINT_CSP).not.toMatch(/https?:|unsafe-eval/);
  });

  it('opens a window without JavaScript that refuses every navigation and new window', async () => {
    const { withHiddenPage } = await import('../../../electron/main/print-window');
    const got = await withHiddenPage('<html><head></head><body>班级名单</body></html>', async () => 'printed');
    expect(got).toBe('printed');
    const w = created.at(-1)!;
    expect((w.opts.webPreferences as Record<string, unknown>).javascript).toBe(false);
    expect(w.opts.webPreferences).toMatchObject(PRINT_WEB_PREFERENCES);
    expect(w.loaded).toContain('Content-Security-Policy');
    for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const preventDefault = vi.fn();
      w.handlers.get(ev)!({ preventDefault });
      expect(preventDefault, ev).toHaveBeenCalled();
    }
    expect(w.openHandler!()).toEqual({ action: 'deny' });
  });
});

describe('Electron PDF port charts', () => {
  it('draws an SVG to PNG in an offscreen print window (the Word bulletin keeps its charts in the app)', async () => {
    const { createElectronPdfPort, svgPage } = await import('../../../electron/main/pdf-electron');
    const port = createElectronPdfPort();
    const png = await port.svgToPng!('<svg width="300" height="200"><text>听课进度</text></svg>', { width: 300, height: 200, scale: 2 });
    expect(Buffer.from(png).subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    expect(captures.at(-1)).toEqual({ x: 0, y: 0, width: 600, height: 400 });
    const w = created.at(-1)!;
    expect(w.opts).toMatchObject({ width: 600, height: 400, webPreferences: { offscreen: true, javascript: false } });
    expect(w.loaded).toContain('听课进度');
    expect(svgPage('<svg width="10" height="10"></svg>', 10, 10, 2)).toContain('zoom:2');
  });
});
