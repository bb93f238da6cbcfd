/** Five-year cycle arithmetic (hand-computed): boundaries, entries across a boundary, a mid-cycle joiner, the pace. */
import { describe, expect, it } from 'vitest';
import { cycleAt, cycleOf, dueBy, hoursInCycle, requiredHours, trainingStatus } from '../../../shared/domain/training/cycle';

const START = '2021-09-01';

describe('training cycles', () => {
  it('finds the cycle of a day, including the boundary days', () => {
    expect(cycleOf(START, '2021-09-01')).toMatchObject({ index: 0, start: '2021-09-01', end: '2026-08-31', label: '2021-2026' });
    expect(cycleOf(START, '2026-08-31').index).toBe(0);
    expect(cycleOf(START, '2026-09-01')).toMatchObject({ index: 1, start: '2026-09-01', end: '2031-08-31' });
    expect(cycleOf(START, '2021-08-31')).toMatchObject({ index: -1, start: '2016-09-01', end: '2021-08-31' });
    expect(cycleOf('2020-02-29', '2025-03-01').start).toBe('2025-02-28'); // a leap-day start does not drift
  });
  it('counts an entry in the cycle of its end date', () => {
    const c0 = cycleAt(START, 0);
    const c1 = cycleAt(START, 1);
    const entries = [
      { endDate: '2026-08-28', hours: 40, level: '省培' as const },
      { endDate: '2026-09-02', hours: 30, level: '县培' as const }, // began 2026-08-29: counts in the new cycle
      { endDate: '2021-08-30', hours: 24, level: '校本' as const }, // before the cycle
      { endDate: '2024-01-10', hours: 12.5, level: '校本' as const },
    ];
    expect(hoursInCycle(c0, entries)).toMatchObject({ total: 52.5, byLevel: { 省培: 40, 县培: 0, 校本: 12.5, 国培: 0, 市培: 0 } });
    expect(hoursInCycle(c1, entries).total).toBe(30);
    expect(hoursInCycle(c0, entries, '2025-12-31').total).toBe(12.5); // only what was done by the day
  });
  it('pro-rates a teacher who joins mid-cycle, rounding up to whole hours', () => {
    const c = cycleAt(START, 0); // 1,826 days (2024 is a leap year)
    expect(requiredHours(c, null)).toBe(360);
    expect(requiredHours(c, '2019-08-20')).toBe(360);
    // Joined 2024-03-01: 914 days left of 1,826 -> 360 x 914 / 1826 = 180.19 -> 181.
    expect(requiredHours(c, '2024-03-01')).toBe(181);
    expect(requiredHours(c, '2026-08-31')).toBe(1); // 360 / 1826 = 0.197 -> 1
    expect(requiredHours(c, '2026-09-01')).toBe(0);
  });
  it('paces what is due by a day over the teacher\'s part of the cycle', () => {
    const c = cycleAt(START, 0);
    expect(dueBy(c, 360, null, '2021-08-31')).toBe(0);
    // 2024-02-29 is day 912 of 1,826 (365 + 365 + 182): 360 x 912 / 1826 = 179.80.
    expect(dueBy(c, 360, null, '2024-02-29')).toBe(179.8);
    expect(dueBy(c, 360, null, '2026-08-31')).toBe(360);
    // The joiner's part starts on the joining day: halfway through it, half of 181 is due.
    expect(dueBy(c, 181, '2024-03-01', '2024-03-01')).toBe(0.2);
    expect(dueBy(c, 181, '2024-03-01', '2025-05-31')).toBe(Math.round(181 * (457 / 914) * 10) / 10);
  });
  it('status: complete, on pace, behind', () => {
    expect(trainingStatus(360, 360, 360)).toBe('complete');
    expect(trainingStatus(200, 360, 180)).toBe('onPace');
    expect(trainingStatus(179.9, 360, 180)).toBe('behind');
  });
});
