/** Pure rules of the struggling-student files: candidates, 转化率, reminders and retention dates. */
import { describe, expect, it } from 'vitest';
import { bottomCount, suggestCandidates, type CandidateScore } from '../../../shared/domain/struggling/candidates';
import { daysSinceTutoring, isPurgeable, overdueFiles, purgeableFrom, ratesBy, transformationRate } from '../../../shared/domain/struggling/figures';

const RULES = { subjectIds: [], passPct: 60, bottomPct: 0, minFailedSubjects: 1, minBottomSubjects: 1 };
/** Scores of one class (id 1) in subject 1 out of 100: student i gets scores[i - 1]. */
const oneSubject = (scores: (number | null)[], subjectId = 1, classId = 1, fullMarks = 100): CandidateScore[] =>
  scores.map((score, i) => ({ studentId: i + 1, classId, subjectId, score, fullMarks }));

describe('suggestCandidates: pass line', () => {
  it('suggests scores below 60% of full marks; exactly on the line passes', () => {
    const out = suggestCandidates(oneSubject([59.5, 60, 90, 12]), RULES);
    expect(out.map((c) => c.studentId)).toEqual([1, 4]);
    expect(out[0].failedSubjectIds).toEqual([1]);
  });

  it('uses each subject\'s full marks (72 of 120 is the line) and a configurable pass %', () => {
    expect(suggestCandidates(oneSubject([71.5, 72], 1, 1, 120), RULES).map((c) => c.studentId)).toEqual([1]);
    expect(suggestCandidates(oneSubject([69, 70]), { ...RULES, passPct: 70 }).map((c) => c.studentId)).toEqual([1]);
  });

  it('needs minFailedSubjects failed subjects and only looks at the chosen subjects', () => {
    const scores = [...oneSubject([50, 50, 90]), ...oneSubject([40, 95, 30], 2)];
    expect(suggestCandidates(scores, { ...RULES, minFailedSubjects: 2 }).map((c) => c.studentId)).toEqual([1]);
    const onlyMaths = suggestCandidates(scores, { ...RULES, subjectIds: [2] });
    expect(onlyMaths.map((c) => [c.studentId, c.failedSubjectIds])).toEqual([[1, [2]], [3, [2]]]);
  });

  it('excludes absentees: an absent subject neither fails nor counts toward minFailedSubjects', () => {
    const scores = [...oneSubject([null, 50]), ...oneSubject([30, 30], 2)];
    const out = suggestCandidates(scores, { ...RULES, minFailedSubjects: 2 });
    expect(out.map((c) => c.studentId)).toEqual([2]);
    expect(suggestCandidates(oneSubject([null, null]), RULES)).toEqual([]);
  });
});

describe('suggestCandidates: bottom share of the class', () => {
  it('counts ceil(takers x share) and never splits ties at the cut', () => {
    expect(bottomCount(45, 10)).toBe(5);
    expect(bottomCount(40, 10)).toBe(4);
    expect(bottomCount(3, 10)).toBe(1);
    expect(bottomCount(10, 0)).toBe(0);
    // 10 takers, 20% -> 2 students; the 2nd lowest is 70 and two others also have 70: all three are in.
    const scores = oneSubject([95, 70, 88, 70, 65, 90, 70, 99, 80, 85]);
    const out = suggestCandidates(scores, { ...RULES, passPct: 50, bottomPct: 20 });
    expect(out.map((c) => c.studentId).sort((a, b) => a - b)).toEqual([2, 4, 5, 7]);
    expect(out.every((c) => c.failedSubjectIds.length === 0 && c.bottomSubjectIds[0] === 1)).toBe(true);
  });

  it('ranks within each class, without absentees in the count', () => {
    // Class 1: 4 takers + 1 absent -> 25% = 1 student. Class 2 ranks on its own.
    const scores = [...oneSubject([80, 70, null, 90, 85]), ...oneSubject([99, 98], 1, 2).map((s) => ({ ...s, studentId: s.studentId + 10 }))];
    const out = suggestCandidates(scores, { ...RULES, passPct: 10, bottomPct: 25 });
    expect(out.map((c) => c.studentId)).toEqual([2, 12]);
  });

  it('applies minBottomSubjects', () => {
    const scores = [...oneSubject([10, 90, 80, 70]), ...oneSubject([95, 20, 80, 70], 2)];
    expect(suggestCandidates(scores, { ...RULES, passPct: 5, bottomPct: 25, minBottomSubjects: 2 })).toEqual([]);
    expect(suggestCandidates(scores, { ...RULES, passPct: 5, bottomPct: 25 }).map((c) => c.studentId)).toEqual([1, 2]);
  });
});

describe('transformation rate', () => {
  const files = (...s: ('帮扶中' | '已转化' | '继续帮扶' | '转出')[]) => s.map((status) => ({ status }));

  it('is 已转化 over the files that did not leave', () => {
    const r = transformationRate(files('已转化', '已转化', '继续帮扶', '帮扶中', '转出'));
    expect(r).toMatchObject({ files: 5, transformed: 2, continuing: 1, inProgress: 1, left: 1 });
    expect(r.rate).toBe(0.5); // 2 / (5 - 1)
    expect(transformationRate(files('已转化', '已转化', '已转化')).rate).toBe(1);
  });

  it('is null, not NaN, with no file to judge', () => {
    expect(transformationRate([]).rate).toBeNull();
    expect(transformationRate(files('转出', '转出')).rate).toBeNull();
  });

  it('groups by a key (class, teacher, term)', () => {
    const rows = ratesBy(
      [{ c: 1, status: '已转化' as const }, { c: 2, status: '帮扶中' as const }, { c: 1, status: '继续帮扶' as const }],
      (f) => f.c, (f) => `班${f.c}`,
    );
    expect(rows.map((r) => [r.label, r.files, r.rate])).toEqual([['班1', 2, 0.5], ['班2', 1, 0]]);
  });
});

describe('reminders and retention', () => {
  it('flags a file with no tutoring entry in the last N weeks, counting from opening when it has none', () => {
    const today = '2025-10-20';
    const list = [
      { id: 1, openedOn: '2025-09-10', lastTutoringOn: '2025-10-07' }, // 13 days: fine for 2 weeks
      { id: 2, openedOn: '2025-09-10', lastTutoringOn: '2025-10-06' }, // 14 days: overdue
      { id: 3, openedOn: '2025-10-01', lastTutoringOn: null },          // 19 days since opening
      { id: 4, openedOn: '2025-10-15', lastTutoringOn: null },          // new file: fine
    ];
    expect(daysSinceTutoring(list[0], today)).toBe(13);
    expect(overdueFiles(list, today, 2).map((f) => [f.id, f.daysSince])).toEqual([[3, 19], [2, 14]]);
    expect(overdueFiles(list, today, 3).map((f) => f.id)).toEqual([]);
  });

  it('allows a purge only from the anniversary of leaving plus the retention years', () => {
    expect(purgeableFrom('2022-06-30', 3)).toBe('2025-06-30');
    expect(purgeableFrom('2020-02-29', 3)).toBe('2023-03-01');
    expect(isPurgeable('2022-06-30', 3, '2025-06-29')).toBe(false);
    expect(isPurgeable('2022-06-30', 3, '2025-06-30')).toBe(true);
    expect(isPurgeable(null, 3, '2099-01-01')).toBe(false);
  });
});
