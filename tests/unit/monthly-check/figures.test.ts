/**
 * One set of observation and fix figures for the monthly sheet, the bulletin (PDF and Word) and the screen
 * (issue 8, item 4), checked against counts made here straight from the tables of the sample school.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import type { MonthlySheets } from '../../../shared/contract';

let dir: string;
let core: Core;
let termId: number;
let month: string;
let sheets: MonthlySheets;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-figs-'));
  core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf: null });
  termId = (await core.call('app/loadSample', {})).currentTermId!;
  const months = await core.call('monthly-check/months', { termId });
  month = months[2].month; // the third month: observations in earlier months exist
  sheets = await core.call('monthly-check/start', { termId, month });
  // Required fixes on two sheets (the month's plan and homework checks may add more).
  const [a, b] = sheets.rows;
  await core.call('monthly-check/saveSheets', { termId, month, rows: [
    { id: a.id, fixRequired: '补写详案' }, { id: b.id, fixRequired: '作业批改补齐' },
  ] });
}, 120_000);
afterAll(async () => { await core?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

const db = () => core.context().db;
const html = async (reportId: string, m = month) => (await core.call('reports/html', { reportId, params: { termId, month: m } })).html;
const text = (h: string) => h.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

/** Counted here, not by the app: observations per observer, in the month and in the term up to its end. */
function handCounts() {
  const term = db().prepare('SELECT start_date AS s FROM term WHERE id = ?').get(termId) as { s: string };
  const [y, m] = month.split('-').map(Number);
  const last = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  const rows = db().prepare('SELECT observer_id AS o, date FROM observation WHERE term_id = ?').all(termId) as { o: number; date: string }[];
  const toDate = new Map<number, number>();
  const inMonth = new Map<number, number>();
  for (const r of rows) {
    if (r.date >= term.s && r.date <= last) toDate.set(r.o, (toDate.get(r.o) ?? 0) + 1);
    if (r.date.startsWith(month)) inMonth.set(r.o, (inMonth.get(r.o) ?? 0) + 1);
  }
  return { toDate, inMonth };
}

describe('monthly figures', () => {
  it('each sheet counts the term to date, and the due is a whole number of lessons', async () => {
    const { toDate } = handCounts();
    const fresh = await core.call('monthly-check/sheets', { termId, month });
    let withEarlier = 0;
    for (const r of fresh.rows) {
      expect(r.observationsDone, r.teacherName).toBe(toDate.get(r.teacherId) ?? 0);
      expect(Number.isInteger(r.observationsDue), `${r.teacherName} due ${r.observationsDue}`).toBe(true);
      if ((toDate.get(r.teacherId) ?? 0) > 0) withEarlier++;
    }
    expect(withEarlier).toBeGreaterThan(10); // the sample really has observations before this month
  });

  it('the sheet prints the month, the term to date and the whole lessons due', async () => {
    const { toDate, inMonth } = handCounts();
    const r = sheets.rows.find((x) => (toDate.get(x.teacherId) ?? 0) > (inMonth.get(x.teacherId) ?? 0))!;
    const t = text(await core.call('reports/html', { reportId: 'monthly-sheets', params: { termId, month, teacherIds: [r.teacherId] } }).then((x) => x.html));
    expect(t).toContain(`本月听课 ${inMonth.get(r.teacherId) ?? 0} 节，本学期累计 ${toDate.get(r.teacherId)} 节`);
    expect(t).not.toMatch(/应完成 \d+\.\d 节/);
  });

  it('the bulletin says the same: month and term sums, people behind by the sheets\' rule, fixes as people and items', async () => {
    const { toDate, inMonth } = handCounts();
    const fresh = await core.call('monthly-check/sheets', { termId, month });
    const ids = fresh.rows.map((r) => r.teacherId);
    const monthSum = ids.reduce((s, id) => s + (inMonth.get(id) ?? 0), 0);
    const termSum = ids.reduce((s, id) => s + (toDate.get(id) ?? 0), 0);
    const behind = fresh.rows.filter((r) => r.observationsDue > 0 && (toDate.get(r.teacherId) ?? 0) < r.observationsDue).length;
    expect(termSum).toBeGreaterThan(monthSum);
    const t = text(await html('monthly-bulletin'));
    expect(t).toContain(`本月听课 ${monthSum} 节，本学期累计听课 ${termSum} 节`);
    expect(t).toContain(`${behind} 人未达听课进度`);
    // Fixes: the sheets' two plus any open fixes from the month's plan and homework checks, by teacher.
    const data = await core.call('monthly-check/bulletinData', { termId, month });
    const open = data.fixes.filter((f) => !f.done);
    expect(open.length).toBeGreaterThanOrEqual(2);
    const h = await html('monthly-bulletin');
    expect(h).toContain(`>${new Set(open.map((f) => f.teacherId)).size} 人（${open.length} 项）<`);
  });

  it('the bulletin chart sums the same sheet figures per role', async () => {
    const h = await html('monthly-bulletin');
    // Every role bar reads made/expected from the sheets: no fractional "expected" any more.
    expect(h).not.toMatch(/应听[^<]{0,20}\d+\.\d/);
  });

  it('a month that has not started prints nothing and says why', async () => {
    const months = await core.call('monthly-check/months', { termId });
    const later = months.find((m) => !m.started)!.month;
    for (const id of ['monthly-bulletin', 'monthly-sheets']) {
      await expect(html(id, later)).rejects.toMatchObject({ key: 'routineReports.monthNotStarted', params: { month: later } });
    }
  });
});
