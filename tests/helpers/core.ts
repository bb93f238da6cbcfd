/** Test helpers: a temporary data folder and a core opened on it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core, type CoreOptions } from '../../electron/core/app';
import { loadSampleSchool, type GeneratedSchoolSummary } from '../../electron/core/features/app/sample-school';

export function tempDir(prefix = 'jw-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function openTempCore(opts: Partial<CoreOptions> = {}): Promise<{ core: Core; dir: string }> {
  const dir = opts.dataDir ?? tempDir();
  const core = await Core.open({ dataDir: dir, noDailyBackup: true, ...opts });
  return { core, dir };
}

/** A core with an empty school (no sample data): grades 7-9, national subjects, a school year and two terms. */
export async function openSchoolCore(opts: Partial<CoreOptions> = {}): Promise<{ core: Core; dir: string; termId: number }> {
  const r = await openTempCore({ now: () => new Date(2025, 9, 15), ...opts });
  await r.core.call('app/setOperator', { name: '测试员' });
  const st = await r.core.call('app/createSchool', { name: '测试中学', type: '初中' });
  return { ...r, termId: st.currentTermId! };
}

/**
 * A core with the sample school loaded, its clock fixed inside the sample's first term (15 Oct 2025) unless `now`
 * is given. Pair with `closeTempCore` in afterEach.
 */
export async function openSampleCore(now = new Date('2025-10-15T08:00:00Z')): Promise<{ core: Core; dir: string; school: GeneratedSchoolSummary; termId: number }> {
  const dir = tempDir();
  const core = await Core.open({ dataDir: dir, noDailyBackup: true, now: () => now });
  const school = loadSampleSchool(core.context());
  return { core, dir, school, termId: school.currentTermId };
}

export async function closeTempCore(core: Core, dir: string): Promise<void> {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * The sample school (loaded through app/loadSample, operator 教务员) on a clock the test can move:
 * `clock.set(date)` changes what the core thinks today is (term locks, roll-overs). Starts at 15 Oct 2025.
 */
export async function openSampleWithClock(): Promise<{ core: Core; dir: string; clock: { set(d: Date): void } }> {
  let now = new Date('2025-10-15T08:00:00Z');
  const dir = tempDir();
  const core = await Core.open({ dataDir: dir, noDailyBackup: true, now: () => now });
  await core.call('app/setOperator', { name: '教务员' });
  await core.call('app/loadSample', {});
  return { core, dir, clock: { set: (d: Date) => { now = d; } } };
}
