/** Pure routine arithmetic: expected periods, ahead/behind, homework norm checks, rubric scoring and bands. */
import { describe, expect, it } from 'vitest';
import { checkHomework, findNorm, perWeek } from '../../../shared/domain/routine/homework';
import { aheadOf, expectedPeriods, teachingWeekOf, weeksElapsed } from '../../../shared/domain/routine/plan-check';
import { DEFAULT_BANDS, DEFAULT_LOAD_RULES, defaultRubric, gradeFor, scoreRubric, validateRubric } from '../../../shared/domain/routine/standards';

const START = '2025-09-01'; // a Monday

describe('expectedPeriods', () => {
  it('is zero before the term starts', () => {
    expect(expectedPeriods(5, START, 20, '2025-08-31')).toBe(0);
    expect(expectedPeriods(5, START, 20, '2025-06-01')).toBe(0);
  });
  it('counts the first week on the start date and through its seventh day', () => {
    expect(expectedPeriods(5, START, 20, START)).toBe(5);
    expect(expectedPeriods(5, START, 20, '2025-09-07')).toBe(5);
    expect(expectedPeriods(5, START, 20, '2025-09-08')).toBe(10);
  });
  it('mid-term: weekly periods x weeks begun', () => {
    // 2025-10-15 is day 44: week 7.
    expect(weeksElapsed(START, 20, '2025-10-15')).toBe(7);
    expect(expectedPeriods(4, START, 20, '2025-10-15')).toBe(28);
  });
  it('clamps to the teaching weeks after the end', () => {
    expect(expectedPeriods(5, START, 20, '2026-01-18')).toBe(100); // last day of week 20
    expect(expectedPeriods(5, START, 20, '2026-01-19')).toBe(100);
    expect(expectedPeriods(5, START, 20, '2026-07-01')).toBe(100);
    expect(expectedPeriods(0, START, 20, '2025-10-15')).toBe(0);
  });
  it('gives the teaching week of a date, or null outside', () => {
    expect(teachingWeekOf(START, 20, '2025-09-14')).toBe(2);
    expect(teachingWeekOf(START, 20, '2025-08-31')).toBeNull();
    expect(teachingWeekOf(START, 20, '2026-01-19')).toBeNull();
  });
});

describe('aheadOf (超前一周)', () => {
  it('is ahead when plans cover a further week', () => {
    expect(aheadOf(35, 28, 4)).toEqual({ periods: 7, weeks: 1.8, notAhead: false });
    expect(aheadOf(32, 28, 4)).toEqual({ periods: 4, weeks: 1, notAhead: false });
  });
  it('flags less than a week ahead and behind', () => {
    expect(aheadOf(31, 28, 4).notAhead).toBe(true);
    expect(aheadOf(24, 28, 4)).toEqual({ periods: -4, weeks: -1, notAhead: true });
  });
  it('does not ask for a week beyond the term', () => {
    expect(aheadOf(80, 80, 4, 80).notAhead).toBe(false);
    expect(aheadOf(79, 78, 4, 80).notAhead).toBe(true);
    expect(aheadOf(5, 5, 0).weeks).toBeNull();
  });
});

describe('homework norms', () => {
  const norms = [
    { subjectId: 1, gradeFrom: 3, gradeTo: 9, homeworkType: '作文' as const, minPerWeek: 1, maxPerWeek: 1, note: null },
    { subjectId: 1, gradeFrom: 1, gradeTo: 9, homeworkType: null, minPerWeek: 2, maxPerWeek: 3, note: null },
    { subjectId: 2, gradeFrom: 8, gradeTo: 9, homeworkType: null, minPerWeek: 2, maxPerWeek: 2, note: null },
  ];
  const rec = (over: Partial<Parameters<typeof checkHomework>[0]> = {}) => ({ subjectId: 1, homeworkType: '家庭作业' as const, timesMarked: 8, booksChecked: 45, classSize: 45, ...over });

  it('prefers the norm for the type over the subject norm, and respects grades', () => {
    expect(findNorm(norms, 1, 7, '作文')?.minPerWeek).toBe(1);
    expect(findNorm(norms, 1, 7, '家庭作业')?.minPerWeek).toBe(2);
    expect(findNorm(norms, 1, 2, '作文')?.minPerWeek).toBe(2); // essays start in grade 3: the general norm applies
    expect(findNorm(norms, 2, 7, '家庭作业')).toBeNull();
  });
  it('flags marking below the norm (times / weeks < min) and not at the norm', () => {
    expect(checkHomework(rec({ timesMarked: 8 }), norms[1], 7, 4)).toEqual([]);
    const flags = checkHomework(rec({ timesMarked: 7 }), norms[1], 7, 4);
    expect(flags.map((f) => f.key)).toEqual(['belowNorm']);
    expect(flags[0].params).toMatchObject({ perWeek: 1.75, min: 2 });
    expect(perWeek(7, 4)).toBe(1.75);
    expect(perWeek(null, 4)).toBeNull();
  });
  it('flags written homework in grades 1-2 but not classwork', () => {
    const written = checkHomework(rec({ homeworkType: '家庭作业' }), norms[1], 2, 4);
    expect(written.map((f) => f.key)).toContain('writtenInLowGrades');
    expect(written.find((f) => f.key === 'writtenInLowGrades')?.severity).toBe('error');
    expect(checkHomework(rec({ homeworkType: '练习册' }), norms[1], 1, 4).map((f) => f.key)).toContain('writtenInLowGrades');
    expect(checkHomework(rec({ homeworkType: '课堂作业' }), norms[1], 2, 4).map((f) => f.key)).not.toContain('writtenInLowGrades');
    expect(checkHomework(rec(), norms[1], 3, 4).map((f) => f.key)).not.toContain('writtenInLowGrades');
  });
  it('notes a sample of the books and too many minutes', () => {
    const flags = checkHomework(rec({ booksChecked: 12, classSize: 45, minutesPerDay: 70 }), norms[1], 5, 4, DEFAULT_LOAD_RULES);
    expect(flags.map((f) => f.key)).toEqual(['sampleOnly', 'overLoad']);
    expect(flags[1].params).toMatchObject({ minutes: 70, max: 60 });
    expect(checkHomework(rec({ minutesPerDay: 70 }), norms[1], 8, 4).map((f) => f.key)).toEqual([]);
  });
});

describe('rubrics and grade bands', () => {
  it('bands at the boundaries: 89.99 is 良, 90 is 优', () => {
    expect(gradeFor(90, DEFAULT_BANDS)).toBe('优');
    expect(gradeFor(89.99, DEFAULT_BANDS)).toBe('良');
    expect(gradeFor(80, DEFAULT_BANDS)).toBe('良');
    expect(gradeFor(79.99, DEFAULT_BANDS)).toBe('合格');
    expect(gradeFor(60, DEFAULT_BANDS)).toBe('合格');
    expect(gradeFor(59.99, DEFAULT_BANDS)).toBe('不合格');
    expect(gradeFor(0, DEFAULT_BANDS)).toBe('不合格');
  });
  it('configured bands are honoured whatever their order', () => {
    const bands = [{ label: '合格' as const, min: 50 }, { label: '优' as const, min: 85 }, { label: '不合格' as const, min: 0 }, { label: '良' as const, min: 70 }];
    expect(gradeFor(85, bands)).toBe('优');
    expect(gradeFor(84.9, bands)).toBe('良');
    expect(gradeFor(50, bands)).toBe('合格');
  });
  it('default rubrics have the listed items summing to 100', () => {
    expect(defaultRubric('planCheck').items.map((i) => i.name)).toEqual(['备课数量', '教学目标', '重难点', '教学过程', '作业设计', '二次备课', '教学反思']);
    expect(defaultRubric('homeworkCheck').items.map((i) => i.name)).toEqual(['布置量', '批改次数', '全批全改', '批改及时', '激励性评语', '订正与二次批改', '分层作业']);
    expect(defaultRubric('monthlySheet').items.map((i) => i.name)).toEqual(['备课', '上课', '作业批改', '听课', '教研活动', '学困生辅导']);
    for (const k of ['planCheck', 'homeworkCheck', 'monthlySheet'] as const) {
      expect(defaultRubric(k).items.reduce((s, i) => s + i.maxScore, 0)).toBe(100);
      expect(validateRubric(defaultRubric(k))).toEqual([]);
    }
  });
  it('scores items, caps at the item max, scales, and reports completeness', () => {
    const r = defaultRubric('monthlySheet');
    const full = Object.fromEntries(r.items.map((i) => [i.key, i.maxScore]));
    expect(scoreRubric(r, full)).toEqual({ total: 100, complete: true, unknownKeys: [] });
    expect(scoreRubric(r, { ...full, plans: 15 }).total).toBe(90);
    expect(scoreRubric(r, { ...full, plans: 99 }).total).toBe(100);
    expect(scoreRubric(r, { plans: 25 }).complete).toBe(false);
    expect(scoreRubric(r, { ...full, extra: 1 }).unknownKeys).toEqual(['extra']);
    const half = { ...r, items: r.items.map((i) => ({ ...i, maxScore: i.maxScore / 2 })) };
    expect(scoreRubric(half, Object.fromEntries(half.items.map((i) => [i.key, i.maxScore * 0.9]))).total).toBe(90);
  });
  it('validation finds weights not summing to 100, duplicate keys, bands out of order', () => {
    const r = defaultRubric('planCheck');
    r.items[0].maxScore = 25;
    r.items[1].key = r.items[0].key;
    r.bands[1].min = 95;
    expect(validateRubric(r).map((i) => i.key).sort()).toEqual(['bandOrder', 'rubricDuplicateKey', 'rubricWeightsNot100']);
  });
});
