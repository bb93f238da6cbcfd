/** The new-year roll-over and mentor pairs: the preview names the pairs going on and those ending; the commit closes the ended ones. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { closeTempCore, openSampleWithClock } from '../../helpers/core';

let core: Core;
let dir: string;

beforeEach(async () => {
  let clock: { set(d: Date): void };
  ({ core, dir, clock } = await openSampleWithClock());
  clock.set(new Date('2026-07-10T08:00:00Z'));
});
afterEach(async () => { await closeTempCore(core, dir); });

it('carries pairs by their dates: a two-year pair goes on, the year\'s pairs end', async () => {
  const db = core.context().db;
  const pairs = db.prepare("SELECT id FROM mentor_pair WHERE status = '进行中' ORDER BY id").pluck().all() as number[];
  expect(pairs.length).toBeGreaterThanOrEqual(3); // the sample's pairs run for the school year
  db.prepare("UPDATE mentor_pair SET end_date = '2027-07-10' WHERE id = ?").run(pairs[0]);
  const input = { startYear: 2026, term1Start: '2026-09-01', term2Start: '2027-02-22', entryClasses: 5, assignmentRule: '跟班走' as const };
  const p = await core.call('school-years/rolloverPreview', input);
  const line = (k: string) => p.lines.find((l) => l.key === k)!;
  expect(line('mentorPairs').count).toBe(1);
  expect(line('mentorPairsEnding').count).toBe(pairs.length - 1);
  await core.call('school-years/rollover', input);
  const status = db.prepare('SELECT id, status FROM mentor_pair ORDER BY id').all() as { id: number; status: string }[];
  expect(status.filter((s) => s.status === '进行中').map((s) => s.id)).toEqual([pairs[0]]);
  // The pair going on counts in the new year's first term.
  const list = await core.call('mentors/list', { termId: core.status().currentTermId! });
  expect(list.pairs.map((x) => x.id)).toEqual([pairs[0]]);
});
