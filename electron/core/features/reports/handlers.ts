/** The report catalogue, HTML preview and PDF output; the catalogue itself is folded from every feature's reports. */
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { PDF_MIME } from '../../platform/serving';

export const reportsHandlers: HandlerMap<FeatureMethod<'reports'>> = {
  'reports/catalogue': (_i, ctx) => ctx.reports.list(),
  'reports/html': ({ reportId, params }, ctx) => {
    const r = ctx.reports.render(ctx, reportId, params);
    return { html: r.html, title: r.title };
  },
  'reports/pdf': async ({ reportId, params }, ctx) => {
    const r = await ctx.reports.pdf(ctx, reportId, params);
    return { fileName: r.fileName, mime: PDF_MIME, dataBase64: Buffer.from(r.bytes).toString('base64'), pages: r.pages };
  },
};
