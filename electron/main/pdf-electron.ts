/**
 * The PDF port in the app: Electron's own Chromium prints the report HTML with printToPDF, so the desktop
 * app needs no separate browser. Same options as the Chromium port (electron/server/pdf-chromium.ts).
 */
import type { PdfOptions, PdfPort } from '../core/reports/pdf-port';
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
  };
}
