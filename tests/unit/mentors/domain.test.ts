/** Duty windows, pro-rata progress, the pair an observation counts for, and the bound evaluation (pure, hand-computed). */
import { describe, expect, it } from 'vitest';
import { dutyProgress, dutyWindow, monthsIn, pairForObservation, type PairSpan } from '../../../shared/domain/mentors/duties';
import { DEFAULT_WEIGHTS, evaluatePair, levelOf, progressScore } from '../../../shared/domain/mentors/evaluation';

const term = { from: '2025-09-01', to: '2026-01-18' }; // 20 teaching weeks = 140 days
const year = { from: '2025-09-01', to: '2026-07-05' };

describe('duty windows and targets', () => {
  it('clips the term (or the year) to the pair', () => {
    expect(dutyWindow('term', term, year, { from: '2025-10-01', to: '2026-09-30' })).toEqual({ from: '2025-10-01', to: '2026-01-18' });
    expect(dutyWindow('year', term, year, { from: '2025-09-01', to: '2026-06-30' })).toEqual({ from: '2025-09-01', to: '2026-06-30' });
    expect(dutyWindow('term', term, year, { from: '2026-02-01', to: '2026-06-30' })).toBeNull();
  });
  it('a monthly duty counts k x the months of the window', () => {
    expect(monthsIn(term)).toBe(5); // 140 / 30.4 = 4.6 -> 5
    const p = dutyProgress({ key: 'apprenticeObserves', per: 'month', target: 2 }, term, 3, '2025-10-12');
    expect(p.target).toBe(10);
  });
  it('is pro rata through the window and warns in the last weeks', () => {
    // 6 weeks of 20 elapsed (42 days): 7 x 42/140 = 2.1 due, 2 whole lessons; 1 done -> at risk, 2 -> on track.
    const p = dutyProgress({ key: 'mentorObserves', per: 'term', target: 7 }, term, 1, '2025-10-12');
    expect(p.dueSoFar).toBe(2.1);
    expect(p.projected).toBe(3.3);
    expect(p.status).toBe('atRisk');
    expect(p.endingSoon).toBe(false);
    expect(dutyProgress({ key: 'mentorObserves', per: 'term', target: 7 }, term, 2, '2025-10-12').status).toBe('onTrack');
    // 10 weeks: 3.5 due -> 3 whole; none done is below 3 x 0.75 -> short.
    expect(dutyProgress({ key: 'mentorObserves', per: 'term', target: 7 }, term, 0, '2025-11-09').status).toBe('short');
    // One paper a year is not late in December (0.3 due).
    expect(dutyProgress({ key: 'papers', per: 'year', target: 1 }, year, 0, '2025-12-04').status).toBe('onTrack');
    // 19 days before the end (<= 3 weeks): unmet -> ending soon; met -> not flagged.
    expect(dutyProgress({ key: 'mentorObserves', per: 'term', target: 7 }, term, 6, '2025-12-31').endingSoon).toBe(true);
    expect(dutyProgress({ key: 'mentorObserves', per: 'term', target: 7 }, term, 7, '2025-12-31')).toMatchObject({ endingSoon: false, met: true, share: 1 });
    // Before the window nothing is due.
    expect(dutyProgress({ key: 'papers', per: 'year', target: 1 }, year, 0, '2025-08-20')).toMatchObject({ dueSoFar: 0, status: 'onTrack' });
  });
});

describe('the pair an observation counts for', () => {
  // One mentor (1) with two apprentices (2, 3); apprentice 2 also has a second pair with mentor 1 in another subject.
  const pairs: PairSpan[] = [
    { id: 10, mentorId: 1, apprenticeId: 2, subjectId: 5, from: '2025-09-01', to: '2026-07-05' },
    { id: 11, mentorId: 1, apprenticeId: 3, subjectId: 5, from: '2025-09-01', to: '2026-07-05' },
    { id: 12, mentorId: 1, apprenticeId: 2, subjectId: 7, from: '2025-09-01', to: '2026-07-05' },
    { id: 13, mentorId: 4, apprenticeId: 2, subjectId: 5, from: '2024-09-01', to: '2025-07-05' },
  ];
  it('by observer and observed teacher: the right pair and direction, not another pair of the same mentor', () => {
    expect(pairForObservation(pairs, { observerId: 1, teacherId: 3, subjectId: 5, date: '2025-10-10' })).toEqual({ pairId: 11, duty: 'mentorObserves' });
    expect(pairForObservation(pairs, { observerId: 3, teacherId: 1, subjectId: null, date: '2025-10-10' })).toEqual({ pairId: 11, duty: 'apprenticeObserves' });
  });
  it('two pairs of the same teachers: the subject decides, else the earliest', () => {
    expect(pairForObservation(pairs, { observerId: 1, teacherId: 2, subjectId: 7, date: '2025-10-10' })).toEqual({ pairId: 12, duty: 'mentorObserves' });
    expect(pairForObservation(pairs, { observerId: 1, teacherId: 2, subjectId: 9, date: '2025-10-10' })).toEqual({ pairId: 10, duty: 'mentorObserves' });
  });
  it('outside the dates, or between teachers not paired, it counts for no pair', () => {
    expect(pairForObservation(pairs, { observerId: 4, teacherId: 2, subjectId: 5, date: '2025-10-10' })).toBeNull(); // pair 13 ended
    expect(pairForObservation(pairs, { observerId: 2, teacherId: 3, subjectId: 5, date: '2025-10-10' })).toBeNull();
  });
});

describe('the bound evaluation', () => {
  const duty = (key: 'mentorObserves' | 'guidance' | 'apprenticeObserves' | 'reportLessons', target: number, done: number) =>
    dutyProgress({ key, per: 'term', target }, term, done, '2026-01-18');
  it('progress: one total as is; more: the later half plus its gain over the earlier half, within 0..100', () => {
    expect(progressScore([])).toBeNull();
    expect(progressScore([81])).toBe(81);
    expect(progressScore([70, 74, 80, 82])).toBe(90); // early 72, late 81 -> 81 + 9
    expect(progressScore([70, 99, 60])).toBe(50); // early 70, late 60 -> 60 - 10
    expect(progressScore([40, 100])).toBe(100);
  });
  it('weights the parts that have data; the mentor score binds the apprentice score', () => {
    const e = evaluatePair({
      observationTotals: [70, 74, 80, 82], reportLessonScores: [85, 91],
      duties: [duty('apprenticeObserves', 7, 7), duty('reportLessons', 2, 1), duty('mentorObserves', 7, 7), duty('guidance', 4, 2)],
      weights: DEFAULT_WEIGHTS,
    });
    // progress 90, report lessons 88, apprentice duties (1 + 0.5)/2 = 75 -> (90x30 + 88x40 + 75x30)/100 = 84.7
    expect(e.parts).toEqual({ progress: 90, reportLessons: 88, apprenticeDuties: 75, mentorDuties: 75 });
    expect(e.apprenticeScore).toBe(84.7);
    expect(e.apprenticeLevel).toBe('良好');
    // mentor: (84.7 x 60 + 75 x 40) / 100 = 80.82 -> 80.8
    expect(e.mentorScore).toBe(80.8);
    expect(e.capped).toBe(false);
  });
  it('a part without data drops out and the others are scaled', () => {
    const e = evaluatePair({ observationTotals: [], reportLessonScores: [80], duties: [duty('reportLessons', 2, 1)], weights: DEFAULT_WEIGHTS });
    // (80 x 40 + 50 x 30) / 70 = 67.14 -> 67.1; the mentor has no duties: his score is the apprentice's.
    expect(e.apprenticeScore).toBe(67.1);
    expect(e.mentorScore).toBe(67.1);
  });
  it('an apprentice who fails keeps the mentor at 合格 at best', () => {
    const e = evaluatePair({
      observationTotals: [50], reportLessonScores: [55], duties: [duty('reportLessons', 2, 0), duty('mentorObserves', 7, 7), duty('guidance', 4, 4)],
      weights: { ...DEFAULT_WEIGHTS, mentorFromApprentice: 10, mentorOwnDuties: 90 },
    });
    expect(e.apprenticeLevel).toBe('不合格');
    expect(e.mentorScore).toBeGreaterThanOrEqual(75); // (37 x 10 + 100 x 90) / 100 = 93.7
    expect(e.mentorLevel).toBe('合格');
    expect(e.capped).toBe(true);
  });
  it('levels at their boundaries', () => {
    expect([levelOf(90), levelOf(89.9), levelOf(75), levelOf(60), levelOf(59.9)]).toEqual(['优秀', '良好', '良好', '合格', '不合格']);
  });
});
