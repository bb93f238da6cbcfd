/**
 * Cohort arithmetic: a class keeps its cohort (entry year, entry level, number) and its grade in any school year
 * is derived, for each school type; the database view gives the same numbers as the TypeScript.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { cohortName, entryLevelFor, entryYearAt, levelInYear, topLevelFor } from '../../../shared/domain/cohort';
import { closeTempCore, openTempCore } from '../../helpers/core';

describe('cohort arithmetic', () => {
  it('derives the grade of a cohort in a later year', () => {
    expect(levelInYear(2025, 7, 2025)).toBe(7);
    expect(levelInYear(2025, 7, 2027)).toBe(9);
    expect(levelInYear(2020, 1, 2025)).toBe(6);
    expect(entryYearAt(8, 7, 2025)).toBe(2024);
    expect(entryYearAt(3, 1, 2025)).toBe(2023);
    expect(cohortName(2025, 3)).toBe('2025级3班');
  });

  it('knows each school type: entry grade and the grade that graduates', () => {
    expect([entryLevelFor('小学'), topLevelFor('小学')]).toEqual([1, 6]);
    expect([entryLevelFor('初中'), topLevelFor('初中')]).toEqual([7, 9]);
    expect([entryLevelFor('九年一贯制'), topLevelFor('九年一贯制')]).toEqual([1, 9]);
  });
});

describe('classes by school year (the class_in_year view)', () => {
  let core: Core;
  let dir: string;
  afterEach(async () => { await closeTempCore(core, dir); });

  for (const [type, levels] of [['小学', [1, 6]], ['初中', [7, 9]], ['九年一贯制', [1, 9]]] as const) {
    it(`names a ${type} class for each year and drops it after its top grade`, async () => {
      ({ core, dir } = await openTempCore({ now: () => new Date('2025-10-15T08:00:00Z') }));
      await core.call('app/createSchool', { name: '测试学校', type });
      const db = core.context().db;
      const [entry, top] = levels;
      const grade = (await core.call('school/listGrades', {})).find((g) => g.level === entry)!;
      const cls = await core.call('school/saveClass', { gradeId: grade.id, classNo: 3, headTeacherId: null });
      expect(cls).toMatchObject({ gradeLevel: entry, entryYear: 2025, cohortName: '2025级3班' });
      // Later years exist only as rows of school_year; the view names the same class for each.
      for (let y = 2026; y <= 2025 + (top - entry) + 1; y++) db.prepare('INSERT INTO school_year (start_year, name) VALUES (?, ?)').run(y, `${y}-${y + 1}学年`);
      const rows = db.prepare(`SELECT y.start_year, c.level, c.in_year FROM class_in_year c JOIN school_year y ON y.id = c.school_year_id
        WHERE c.class_id = ? ORDER BY y.start_year`).all(cls.id) as { start_year: number; level: number; in_year: number }[];
      for (const r of rows) expect(r.level).toBe(levelInYear(2025, entry, r.start_year));
      expect(rows[rows.length - 1].level).toBe(top + 1);
    });
  }

  it('refuses a second class with the same grade and number in the same year', async () => {
    ({ core, dir } = await openTempCore({ now: () => new Date('2025-10-15T08:00:00Z') }));
    await core.call('app/createSchool', { name: '测试学校', type: '初中' });
    const grade = (await core.call('school/listGrades', {})).find((g) => g.level === 8)!;
    const c = await core.call('school/saveClass', { gradeId: grade.id, classNo: 1, headTeacherId: null });
    expect(c).toMatchObject({ name: '八年级(1)班', entryYear: 2024 });
    await expect(core.call('school/saveClass', { gradeId: grade.id, classNo: 1, headTeacherId: null }))
      .rejects.toMatchObject({ code: 'CONFLICT', issues: [{ path: ['classNo'], key: 'duplicate' }] });
  });
});
