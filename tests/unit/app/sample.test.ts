import fs from 'node:fs';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { idCheckChar, isValidIdNumber } from '../../../shared/domain/student-no';
import {
  classWeeklyTotals, generateLargeSchool, loadSampleSchool, WEEKLY_TOTAL_MIDDLE,
} from '../../../electron/core/features/app/sample-school';
import { seedNationalSubjects } from '../../../electron/core/features/school/national-subjects';
import { NATIONAL_SUBJECTS } from '../../../shared/domain/constants';

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = fs.mkdtempSync(os.tmpdir() + '/jw-');
  // A fixed clock inside the first term, so the current term is predictable.
  core = await Core.open({ dataDir: dir, noDailyBackup: true, now: () => new Date('2025-10-15T08:00:00Z') });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string, ...args: unknown[]) => (core.context().db.prepare(sql).get(...args) as { n: number }).n;
const status = () => core.status();

describe('GB 11643 check digit', () => {
  it('matches a known example and rejects a changed digit', () => {
    // The worked example from the standard: 11010519491231002X.
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });
});

describe('loadSampleSchool', () => {
  it('fills an empty database with a plausible, consistent middle school', () => {
    const ctx = core.context();
    const summary = loadSampleSchool(ctx);
    const { db } = ctx;

    const school = db.prepare('SELECT * FROM school').get() as { name: string; type: string; is_sample: number; principal: string };
    expect(school.is_sample).toBe(1);
    expect(school.name).toContain('示例');
    expect(school.type).toBe('初中');
    expect(school.principal).toBeTruthy();
    expect(core.status().isSample).toBe(true);

    // This year's classes; the two cohorts that graduated in the history years are archived classes.
    const year = (db.prepare('SELECT school_year_id AS y FROM term WHERE id = ?').get(summary.currentTermId) as { y: number }).y;
    expect(count('SELECT COUNT(*) n FROM class_in_year WHERE school_year_id = ? AND active', year)).toBe(18);
    expect(count('SELECT COUNT(*) n FROM class WHERE archived = 1 AND end_year IS NOT NULL')).toBe(12);
    expect(count('SELECT COUNT(*) n FROM grade')).toBe(3);
    const teachers = count('SELECT COUNT(*) n FROM teacher');
    expect(teachers).toBeGreaterThanOrEqual(55);
    expect(teachers).toBeLessThanOrEqual(65);
    const students = count('SELECT COUNT(*) n FROM student WHERE archived = 0');
    expect(students).toBeGreaterThanOrEqual(850);
    expect(students).toBeLessThanOrEqual(950);
    expect(count('SELECT COUNT(*) n FROM subject')).toBe(NATIONAL_SUBJECTS.length);

    // Every class has its own head teacher, and the head teacher teaches the class.
    expect(count('SELECT COUNT(*) n FROM class_year WHERE head_teacher_id IS NULL')).toBe(0);
    expect(count('SELECT COUNT(DISTINCT head_teacher_id) n FROM class_year WHERE school_year_id = ?', year)).toBe(18);
    expect(count(`SELECT COUNT(*) n FROM class_year y WHERE y.school_year_id = ? AND NOT EXISTS
      (SELECT 1 FROM teaching_assignment a JOIN term t ON t.id = a.term_id WHERE t.school_year_id = y.school_year_id
        AND a.class_id = y.class_id AND a.teacher_id = y.head_teacher_id)`, year)).toBe(0);

    // Current term: the fixed clock is in term 1; both terms have complete assignments of 34 periods a class.
    const term1 = db.prepare('SELECT id FROM term WHERE term_no = 1 AND school_year_id = ?').get(year) as { id: number };
    expect(ctx.getSetting('currentTermId')).toBe(String(term1.id));
    expect(summary.termIds).toHaveLength(2);
    for (const termId of summary.termIds) {
      const totals = classWeeklyTotals(db, termId);
      expect(totals.size).toBe(18);
      for (const n of totals.values()) expect(n).toBe(WEEKLY_TOTAL_MIDDLE);
    }
    // 化学 only in grade 9, 物理 from grade 8.
    const chemGrades = db.prepare(`SELECT DISTINCT g.level FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id
      JOIN class_in_term g ON g.class_id = a.class_id AND g.term_id = a.term_id WHERE s.code = 'HX'`).all() as { level: number }[];
    expect(chemGrades.map((r) => r.level)).toEqual([9]);

    // Every teacher teaches, and loads are sensible.
    const loads = db.prepare(`SELECT t.id, COALESCE(SUM(a.weekly_periods), 0) n FROM teacher t
      LEFT JOIN teaching_assignment a ON a.teacher_id = t.id AND a.term_id = ? GROUP BY t.id`).all(term1.id) as { n: number }[];
    for (const l of loads) {
      expect(l.n).toBeGreaterThanOrEqual(2);
      expect(l.n).toBeLessThanOrEqual(20);
    }

    // Roles: one principal, deputy and director who also teach; 18 head teachers; group leaders.
    const roles = (db.prepare('SELECT roles FROM teacher').all() as { roles: string }[]).map((r) => JSON.parse(r.roles) as string[]);
    for (const r of ['校长', '副校长', '教导主任']) expect(roles.filter((x) => x.includes(r))).toHaveLength(1);
    expect(roles.filter((x) => x.includes('班主任'))).toHaveLength(18);
    expect(roles.filter((x) => x.includes('教研组长')).length).toBeGreaterThanOrEqual(6);
    expect(count("SELECT COUNT(*) n FROM teaching_group WHERE kind = '教研组' AND leader_id IS NOT NULL AND school_year_id = ?", year)).toBeGreaterThanOrEqual(6);
    expect(count("SELECT COUNT(*) n FROM teaching_group WHERE kind = '备课组' AND school_year_id = ?", year)).toBeGreaterThanOrEqual(12);
    expect(count('SELECT COUNT(*) n FROM teaching_group g WHERE NOT EXISTS (SELECT 1 FROM teaching_group_member m WHERE m.group_id = g.id AND m.teacher_id = g.leader_id)')).toBe(0);
    expect(count('SELECT COUNT(*) n FROM teacher WHERE is_pe_arts = 1')).toBeGreaterThanOrEqual(Math.ceil(students * 0.009));
    expect(count("SELECT COUNT(*) n FROM teacher WHERE backbone_level <> '无'")).toBeGreaterThanOrEqual(Math.ceil(students / 100));
    expect(count("SELECT COUNT(*) n FROM teacher WHERE staff_no NOT GLOB 'T2025[0-9][0-9][0-9]'")).toBe(0);

    // 学籍号: 'G' + 18-character ID number with a valid check digit and the birth date inside it.
    const rows = db.prepare('SELECT student_no, birth_date, gender FROM student WHERE archived = 0').all() as { student_no: string; birth_date: string; gender: string }[];
    for (const r of rows) {
      expect(r.student_no).toHaveLength(19);
      expect(r.student_no[0]).toBe('G');
      expect(isValidIdNumber(r.student_no.slice(1))).toBe(true);
      expect(r.student_no.slice(7, 15)).toBe(r.birth_date.replace(/-/g, ''));
      expect(Number(r.student_no[17]) % 2).toBe(r.gender === '男' ? 1 : 0);
      const year = Number(r.birth_date.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(2010);
      expect(year).toBeLessThanOrEqual(2013);
    }
    const flagged = count('SELECT COUNT(*) n FROM student WHERE archived = 0 AND left_behind + migrant + disability + hardship > 0');
    expect(flagged).toBeGreaterThan(students * 0.03);
    expect(flagged).toBeLessThan(students * 0.3);

    expect(count("SELECT COUNT(*) n FROM audit_log WHERE entity = 'school' AND action = 'loadSample'")).toBe(1);
  });

  it('is deterministic: the same names every time', async () => {
    loadSampleSchool(core.context());
    const first = core.context().db.prepare('SELECT name FROM teacher ORDER BY id LIMIT 5').all();
    const dir2 = fs.mkdtempSync(os.tmpdir() + '/jw-');
    const other = await Core.open({ dataDir: dir2, noDailyBackup: true });
    try {
      loadSampleSchool(other.context());
      expect(other.context().db.prepare('SELECT name FROM teacher ORDER BY id LIMIT 5').all()).toEqual(first);
    } finally {
      await other.close();
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  });

  it('refuses to load over an existing school and leaves it untouched', () => {
    loadSampleSchool(core.context());
    const before = count('SELECT COUNT(*) n FROM student');
    expect(() => loadSampleSchool(core.context())).toThrow(expect.objectContaining({ code: 'CONFLICT', key: 'schoolExists' }));
    expect(count('SELECT COUNT(*) n FROM student')).toBe(before);
  });

  it('is what app/loadSample runs', async () => {
    const status = await core.call('app/loadSample', {});
    expect(status).toMatchObject({ hasSchool: true, isSample: true });
    expect(status.currentTermId).toBe(Number(core.context().getSetting('currentTermId')));
    expect((await core.call('school/listClasses', {})).length).toBe(18);
  });

  it('has two school years of history before the current one', async () => {
    await core.call('app/loadSample', {});
    const db = core.context().db;
    const years = await core.call('school/listYears', {});
    expect(years.map((y) => y.name)).toEqual(['2025-2026学年', '2024-2025学年', '2023-2024学年']);
    const terms = await core.call('school/listTerms', {});
    expect(terms).toHaveLength(6);
    // The four history terms are past, so read-only; the current year's are not.
    expect(terms.filter((t) => t.locked).map((t) => t.name).sort()).toEqual([
      '2023-2024学年第一学期', '2023-2024学年第二学期', '2024-2025学年第一学期', '2024-2025学年第二学期']);
    // Exams: 期中 and 期末 for each of the three grades every past term, with the students enrolled then.
    for (const t of terms.filter((x) => x.locked)) {
      expect(count('SELECT COUNT(*) n FROM exam WHERE term_id = ?', t.id)).toBe(6);
      expect(count('SELECT COUNT(*) n FROM teaching_assignment WHERE term_id = ?', t.id)).toBe(count('SELECT COUNT(*) n FROM teaching_assignment WHERE term_id = ?', status().currentTermId));
    }
    // One cohort graduated at the end of each history year: archived, status 毕业, their stretches end with 毕业.
    const graduates = count("SELECT COUNT(*) n FROM student WHERE status = '毕业' AND archived = 1");
    expect(graduates).toBeGreaterThan(500);
    expect(count("SELECT COUNT(DISTINCT student_id) n FROM student_enrollment WHERE end_change = '毕业'")).toBe(graduates);
    // Transfers in and out last year.
    expect(count("SELECT COUNT(*) n FROM student_enrollment WHERE start_change = '转入'")).toBeGreaterThan(0);
    expect(count("SELECT COUNT(*) n FROM student_enrollment WHERE end_change = '转出'")).toBeGreaterThan(0);
    // Every student in school now has exactly one open stretch, in the class now.
    expect(count(`SELECT COUNT(*) n FROM student s WHERE s.archived = 0 AND (SELECT COUNT(*) FROM student_enrollment e
      WHERE e.student_id = s.id AND e.to_date IS NULL AND e.class_id = s.class_id) <> 1`)).toBe(0);
    // Struggling files: opened in history terms, some carried (继续帮扶), none left open into this year.
    expect(count('SELECT COUNT(*) n FROM struggling_file WHERE carried_from_id IS NOT NULL')).toBeGreaterThan(0);
    const rates = await core.call('struggling/rates', {});
    expect(rates.byTerm.length).toBeGreaterThanOrEqual(5);
    // Monthly checks of history terms exist.
    expect(count('SELECT COUNT(*) n FROM monthly_check m JOIN term t ON t.id = m.term_id WHERE t.school_year_id <> (SELECT school_year_id FROM term WHERE id = ?)', status().currentTermId)).toBe(8);
    void db;
  });

  it('works after the subjects were already seeded by school creation', () => {
    seedNationalSubjects(core.context().db);
    seedNationalSubjects(core.context().db);
    loadSampleSchool(core.context());
    expect(count('SELECT COUNT(*) n FROM subject')).toBe(NATIONAL_SUBJECTS.length);
  });
});

describe('generateLargeSchool', () => {
  it('builds the benchmark school with the asked sizes', () => {
    const s = generateLargeSchool(core.context(), { classes: 60, students: 3000, teachers: 250 });
    expect(s).toMatchObject({ classes: 60, students: 3000, teachers: 250 });
    expect(count('SELECT COUNT(*) n FROM class')).toBe(60);
    expect(count('SELECT COUNT(*) n FROM student_enrollment WHERE to_date IS NULL')).toBe(3000);
    expect(count('SELECT COUNT(*) n FROM student')).toBe(3000);
    expect(count('SELECT COUNT(*) n FROM teacher')).toBe(250);
    expect(count('SELECT COUNT(DISTINCT head_teacher_id) n FROM class_year')).toBe(60);
    for (const n of classWeeklyTotals(core.context().db, s.currentTermId).values()) expect(n).toBe(WEEKLY_TOTAL_MIDDLE);
    expect(count('SELECT COUNT(DISTINCT student_no) n FROM student')).toBe(3000);
  });
});
