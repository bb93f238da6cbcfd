/**
 * Starting the monthly routine check on the generated large school (250 teachers): one sheet per teaching
 * teacher, prefilled with the month's facts (sample observations and research activities added first). Each run discards the month first so the start is measured fresh.
 */
import { termMonths } from '../../shared/domain/routine/monthly';
import { addSampleRoutineMonthly } from '../../electron/core/features/monthly-check/sample';
import { skipIfNotReady, type Figure } from '../env';

const monthlySheetsCreate: Figure = {
  name: 'monthly_sheets_create_250',
  unit: 'ms',
  target: 1000,
  async run(env) {
    const core = await env.openLargeSchool();
    try {
      const termId = env.largeSchool.currentTermId;
      const term = core.context().db.prepare('SELECT start_date, teaching_weeks FROM term WHERE id = ?').get(termId) as { start_date: string; teaching_weeks: number };
      const month = termMonths(term.start_date, term.teaching_weeks)[1];
      // Observations and research activities so that the month's facts are not empty.
      const added = addSampleRoutineMonthly(core.context(), termId);
      const times: number[] = [];
      let sheets = 0;
      for (let r = 0; r < 5; r++) {
        const t0 = performance.now();
        const res = await core.call('monthly-check/start', { termId, month }).catch((e) => skipIfNotReady(e, 'monthly-check/start'));
        times.push(performance.now() - t0);
        sheets = res.created;
        await core.call('monthly-check/discard', { termId, month });
      }
      if (sheets < 200) throw new Error(`expected about 250 sheets, got ${sheets}`);
      times.sort((a, b) => a - b);
      return { value: Math.round(times[2] * 10) / 10, more: [
        { name: 'monthly_sheets_create_250_sheets', value: sheets, unit: 'sheets' },
        { name: 'monthly_sheets_create_250_observations', value: added.observations, unit: 'observations' },
      ] };
    } finally {
      await core.close();
    }
  },
};

export default monthlySheetsCreate;
