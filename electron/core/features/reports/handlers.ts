/** Contract handlers for the report catalogue, HTML preview and PDF output. */
import type { HandlerMap } from '../../platform/handlers';
import { renderReport, reportCatalogue, reportToPdf } from '../../platform/report/catalogue';

export const reportHandlers: HandlerMap<'reports/catalogue' | 'reports/html' | 'reports/pdf'> = {
  'reports/catalogue': () => reportCatalogue(),
  'reports/html': ({ reportId, params }, ctx) => {
    const r = renderReport(ctx, reportId, params);
    return { html: r.html, title: r.title };
  },
  'reports/pdf': async ({ reportId, params }, ctx) => {
    const r = await reportToPdf(ctx, reportId, params);
    return { fileName: r.fileName, mime: 'application/pdf', dataBase64: Buffer.from(r.bytes).toString('base64'), pages: r.pages };
  },
};
