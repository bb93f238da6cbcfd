/** 开齐开足 arithmetic: hand-made standards and classes; the shipped default table; nine-year shares. */
import { describe, expect, it } from 'vitest';
import type { CurriculumStandard } from '../../../shared/contract';
import { NATIONAL_SUBJECTS } from '../../../shared/domain/constants';
import { checkCompliance, type ActualPeriods } from '../../../shared/domain/timetable/compliance';
import {
  DEFAULT_WEEKLY_PERIODS, defaultCurriculum, NATIONAL_WEEKLY_TOTALS, NINE_YEAR_SHARES, teachingWeeksOf,
} from '../../../shared/domain/timetable/default-curriculum';

// A grade-7 standard of three subjects: 语文 6 + 数学 5 + 体育 3 = 14.
const STD: CurriculumStandard = {
  source: 'test',
  grades: [{ level: 7, total: 14, subjects: [
    { subjectId: 1, subjectName: '语文', periods: 6 },
    { subjectId: 2, subjectName: '数学', periods: 5 },
    { subjectId: 3, subjectName: '体育与健康', periods: 3 },
  ] }],
};
const cls = (classId: number) => ({ classId, className: `七年级(${classId})班`, gradeLevel: 7 });
const a = (classId: number, subjectId: number, periods: number): ActualPeriods =>
  ({ classId, subjectId, subjectName: ({ 1: '语文', 2: '数学', 3: '体育与健康', 4: '书法' } as Record<number, string>)[subjectId], periods });

describe('checkCompliance', () => {
  it('passes a class that matches the standard exactly', () => {
    const r = checkCompliance(STD, [cls(1)], [a(1, 1, 6), a(1, 2, 5), a(1, 3, 3)], 'assignments');
    expect(r.classes[0]).toMatchObject({ status: 'ok', total: 14, requiredTotal: 14, problems: [] });
    expect(r.classes[0].subjects.map((s) => s.status)).toEqual(['ok', 'ok', 'ok']);
    expect(r.grades).toEqual([{ level: 7, classes: 1, okClasses: 1 }]);
    expect(r.basis).toBe('assignments');
  });

  it('finds a missing subject, and the total that is then short', () => {
    const row = checkCompliance(STD, [cls(1)], [a(1, 1, 6), a(1, 2, 5)]).classes[0];
    expect(row.status).toBe('problem');
    expect(row.subjects.find((s) => s.subjectId === 3)).toMatchObject({ actual: 0, required: 3, status: 'missing' });
    expect(row.problems.map((p) => p.key)).toEqual(['compliance.problem.missing', 'compliance.problem.totalWrong']);
    expect(row.problems[1].params).toEqual({ actual: 11, required: 14 });
  });

  it('finds below and above even when the total is right', () => {
    // 语文 7 (+1), 数学 4 (-1): the total is still 14.
    const row = checkCompliance(STD, [cls(1)], [a(1, 1, 7), a(1, 2, 4), a(1, 3, 3)]).classes[0];
    expect(row.total).toBe(14);
    expect(row.subjects.map((s) => s.status)).toEqual(['above', 'below', 'ok']);
    expect(row.problems.map((p) => p.key)).toEqual(['compliance.problem.above', 'compliance.problem.below']);
    expect(row.problems[1].params).toEqual({ subject: '数学', actual: 4, required: 5 });
  });

  it('reports a subject outside the standard and the wrong total, adding split assignments', () => {
    // 语文 taught by two teachers (4 + 2), plus 书法 1 that the standard does not list.
    const row = checkCompliance(STD, [cls(1)], [a(1, 1, 4), a(1, 1, 2), a(1, 2, 5), a(1, 3, 3), a(1, 4, 1)]).classes[0];
    expect(row.subjects.find((s) => s.subjectId === 1)?.actual).toBe(6);
    expect(row.subjects.find((s) => s.subjectId === 4)).toMatchObject({ required: 0, actual: 1, status: 'above' });
    expect(row.problems.map((p) => p.key)).toEqual(['compliance.problem.extra', 'compliance.problem.totalWrong']);
    expect(row.total).toBe(15);
  });

  it('counts per grade and flags a grade without a standard', () => {
    const r = checkCompliance(STD, [cls(1), cls(2), { classId: 3, className: '八年级(1)班', gradeLevel: 8 }],
      [a(1, 1, 6), a(1, 2, 5), a(1, 3, 3), a(2, 1, 6)]);
    expect(r.grades).toEqual([{ level: 7, classes: 2, okClasses: 1 }, { level: 8, classes: 1, okClasses: 0 }]);
    expect(r.classes[2].problems[0]).toEqual({ key: 'compliance.problem.noStandard', params: { grade: 8 } });
  });

  it('compares weekly averages of the taught basis with a tolerance', () => {
    const row = checkCompliance(STD, [cls(1)], [a(1, 1, 6.02), a(1, 2, 4.5), a(1, 3, 3)], 'taught').classes[0];
    expect(row.subjects.map((s) => [s.actual, s.status])).toEqual([[6, 'ok'], [4.5, 'below'], [3, 'ok']]);
  });
});

describe('the default curriculum', () => {
  it('sums each grade to the national weekly total (26 / 30 / 34)', () => {
    expect(NATIONAL_WEEKLY_TOTALS).toEqual({ 1: 26, 2: 26, 3: 30, 4: 30, 5: 30, 6: 30, 7: 34, 8: 34, 9: 34 });
    for (const g of defaultCurriculum()) {
      expect(g.subjects.reduce((n, s) => n + s.periods, 0), `grade ${g.level}`).toBe(g.total);
    }
  });

  it('uses national subject names and places subjects in the right grades', () => {
    const names = new Set(NATIONAL_SUBJECTS.map((s) => s.name));
    for (const name of Object.keys(DEFAULT_WEEKLY_PERIODS)) expect(names.has(name), name).toBe(true);
    const p = (name: string) => DEFAULT_WEEKLY_PERIODS[name];
    expect(p('劳动')).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(p('信息科技').map((n) => n > 0)).toEqual([false, false, true, true, true, true, true, true, false]);
    expect(p('外语(英语)').slice(0, 2)).toEqual([0, 0]);
    expect(p('物理').slice(0, 7).every((n) => n === 0) && p('物理')[7] > 0).toBe(true);
    expect(p('化学').map((n) => n > 0)).toEqual([false, false, false, false, false, false, false, false, true]);
  });

  it('keeps every nine-year share of the default inside the national range', () => {
    const result = checkCompliance(
      { source: '', grades: defaultCurriculum().map((g) => ({ ...g, subjects: g.subjects.map((s, i) => ({ subjectId: i + 1, subjectName: s.name, periods: s.periods })) })) },
      [], [],
    );
    expect(result.shares).toHaveLength(NINE_YEAR_SHARES.length); // no classes: shares of nothing
    const total = defaultCurriculum().reduce((n, g) => n + g.total * teachingWeeksOf(g.level), 0);
    expect(total).toBe(9522); // the national plan's nine-year total
    for (const share of NINE_YEAR_SHARES) {
      const n = defaultCurriculum().reduce((sum, g) => sum + g.subjects.filter((s) => share.subjects.includes(s.name)).reduce((x, s) => x + s.periods, 0) * teachingWeeksOf(g.level), 0);
      const pct = (n / total) * 100;
      expect(pct, share.group).toBeGreaterThanOrEqual(share.min);
      expect(pct, share.group).toBeLessThanOrEqual(share.max);
    }
  });

  it('computes shares from class averages weighted by teaching weeks', () => {
    // Grade 8 (35 weeks) and grade 9 (33 weeks), one subject group each: 语文 in 8, 数学 in 9.
    const std: CurriculumStandard = { source: '', grades: [
      { level: 8, total: 2, subjects: [{ subjectId: 1, subjectName: '语文', periods: 2 }] },
      { level: 9, total: 2, subjects: [{ subjectId: 2, subjectName: '数学', periods: 2 }] },
    ] };
    const classes = [{ classId: 1, className: 'a', gradeLevel: 8 }, { classId: 2, className: 'b', gradeLevel: 8 }, { classId: 3, className: 'c', gradeLevel: 9 }];
    // Grade 8 classes average 语文 (2 + 4) / 2 = 3 a week.
    const r = checkCompliance(std, classes, [
      { classId: 1, subjectId: 1, subjectName: '语文', periods: 2 }, { classId: 2, subjectId: 1, subjectName: '语文', periods: 4 },
      { classId: 3, subjectId: 2, subjectName: '数学', periods: 2 },
    ]);
    const share = (g: string) => r.shares.find((s) => s.group === g)!;
    expect(share('语文').requiredPercent).toBeCloseTo((70 / (70 + 66)) * 100, 1);
    expect(share('语文').percent).toBeCloseTo((105 / (105 + 66)) * 100, 1);
    expect(share('数学')).toMatchObject({ min: 13, max: 15 });
  });
});
