/** Workloads (teachers, groups, leaders' year totals), the substitution log and the arithmetic behind them. */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTempCore, openSampleCore } from '../../helpers/core';
import { Core } from '../../../electron/core/app';
import type { GeneratedSchoolSummary } from '../../../electron/core/features/app/sample-school';
import { groupStats, scheduledPeriods, yearTotal } from '../../../shared/domain/timetable/workload';

describe('workload arithmetic', () => {
  it('counts a combined lesson once and a clash twice', () => {
    const m = scheduledPeriods([
      { id: 1, teacherId: 1, day: 1, period: 1, combinedKey: 'K' },
      { id: 2, teacherId: 1, day: 1, period: 1, combinedKey: 'K' },
      { id: 3, teacherId: 1, day: 1, period: 2, combinedKey: null },
      { id: 4, teacherId: 1, day: 1, period: 2, combinedKey: null },
      { id: 5, teacherId: 2, day: 1, period: 1, combinedKey: null },
    ]);
    expect(m.get(1)).toBe(3);
    expect(m.get(2)).toBe(1);
  });
  it('group stats and year totals', () => {
    expect(groupStats([12, 14, 10])).toEqual({ teachers: 3, periods: 36, average: 12, max: 14, min: 10 });
    expect(groupStats([])).toMatchObject({ teachers: 0, average: 0 });
    expect(yearTotal([{ weekly: 2, teachingWeeks: 20 }, { weekly: 3, teachingWeeks: 18 }])).toBe(94);
  });
});

let dir: string;
let core: Core;
let school: GeneratedSchoolSummary;
let termId: number;

beforeEach(async () => {
  ({ core, dir, school, termId } = await openSampleCore());
});
afterEach(() => closeTempCore(core, dir));
const db = () => core.context().db;

describe('workload handlers', () => {
  it('teachers: planned equals scheduled in the generated timetable; groups add up', async () => {
    const rows = await core.call('workload/teachers', { termId });
    expect(rows.length).toBe(school.teachers);
    for (const r of rows) expect(r.scheduled, r.teacherName).toBe(r.planned);
    const sum = rows.reduce((s, r) => s + r.planned, 0);
    expect(sum).toBe((db().prepare('SELECT SUM(weekly_periods) n FROM teaching_assignment WHERE term_id = ?').get(termId) as { n: number }).n);
    expect(rows.some((r) => r.classes.includes('七年级(1)班'))).toBe(true);
    const groups = await core.call('workload/groups', { termId });
    const yw = groups.find((g) => g.name === '语文教研组')!;
    const ywTeachers = rows.filter((r) => r.groupNames.includes('语文教研组'));
    expect(yw.teachers).toBe(ywTeachers.length);
    expect(yw.periods).toBe(ywTeachers.reduce((s, r) => s + r.scheduled, 0));
    expect(yw.max).toBe(Math.max(...ywTeachers.map((r) => r.scheduled)));
  });

  it('leaders: the year total is weekly periods x teaching weeks summed over both terms', async () => {
    const [t1, t2] = school.termIds;
    db().prepare('UPDATE term SET teaching_weeks = 18 WHERE id = ?').run(t2);
    // Take one lesson off the principal in term 2.
    const principal = (await core.call('workload/leaders', { termId })).find((l) => l.roles.includes('校长'))!;
    const lesson = db().prepare('SELECT l.id FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id WHERE l.term_id = ? AND a.teacher_id = ? LIMIT 1').get(t2, principal.teacherId) as { id: number };
    db().prepare('DELETE FROM lesson WHERE id = ?').run(lesson.id);
    const leaders = await core.call('workload/leaders', { termId: t1, minimum: 80 });
    expect(leaders.map((l) => l.roles.find((r) => ['校长', '副校长', '教导主任'].includes(r)))).toEqual(['校长', '副校长', '教导主任']);
    const p = leaders.find((l) => l.teacherId === principal.teacherId)!;
    expect(p.yearTotal).toBe(p.weekly * 20 + (p.weekly - 1) * 18);
    expect(p.ok).toBe(p.yearTotal >= 80);
    const strict = await core.call('workload/leaders', { termId: t1, minimum: 10_00 });
    expect(strict.every((l) => !l.ok && l.minimum === 1000)).toBe(true);
  });

  it('exports the three sheets with title rows', async () => {
    const file = await core.call('workload/exportXlsx', { termId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['教师课时', '教研组课时', '领导授课']);
    expect(String(wb.getWorksheet('教师课时')!.getCell(1, 1).value)).toContain('教师课时统计表');
    expect(wb.getWorksheet('教师课时')!.rowCount).toBe(2 + school.teachers);
  });
});

describe('substitutions', () => {
  const lessonOf = () => db().prepare(`SELECT l.class_id, a.subject_id, a.teacher_id FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id
    WHERE l.term_id = ? ORDER BY l.id LIMIT 1`).get(termId) as { class_id: number; subject_id: number; teacher_id: number };

  it('a 调课 with swapWith writes two rows pointing at each other; delete removes both', async () => {
    const l = lessonOf();
    const other = db().prepare('SELECT subject_id FROM teaching_assignment WHERE term_id = ? AND class_id = ? AND subject_id <> ? LIMIT 1').get(termId, l.class_id, l.subject_id) as { subject_id: number };
    const rows = await core.call('substitutions/save', {
      termId, date: '2025-10-13', period: 1, classId: l.class_id, subjectId: l.subject_id, kind: '调课', reason: '外出学习',
      swapWith: { date: '2025-10-15', period: 3, subjectId: other.subject_id },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0].swapId).toBe(rows[1].id);
    expect(rows[1].swapId).toBe(rows[0].id);
    expect(rows[0].originalTeacherId).toBe(l.teacher_id);
    expect(rows[1].date).toBe('2025-10-15');
    expect((await core.call('substitutions/list', { termId })).length).toBe(2);
    await core.call('substitutions/delete', { id: rows[1].id });
    expect(await core.call('substitutions/list', { termId })).toEqual([]);
  });

  it('validates teacher, date and references, writing nothing', async () => {
    const l = lessonOf();
    const base = { termId, period: 1, classId: l.class_id, subjectId: l.subject_id };
    const same = await core.call('substitutions/save', { ...base, date: '2025-10-13', kind: '代课', originalTeacherId: l.teacher_id, substituteTeacherId: l.teacher_id }).catch((e) => e);
    expect(same.issues.map((i: { key: string }) => i.key)).toContain('subSameTeacher');
    const outside = await core.call('substitutions/save', { ...base, date: '2026-03-01', kind: '停课' }).catch((e) => e);
    expect(outside.issues[0]).toMatchObject({ path: ['date'], key: 'subDateOutsideTerm' });
    const missing = await core.call('substitutions/save', { ...base, classId: 99999, date: '2025-10-13', kind: '补课' }).catch((e) => e);
    expect(missing.issues[0]).toMatchObject({ path: ['classId'], key: 'notFound' });
    expect((await core.call('substitutions/list', { termId })).length).toBe(0);
    const ok = await core.call('substitutions/save', { ...base, date: '2025-10-13', kind: '代课', substituteTeacherId: l.teacher_id === 1 ? 2 : 1 });
    expect(ok[0]).toMatchObject({ kind: '代课', originalTeacherId: l.teacher_id });
  });
});
