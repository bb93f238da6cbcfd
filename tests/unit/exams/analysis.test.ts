/** The pure score analysis against hand-computed examples: rates, ties at thresholds, absentees, zero takers, CV. */
import { describe, expect, it } from 'vitest';
import {
  analyseExam, coefficientOfVariation, distribution, levelStats, scoreStats, type AnalysisInput,
} from '../../../shared/domain/exams/analysis';
import { parseScoreCell } from '../../../shared/domain/exams/values';

const T = { passPct: 60, excellentPct: 85, lowPct: 40 };

describe('scoreStats', () => {
  it('computes 三率一分, max/min and the population SD of a hand-computed class', () => {
    // 7 on the roster, 1 absent, 1 not entered, 5 takers.
    const s = scoreStats([85, 60, 39.5, 40, 100], { expected: 7, absent: 1, fullMarks: 100, thresholds: T });
    expect(s.takers).toBe(5);
    expect(s.participation).toBeCloseTo(5 / 7, 12);
    expect(s.average).toBeCloseTo(64.9, 12);
    expect(s.passCount).toBe(3); // 85, 60 (tie counts), 100
    expect(s.passRate).toBeCloseTo(0.6, 12);
    expect(s.excellentCount).toBe(2); // 85 (tie), 100
    expect(s.excellentRate).toBeCloseTo(0.4, 12);
    expect(s.lowCount).toBe(1); // 39.5 only: 40 sits on the cut and is not low
    expect(s.lowRate).toBeCloseTo(0.2, 12);
    expect(s.max).toBe(100);
    expect(s.min).toBe(39.5);
    // deviations 20.1, -4.9, -25.4, -24.9, 35.1 -> squares sum 2925.2 -> / 5 = 585.04
    expect(s.sd).toBeCloseTo(Math.sqrt(585.04), 10);
    expect(s.absent).toBe(1);
  });

  it('counts ties at the thresholds of a 150-mark paper as reached (90 pass, 127.5 excellent, 60 not low)', () => {
    const s = scoreStats([90, 127.5, 60, 89.5, 127, 59.5], { expected: 6, absent: 0, fullMarks: 150, thresholds: T });
    expect(s.passCount).toBe(3); // 90 (tie), 127.5, 127; not 89.5
    expect(s.excellentCount).toBe(1); // 127.5 (tie); not 127
    expect(s.lowCount).toBe(1); // 59.5
  });

  it('uses the lower-primary excellence line of 90%', () => {
    const s = scoreStats([89.5, 90, 85], { expected: 3, absent: 0, fullMarks: 100, thresholds: { ...T, excellentPct: 90 } });
    expect(s.excellentCount).toBe(1);
  });

  it('gives null rates, not NaN, when nobody took the subject', () => {
    const s = scoreStats([], { expected: 3, absent: 3, fullMarks: 100, thresholds: T });
    expect(s).toMatchObject({ takers: 0, participation: 0, average: null, passRate: null, excellentRate: null, lowRate: null, max: null, min: null, sd: null });
    const none = scoreStats([], { expected: 0, absent: 0, fullMarks: 100, thresholds: T });
    expect(none.participation).toBeNull();
    expect(JSON.stringify(none)).not.toContain('NaN');
  });

  it('gives SD 0 for a single taker', () => {
    expect(scoreStats([72], { expected: 1, absent: 0, fullMarks: 100, thresholds: T }).sd).toBe(0);
  });
});

describe('levelStats', () => {
  it('takes 优 as excellent, 待合格 as low and the rest as passed', () => {
    const s = levelStats(['优', '优', '良', '待合格'], { expected: 5, absent: 1 });
    expect(s.levels).toEqual({ 优: 2, 良: 1, 合格: 0, 待合格: 1 });
    expect(s.excellentRate).toBe(0.5);
    expect(s.passRate).toBe(0.75);
    expect(s.lowRate).toBe(0.25);
    expect(s.participation).toBe(0.8);
    expect(s.average).toBeNull();
  });
});

describe('coefficientOfVariation', () => {
  it('is the population SD of class averages over their mean', () => {
    // mean 80, deviations 0, -10, 10 -> variance 200/3
    expect(coefficientOfVariation([80, 70, 90])).toBeCloseTo(Math.sqrt(200 / 3) / 80, 12);
    expect(coefficientOfVariation([80, null, 80])).toBe(0);
  });
  it('is null with fewer than two classes with takers', () => {
    expect(coefficientOfVariation([80, null])).toBeNull();
    expect(coefficientOfVariation([])).toBeNull();
  });
});

describe('distribution', () => {
  it('puts full marks in the last bin and a score on a bin edge in the upper bin', () => {
    const d = distribution([0, 59.9, 60, 100, 99.5], 100);
    expect(d).toHaveLength(10);
    expect(d[0]).toEqual({ from: 0, to: 10, count: 1 });
    expect(d[5].count).toBe(1);
    expect(d[6].count).toBe(1);
    expect(d[9].count).toBe(2);
  });
});

describe('analyseExam', () => {
  const input: AnalysisInput = {
    mode: 'score',
    subjects: [{ subjectId: 1, subjectName: '语文', fullMarks: 100 }, { subjectId: 2, subjectName: '数学', fullMarks: 100 }],
    grades: [{ gradeId: 7, gradeLevel: 7, gradeName: '七年级', thresholds: { gradeLevel: 7, passPct: 60, excellentPct: 85, lowPct: 40, bottomPct: 10 } }],
    classes: [{ classId: 1, className: '七年级(1)班', gradeId: 7 }, { classId: 2, className: '七年级(2)班', gradeId: 7 }],
    roster: [{ studentId: 1, classId: 1 }, { studentId: 2, classId: 1 }, { studentId: 3, classId: 1 }, { studentId: 4, classId: 2 }, { studentId: 5, classId: 2 }],
    cells: [
      { studentId: 1, subjectId: 1, score: 90, absent: false, level: null },
      { studentId: 2, subjectId: 1, score: 70, absent: false, level: null },
      { studentId: 3, subjectId: 1, score: null, absent: true, level: null },
      { studentId: 4, subjectId: 1, score: 50, absent: false, level: null },
      { studentId: 5, subjectId: 1, score: 30, absent: false, level: null },
      // 数学: class 2 all absent -> zero takers
      { studentId: 1, subjectId: 2, score: 60, absent: false, level: null },
      { studentId: 4, subjectId: 2, score: null, absent: true, level: null },
      { studentId: 5, subjectId: 2, score: null, absent: true, level: null },
      // not on the roster: ignored
      { studentId: 99, subjectId: 1, score: 100, absent: false, level: null },
    ],
  };
  const [g] = analyseExam(input);

  it('computes grade figures over all takers (not the mean of class averages) and class gaps', () => {
    const yw = g.subjects.find((s) => s.subjectId === 1)!;
    expect(yw.grade.expected).toBe(5);
    expect(yw.grade.takers).toBe(4);
    expect(yw.grade.absent).toBe(1);
    expect(yw.grade.average).toBe(60); // (90+70+50+30)/4
    expect(yw.grade.passRate).toBe(0.5);
    expect(yw.grade.lowRate).toBe(0.25);
    const [c1, c2] = yw.classes;
    expect(c1).toMatchObject({ className: '七年级(1)班', expected: 3, takers: 2, average: 80, diffFromGrade: 20, passRate: 1, excellentRate: 0.5 });
    expect(c1.participation).toBeCloseTo(2 / 3, 12);
    expect(c2).toMatchObject({ expected: 2, takers: 2, average: 40, diffFromGrade: -20, passRate: 0, lowRate: 0.5 });
    // class averages 80 and 40: mean 60, SD 20
    expect(yw.cv).toBeCloseTo(20 / 60, 12);
  });

  it('reports a class with zero takers with null rates and leaves it out of the CV', () => {
    const sx = g.subjects.find((s) => s.subjectId === 2)!;
    const c2 = sx.classes[1];
    expect(c2).toMatchObject({ takers: 0, absent: 2, participation: 0, average: null, passRate: null, diffFromGrade: null });
    expect(sx.cv).toBeNull();
    expect(sx.grade.average).toBe(60);
  });
});

describe('parseScoreCell', () => {
  it('reads numbers, absent marks, blanks and levels; rejects the rest with a key', () => {
    expect(parseScoreCell(' ９５.5 ', 'score', 100)).toEqual({ kind: 'score', value: 95.5 });
    expect(parseScoreCell(100, 'score', 100)).toEqual({ kind: 'score', value: 100 });
    for (const a of ['缺考', '缺', '-', '—']) expect(parseScoreCell(a, 'score', 100).kind).toBe('absent');
    expect(parseScoreCell('', 'score', 100).kind).toBe('blank');
    expect(parseScoreCell(null, 'score', 100).kind).toBe('blank');
    expect(parseScoreCell(101, 'score', 100)).toMatchObject({ kind: 'error', key: 'exams.outOfRange' });
    expect(parseScoreCell('-5', 'score', 100)).toMatchObject({ kind: 'error', key: 'exams.outOfRange' });
    expect(parseScoreCell('九十', 'score', 100)).toMatchObject({ kind: 'error', key: 'exams.notNumeric' });
    expect(parseScoreCell('优秀', 'level', null)).toEqual({ kind: 'level', value: '优' });
    expect(parseScoreCell('不合格', 'level', null)).toEqual({ kind: 'level', value: '待合格' });
    expect(parseScoreCell('95', 'level', null)).toMatchObject({ kind: 'error', key: 'exams.scoreInLevelExam' });
  });
});
