/** Pure arithmetic of the monthly check and observations: quota projection, monthly share, observation and sheet scoring. */
import { describe, expect, it } from 'vitest';
import { levelForTotal, observationTotal, validateObservation } from '../../../shared/domain/routine/observation';
import { aggregateQuota, elapsedWeeks, projectQuota, quotaDueByMonthEnd, quotaFor } from '../../../shared/domain/routine/quota';
import { checkSheetScores, gradeForScore, scoreSheet, suggestScores, termMonths, toMonthlyRubric, type MonthlyRubric } from '../../../shared/domain/routine/monthly';

describe('quota projection', () => {
  it('at the start of the term nothing is due and there is no projection', () => {
    const p = projectQuota(0, 10, 0, 20);
    expect(p).toMatchObject({ done: 0, quota: 10, shortfall: 10, projected: null, dueSoFar: 0, status: 'onTrack' });
  });
  it('mid-term projects done / elapsed x total and grades the pace', () => {
    expect(projectQuota(6, 10, 10, 20)).toMatchObject({ projected: 12, dueSoFar: 5, shortfall: 4, status: 'onTrack' });
    expect(projectQuota(4, 10, 10, 20)).toMatchObject({ projected: 8, status: 'atRisk' }); // 8 >= 7.5
    expect(projectQuota(3, 10, 10, 20)).toMatchObject({ projected: 6, status: 'short' });
    expect(projectQuota(5, 30, 4, 20)).toMatchObject({ projected: 25, dueSoFar: 6, status: 'atRisk' });
  });
  it('at the end of the term anything below the quota is short, and a met quota is on track', () => {
    expect(projectQuota(9, 10, 20, 20)).toMatchObject({ projected: 9, shortfall: 1, status: 'short' });
    expect(projectQuota(10, 10, 20, 20)).toMatchObject({ shortfall: 0, status: 'onTrack' });
    expect(projectQuota(12, 10, 25, 20)).toMatchObject({ projected: 12, shortfall: 0, status: 'onTrack' });
  });
  it('counts elapsed teaching weeks from the start date, clamped to the term', () => {
    expect(elapsedWeeks('2025-09-01', 20, '2025-08-20')).toBe(0);
    expect(elapsedWeeks('2025-09-01', 20, '2025-09-07')).toBe(1);
    expect(elapsedWeeks('2025-09-01', 20, '2025-10-12')).toBe(6);
    expect(elapsedWeeks('2025-09-01', 20, '2026-03-01')).toBe(20);
  });
  it('takes the quota of the highest role held, unless overridden', () => {
    expect(quotaFor(['任课教师', '副校长'], {}, null)).toEqual({ role: '副校长', quota: 20, overridden: false });
    expect(quotaFor(['班主任', '教研组长'], { 教研组长: 12 }, null)).toEqual({ role: '教研组长', quota: 12, overridden: false });
    expect(quotaFor(['校长'], {}, 5)).toEqual({ role: '校长', quota: 5, overridden: true });
    expect(quotaFor([], {}, null)).toMatchObject({ role: '任课教师', quota: 10 });
  });
  it('aggregates people by a key, a person in two groups counting in both', () => {
    const rows = [
      { g: ['a'], quota: 10, done: 5, shortfall: 5, status: 'atRisk' as const },
      { g: ['a', 'b'], quota: 20, done: 20, shortfall: 0, status: 'onTrack' as const },
      { g: ['b'], quota: 10, done: 1, shortfall: 9, status: 'short' as const },
    ];
    const agg = aggregateQuota(rows, (r) => r.g.map((k) => ({ key: k, label: k.toUpperCase() })));
    expect(agg.find((a) => a.key === 'a')).toMatchObject({ label: 'A', people: 2, quota: 30, done: 25, shortfall: 5, rate: 83.3, onTrack: 1, atRisk: 1, short: 0 });
    expect(agg.find((a) => a.key === 'b')).toMatchObject({ people: 2, quota: 30, done: 21, shortfall: 9, onTrack: 1, short: 1 });
  });
  it('dues a term quota by each month end in whole lessons, rounded up', () => {
    // 2025-09-01 + 20 weeks = 140 days to 2026-01-18. By 30 Sep: 30 days -> 14 x 30/140 = 3.0 -> 3;
    // by 31 Oct: 61 days -> 6.1 -> 7; by 30 Nov: 91 -> 9.1 -> 10; by 31 Dec: 122 -> 12.2 -> 13; by 18 Jan: 14.
    expect([
      '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02',
    ].map((m) => quotaDueByMonthEnd(14, '2025-09-01', 20, m))).toEqual([0, 3, 7, 10, 13, 14, 14]);
    expect(quotaDueByMonthEnd(20, '2025-09-01', 20, '2026-01')).toBe(20); // never above the quota
    expect(quotaDueByMonthEnd(0, '2025-09-01', 20, '2025-10')).toBe(0);
    expect(termMonths('2025-09-01', 20)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
  });
});

describe('observation scoring and validation', () => {
  const full = { goal: 14, content: 18, method: 18, participation: 13, effect: 18, skill: 9 };
  it('totals six scores and maps the total to a level', () => {
    expect(observationTotal(full)).toBe(90);
    expect(observationTotal({ ...full, skill: null })).toBeNull();
    expect([levelForTotal(90), levelForTotal(89.5), levelForTotal(75), levelForTotal(60), levelForTotal(59.9)]).toEqual(['优', '良', '良', '合格', '不合格']);
  });
  it('rejects observing oneself, dates outside the term and scores over the item max', () => {
    const term = { startDate: '2025-09-01', endDate: '2026-01-18' };
    expect(validateObservation({ date: '2025-10-01', teacherId: 1, observerId: 2, scores: full }, term)).toEqual([]);
    const p = validateObservation({ date: '2026-02-01', teacherId: 3, observerId: 3, scores: { ...full, goal: 16 } }, term);
    expect(p.map((x) => x.key)).toEqual(['routineMonthly.observerIsObserved', 'routineMonthly.dateOutsideTerm', 'routineMonthly.scoreOverMax']);
    expect(p[2]).toMatchObject({ path: ['scores', 'goal'], params: { max: 15 } });
  });
});

describe('monthly sheet scoring', () => {
  const rubric: MonthlyRubric = {
    mode: 'bands',
    items: [
      { key: 'plans', name: '备课', maxScore: 40, source: 'plan' },
      { key: 'observation', name: '听课', maxScore: 20, source: 'observation' },
      { key: 'research', name: '教研', maxScore: 20, source: 'research' },
      { key: 'teaching', name: '上课', maxScore: 20, source: null },
    ],
    bands: [{ label: '优', min: 90 }, { label: '良', min: 80 }, { label: '合格', min: 60 }, { label: '不合格', min: 0 }],
  };
  it('sums the items and grades the total on the 100-point scale', () => {
    expect(scoreSheet(rubric, { plans: 38, observation: 20, research: 15, teaching: 18 })).toEqual({ total: 91, grade: '优' });
    expect(scoreSheet(rubric, { plans: 30, observation: 10, research: 10, teaching: 9.5 })).toEqual({ total: 59.5, grade: '不合格' });
    expect(scoreSheet(rubric, { plans: 30, observation: 10 })).toEqual({ total: null, grade: null });
    // A rubric out of 50 is graded on its percentage: 40/50 = 80 -> 良.
    const half: MonthlyRubric = { ...rubric, items: [{ key: 'a', name: 'A', maxScore: 50 }] };
    expect(scoreSheet(half, { a: 40 })).toEqual({ total: 40, grade: '良' });
    expect(scoreSheet({ ...half, mode: 'score' }, { a: 40 })).toEqual({ total: 40, grade: null });
    expect(gradeForScore(80, rubric.bands)).toBe('良');
  });
  it('suggests scores from the facts and leaves unknown facts to the checker', () => {
    const s = suggestScores(rubric, {
      observationsDone: 1, observationsDue: 2, researchAttended: 2, researchHeld: 2, collectiveAttended: 0, collectiveHeld: 2,
      planGrade: '良', homeworkGrade: null, tutoringCount: 0,
    });
    // No collective item: collective preparation counts with research, (2 + 0) / (2 + 2) = 0.5.
    expect(s).toEqual({ plans: 34, observation: 10, research: 10, teaching: null });
  });
  it('infers the fact sources of the standards rubric by key', () => {
    const r = toMonthlyRubric({ mode: 'bands', items: [{ key: 'plans', name: '备课', maxScore: 50 }, { key: 'x', name: 'X', maxScore: 50 }], bands: [] });
    expect(r.items.map((i) => i.source)).toEqual(['plan', null]);
  });
  it('flags unknown items and scores outside 0..max', () => {
    expect(checkSheetScores(rubric, { plans: 41, teaching: -1, foo: 3, research: null })).toEqual([
      { field: 'plans', key: 'routineMonthly.scoreOverMax', params: { max: 40 } },
      { field: 'teaching', key: 'routineMonthly.scoreOverMax', params: { max: 20 } },
      { field: 'foo', key: 'routineMonthly.unknownItem', params: { item: 'foo' } },
    ]);
  });
});
