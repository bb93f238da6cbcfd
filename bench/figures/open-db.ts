import { Core } from '../../electron/core/app';
import { medianMs, type Figure } from '../env';

/** Opening the large school's data folder: lock, quick_check, migration check (no daily backup). */
const figure: Figure = {
  name: 'open_db_ms',
  unit: 'ms',
  target: 1000,
  async run(env) {
    const first = await env.openLargeSchool();
    const dir = first.dataDir;
    await first.close();
    let core: Core | null = null;
    return medianMs(5, async () => {
      if (core) await core.close();
      core = await Core.open({ dataDir: dir, noDailyBackup: true });
    }).finally(() => (core as Core | null)?.close());
  },
};
export default figure;
