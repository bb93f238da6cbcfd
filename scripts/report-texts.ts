/**
 * Prints every catalogue report of the sample school to PDF and writes its text (pdftotext -layout) to a folder:
 * `npx tsx scripts/report-texts.ts OUTDIR [--db-out FILE]`. Run it before and after a refactor and `diff -r` the
 * two folders: a restructure that changes no behaviour leaves every printout's text identical. `--db-out` also
 * keeps the database the texts were printed from (the migration test's fixture is one).
 *
 * The school is the sample with its clock fixed (15 Oct 2025), the second month of the term started, and one
 * mid-term exam for grade 7 with scores counted from each student's position, so every report has data.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../electron/core/app';
import { createChromiumPdfPort } from '../electron/server/pdf-chromium';
import type { ReportInfo } from '../shared/contract';

/** The clock the texts are printed at. */
export const REPORT_TEXTS_NOW = () => new Date('2025-10-15T08:00:00Z');

/** The parameter values every report of the catalogue is printed with. */
export interface ReportTextParams { termId: number; month: string; examId: number; fileId: number }

/** Loads the sample, starts the second month's check and enters a grade-7 exam; returns the parameters. */
export async function prepareReportSample(core: Core): Promise<ReportTextParams> {
  await core.call('app/setOperator', { name: '对照' });
  const termId = (await core.call('app/loadSample', {})).currentTermId!;
  const month = (await core.call('monthly-check/months', { termId }))[1].month;
  await core.call('monthly-check/start', { termId, month });
  const grade = core.context().db.prepare('SELECT id FROM grade WHERE level = 7').get() as { id: number };
  const subjects = (await core.call('school/listSubjects', { includeArchived: false })).filter((x) => ['语文', '数学'].includes(x.name));
  const exam = await core.call('exams/save', {
    termId, name: '期中考试', kind: '期中', date: `${month}-10`, gradeIds: [grade.id],
    subjects: subjects.map((s) => ({ subjectId: s.id, fullMarks: 120 })),
  });
  const classes = (await core.call('school/listClasses', { includeArchived: false })).filter((c) => c.gradeId === grade.id);
  for (const c of classes) {
    const sheet = await core.call('exams/scores', { examId: exam.id, classId: c.id });
    await core.call('exams/saveScores', {
      examId: exam.id,
      rows: sheet.rows.map((r, i) => ({ studentId: r.studentId, values: Object.fromEntries(sheet.subjects.map((s, k) => [String(s.subjectId), (i * 37 + k * 11 + c.id * 7) % 121])) })),
    });
  }
  const fileId = (await core.call('struggling/list', {}))[0].id;
  return { termId, month, examId: exam.id, fileId };
}

/** Every catalogue report printed with `params`, as `title (module; params)\nfile\nN pages\ntext`, by report id. */
export async function printCatalogueTexts(core: Core, params: ReportTextParams): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-texts-pdf-'));
  const texts: Record<string, string> = {};
  try {
    const cat: ReportInfo[] = await core.call('reports/catalogue', {});
    for (const r of cat) {
      const values: Record<string, unknown> = {};
      for (const key of r.params) if (key in params) values[key] = params[key as keyof ReportTextParams];
      let text: string;
      try {
        const pdf = await core.call('reports/pdf', { reportId: r.id, params: values });
        const file = path.join(dir, `${r.id}.pdf`);
        fs.writeFileSync(file, Buffer.from(pdf.dataBase64, 'base64'));
        text = `${pdf.fileName}\n${pdf.pages} pages\n${execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })}`;
      } catch (e) {
        text = `error: ${(e as { key?: string }).key ?? String(e)}\n`;
      }
      texts[r.id] = `${r.title} (${r.module}; ${r.params.join(', ')})\n${text}`;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return texts;
}

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'test-results/report-texts');
  const dbOutAt = process.argv.indexOf('--db-out');
  const dbOut = dbOutAt > 0 ? path.resolve(process.argv[dbOutAt + 1]) : null;
  fs.mkdirSync(out, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-texts-'));
  const port = createChromiumPdfPort();
  const core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf: port, now: REPORT_TEXTS_NOW });
  try {
    const params = await prepareReportSample(core);
    const texts = await printCatalogueTexts(core, params);
    for (const [id, text] of Object.entries(texts)) {
      fs.writeFileSync(path.join(out, `${id}.txt`), text);
      console.log(`${id}: ${text.split('\n')[2] ?? ''}`);
    }
    fs.writeFileSync(path.join(out, 'params.json'), `${JSON.stringify(params, null, 2)}\n`);
    if (dbOut) {
      await core.context().db.backup(dbOut);
      console.log(`database: ${dbOut}`);
    }
  } finally {
    await core.close();
    await port.close?.();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.basename(process.argv[1]).startsWith('report-texts')) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
