/** Timetable core over the sample school: the generated timetable, cell edits, clearDay, copyFromTerm, taught. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTempCore, openSampleCore } from '../../helpers/core';
import { Core } from '../../../electron/core/app';
import type { GeneratedSchoolSummary } from '../../../electron/core/features/app/sample-school';
import { computeTaught } from '../../../shared/domain/timetable/taught';

let dir: string;
let core: Core;
let school: GeneratedSchoolSummary;
let termId: number;

beforeEach(async () => {
  ({ core, dir, school, termId } = await openSampleCore());
});
afterEach(() => closeTempCore(core, dir));

const db = () => core.context().db;
const count = (sql: string, ...args: unknown[]) => (db().prepare(sql).get(...args) as { n: number }).n;
/** A teacher who teaches two classes, with one assignment in each. */
function twoClassTeacher() {
  return db().prepare(`SELECT a.id, a.class_id AS classId, a.teacher_id AS teacherId, a.weekly_periods AS weekly FROM teaching_assignment a
    WHERE a.term_id = ? AND a.teacher_id = (SELECT teacher_id FROM teaching_assignment WHERE term_id = ? GROUP BY teacher_id HAVING COUNT(DISTINCT class_id) >= 2 ORDER BY teacher_id LIMIT 1)
    GROUP BY a.class_id ORDER BY a.class_id LIMIT 2`).all(termId, termId) as { id: number; classId: number; teacherId: number; weekly: number }[];
}

describe('the sample school timetable', () => {
  it('places every weekly period with no conflicts, special subjects in their rooms within capacity', async () => {
    const data = await core.call('timetable/get', { termId });
    expect(school.unplacedLessons).toBe(0);
    expect(data.conflicts).toEqual([]);
    expect(data.lessons.length).toBe(count('SELECT SUM(weekly_periods) n FROM teaching_assignment WHERE term_id = ?', termId));
    expect(count(`SELECT COUNT(*) n FROM teaching_assignment a WHERE a.term_id = ? AND a.weekly_periods <> (SELECT COUNT(*) FROM lesson l WHERE l.assignment_id = a.id)`, termId)).toBe(0);
    expect(data.settings.periods).toHaveLength(8);
    expect(data.rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['音乐室', '美术室', '微机室1', '微机室2', '实验室1', '实验室2', '操场']));
    for (const l of data.lessons) {
      if (['音乐', '美术', '信息科技', '体育与健康'].includes(l.subjectName)) expect(l.roomName, `${l.className} ${l.subjectName}`).not.toBeNull();
    }
    const overfull = db().prepare(`SELECT r.name, l.day, l.period, COUNT(*) n, r.capacity FROM lesson l JOIN room r ON r.id = l.room_id
      WHERE l.term_id = ? GROUP BY r.id, l.day, l.period HAVING COUNT(*) > r.capacity`).all(termId);
    expect(overfull).toEqual([]);
    // Main subjects mostly in the morning.
    const yw = data.lessons.filter((l) => l.subjectName === '语文');
    expect(yw.filter((l) => l.period <= 4).length / yw.length).toBeGreaterThan(0.8);
  });
});

describe('timetable/setCells', () => {
  it('shows a teacher clash and clears it, and audits one entry per call', async () => {
    const [a, b] = twoClassTeacher();
    await core.call('timetable/clearDay', { termId, classId: a.classId, day: 1 });
    await core.call('timetable/clearDay', { termId, classId: b.classId, day: 1 });
    const before = count("SELECT COUNT(*) n FROM audit_log WHERE entity = 'timetable'");
    const r = await core.call('timetable/setCells', { termId, cells: [
      { classId: a.classId, day: 1, period: 1, lesson: { assignmentId: a.id } },
      { classId: b.classId, day: 1, period: 1, lesson: { assignmentId: b.id } },
    ] });
    expect(r.lessons).toHaveLength(2);
    expect(r.conflicts.map((c) => c.id)).toContain(`teacherClash:t${a.teacherId}:d1p1`);
    expect(count("SELECT COUNT(*) n FROM audit_log WHERE entity = 'timetable'")).toBe(before + 1);
    const summary = (db().prepare("SELECT summary FROM audit_log WHERE entity = 'timetable' ORDER BY id DESC LIMIT 1").get() as { summary: string }).summary;
    expect(summary).toMatch(/年级\(\d+\)班 周一第1节 /);
    const cleared = await core.call('timetable/setCells', { termId, cells: [{ classId: b.classId, day: 1, period: 1, lesson: null }] });
    expect(cleared.cleared).toEqual([{ classId: b.classId, day: 1, period: 1 }]);
    expect(cleared.conflicts.filter((c) => c.kind === 'teacherClash')).toEqual([]);
    // The cached index agrees with a fresh read.
    expect((await core.call('timetable/get', { termId })).conflicts).toEqual(cleared.conflicts);
  });

  it('rejects bad cells with issues naming each one and writes nothing', async () => {
    const [a, b] = twoClassTeacher();
    const lessonsBefore = count('SELECT COUNT(*) n FROM lesson');
    const free = db().prepare('SELECT id FROM lesson WHERE term_id = ? AND class_id = ? AND day = 1 AND period = 1').get(termId, a.classId) as { id: number };
    expect(free).toBeTruthy();
    const otherTerm = db().prepare('SELECT id FROM teaching_assignment WHERE term_id <> ? AND class_id = ? LIMIT 1').get(termId, a.classId) as { id: number };
    const err = await core.call('timetable/setCells', { termId, cells: [
      { classId: a.classId, day: 1, period: 1, lesson: null }, // fine on its own
      { classId: a.classId, day: 2, period: 1, lesson: { assignmentId: b.id } }, // b belongs to another class
      { classId: a.classId, day: 6, period: 9, lesson: { assignmentId: a.id } }, // outside the 5 x 8 grid
      { classId: a.classId, day: 3, period: 1, lesson: { assignmentId: otherTerm.id } },
      { classId: 99999, day: 1, period: 2, lesson: null },
    ] }).catch((e) => e);
    expect(err.code).toBe('VALIDATION');
    expect(err.key).toBe('timetableCellsInvalid');
    const keys = err.issues.map((i: { path: unknown[]; key: string }) => `${i.path[1]}:${i.key}`);
    expect(keys).toEqual(['1:cellAssignmentWrongClass', '2:cellDayOutOfRange', '2:cellPeriodOutOfRange', '3:cellAssignmentWrongTerm', '4:cellClassMissing']);
    expect(err.issues[1].params.cell).toMatch(/周六第9节/);
    expect(count('SELECT COUNT(*) n FROM lesson')).toBe(lessonsBefore);
  });

  it('clearDay keeps locked lessons', async () => {
    const [a] = twoClassTeacher();
    const day2 = db().prepare('SELECT period, assignment_id FROM lesson WHERE term_id = ? AND class_id = ? AND day = 2 ORDER BY period').all(termId, a.classId) as { period: number; assignment_id: number }[];
    await core.call('timetable/setCells', { termId, cells: [{ classId: a.classId, day: 2, period: day2[0].period, lesson: { assignmentId: day2[0].assignment_id, locked: true } }] });
    const r = await core.call('timetable/clearDay', { termId, classId: a.classId, day: 2 });
    expect(r.cleared).toHaveLength(day2.length - 1);
    expect(count('SELECT COUNT(*) n FROM lesson WHERE term_id = ? AND class_id = ? AND day = 2', termId, a.classId)).toBe(1);
  });
});

describe('timetable/copyFromTerm', () => {
  it('maps lessons to the target term assignments, skips unmappable ones and never overwrites', async () => {
    const [from, to] = school.termIds;
    const total = count('SELECT COUNT(*) n FROM lesson WHERE term_id = ?', from);
    // Empty the target term, drop one of its assignments (its lessons cannot be mapped) and fill one cell by hand.
    db().prepare('DELETE FROM lesson WHERE term_id = ?').run(to);
    const dropped = db().prepare(`SELECT a.id, a.class_id, a.subject_id, a.weekly_periods FROM teaching_assignment a WHERE a.term_id = ? ORDER BY a.id LIMIT 1`).get(to) as { id: number; class_id: number; subject_id: number; weekly_periods: number };
    db().prepare('DELETE FROM teaching_assignment WHERE id = ?').run(dropped.id);
    const cell = db().prepare(`SELECT l.class_id, l.day, l.period, l.assignment_id FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id
      WHERE l.term_id = ? AND a.subject_id <> ? ORDER BY l.id LIMIT 1`).get(from, dropped.subject_id) as { class_id: number; day: number; period: number };
    const other = db().prepare(`SELECT id FROM teaching_assignment WHERE term_id = ? AND class_id = ? ORDER BY id DESC LIMIT 1`).get(to, cell.class_id) as { id: number };
    await core.call('timetable/setCells', { termId: to, cells: [{ classId: cell.class_id, day: cell.day, period: cell.period, lesson: { assignmentId: other.id } }] });

    const r = await core.call('timetable/copyFromTerm', { fromTermId: from, toTermId: to });
    expect(r.copied).toBe(total - dropped.weekly_periods - 1);
    expect(r.skipped.map((s) => s.key).sort()).toEqual(['copyCellOccupied', 'copyNoAssignment']);
    expect(count('SELECT COUNT(*) n FROM lesson WHERE term_id = ? AND class_id = ? AND day = ? AND period = ? AND assignment_id = ?', to, cell.class_id, cell.day, cell.period, other.id)).toBe(1);
    expect(count('SELECT COUNT(*) n FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id WHERE l.term_id = ? AND a.term_id <> ?', to, to)).toBe(0);
    const again = await core.call('timetable/copyFromTerm', { fromTermId: from, toTermId: to });
    expect(again.copied).toBe(0);
  });
});

describe('periods taught', () => {
  // Term starts Monday 2025-09-01. Class 1: 语文 (1) Mon/Tue/Wed period 1, 数学 (2) Mon/Thu period 2.
  const lessons = [
    { classId: 1, subjectId: 1, day: 1, period: 1 }, { classId: 1, subjectId: 1, day: 2, period: 1 }, { classId: 1, subjectId: 1, day: 3, period: 1 },
    { classId: 1, subjectId: 2, day: 1, period: 2 }, { classId: 1, subjectId: 2, day: 4, period: 2 },
  ];
  const substitutions = [
    { id: 1, date: '2025-09-02', period: 1, classId: 1, subjectId: 1, kind: '停课' as const, swapId: null },
    { id: 2, date: '2025-09-06', period: 1, classId: 1, subjectId: 1, kind: '补课' as const, swapId: null },
    // 调课: 数学 on Mon 09-01 p2 swapped with 语文 on Wed 09-10 p1.
    { id: 3, date: '2025-09-01', period: 2, classId: 1, subjectId: 2, kind: '调课' as const, swapId: 4 },
    { id: 4, date: '2025-09-10', period: 1, classId: 1, subjectId: 1, kind: '调课' as const, swapId: 3 },
    { id: 5, date: '2025-09-03', period: 1, classId: 1, subjectId: 1, kind: '代课' as const, swapId: null },
  ];
  const run = (from: string, to: string) => computeTaught({ termStart: '2025-09-01', teachingWeeks: 20, daysPerWeek: 5, from, to, lessons, substitutions });

  it('one week with a 停课, a 补课 and half of a 调课 pair', () => {
    const [yw, sx] = run('2025-09-01', '2025-09-07');
    expect(yw).toMatchObject({ subjectId: 1, weeks: 1, planned: 3, cancelled: 1, madeUp: 1, movedOut: 0, movedIn: 1, taught: 4 });
    expect(sx).toMatchObject({ subjectId: 2, weeks: 1, planned: 2, cancelled: 0, madeUp: 0, movedOut: 1, movedIn: 0, taught: 1 });
  });

  it('two weeks hold both halves of the swap, which then cancels out', () => {
    const [yw, sx] = run('2025-09-01', '2025-09-14');
    expect(yw).toMatchObject({ weeks: 2, planned: 6, movedOut: 1, movedIn: 1, taught: 6 });
    expect(sx).toMatchObject({ weeks: 2, planned: 4, movedOut: 1, movedIn: 1, taught: 4 });
  });

  it('stops at the end of the teaching weeks', () => {
    const [yw] = computeTaught({ termStart: '2025-09-01', teachingWeeks: 1, daysPerWeek: 5, from: '2025-08-01', to: '2025-12-31', lessons, substitutions: [] });
    expect(yw).toMatchObject({ weeks: 1, planned: 3, taught: 3 });
  });

  it('timetable/taught applies substitutions from the log', async () => {
    const l = db().prepare(`SELECT l.class_id, a.subject_id, a.teacher_id FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id
      WHERE l.term_id = ? AND l.day = 1 ORDER BY l.class_id, l.period LIMIT 1`).get(termId) as { class_id: number; subject_id: number; teacher_id: number };
    const base = await core.call('timetable/taught', { termId, from: '2025-09-01', to: '2025-09-05' });
    const row = (rows: typeof base) => rows.find((r) => r.classId === l.class_id && r.subjectId === l.subject_id)!;
    const weekly = count('SELECT COUNT(*) n FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id WHERE l.term_id = ? AND l.class_id = ? AND a.subject_id = ?', termId, l.class_id, l.subject_id);
    expect(row(base)).toMatchObject({ planned: weekly, taught: weekly, weeks: 1 });
    await core.call('substitutions/save', { termId, date: '2025-09-01', period: 1, classId: l.class_id, subjectId: l.subject_id, kind: '停课', reason: '运动会' });
    expect(row(await core.call('timetable/taught', { termId, from: '2025-09-01', to: '2025-09-05' }))).toMatchObject({ cancelled: 1, taught: weekly - 1 });
  });
});

describe('settings, rooms and unavailable times', () => {
  it('saves settings after validation; refuses a grid that would hide placed lessons', async () => {
    const s = await core.call('timetable/getSettings', { termId });
    expect(s.periods).toHaveLength(8);
    const overlapping = { ...s, periods: s.periods.map((p) => (p.no === 2 ? { ...p, start: '08:20' } : p)) };
    const err = await core.call('timetable/saveSettings', overlapping).catch((e) => e);
    expect(err.key).toBe('timetableSettingsInvalid');
    expect(err.issues.map((i: { key: string }) => i.key)).toContain('periodOverlap');
    const shorter = await core.call('timetable/saveSettings', { ...s, periods: s.periods.slice(0, 7) }).catch((e) => e);
    expect(shorter.issues.map((i: { key: string }) => i.key)).toEqual(['settingsHidePeriods']);
    const saved = await core.call('timetable/saveSettings', { ...s, breaks: s.breaks.filter((b) => b.name !== '早读') });
    expect(saved.breaks.map((b) => b.name)).toEqual(['大课间', '午休']);
    expect((db().prepare("SELECT COUNT(*) n FROM audit_log WHERE entity = 'timetable' AND action = 'settings'").get() as { n: number }).n).toBe(1);
  });

  it('saves a room with its subjects and refuses a duplicate name', async () => {
    const music = db().prepare("SELECT id FROM subject WHERE name = '音乐'").get() as { id: number };
    const room = await core.call('timetable/saveRoom', { name: '音乐室2', kind: '音乐室', capacity: 1, subjectIds: [music.id] });
    expect(room.subjectNames).toEqual(['音乐']);
    const dup = await core.call('timetable/saveRoom', { name: '音乐室2', kind: '音乐室', capacity: 1 }).catch((e) => e);
    expect(dup.code).toBe('CONFLICT');
    const archived = await core.call('timetable/archiveRoom', { id: room.id, archived: true });
    expect(archived.archived).toBe(true);
    expect((await core.call('timetable/listRooms', {})).some((r) => r.id === room.id)).toBe(false);
  });

  it('an unavailable slot over a placed lesson shows up as a conflict (the cached index is rebuilt)', async () => {
    expect((await core.call('timetable/get', { termId })).conflicts).toEqual([]);
    const l = db().prepare('SELECT l.day, l.period, a.teacher_id FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id WHERE l.term_id = ? ORDER BY l.id LIMIT 1').get(termId) as { day: number; period: number; teacher_id: number };
    const list = await core.call('timetable/unavailableSave', { termId, teacherId: l.teacher_id, slots: [{ day: l.day, period: l.period, reason: '县里开会' }] });
    expect(list).toHaveLength(1);
    const data = await core.call('timetable/get', { termId });
    expect(data.conflicts.map((c) => c.id)).toEqual([`teacherUnavailable:t${l.teacher_id}:d${l.day}p${l.period}`]);
    await core.call('timetable/unavailableSave', { termId, teacherId: l.teacher_id, slots: [] });
    expect((await core.call('timetable/get', { termId })).conflicts).toEqual([]);
  });
});
