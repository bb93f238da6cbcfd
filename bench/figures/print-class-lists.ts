import { SkipFigure, skipIfNotReady, timeMs, type Figure, chromiumPdfPortOrSkip, chromiumShare } from '../env';

/**
 * The class student lists of all 60 classes as one PDF through the Chromium port. The browser is started
 * before timing (reported separately as pdf_port_start_ms): the figure is the report itself.
 */
const figure: Figure = {
  name: 'print_class_lists_60',
  unit: 'ms',
  target: 10000,
  async run(env) {
    const pdf = await chromiumPdfPortOrSkip();
    const core = await env.openLargeSchool({ pdf });
    try {
      const startMs = await timeMs(async () => {
        try {
          await pdf.htmlToPdf('<p>warm-up</p>', { paper: 'A4', landscape: false });
        } catch (e) {
          throw new SkipFigure(`Chromium PDF port failed to start: ${(e as Error).message}`);
        }
      });
      let pages = 0;
      pdf.reset();
      const ms = await timeMs(async () => {
        try {
          const out = await core.call('reports/pdf', { reportId: 'class-student-lists', params: { termId: env.largeSchool.currentTermId } });
          pages = out.pages;
        } catch (e) {
          skipIfNotReady(e, 'reports/pdf');
        }
      });
      if (pages < 60) throw new Error(`expected at least 60 pages (one class a page), got ${pages}`);
      return {
        value: ms,
        more: [
          { name: 'print_class_lists_60_pages', value: pages, unit: 'pages' },
          { name: 'pdf_port_start_ms', value: startMs, unit: 'ms' },
          chromiumShare('print_class_lists_60', pdf, ms),
        ],
      };
    } finally {
      await core.close(); // closes the PDF port too
    }
  },
};
export default figure;
