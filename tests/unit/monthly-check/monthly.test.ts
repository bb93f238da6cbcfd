/** Core integration of the monthly check, observations and research on the sample school (clock fixed inside the first term). */
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { loadSampleSchool } from '../../../electron/core/features/app/sample-school';
import { weekdayOf } from '../../../shared/domain/timetable/taught';

let dir: string;
let core: Core;
let termId: number;
const db = () => core.context().db;
const count = (sql: string, ...args: unknown[]) => (db().prepare(sql).get(...args) as { n: number }).n;

async function rejects(p: Promise<unknown>): Promise<{ code: string; key: string; issues?: { path: (string | number)[]; key: string }[] }> {
  try { await p; } catch (e) { return e as never; }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  dir = fs.mkdtempSync(os.tmpdir() + '/jw-');
  core = await Core.open({ dataDir: dir, noDailyBackup: true, now: () => new Date('2025-10-15T08:00:00Z') });
  termId = loadSampleSchool(core.context()).currentTermId;
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A timetable lesson of the term with its teacher, and a date in September on its weekday. */
function someLesson() {
  const l = db().prepare(
    `SELECT l.class_id, l.day, l.period, a.teacher_id, a.subject_id FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id
     WHERE l.term_id = ? ORDER BY l.id LIMIT 1`,
  ).get(termId) as { class_id: number; day: number; period: number; teacher_id: number; subject_id: number };
  let date = '2025-09-08';
  while (weekdayOf(date) !== l.day) date = `2025-09-${String(Number(date.slice(8)) + 1).padStart(2, '0')}`;
  return { ...l, date };
}

describe('sample data', () => {
  it('adds observations and research activities for the first months of the term', () => {
    expect(count('SELECT COUNT(*) n FROM observation WHERE term_id = ?', termId)).toBeGreaterThan(50);
    expect(count("SELECT COUNT(*) n FROM observation WHERE term_id = ? AND date > '2025-10-15'", termId)).toBe(0);
    expect(count('SELECT COUNT(*) n FROM observation WHERE teacher_id = observer_id')).toBe(0);
    expect(count('SELECT COUNT(*) n FROM research_activity WHERE term_id = ?', termId)).toBeGreaterThan(5);
  });
});

describe('observations', () => {
  it('prefills from the timetable lesson on that weekday', async () => {
    const l = someLesson();
    const p = await core.call('observations/fromLesson', { termId, date: l.date, period: l.period, classId: l.class_id });
    expect(p).toMatchObject({ day: l.day, teacherId: l.teacher_id, subjectId: l.subject_id, classId: l.class_id });
    expect(p.className).toMatch(/年级\(\d+\)班/);
    // A Sunday has no lesson: nothing to prefill.
    const empty = await core.call('observations/fromLesson', { termId, date: '2025-09-07', period: l.period, classId: l.class_id });
    expect(empty.teacherId).toBeNull();
  });

  it('saves with total and level, lists with filters, and deletes with audit', async () => {
    const l = someLesson();
    const observer = count('SELECT id n FROM teacher WHERE id <> ? ORDER BY id LIMIT 1', l.teacher_id);
    const saved = await core.call('observations/save', {
      termId, date: l.date, period: l.period, classId: l.class_id, subjectId: l.subject_id, teacherId: l.teacher_id, observerId: observer,
      kind: '研讨课', topic: '测试课', scores: { goal: 14, content: 18, method: 17, participation: 13, effect: 18, skill: 9 },
    });
    expect(saved).toMatchObject({ total: 89, level: '良', kind: '研讨课', observerId: observer });
    const list = await core.call('observations/list', { termId, observerId: observer, month: '2025-09', kind: '研讨课' });
    expect(list.map((o) => o.id)).toContain(saved.id);
    expect((await core.call('observations/list', { termId, observerId: observer, month: '2025-10', kind: '研讨课' })).map((o) => o.id)).not.toContain(saved.id);
    await core.call('observations/delete', { id: saved.id });
    expect(count('SELECT COUNT(*) n FROM observation WHERE id = ?', saved.id)).toBe(0);
    expect(count("SELECT COUNT(*) n FROM audit_log WHERE entity = 'observation' AND entity_id = ?", String(saved.id))).toBe(2);
  });

  it('refuses observing oneself, a date outside the term and a score over its max', async () => {
    const l = someLesson();
    const before = count('SELECT COUNT(*) n FROM observation');
    const e = await rejects(core.call('observations/save', {
      termId, date: '2026-03-02', teacherId: l.teacher_id, observerId: l.teacher_id, kind: '推门课', scores: { goal: 20 },
    }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues!.map((i) => i.key).sort()).toEqual(['routineMonthly.dateOutsideTerm', 'routineMonthly.observerIsObserved', 'routineMonthly.scoreOverMax']);
    expect(count('SELECT COUNT(*) n FROM observation')).toBe(before);
  });
});

describe('quotas', () => {
  it('saves role quotas and overrides and reports progress by person, role and group', async () => {
    const principal = count(`SELECT id n FROM teacher WHERE roles LIKE '%"校长"%' LIMIT 1`);
    const q = await core.call('observations/saveQuotas', { termId, roles: [{ role: '任课教师', perTerm: 12 }], overrides: [{ teacherId: principal, perTerm: 40, note: '兼任督导' }] });
    expect(q.roles.find((r) => r.role === '任课教师')).toEqual({ role: '任课教师', perTerm: 12, isDefault: false });
    expect(q.roles.find((r) => r.role === '校长')).toEqual({ role: '校长', perTerm: 30, isDefault: true });
    const p = await core.call('observations/quotaProgress', { termId, asOf: '2025-10-12' });
    expect(p.elapsedWeeks).toBe(6);
    const me = p.people.find((x) => x.teacherId === principal)!;
    const done = count("SELECT COUNT(*) n FROM observation WHERE term_id = ? AND observer_id = ? AND date <= '2025-10-12'", termId, principal);
    expect(me).toMatchObject({ role: '校长', quota: 40, overridden: true, done, projected: Math.round(done / 6 * 20 * 10) / 10 });
    const plain = p.people.find((x) => x.roles.length === 1 && x.roles[0] === '任课教师')!;
    expect(plain.quota).toBe(12);
    const roleSum = p.byRole.reduce((s, r) => s + r.people, 0);
    expect(roleSum).toBe(p.people.length);
    expect(p.byGroup.length).toBeGreaterThan(3);
    expect(p.people.some((x) => x.status !== 'onTrack')).toBe(true);
  });
});

describe('research activities', () => {
  it('saves an activity with attendees and counts attendance per month', async () => {
    const g = db().prepare("SELECT g.id, (SELECT json_group_array(teacher_id) FROM teaching_group_member WHERE group_id = g.id) m FROM teaching_group g WHERE kind = '教研组' LIMIT 1").get() as { id: number; m: string };
    const members = JSON.parse(g.m) as number[];
    const before = await core.call('research/attendance', { termId });
    const a = await core.call('research/save', { termId, groupId: g.id, date: '2025-11-05', topic: '期中质量分析', attendeeIds: members.slice(1) });
    expect(a.attendeeIds.length).toBe(members.length - 1);
    const att = await core.call('research/attendance', { termId });
    const absent = att.rows.find((r) => r.teacherId === members[0])!;
    const was = before.rows.find((r) => r.teacherId === members[0])?.byMonth['2025-11'] ?? { attended: 0, held: 0 };
    expect(absent.byMonth['2025-11']).toEqual({ attended: was.attended, held: was.held + 1 });
    await core.call('research/delete', { id: a.id });
  });
});

describe('the monthly check', () => {
  const month = '2025-09';
  it('starts a month with one sheet per teaching teacher and is idempotent', async () => {
    const teaching = count('SELECT COUNT(DISTINCT a.teacher_id) n FROM teaching_assignment a JOIN teacher t ON t.id = a.teacher_id WHERE a.term_id = ? AND t.archived = 0', termId);
    const r = await core.call('monthly-check/start', { termId, month });
    expect(r).toMatchObject({ created: teaching, alreadyStarted: false, started: true });
    expect(r.rows.length).toBe(teaching);
    const again = await core.call('monthly-check/start', { termId, month });
    expect(again).toMatchObject({ created: 0, alreadyStarted: true });
    expect(count('SELECT COUNT(*) n FROM monthly_sheet s JOIN monthly_check c ON c.id = s.check_id WHERE c.term_id = ?', termId)).toBe(teaching);
    // Facts: observations made in the month, weekly periods from the assignments.
    const row = r.rows[0];
    expect(row.observationsDone).toBe(count("SELECT COUNT(*) n FROM observation WHERE observer_id = ? AND date BETWEEN '2025-09-01' AND '2025-09-30'", row.teacherId));
    expect(row.weeklyPeriods).toBe(count('SELECT SUM(weekly_periods) n FROM teaching_assignment WHERE term_id = ? AND teacher_id = ?', termId, row.teacherId));
    expect(row.status).toBe('未查');
    expect(r.items.map((i) => i.key)).toContain('observation');
    expect(r.rows.some((x) => x.researchHeld > 0)).toBe(true);
    // Tutoring: the month's tutoring entries of the struggling-student files each teacher is responsible for.
    const tutoring = core.context().db.prepare(
      `SELECT f.teacher_id, COUNT(*) n FROM struggling_entry e JOIN struggling_file f ON f.id = e.file_id
       WHERE f.term_id = ? AND e.kind = 'tutoring' AND e.entry_date BETWEEN '2025-09-01' AND '2025-09-30' GROUP BY f.teacher_id`,
    ).all(termId) as { teacher_id: number; n: number }[];
    expect(tutoring.length).toBeGreaterThan(0);
    for (const x of r.rows) expect(x.tutoringCount).toBe(tutoring.find((t) => t.teacher_id === x.teacherId)?.n ?? 0);
  });

  it('refuses a month outside the term', async () => {
    const e = await rejects(core.call('monthly-check/start', { termId, month: '2026-03' }));
    expect(e.issues?.[0].key).toBe('routineMonthly.monthOutsideTerm');
  });

  it('saves many sheets in one transaction with totals and grades, and a bad row writes nothing', async () => {
    const s = await core.call('monthly-check/sheets', { termId, month });
    const full = Object.fromEntries(s.items.map((i) => [i.key, i.maxScore]));
    const [a, b, c] = s.rows;
    const saved = await core.call('monthly-check/saveSheets', {
      termId, month,
      rows: [
        { id: a.id, scores: full, checker: '李主任', comment: '备课详实' },
        { id: b.id, scores: Object.fromEntries(s.items.map((i) => [i.key, i.maxScore * 0.5])), checker: '李主任', fixRequired: '补写教学反思' },
      ],
    });
    const ra = saved.rows.find((r) => r.id === a.id)!;
    expect(ra).toMatchObject({ total: s.maxTotal, grade: '优', status: '已查', checker: '李主任', checkedOn: '2025-10-15' });
    expect(saved.rows.find((r) => r.id === b.id)).toMatchObject({ total: s.maxTotal / 2, grade: '不合格', status: '已查' });

    const snapshot = db().prepare('SELECT id, scores, total, status, checker FROM monthly_sheet ORDER BY id').all();
    const e = await rejects(core.call('monthly-check/saveSheets', {
      termId, month,
      rows: [{ id: c.id, scores: full, checker: '王' }, { id: a.id, scores: { [s.items[0].key]: s.items[0].maxScore + 1 } }, { id: 999999 }],
    }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues!.map((i) => i.path.join('.'))).toEqual([`rows.1.scores.${s.items[0].key}`, 'rows.2.id']);
    expect(db().prepare('SELECT id, scores, total, status, checker FROM monthly_sheet ORDER BY id').all()).toEqual(snapshot);
  });

  it('counts progress by group and feeds the bulletin and the term summary', async () => {
    const p = await core.call('monthly-check/progress', { termId, month });
    expect(p.checked).toBe(2);
    expect(p.total).toBe(count('SELECT COUNT(*) n FROM monthly_sheet s JOIN monthly_check c ON c.id = s.check_id WHERE c.term_id = ?', termId));
    expect(p.byGroup.reduce((s, g) => s + g.checked, 0)).toBeGreaterThanOrEqual(2);
    const months = await core.call('monthly-check/months', { termId });
    expect(months.find((m) => m.month === month)).toMatchObject({ started: true, checked: 2 });
    const b = await core.call('monthly-check/bulletinData', { termId, month });
    expect(b.summary).toMatchObject({ teachers: p.total, checked: 2 });
    expect(b.commended.length).toBe(1);
    expect(b.problems.length).toBeGreaterThan(0);
    expect(b.fixes.some((f) => f.source === 'sheet' && f.text === '补写教学反思' && !f.done)).toBe(true);
    const t = await core.call('monthly-check/termSummary', { termId });
    const top = t.teachers.find((x) => x.teacherId === b.commended[0].teacherId)!;
    expect(top.average).toBe(b.commended[0].total);
    expect(t.monthAverages.find((m) => m.month === month)?.checked).toBe(2);
  });

  it('refuses to discard a month with checked sheets', async () => {
    const e = await rejects(core.call('monthly-check/discard', { termId, month }));
    expect(e.key).toBe('routineMonthly.monthHasChecked');
  });
});
