/**
 * The new school year (学年升级) on the sample school: the preview writes nothing, the commit promotes every
 * cohort by arithmetic, graduates the top grade (archived, still in history and old reports), creates the empty
 * entry classes, carries head teachers, groups, assignments, settings and open struggling files, takes a backup,
 * and leaves every past exam's analysis exactly as it was. Then the second-term roll-over.
 */
import fs from 'node:fs';
import * as XLSX from '@e965/xlsx';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { RolloverInput } from '../../../shared/contract';
import { closeTempCore, openSampleWithClock } from '../../helpers/core';

let core: Core;
let dir: string;
let clock: { set(d: Date): void };
const count = (sql: string, ...args: unknown[]) => (core.context().db.prepare(sql).get(...args) as { n: number }).n;
const input: RolloverInput = { startYear: 2026, term1Start: '2026-09-01', term2Start: '2027-02-22', entryClasses: 5, assignmentRule: '跟班走' };

beforeEach(async () => {
  ({ core, dir, clock } = await openSampleWithClock());
  clock.set(new Date('2026-07-10T08:00:00Z')); // the summer holiday, when schools roll over
});
afterEach(async () => { await closeTempCore(core, dir); });

describe('the new-year roll-over', () => {
  it('previews every change with counts, writing nothing', async () => {
    const before = count('SELECT COUNT(*) n FROM audit_log');
    const p = await core.call('school-years/rolloverPreview', input);
    expect(p.blockers).toEqual([]);
    const line = (k: string) => p.lines.find((l) => l.key === k)!;
    expect(line('promoteClasses').count).toBe(12);
    expect(line('graduateClasses').count).toBe(6);
    expect(line('createEntryClasses').count).toBe(5);
    expect(line('graduateStudents').count).toBe(count(`SELECT COUNT(*) n FROM student s JOIN class c ON c.id = s.class_id WHERE s.archived = 0 AND s.status = '在读' AND c.entry_year = 2023`));
    expect(line('promoteClasses').examples[0]).toMatch(/^2025级1班：七年级\(1\)班 → 八年级\(1\)班$/);
    expect(p.cohorts.map((c) => [c.entryYear, c.fromLevel, c.toLevel, c.graduates])).toEqual([
      [2023, 9, null, true], [2024, 8, 9, false], [2025, 7, 8, false], [2026, null, 7, false]]);
    expect(count('SELECT COUNT(*) n FROM school_year')).toBe(3);
    expect(count('SELECT COUNT(*) n FROM audit_log')).toBe(before);
  });

  it('commits after a backup: promotes, graduates, creates entry classes, carries what the year needs', async () => {
    const db = core.context().db;
    const term1Before = core.status().currentTermId!;
    const oldYear = (db.prepare('SELECT school_year_id y FROM term WHERE id = ?').get(term1Before) as { y: number }).y;
    const graduating = count(`SELECT COUNT(*) n FROM student s JOIN class c ON c.id = s.class_id WHERE s.archived = 0 AND c.entry_year = 2023`);
    const continuing = count(`SELECT COUNT(*) n FROM student s JOIN class c ON c.id = s.class_id WHERE s.archived = 0 AND s.status = '在读' AND c.entry_year > 2023`);
    const openFiles = count(`SELECT COUNT(*) n FROM struggling_file f JOIN student s ON s.id = f.student_id JOIN class c ON c.id = s.class_id
      WHERE f.status IN ('帮扶中', '继续帮扶') AND f.carried_on IS NULL AND c.entry_year > 2023`);
    const oldClassNames = (await core.call('school/listClasses', { termId: term1Before })).map((c) => c.name);
    const exam = db.prepare("SELECT id FROM exam ORDER BY exam_date DESC LIMIT 1").get() as { id: number };
    const analysisBefore = await core.call('exams/analysis', { examId: exam.id });

    const r = await core.call('school-years/rollover', input);
    expect(fs.existsSync(path.join(dir, 'backups', r.backupFile))).toBe(true);
    expect(r.backupFile).toMatch(/pre-rollover\.sqlite$/);
    const newYear = r.schoolYearId;
    expect(core.status().currentTermId).toBe(r.termIds[0]);

    // Classes this year: the 2024 and 2025 cohorts one grade up, five empty 七年级 classes of the 2026 cohort.
    const now = await core.call('school/listClasses', {});
    expect(now.map((c) => c.name)).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => `七年级(${n})班`), ...[1, 2, 3, 4, 5, 6].map((n) => `八年级(${n})班`), ...[1, 2, 3, 4, 5, 6].map((n) => `九年级(${n})班`)]);
    expect(now.filter((c) => c.gradeLevel === 7).every((c) => c.studentCount === 0 && c.entryYear === 2026)).toBe(true);
    expect(now.find((c) => c.name === '八年级(1)班')!.cohortName).toBe('2025级1班');
    // Last year's class list is unchanged, named as it was.
    expect((await core.call('school/listClasses', { termId: term1Before })).map((c) => c.name)).toEqual(oldClassNames);

    // Graduates: archived with status 毕业, their stretch ends 毕业, their classes archived with the end year.
    expect(count(`SELECT COUNT(*) n FROM student s JOIN class c ON c.id = s.class_id WHERE c.entry_year = 2023 AND s.status = '毕业' AND s.archived = 1`)).toBe(graduating);
    expect(count(`SELECT COUNT(*) n FROM class WHERE entry_year = 2023 AND archived = 1 AND end_year = 2025`)).toBe(6);
    // Continuing students: a new stretch (升级) in the same class this year, last year's closed.
    expect(count(`SELECT COUNT(*) n FROM student_enrollment WHERE school_year_id = ? AND start_change = '升级' AND to_date IS NULL`, newYear)).toBe(continuing);
    expect(count(`SELECT COUNT(*) n FROM student_enrollment WHERE school_year_id = ? AND to_date IS NULL`, oldYear)).toBe(0);
    // Head teachers carried for continuing classes, and to the entry classes from the graduating ones (跟班走).
    expect(count('SELECT COUNT(*) n FROM class_year WHERE school_year_id = ? AND head_teacher_id IS NOT NULL', newYear)).toBe(12 + 5);
    // Teaching groups copied to the new year; assignments for every class of term 1.
    expect(count('SELECT COUNT(*) n FROM teaching_group WHERE school_year_id = ?', newYear)).toBe(count('SELECT COUNT(*) n FROM teaching_group WHERE school_year_id = ?', oldYear));
    expect(count('SELECT COUNT(DISTINCT class_id) n FROM teaching_assignment WHERE term_id = ?', r.termIds[0])).toBe(17);
    // 物理 starts in 八年级: the 2025 cohort gets it now, taught by who taught 八年级 物理 last year (no teacher of its own yet).
    expect(count(`SELECT COUNT(*) n FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id JOIN class c ON c.id = a.class_id
      WHERE a.term_id = ? AND s.name = '物理' AND c.entry_year = 2025`, r.termIds[0])).toBe(6);
    // 跟班走: 2025级1班's 语文 teacher is the one it had last year.
    const chinese = (termId: number, entryYear: number) => (db.prepare(`SELECT a.teacher_id t FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id
      JOIN class c ON c.id = a.class_id WHERE a.term_id = ? AND s.name = '语文' AND c.entry_year = ? AND c.class_no = 1`).get(termId, entryYear) as { t: number }).t;
    const lastTerm = (db.prepare('SELECT id FROM term WHERE school_year_id = ? AND term_no = 2').get(oldYear) as { id: number }).id;
    expect(chinese(r.termIds[0], 2025)).toBe(chinese(lastTerm, 2025));
    // Settings for both new terms; open struggling files carried with a link back.
    expect(count('SELECT COUNT(*) n FROM timetable_settings WHERE term_id IN (?, ?)', ...r.termIds)).toBe(2);
    expect(count('SELECT COUNT(*) n FROM struggling_file WHERE term_id = ? AND carried_from_id IS NOT NULL', r.termIds[0])).toBe(openFiles);
    expect(count(`SELECT COUNT(*) n FROM struggling_file WHERE status IN ('帮扶中', '继续帮扶') AND carried_on IS NULL AND term_id <> ?`, r.termIds[0])).toBe(
      count(`SELECT COUNT(*) n FROM struggling_file f JOIN student s ON s.id = f.student_id WHERE f.status IN ('帮扶中', '继续帮扶') AND f.carried_on IS NULL AND s.status = '毕业'`));

    // Last year's exam analysis: identical, names included (七年级/八年级 as they were).
    expect(await core.call('exams/analysis', { examId: exam.id })).toEqual(analysisBefore);
    expect(count(`SELECT COUNT(*) n FROM audit_log WHERE entity = 'schoolYear' AND action = 'rollover'`)).toBe(1);
  });

  it('refuses a second roll-over into the same year, or a year that is not the next one, writing nothing', async () => {
    await core.call('school-years/rollover', input);
    const years = count('SELECT COUNT(*) n FROM school_year');
    await expect(core.call('school-years/rollover', input)).rejects.toMatchObject({ code: 'VALIDATION', key: 'schoolYears.notNextYear' });
    await expect(core.call('school-years/rollover', { ...input, startYear: 2027, term1Start: '2027-09-01', term2Start: '2027-10-01' }))
      .rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ path: ['term2Start'], key: 'schoolYears.term2BeforeTerm1End' })]) });
    expect(count('SELECT COUNT(*) n FROM school_year')).toBe(years);
  });

  it('循环 keeps teachers in their grade', async () => {
    const db = core.context().db;
    const t8 = (termId: number) => (db.prepare(`SELECT a.teacher_id t FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id
      JOIN class_in_term c ON c.class_id = a.class_id AND c.term_id = a.term_id WHERE a.term_id = ? AND s.name = '数学' AND c.level = 8 AND c.class_no = 2`).get(termId) as { t: number }).t;
    const before = t8(core.status().currentTermId!);
    const r = await core.call('school-years/rollover', { ...input, assignmentRule: '循环' });
    expect(t8(r.termIds[0])).toBe(before);
  });
});

describe('after the roll-over', () => {
  it('imports the new students\' roster into the empty entry classes, each with an 入学 stretch', async () => {
    const r = await core.call('school-years/rollover', input);
    const ws = XLSX.utils.aoa_to_sheet([['学籍号', '姓名', '性别', '班级'], ['G2026NEW0001', '新生甲', '女', '七年级(1)班'], ['G2026NEW0002', '新生乙', '男', '七年级(2)班']]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '新生');
    const dataBase64 = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
    expect(await core.call('import/commit', { kind: 'students', fileName: '新生.xlsx', dataBase64 })).toMatchObject({ inserted: 2 });
    const classes = await core.call('school/listClasses', {});
    const seven1 = classes.find((c) => c.name === '七年级(1)班')!;
    expect(seven1).toMatchObject({ cohortName: '2026级1班', studentCount: 1 });
    const s = (await core.call('students/list', { classId: seven1.id }))[0];
    const h = await core.call('students/history', { studentId: s.id });
    // Imported in July for the coming year: the stretch begins on the first day of its first term.
    expect(h.stretches.map((x) => [x.schoolYearId, x.className, x.startChange, x.fromDate])).toEqual([[r.schoolYearId, '七年级(1)班', '入学', '2026-09-01']]);
  });
});

describe('the second-term roll-over', () => {
  it('copies assignments, the timetable and settings into term 2 and carries open files', async () => {
    clock.set(new Date('2025-12-20T08:00:00Z'));
    const db = core.context().db;
    const t1 = core.status().currentTermId!;
    const t2 = (db.prepare('SELECT id FROM term WHERE school_year_id = (SELECT school_year_id FROM term WHERE id = ?) AND term_no = 2').get(t1) as { id: number }).id;
    // The sample fills term 2 already; empty it to roll over into it as a school would.
    db.prepare('DELETE FROM lesson WHERE term_id = ?').run(t2);
    db.prepare('DELETE FROM teaching_assignment WHERE term_id = ?').run(t2);
    const open = count(`SELECT COUNT(*) n FROM struggling_file WHERE status IN ('帮扶中', '继续帮扶') AND carried_on IS NULL`);
    const p = await core.call('school-years/termRolloverPreview', { fromTermId: t1, toTermId: t2 });
    expect(p.lines.find((l) => l.key === 'assignments')!.count).toBe(count('SELECT COUNT(*) n FROM teaching_assignment WHERE term_id = ?', t1));
    expect(count('SELECT COUNT(*) n FROM teaching_assignment WHERE term_id = ?', t2)).toBe(0);
    await core.call('school-years/termRollover', { fromTermId: t1, toTermId: t2 });
    expect(count('SELECT COUNT(*) n FROM teaching_assignment WHERE term_id = ?', t2)).toBe(count('SELECT COUNT(*) n FROM teaching_assignment WHERE term_id = ?', t1));
    expect(count('SELECT COUNT(*) n FROM lesson WHERE term_id = ?', t2)).toBe(count('SELECT COUNT(*) n FROM lesson WHERE term_id = ?', t1));
    expect(count('SELECT COUNT(*) n FROM struggling_file WHERE term_id = ? AND carried_from_id IS NOT NULL', t2)).toBe(open);
    expect(core.status().currentTermId).toBe(t2);
    await expect(core.call('school-years/termRollover', { fromTermId: t2, toTermId: t1 })).rejects.toMatchObject({ key: 'schoolYears.termOrder' });
  });
});
