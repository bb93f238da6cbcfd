/**
 * Ten years of data (issue 10): the bench school with 1, 5 and 10 school years of history (bench/history.ts),
 * each generated once per run. For each size: opening the data folder after a clean close, switching to the
 * term five years back (or the oldest) and loading what its first screens read, the analysis of an exam of
 * that term, one graduated student's whole record across years, and the database size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Core, DB_FILE } from '../../electron/core/app';
import { medianMs, timeMs, type BenchEnv, type Figure } from '../env';
import { addHistoryMentorsTraining, generateHistorySchool } from '../history';

const folders = new Map<number, { dir: string; termId: number; examId: number; studentId: number }>();

/** The folder of the school with `years` of history (generated on first use, then closed and reused). */
async function school(env: BenchEnv, years: number) {
  let f = folders.get(years);
  if (f) return f;
  const dir = env.tempDir();
  const core = await Core.open({ dataDir: dir, noDailyBackup: true });
  try {
    const t0 = performance.now();
    const s = generateHistorySchool(core.context(), years);
    const mt = addHistoryMentorsTraining(core.context().db, years);
    console.log(`(school with ${years} years of history generated in ${Math.round(performance.now() - t0)} ms: ${s.scores} scores, ${s.observations} observations, ${s.sheets} check sheets, ${mt.pairs} mentor pairs, ${mt.entries} training entries)`);
    const db = core.context().db;
    // The term five years back (the oldest one when there is less history): its first term.
    const terms = db.prepare('SELECT t.id FROM term t JOIN school_year y ON y.id = t.school_year_id ORDER BY y.start_year DESC, t.term_no').all() as { id: number }[];
    const yearsBack = Math.min(5, years - 1);
    const termId = terms[yearsBack * 2]?.id ?? terms[terms.length - 1].id;
    const examId = (db.prepare(`SELECT id FROM exam WHERE term_id = ? AND kind = '期末' ORDER BY id DESC LIMIT 1`).get(termId) as { id: number }).id;
    // A student of that term's grade 9: three years of stretches and exams, graduated since (at 1 year: in school).
    const studentId = (db.prepare(`SELECT es.student_id AS id FROM exam_student es JOIN exam_grade eg ON eg.exam_id = es.exam_id
      JOIN grade g ON g.id = eg.grade_id WHERE es.exam_id IN (SELECT id FROM exam WHERE term_id = ?) AND g.level = 9 LIMIT 1`).get(termId) as { id: number }).id;
    f = { dir, termId, examId, studentId };
    folders.set(years, f);
    return f;
  } finally {
    await core.close();
  }
}

async function withCore<T>(dir: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await Core.open({ dataDir: dir, noDailyBackup: true });
  try { return await fn(core); } finally { await core.close(); }
}

function figuresFor(years: number): Figure[] {
  const big = years === 10;
  return [
    {
      name: `open_db_${years}y_ms`, unit: 'ms', ...(big ? { target: 500 } : {}),
      async run(env) {
        const { dir } = await school(env, years);
        const clean = await medianMs(5, async () => { await (await Core.open({ dataDir: dir, noDailyBackup: true })).close(); });
        // After a crash (no clean-close marker) the open checks every page: reported beside it.
        fs.rmSync(path.join(dir, `${DB_FILE}.clean`), { force: true });
        let core: Core | null = null;
        const checked = await timeMs(async () => { core = await Core.open({ dataDir: dir, noDailyBackup: true }); });
        await (core as Core | null)?.close();
        return { value: clean, more: [{ name: `open_db_${years}y_after_crash_ms`, value: checked, unit: 'ms' }] };
      },
    },
    {
      name: `term_switch_${years}y_ms`, unit: 'ms', ...(big ? { target: 300 } : {}),
      async run(env) {
        const { dir, termId } = await school(env, years);
        return withCore(dir, async (core) => {
          const current = core.status().currentTermId!;
          return medianMs(5, async () => {
            // Switch there and load what the header and the first pages read for that term.
            await core.call('school/setCurrentTerm', { id: termId });
            await core.call('school/listTerms', {});
            await core.call('school/listGrades', { termId });
            await core.call('school/listClasses', { termId });
            await core.call('assignments/list', { termId });
            await core.call('exams/list', { termId });
            await core.call('observations/list', { termId });
            await core.call('school/setCurrentTerm', { id: current });
          });
        });
      },
    },
    {
      name: `exam_analysis_past_${years}y_ms`, unit: 'ms', ...(big ? { target: 200 } : {}),
      async run(env) {
        const { dir, examId } = await school(env, years);
        return withCore(dir, (core) => medianMs(5, () => core.call('exams/analysis', { examId })));
      },
    },
    {
      name: `student_history_${years}y_ms`, unit: 'ms', ...(big ? { target: 50 } : {}),
      async run(env) {
        const { dir, studentId } = await school(env, years);
        return withCore(dir, (core) => medianMs(7, () => core.call('students/history', { studentId })));
      },
    },
    {
      // The 师徒结对 page: every pair of the current term with its duties counted (observations found among
      // all the years' observations by the two teachers) and the bound evaluation.
      name: `mentor_programme_${years}y_ms`, unit: 'ms', ...(big ? { target: 300 } : {}),
      async run(env) {
        const { dir } = await school(env, years);
        return withCore(dir, (core) => medianMs(5, () => core.call('mentors/list', { termId: core.status().currentTermId! })));
      },
    },
    {
      // The 督导指标 tab: the year's roll, 250 teachers and their training cycle over every entry.
      name: `teacher_indicators_${years}y_ms`, unit: 'ms', ...(big ? { target: 300 } : {}),
      async run(env) {
        const { dir } = await school(env, years);
        return withCore(dir, (core) => medianMs(5, () => core.call('training/indicators', {})));
      },
    },
    {
      name: `db_size_${years}y_mb`, unit: 'MB',
      async run(env) {
        const { dir } = await school(env, years);
        return Math.round(fs.statSync(path.join(dir, DB_FILE)).size / 1e5) / 10;
      },
    },
  ];
}

const figures: Figure[] = [...figuresFor(1), ...figuresFor(5), ...figuresFor(10)];
export default figures;
