/**
 * The PDF port: turns a report's HTML into PDF bytes. Electron's printToPDF implements it in the app;
 * Chromium through playwright-core implements it in browser mode, tests and the command line.
 */
export interface PdfOptions {
  paper: 'A4' | 'A3';
  landscape: boolean;
  /**
   * Chromium header/footer templates (page.pdf and Electron printToPDF accept the same markup:
   * <span class="pageNumber"></span>, <span class="totalPages"></span>). Absent = no header/footer,
   * e.g. when a dossier stamps continuous page numbers itself.
   */
  footerTemplate?: string;
  headerTemplate?: string;
  /** Page margins in millimetres; the footer is drawn inside the bottom margin. */
  marginMm?: { top: number; right: number; bottom: number; left: number };
}
export interface PdfPort {
  htmlToPdf(html: string, opts: PdfOptions): Promise<Uint8Array>;
  /**
   * Optional: draws a standalone SVG (a server-rendered chart) as a PNG of width x height CSS px times
   * `scale`, for files that cannot hold SVG alone (Word). Absent = callers fall back to tables.
   */
  svgToPng?(svg: string, opts: { width: number; height: number; scale?: number }): Promise<Uint8Array>;
  close?(): Promise<void>;
}
