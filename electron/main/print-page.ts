/**
 * What the hidden print window may do, kept free of Electron imports so it is tested under plain Node.
 * Report HTML is static (tables, inline SVG charts, system fonts): it needs no script, no network and no
 * navigation, so the page gets none of them.
 */

/** CSP of a report page: inline styles and data: images only. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * Puts the CSP into the document itself (the page comes from a temp file, so no response header can carry it),
 * as the first element of <head> so it applies before anything else is parsed.
 */
export function withPrintCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (h) => `${h}${meta}`);
  if (/<html[^>]*>/i.test(html)) return html.replace(/<html[^>]*>/i, (h) => `${h}<head>${meta}</head>`);
  return `<!doctype html><html><head>${meta}</head><body>${html}</body></html>`;
}

/**
 * webPreferences of the print window. JavaScript is off: the reports use system fonts only (no @font-face), so
 * layout never waits on a font download and printToPDF lays the page out with its final fonts; nothing needs
 * `document.fonts.ready`.
 */
export const PRINT_WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  webviewTag: false,
  javascript: false,
  spellcheck: false,
  webSecurity: true,
  images: true,
} as const;
