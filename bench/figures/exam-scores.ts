/**
 * Exams on the generated large school (3,000 students in grades 7-9, 60 classes): an exam with 9 subjects,
 * a one-sheet .xlsx of all 27,000 score cells with a 班级 column (built before timing), then
 * - import_scores_27000: preview + commit, as the import wizard does it;
 * - exam_analysis_3000: the whole 'exams/analysis' of that exam (median of 5);
 * - analysis_report_pdf: the quality-analysis report with its charts as PDF (Chromium started before timing).
 */
import ExcelJS from 'exceljs';
import type { Core } from '../../electron/core/app';
import { className } from '../../shared/domain/constants';
import { medianMs, skipIfNotReady, timeMs, type BenchEnv, type Figure, chromiumPdfPortOrSkip, chromiumShare, type TimedPdfPort } from '../env';

const SUBJECT_CODES = ['YW', 'SX', 'YY', 'DF', 'LS', 'DL', 'WL', 'HX', 'SW'];

/** Creates the exam (9 subjects, grades 7-9) and returns it with the score file. */
export async function prepare(core: Core): Promise<{ examId: number; file: Buffer; cells: number }> {
  const db = core.context().db;
  const subjects = db.prepare(`SELECT id, name, code FROM subject WHERE code IN (${SUBJECT_CODES.map(() => '?').join(',')})`).all(...SUBJECT_CODES) as { id: number; name: string; code: string }[];
  const grades = db.prepare('SELECT id FROM grade WHERE level BETWEEN 7 AND 9').pluck().all() as number[];
  const termId = Number(core.context().getSetting('currentTermId'));
  const exam = await core.call('exams/save', {
    termId, name: '期中质量监测', kind: '期中', date: '2025-11-12', gradeIds: grades,
    subjects: subjects.map((s) => ({ subjectId: s.id, fullMarks: s.code === 'YW' || s.code === 'SX' || s.code === 'YY' ? 120 : 100 })),
  });
  const students = db.prepare(
    `SELECT s.student_no, s.name, c.level, c.class_no FROM exam_student es JOIN student s ON s.id = es.student_id
     JOIN class_in_term c ON c.class_id = es.class_id AND c.term_id = (SELECT term_id FROM exam WHERE id = es.exam_id) WHERE es.exam_id = ? ORDER BY c.level, c.class_no, s.student_no`,
  ).all(exam.id) as { student_no: string; name: string; level: number; class_no: number }[];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成绩');
  ws.addRow(['班级', '学籍号', '姓名', ...subjects.map((s) => s.name)]);
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let cells = 0;
  for (const st of students) {
    const ability = 0.35 + rnd() * 0.6;
    ws.addRow([className(st.level, st.class_no), st.student_no, st.name, ...subjects.map((s) => {
      cells++;
      if (rnd() < 0.01) return '缺考';
      const full = s.code === 'YW' || s.code === 'SX' || s.code === 'YY' ? 120 : 100;
      return Math.round(Math.min(1, Math.max(0, ability + (rnd() - 0.5) * 0.3)) * full * 2) / 2;
    })]);
  }
  return { examId: exam.id, file: Buffer.from(await wb.xlsx.writeBuffer()), cells };
}

/** A private copy of the large school with the exam imported (each figure prepares its own: figures may run alone). */
async function setup(env: BenchEnv, withPdf = false) {
  const pdf: TimedPdfPort | null = withPdf ? await chromiumPdfPortOrSkip() : null;
  const core = await env.openLargeSchool({ pdf });
  try {
    const prep = await prepare(core);
    const request = { examId: prep.examId, fileName: '期中成绩-3000.xlsx', dataBase64: prep.file.toString('base64') };
    let cells = 0;
    const ms = await timeMs(async () => {
      try {
        const preview = await core.call('exams/importPreview', request);
        if (preview.counts.errors) throw new Error(`import preview has ${preview.counts.errors} errors`);
        cells = (await core.call('exams/importCommit', request)).cells;
      } catch (e) {
        skipIfNotReady(e, 'exams import');
      }
    });
    if (cells !== prep.cells) throw new Error(`expected ${prep.cells} cells imported, got ${cells}`);
    return { core, examId: prep.examId, pdf, imported: { ms, cells } };
  } catch (e) {
    await core.close();
    throw e;
  }
}

const importFigure: Figure = {
  name: 'import_scores_27000', unit: 'ms', target: 3000,
  async run(env) {
    const s = await setup(env);
    await s.core.close();
    return { value: s.imported.ms, more: [{ name: 'import_scores_27000_cells', value: s.imported.cells, unit: 'cells' }] };
  },
};

const analysisFigure: Figure = {
  name: 'exam_analysis_3000', unit: 'ms', target: 200,
  async run(env) {
    const s = await setup(env);
    try {
      await s.core.call('exams/analysis', { examId: s.examId }); // warm the statements
      return await medianMs(5, () => s.core.call('exams/analysis', { examId: s.examId }));
    } finally { await s.core.close(); }
  },
};

const reportFigure: Figure = {
  name: 'analysis_report_pdf', unit: 'ms', target: 5000,
  async run(env) {
    const s = await setup(env, true);
    try {
      await s.pdf!.htmlToPdf('<p>warm-up</p>', { paper: 'A4', landscape: false });
      let pages = 0;
      s.pdf!.reset();
      const ms = await timeMs(async () => {
        pages = (await s.core.call('reports/pdf', { reportId: 'exam-quality-analysis', params: { examId: s.examId } })).pages;
      });
      return { value: ms, more: [{ name: 'analysis_report_pdf_pages', value: pages, unit: 'pages' }, chromiumShare('analysis_report_pdf', s.pdf!, ms)] };
    } finally { await s.core.close(); } // closes the PDF port too
  },
};

export default [importFigure, analysisFigure, reportFigure];
