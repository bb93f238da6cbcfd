/** Contract handlers for the routine check's Word and Excel files (the PDFs go through reports/pdf). */
import type { FilePayload } from '../../../../shared/contract';
import type { CoreContext } from '../../platform/context';
import type { HandlerMap } from '../../platform/handlers';
import { DOCX_MIME, XLSX_MIME } from '../../platform/serving';
import { BULLETIN_TITLE, bulletinCharts } from './print/bulletin';
import { TERM_SUMMARY_TITLE } from './print/term-summary';
import { buildBulletinDocx, type ChartPng } from './bulletin-docx';
import { buildMonthXlsx, buildTermXlsx } from './excel';
import { loadBulletinView, loadMonthWorkbookView, loadTermSummaryView } from './views';
import { monthLabel, type BulletinView } from './view-types';


/** Characters Windows forbids in file names. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;
const fileName = (parts: (string | null | undefined)[], ext: string) => `${parts.filter(Boolean).join('-').replace(UNSAFE, '_')}.${ext}`;

/** The bulletin's charts as PNG through the PDF port, when it can draw them; otherwise none (the file has the tables). */
export async function bulletinChartPngs(ctx: CoreContext, v: BulletinView): Promise<ChartPng[]> {
  const port = ctx.pdf;
  if (!port?.svgToPng) return [];
  const c = bulletinCharts(v);
  const out: ChartPng[] = [];
  for (const chart of [c.grades, c.progress]) {
    if (!chart) continue;
    try {
      out.push({ title: chart.title, width: chart.width, height: chart.height, png: await port.svgToPng(chart.svg, { width: chart.width, height: chart.height, scale: 2 }) });
    } catch {
      return []; // no browser: the tables carry the same figures
    }
  }
  return out;
}

function payload(name: string, mime: string, buf: Buffer): FilePayload {
  return { fileName: name, mime, dataBase64: buf.toString('base64') };
}

export const monthlyCheckExports: HandlerMap<'monthly-check/bulletinDocx' | 'monthly-check/monthXlsx' | 'monthly-check/termXlsx'> = {
  'monthly-check/bulletinDocx': async ({ termId, month }, ctx) => {
    const v = loadBulletinView(ctx, { termId, month });
    const buf = await buildBulletinDocx(v, await bulletinChartPngs(ctx, v));
    const name = fileName([BULLETIN_TITLE, monthLabel(month)], 'docx');
    ctx.audit('report', 'export', { entityId: 'monthly-bulletin', summary: name, after: { fileName: name, termId, month } });
    return payload(name, DOCX_MIME, buf);
  },
  'monthly-check/monthXlsx': async ({ termId, month }, ctx) => {
    const v = loadMonthWorkbookView(ctx, { termId, month });
    const name = fileName([v.header.schoolName, '教学常规月查', monthLabel(month)], 'xlsx');
    const buf = await buildMonthXlsx(v);
    ctx.audit('report', 'export', { entityId: 'monthly-xlsx', summary: name, after: { fileName: name, termId, month } });
    return payload(name, XLSX_MIME, buf);
  },
  'monthly-check/termXlsx': async ({ termId }, ctx) => {
    const v = loadTermSummaryView(ctx, { termId });
    const name = fileName([v.header.schoolName, v.header.term?.label, TERM_SUMMARY_TITLE], 'xlsx');
    const buf = await buildTermXlsx(v);
    ctx.audit('report', 'export', { entityId: 'term-xlsx', summary: name, after: { fileName: name, termId } });
    return payload(name, XLSX_MIME, buf);
  },
};
