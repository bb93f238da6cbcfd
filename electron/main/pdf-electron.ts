/**
 * The PDF port in the app: Electron's own Chromium prints the report HTML with printToPDF, so the desktop
 * app needs no separate browser. Same options as the Chromium port (electron/server/pdf-chromium.ts).
 */
import type { PdfOptions, PdfPort } from '../core/platform/report/pdf-port';
import { withHiddenPage } from './print-window';

const MM_PER_INCH = 25.4;

export function createElectronPdfPort(): PdfPort {
  return {
    htmlToPdf(html: string, o: PdfOptions): Promise<Uint8Array> {
      return withHiddenPage(html, async (contents) => {
        const m = o.marginMm;
        const buf = await contents.printToPDF({
          pageSize: o.paper,
          landscape: o.landscape,
          printBackground: true,
          displayHeaderFooter: !!o.footerTemplate || !!o.headerTemplate,
          footerTemplate: o.footerTemplate ?? '<span></span>',
          headerTemplate: o.headerTemplate ?? '<span></span>',
          margins: m
            ? { top: m.top / MM_PER_INCH, right: m.right / MM_PER_INCH, bottom: m.bottom / MM_PER_INCH, left: m.left / MM_PER_INCH }
            : undefined,
        });
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      });
    },
    // Charts for Word files: the same drawing as browser mode's Chromium port (an SVG scaled into a white page,
    // captured as PNG), so the desktop's Word bulletin carries its charts too.
    svgToPng(svg: string, o: { width: number; height: number; scale?: number }): Promise<Uint8Array> {
      const scale = o.scale ?? 2;
      const w = Math.round(o.width * scale);
      const h = Math.round(o.height * scale);
      return withHiddenPage(svgPage(svg, o.width, o.height, scale), async (contents) => {
        const png = (await contents.capturePage({ x: 0, y: 0, width: w, height: h })).toPNG();
        return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
      }, { width: w, height: h, offscreen: true });
    },
  };
}

/** A page holding one SVG drawn at `scale` (CSS zoom keeps vector sharpness), on white, with no margins. */
export function svgPage(svg: string, width: number, height: number, scale: number): string {
  return '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
    + `<body style="margin:0;background:#fff;overflow:hidden"><div style="width:${width}px;height:${height}px;zoom:${scale}">${svg}</div></body></html>`;
}
