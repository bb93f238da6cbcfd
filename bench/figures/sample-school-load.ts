import { Core } from '../../electron/core/app';
import { loadSampleSchool } from '../../electron/core/features/app/sample-school';
import { timeMs, type Figure } from '../env';

/** Loading the sample school (18 classes, 60 teachers, 900 students) into an empty database; median of 3. */
const figure: Figure = {
  name: 'sample_school_load_ms',
  unit: 'ms',
  target: 1000,
  async run(env) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const core = await Core.open({ dataDir: env.tempDir(), noDailyBackup: true });
      try {
        times.push(await timeMs(() => loadSampleSchool(core.context())));
      } finally {
        await core.close();
      }
    }
    return times.sort((a, b) => a - b)[1];
  },
};
export default figure;
