/**
 * The timetable solver on small instances. Each hard constraint: the generator's result passes the conflict engine
 * (with the rule checks), and the same result broken on purpose fails it, so the check can fail. Soft rules lower
 * what they weigh; one seed gives one timetable; stopping keeps the best; a repair moves few lessons; an impossible
 * school is explained; the incremental score equals a recount.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../shared/domain/rng';
import type { Rule } from '../../../shared/domain/timetable/rules';
import { Evaluator } from '../../../shared/domain/timetable/solver/evaluate';
import { explainInfeasible } from '../../../shared/domain/timetable/solver/explain';
import type { SolveOptions } from '../../../shared/domain/timetable/solver/model';
import { buildProblem, solutionLessons, type BuildOptions, type GeneratedLesson, type SchoolData } from '../../../shared/domain/timetable/solver/problem';
import { scoreLessons } from '../../../shared/domain/timetable/solver/score';
import { solve } from '../../../shared/domain/timetable/solver/search';
import { check, countsOk, rulesOf, smallSchool, SUBJECT } from './fixture';

const OPTS: SolveOptions = { seed: 7, maxIterations: 150_000, patience: 40_000, timeLimitMs: 60_000, fromStart: false };

function generate(data: SchoolData, rules: Rule[], build: BuildOptions = { keep: 'none' }, opts: Partial<SolveOptions> = {}) {
  const { problem, meta } = buildProblem(data, rules, build);
  const result = solve(problem, { ...OPTS, ...opts });
  return { problem, meta, result, lessons: solutionLessons(problem, meta, result) };
}
const kinds = (list: { kind: string }[]) => [...new Set(list.map((c) => c.kind))].sort();
const subjectOf = (data: SchoolData, l: GeneratedLesson) => data.assignments.find((a) => a.id === l.assignmentId)!.subjectId;
const teacherOf = (data: SchoolData, l: GeneratedLesson) => data.assignments.find((a) => a.id === l.assignmentId)!.teacherId;

describe('hard constraints, each checked through the conflict engine', () => {
  it('a generated timetable of the small school has no conflict and every assignment its weekly lessons', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    const { result, lessons } = generate(data, rules);
    expect(result.hard).toBe(0);
    expect(check(data, rules, lessons)).toEqual([]);
    expect(countsOk(data, lessons)).toBe(true);
    // One lesson per class cell.
    expect(new Set(lessons.map((l) => `${l.classId}:${l.day}:${l.period}`)).size).toBe(lessons.length);
  });

  it('no teacher in two places (breaking it is caught)', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    const { lessons } = generate(data, rules);
    expect(check(data, rules, lessons)).toEqual([]);
    // Teacher 3 teaches 数学 in all three classes: put class 2's 数学 where class 1 has it.
    const c1 = lessons.find((l) => l.classId === 1 && subjectOf(data, l) === SUBJECT.SX)!;
    const broken = lessons.filter((l) => !(l.classId === 2 && l.day === c1.day && l.period === c1.period));
    broken.push({ ...c1, classId: 2, assignmentId: data.assignments.find((a) => a.classId === 2 && a.subjectId === SUBJECT.SX)!.id });
    expect(kinds(check(data, rules, broken))).toContain('teacherClash');
  });

  it('teacher unavailable times', () => {
    const data = smallSchool();
    data.unavailable = [1, 2, 3, 4, 5, 6, 7].map((period) => ({ teacherId: 3, day: 1, period }));
    const rules = rulesOf(data);
    const { lessons } = generate(data, rules);
    expect(check(data, rules, lessons)).toEqual([]);
    expect(lessons.filter((l) => teacherOf(data, l) === 3 && l.day === 1)).toEqual([]);
    const sx = lessons.find((l) => teacherOf(data, l) === 3)!;
    const broken = lessons.filter((l) => !(l.classId === sx.classId && l.day === 1 && l.period === 1) && l !== sx).concat({ ...sx, day: 1, period: 1 });
    expect(kinds(check(data, rules, broken))).toContain('teacherUnavailable');
  });

  it('locked lessons stay where they are', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    const first = generate(data, rules).lessons;
    // Lock class 1's Monday, in cells the generator would not choose on its own: shift them one period down.
    const locked = first.filter((l) => l.classId === 1 && l.day === 3).map((l) => ({ ...l, locked: true }));
    data.lessons = locked;
    const { lessons } = generate(data, rules, { keep: 'locked' }, { seed: 99 });
    for (const l of locked) expect(lessons.find((x) => x.classId === 1 && x.day === l.day && x.period === l.period)).toMatchObject({ assignmentId: l.assignmentId, locked: true });
    expect(check(data, rules, lessons)).toEqual([]);
    expect(countsOk(data, lessons)).toBe(true);
  });

  it('keeping every placed lesson generates only the missing ones', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    const first = generate(data, rules).lessons;
    // Half of the timetable is there (Monday to Wednesday); the rest is to be placed around it.
    data.lessons = first.filter((l) => l.day <= 3);
    const { lessons } = generate(data, rules, { keep: 'placed' }, { seed: 21 });
    for (const l of data.lessons) expect(lessons.some((x) => x.classId === l.classId && x.day === l.day && x.period === l.period && x.assignmentId === l.assignmentId)).toBe(true);
    expect(countsOk(data, lessons)).toBe(true);
    expect(check(data, rules, lessons)).toEqual([]);
  });

  it('fixed events: 班会 for every class and the 教研 half-day of a teaching group', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    expect(rules.filter((r) => r.kind === 'fixedEvent').map((r) => r.params.name)).toEqual(['班会', '教研活动']);
    const { lessons } = generate(data, rules);
    expect(check(data, rules, lessons)).toEqual([]);
    expect(lessons.filter((l) => l.day === 5 && l.period === 7)).toEqual([]);
    const research = rules.find((r) => r.kind === 'fixedEvent' && r.scope === 'group')!;
    expect(lessons.filter((l) => [1, 2].includes(teacherOf(data, l)) && l.day === research.params.day && research.params.periods!.includes(l.period))).toEqual([]);
    const any = lessons.find((l) => l.classId === 1)!;
    const broken = lessons.filter((l) => l !== any).concat({ ...any, day: 5, period: 7 });
    expect(kinds(check(data, rules, broken))).toContain('fixedEvent');
  });

  it('special rooms and their capacity', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    const { lessons } = generate(data, rules);
    const music = lessons.filter((l) => subjectOf(data, l) === SUBJECT.YYUE);
    expect(music.every((l) => l.roomId === 1)).toBe(true);
    expect(new Set(music.map((l) => `${l.day}:${l.period}`)).size).toBe(music.length); // capacity 1
    const pe = lessons.filter((l) => subjectOf(data, l) === SUBJECT.TY);
    expect(pe.every((l) => l.roomId === 3)).toBe(true);
    expect(check(data, rules, lessons)).toEqual([]);
    // Two classes' music at the same time in the one music room.
    const [a, b] = [music.find((l) => l.classId === 1)!, music.find((l) => l.classId === 2)!];
    const broken = lessons.filter((l) => l !== b && !(l.classId === 2 && l.day === a.day && l.period === a.period)).concat({ ...b, day: a.day, period: a.period });
    expect(kinds(check(data, rules, broken))).toContain('roomOverCapacity');
  });

  it('combined classes (合班课) are taught together', () => {
    const data = smallSchool();
    const pe = data.assignments.filter((a) => a.subjectId === SUBJECT.TY && a.classId <= 2).map((a) => a.id);
    const rules = [...rulesOf(data), { kind: 'combinedClasses', scope: 'school', scopeId: null, params: { assignmentIds: pe, count: 2 }, weight: 100, enabled: true } as Rule];
    const { lessons } = generate(data, rules);
    const combined = lessons.filter((l) => l.combinedKey);
    expect(combined).toHaveLength(4);
    const slots = (cls: number) => combined.filter((l) => l.classId === cls).map((l) => `${l.day}:${l.period}`).sort();
    expect(slots(1)).toEqual(slots(2));
    expect(check(data, rules, lessons)).toEqual([]);
    expect(countsOk(data, lessons)).toBe(true);
    // Without the shared key the same lessons are a clash of their teacher.
    const broken = lessons.map((l) => (l.classId === 2 && l.combinedKey ? { ...l, combinedKey: null } : l));
    expect(kinds(check(data, rules, broken))).toContain('teacherClash');
  });

  it('the number of lessons of each assignment', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    const { lessons } = generate(data, rules);
    expect(countsOk(data, lessons)).toBe(true);
    const extra = lessons.find((l) => l.classId === 3)!;
    const free = [1, 2, 3, 4, 5, 6].flatMap((d) => [1, 2, 3, 4, 5, 6].map((p) => ({ d, p }))).find(({ d, p }) => d <= 4 && !lessons.some((l) => l.classId === 3 && l.day === d && l.period === p))!;
    expect(kinds(check(data, rules, [...lessons, { ...extra, day: free.d, period: free.p }]))).toContain('overAssigned');
  });

  it('at most N lessons of a subject per class per day', () => {
    const data = smallSchool();
    // The school allows two a day; a subject override allows 数学 one.
    const rules: Rule[] = [...rulesOf(data), { kind: 'subjectDailyMax', scope: 'subject', scopeId: SUBJECT.SX, params: { max: 1 }, weight: 100, enabled: true }];
    const { lessons } = generate(data, rules);
    expect(check(data, rules, lessons)).toEqual([]);
    for (const c of [1, 2, 3]) {
      const days = lessons.filter((l) => l.classId === c && subjectOf(data, l) === SUBJECT.SX).map((l) => l.day);
      expect(days.sort()).toEqual([1, 2, 3, 4, 5]);
    }
    const sx = lessons.filter((l) => l.classId === 1 && subjectOf(data, l) === SUBJECT.SX);
    const free = [1, 2, 3, 4, 5, 6, 7].find((p) => !lessons.some((l) => l.classId === 1 && l.day === sx[0].day && l.period === p))!;
    const broken = lessons.filter((l) => l !== sx[1]).concat({ ...sx[1], day: sx[0].day, period: free });
    expect(kinds(check(data, rules, broken))).toContain('dailyMax');
  });

  it('double periods where asked, never across a break', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    const { lessons } = generate(data, rules);
    for (const c of [1, 2, 3]) {
      for (const subject of [SUBJECT.YW, SUBJECT.MS]) {
        const cells = lessons.filter((l) => l.classId === c && subjectOf(data, l) === subject);
        // A pair on one day in consecutive periods that no break (after 2, after 4) separates.
        const pair = cells.some((x) => cells.some((y) => y.day === x.day && y.period === x.period + 1 && ![2, 4].includes(x.period)));
        expect(pair, `class ${c} subject ${subject}`).toBe(true);
      }
    }
  });
});

describe('soft rules', () => {
  const peAfterLunch = (data: SchoolData, lessons: GeneratedLesson[]) => lessons.filter((l) => subjectOf(data, l) === SUBJECT.TY && (l.period === 5 || l.period === 1)).length;
  const mainInAfternoon = (data: SchoolData, lessons: GeneratedLesson[]) => lessons.filter((l) => [SUBJECT.YW, SUBJECT.SX, SUBJECT.YY].includes(subjectOf(data, l) as 1) && l.period > 4).length;

  it('lower what they weigh: 体育 after lunch or first thing, 语数英 in the afternoon, bunched subjects', () => {
    const data = smallSchool();
    const on = rulesOf(data);
    const off = on.map((r) => (['avoidFirstAfternoon', 'avoidFirstMorning', 'morningSubject', 'spreadWeek'].includes(r.kind) ? { ...r, weight: 0 } : r));
    const withRules = generate(data, on).lessons;
    const without = generate(data, off).lessons;
    expect(peAfterLunch(data, withRules)).toBe(0);
    expect(peAfterLunch(data, without)).toBeGreaterThan(0);
    expect(mainInAfternoon(data, withRules)).toBeLessThan(mainInAfternoon(data, without));
    // The same timetables scored under the school's rules: the one made with them scores lower.
    expect(scoreLessons(data, on, withRules).softTotal).toBeLessThan(scoreLessons(data, on, without).softTotal);
  });

  it('the search lowers the soft score below the construction', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    const built = generate(data, rules, { keep: 'none' }, { maxIterations: 0 });
    const searched = generate(data, rules);
    expect(searched.result.soft).toBeLessThan(built.result.soft);
  });

  it('teachers of a 备课组 get a common free period', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    const { lessons } = generate(data, rules);
    const busy = (t: number) => new Set(lessons.filter((l) => teacherOf(data, l) === t).map((l) => `${l.day}:${l.period}`));
    const [b1, b2] = [busy(1), busy(2)];
    const common = [1, 2, 3, 4, 5].flatMap((d) => [1, 2, 3, 4, 5, 6, 7].map((p) => `${d}:${p}`)).filter((k) => !b1.has(k) && !b2.has(k));
    expect(common.length).toBeGreaterThan(0);
    expect(scoreLessons(data, rules, lessons).soft.prep).toBe(0);
  });
});

describe('the search', () => {
  it('is deterministic for a seed', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    const a = generate(data, rules, { keep: 'none' }, { seed: 3 });
    const b = generate(data, rules, { keep: 'none' }, { seed: 3 });
    const c = generate(data, rules, { keep: 'none' }, { seed: 4 });
    expect(b.result.slots).toEqual(a.result.slots);
    expect(b.result.soft).toBe(a.result.soft);
    expect(c.result.slots).not.toEqual(a.result.slots);
  });

  it('stopping keeps the best state found, and its figures are those of the returned timetable', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    const { problem, meta } = buildProblem(data, rules, { keep: 'none' });
    let polls = 0;
    const seen: number[] = [];
    const result = solve(problem, { ...OPTS, maxIterations: 10_000_000, patience: 10_000_000 }, { shouldStop: () => ++polls > 40, onProgress: (p) => seen.push(p.soft) });
    expect(result.stopped).toBe('stopped');
    expect(result.iterations).toBeLessThan(41 * 256 + 1);
    const score = scoreLessons(data, rules, solutionLessons(problem, meta, result));
    expect(score.hardTotal).toBe(result.hard);
    expect(score.softTotal).toBeCloseTo(result.soft, 6);
    expect(result.soft).toBeLessThanOrEqual(Math.min(...seen));
  });

  it('keeps the incremental score equal to a full recount over random moves', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    data.unavailable = [{ teacherId: 3, day: 2, period: 1 }];
    const { problem } = buildProblem(data, rules, { keep: 'none' });
    const ev = new Evaluator(problem);
    const rng = new Rng(11);
    problem.activities.forEach((a, i) => { ev.begin(); ev.place(i, rng.int(0, 34 - a.length)); ev.commit(); });
    for (let k = 0; k < 2000; k++) {
      const a = rng.int(0, problem.activities.length - 1);
      ev.begin(); ev.remove(a); ev.place(a, rng.int(0, 34 - problem.activities[a].length)); ev.commit();
    }
    const full = ev.breakdown();
    expect(ev.hard).toBe(full.hardTotal);
    expect(ev.soft).toBeCloseTo(full.softTotal, 6);
    expect(full.hardTotal).toBeGreaterThan(0); // random placements clash: the recount is not trivially zero
  });
});

describe('minimal change (重排)', () => {
  it('after a teacher becomes unavailable, moves few lessons and only where needed', () => {
    const data = smallSchool();
    const rules = rulesOf(data);
    const current = generate(data, rules).lessons;
    data.lessons = current;
    // Teacher 4 (英语, all classes) is away on Wednesday mornings from now on.
    data.unavailable = [1, 2, 3, 4].map((period) => ({ teacherId: 4, day: 3, period }));
    const mustMove = current.filter((l) => teacherOf(data, l) === 4 && l.day === 3 && l.period <= 4).length;
    expect(mustMove).toBeGreaterThan(0);
    const repaired = generate(data, rules, { keep: 'locked', minimalChange: true }, { fromStart: true });
    expect(check(data, rules, repaired.lessons)).toEqual([]);
    const same = (l: GeneratedLesson) => current.some((c) => c.classId === l.classId && c.day === l.day && c.period === l.period && c.assignmentId === l.assignmentId);
    const moved = repaired.lessons.filter((l) => !same(l)).length;
    expect(moved).toBeGreaterThanOrEqual(mustMove);
    expect(moved).toBeLessThanOrEqual(mustMove * 4);
    expect(moved / repaired.lessons.length).toBeLessThan(0.25);
    // A fresh generation of the same school moves far more.
    const fresh = generate(data, rules, { keep: 'none' }, { seed: 5 }).lessons.filter((l) => !same(l)).length;
    expect(fresh).toBeGreaterThan(moved * 3);
  });
});

describe('explaining an impossible school', () => {
  it('names a teacher with more lessons than periods, a room needed at every free time, and a daily maximum too low', () => {
    const data = smallSchool();
    // Teacher 3 also takes every class's 英语 and 语文: 45 lessons in a 35-period week.
    data.assignments = data.assignments.map((a) => (a.subjectId === SUBJECT.YY || a.subjectId === SUBJECT.YW ? { ...a, teacherId: 3 } : a));
    // Music for three classes five times a week in one room, with teacher 6 away three days.
    data.assignments = data.assignments.map((a) => (a.subjectId === SUBJECT.YYUE ? { ...a, weekly: 5 } : a));
    data.unavailable = [2, 3, 4].flatMap((day) => [1, 2, 3, 4, 5, 6, 7].map((period) => ({ teacherId: 6, day, period })));
    const rules = rulesOf(data).map((r) => (r.kind === 'subjectDailyMax' ? { ...r, params: { max: 1 } } : r));
    const { problem, meta } = buildProblem(data, rules, { keep: 'none' });
    const reasons = explainInfeasible(problem, meta, data);
    const keys = reasons.map((r) => r.key);
    expect(keys).toContain('teacherOverloaded');
    expect(reasons.find((r) => r.key === 'teacherOverloaded')!.params).toMatchObject({ teacher: '教师3', lessons: 45 });
    expect(keys).toContain('roomOverbooked');
    expect(reasons.find((r) => r.key === 'roomOverbooked')!.params.room).toBe('音乐室');
    expect(keys).toContain('dailyMaxTooLow');
    // A feasible school has no reasons.
    const ok = smallSchool();
    const p2 = buildProblem(ok, rulesOf(ok), { keep: 'none' });
    expect(explainInfeasible(p2.problem, p2.meta, ok)).toEqual([]);
  });
});
