import type { Core } from '../../electron/core/app';
import { SkipFigure, skipIfNotReady, timeMs, type Figure, chromiumPdfPortOrSkip, chromiumShare } from '../env';

/**
 * Fills each class's week from its own assignments in order (teacher clashes are irrelevant to printing). Only
 * used when the generated school comes without a timetable.
 */
function placeSimpleTimetable(core: Core, termId: number): number {
  const db = core.context().db;
  const asg = db.prepare('SELECT id, class_id, weekly_periods FROM teaching_assignment WHERE term_id = ? ORDER BY class_id, id').all(termId) as
    { id: number; class_id: number; weekly_periods: number }[];
  const ins = db.prepare('INSERT INTO lesson (term_id, class_id, day, period, assignment_id) VALUES (?, ?, ?, ?, ?)');
  let n = 0;
  db.transaction(() => {
    const used = new Map<number, number>();
    for (const a of asg) {
      for (let k = 0; k < a.weekly_periods; k++) {
        const i = used.get(a.class_id) ?? 0;
        if (i >= 40) break;
        used.set(a.class_id, i + 1);
        ins.run(termId, a.class_id, (i % 5) + 1, Math.floor(i / 5) + 1, a.id);
        n++;
      }
    }
  })();
  return n;
}

/**
 * The class timetables of all 60 classes as one A4 landscape PDF through the Chromium port (browser started
 * before timing, as for print_class_lists_60).
 */
const figure: Figure = {
  name: 'print_class_timetables_60',
  unit: 'ms',
  target: 10000,
  async run(env) {
    const pdf = await chromiumPdfPortOrSkip();
    const core = await env.openLargeSchool({ pdf });
    try {
      const termId = env.largeSchool.currentTermId;
      const have = (core.context().db.prepare('SELECT COUNT(*) AS n FROM lesson WHERE term_id = ?').get(termId) as { n: number }).n;
      const lessons = have || placeSimpleTimetable(core, termId);
      try {
        await pdf.htmlToPdf('<p>warm-up</p>', { paper: 'A4', landscape: true });
      } catch (e) {
        throw new SkipFigure(`Chromium PDF port failed to start: ${(e as Error).message}`);
      }
      let pages = 0;
      pdf.reset();
      const ms = await timeMs(async () => {
        try {
          const out = await core.call('reports/pdf', { reportId: 'class-timetables', params: { termId } });
          pages = out.pages;
        } catch (e) {
          skipIfNotReady(e, 'reports/pdf');
        }
      });
      if (pages !== env.largeSchool.classes) throw new Error(`expected one page per class (${env.largeSchool.classes}), got ${pages}`);
      return {
        value: ms,
        more: [
          { name: 'print_class_timetables_60_pages', value: pages, unit: 'pages' },
          { name: 'print_class_timetables_60_lessons', value: lessons, unit: 'lessons' },
          chromiumShare('print_class_timetables_60', pdf, ms),
        ],
      };
    } finally {
      await core.close(); // closes the PDF port too
    }
  },
};
export default figure;
