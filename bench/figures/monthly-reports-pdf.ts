/**
 * The monthly routine check's printouts on the generated large school (250 teachers) through the Chromium
 * port: the bulletin (monthly_bulletin_pdf) and all 250 sheets in one PDF (monthly_sheets_pdf_250). The month
 * is started and every sheet scored before timing; the browser is warmed up first (its start is not the report).
 */
import type { Core } from '../../electron/core/app';
import { addSampleRoutineMonthly } from '../../electron/core/features/monthly-check/sample';
import { termMonths } from '../../shared/domain/routine/monthly';
import { skipIfNotReady, timeMs, type BenchEnv, type Figure, chromiumPdfPortOrSkip, chromiumShare, type TimedPdfPort } from '../env';

/** Opens a copy of the large school with a scored month; returns the core, port and month. */
async function scoredMonth(env: BenchEnv): Promise<{ core: Core; pdf: TimedPdfPort; termId: number; month: string; sheets: number }> {
  const pdf = await chromiumPdfPortOrSkip();
  await pdf.htmlToPdf('<p>warm-up</p>', { paper: 'A4', landscape: false });
  const core = await env.openLargeSchool({ pdf });
  try {
    const termId = env.largeSchool.currentTermId;
    const term = core.context().db.prepare('SELECT start_date, teaching_weeks FROM term WHERE id = ?').get(termId) as { start_date: string; teaching_weeks: number };
    const month = termMonths(term.start_date, term.teaching_weeks)[1];
    addSampleRoutineMonthly(core.context(), termId);
    const started = await core.call('monthly-check/start', { termId, month }).catch((e) => skipIfNotReady(e, 'monthly-check/start'));
    const rows = started.rows.map((r, i) => ({
      id: r.id,
      scores: Object.fromEntries(started.items.map((it, k) => [it.key, Math.max(0, it.maxScore - ((i * 7 + k * 3) % 9))])),
      checker: '教务处',
      checkedOn: `${month}-28`,
      comment: i % 10 === 0 ? '二次备课不够充分' : '常规落实到位',
      fixRequired: i % 10 === 0 ? '补充二次备课批注' : null,
    }));
    await core.call('monthly-check/saveSheets', { termId, month, rows }).catch((e) => skipIfNotReady(e, 'monthly-check/saveSheets'));
    return { core, pdf, termId, month, sheets: rows.length };
  } catch (e) {
    await core.close();
    throw e;
  }
}

const bulletin: Figure = {
  name: 'monthly_bulletin_pdf',
  unit: 'ms',
  target: 5000,
  async run(env) {
    const { core, pdf, termId, month } = await scoredMonth(env);
    try {
      let pages = 0;
      pdf.reset();
      const ms = await timeMs(async () => {
        const out = await core.call('reports/pdf', { reportId: 'monthly-bulletin', params: { termId, month } }).catch((e) => skipIfNotReady(e, 'reports/pdf'));
        pages = out.pages;
      });
      const share = chromiumShare('monthly_bulletin_pdf', pdf, ms); // before the Word file adds its chart drawing
      const docxMs = await timeMs(() => core.call('monthly-check/bulletinDocx', { termId, month }));
      return { value: ms, more: [
        { name: 'monthly_bulletin_pdf_pages', value: pages, unit: 'pages' },
        share,
        { name: 'monthly_bulletin_docx', value: docxMs, unit: 'ms' },
      ] };
    } finally {
      await core.close(); // closes the PDF port too
    }
  },
};

const sheets250: Figure = {
  name: 'monthly_sheets_pdf_250',
  unit: 'ms',
  target: 20000,
  async run(env) {
    const { core, pdf, termId, month, sheets } = await scoredMonth(env);
    try {
      let pages = 0;
      pdf.reset();
      const ms = await timeMs(async () => {
        const out = await core.call('reports/pdf', { reportId: 'monthly-sheets', params: { termId, month } }).catch((e) => skipIfNotReady(e, 'reports/pdf'));
        pages = out.pages;
      });
      if (pages !== sheets) throw new Error(`expected ${sheets} pages (one teacher a page), got ${pages}`);
      const xlsxMs = await timeMs(() => core.call('monthly-check/monthXlsx', { termId, month }));
      return { value: ms, more: [
        { name: 'monthly_sheets_pdf_250_pages', value: pages, unit: 'pages' },
        chromiumShare('monthly_sheets_pdf_250', pdf, ms),
        { name: 'monthly_month_xlsx', value: xlsxMs, unit: 'ms' },
      ] };
    } finally {
      await core.close();
    }
  },
};

export default [bulletin, sheets250];
