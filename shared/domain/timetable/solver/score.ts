/**
 * Scores a given timetable (lessons) under a school's rules with the solver's own evaluator: the draft summary,
 * the bench's score of FET's result, and tests use it. Each lesson is matched to an activity of the problem built
 * from the same data (a double period needs its two lessons in consecutive cells), so a timetable that does not
 * fit the activities shows as unplaced.
 */
import type { Rule } from '../rules';
import { Evaluator, type HardBreakdown, type SoftBreakdown } from './evaluate';
import { buildProblem, type SchoolData } from './problem';

export interface Score { hard: HardBreakdown; soft: SoftBreakdown; hardTotal: number; softTotal: number }

export function scoreLessons(data: SchoolData, rules: Rule[], lessons: SchoolData['lessons']): Score {
  const { problem } = buildProblem({ ...data, lessons: lessons.map((l) => ({ ...l, locked: false })) }, rules, { keep: 'none' });
  const ev = new Evaluator(problem);
  problem.activities.forEach((a, i) => {
    if (a.startSlot < 0) return;
    ev.begin(); ev.place(i, a.startSlot, a.startRoom); ev.commit();
  });
  return ev.breakdown();
}
