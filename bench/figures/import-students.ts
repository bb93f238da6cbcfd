import { className } from '../../shared/domain/constants';
import { skipIfNotReady, timeMs, type Figure } from '../env';
import { makeStudentsXlsx } from '../fixtures';

const N = 3000;

/** Preview + commit of a 3,000-row student .xlsx into the large school, as the import wizard does it. */
const figure: Figure = {
  name: 'import_students_3000',
  unit: 'ms',
  target: 2000,
  async run(env) {
    const core = await env.openLargeSchool();
    try {
      const classes = core.context().db
        .prepare('SELECT level, class_no FROM class_in_year WHERE school_year_id = (SELECT MAX(id) FROM school_year) AND active ORDER BY level, class_no')
        .all() as { level: number; class_no: number }[];
      const file = await makeStudentsXlsx(N, classes.map((c) => className(c.level, c.class_no)));
      const request = { fileName: 'students-3000.xlsx', dataBase64: file.toString('base64'), kind: 'students' as const };
      let result: { inserted: number; updated: number } | undefined;
      const ms = await timeMs(async () => {
        try {
          await core.call('import/preview', request);
          result = await core.call('import/commit', request);
        } catch (e) {
          skipIfNotReady(e, 'import/preview or import/commit');
        }
      });
      if (!result || result.inserted + result.updated !== N) {
        throw new Error(`expected ${N} rows imported, got ${JSON.stringify(result)}`);
      }
      return ms;
    } finally {
      await core.close();
    }
  },
};
export default figure;
