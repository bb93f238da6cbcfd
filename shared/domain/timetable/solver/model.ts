/**
 * The timetable solver's model: plain data (it crosses into a worker thread) with dense indices. Built from a term's
 * data by `buildProblem` (problem.ts); solved by `solve` (search.ts); scored by `Evaluator` (evaluate.ts), which the
 * bench also uses to score FET's result on the same problem.
 *
 * Slots are day-major: slot = day * periodsPerDay + period (both 0-based). An activity is what is placed: one
 * lesson, a double period (length 2, 连堂), or a combined lesson (合班课: several classes at once). Each class and
 * teacher of an activity is busy during each of its slots.
 */

export interface SolverActivity {
  /** Dense class indices; several for a combined lesson. */
  classes: number[];
  /** The assignment (teaching_assignment.id) of each class, parallel to `classes`. */
  assignments: number[];
  teachers: number[];
  subject: number;
  length: 1 | 2;
  /** Rooms (indices) of which one is needed at each slot; empty when the subject needs no special room. */
  roomPool: number[];
  /** A locked (or kept) lesson's start slot: never moved. -1 when free. */
  fixedSlot: number;
  /** Where it is now (the current timetable), -1 if unplaced: the search starts from it when given. */
  startSlot: number;
  /** The room it has now (kept when the lesson stays). -1 for none. */
  startRoom: number;
  /** Index into `Problem.allowed`: start slots allowed by the hard constraints (teacher unavailable, fixed events, breaks). */
  allowedId: number;
  /** Index into `Problem.slotCost`: the soft cost of each start slot (main subject in the afternoon, 体育 after lunch, wishes). */
  slotCostId: number;
}

/** A class-subject pair: the unit of the daily maximum (hard) and of spreading over the week (soft). */
export interface ClassSubject {
  cls: number;
  subject: number;
  /** At most this many lessons a day (hard); a double period counts two. */
  dailyMax: number;
  /** Lessons on days closer than this count as bunched (1 = same day only). */
  minDays: number;
  spreadWeight: number;
}

export interface TeacherRules {
  maxDaily: number; maxDailyWeight: number;
  maxConsecutive: number; consecutiveWeight: number;
  gapsWeight: number;
}

export interface Problem {
  days: number;
  periodsPerDay: number;
  /** Per period index: true when a break (大课间, 午休...) follows it, so a double period cannot start there. */
  breakAfter: boolean[];
  /** Per period index. */
  parts: ('morning' | 'afternoon')[];
  classCount: number;
  teacherCount: number;
  rooms: { capacity: number }[];
  activities: SolverActivity[];
  /** Allowed start slots, as 0/1 per slot; activities share them by `allowedId`. */
  allowed: number[][];
  /** Soft cost per start slot; shared by `slotCostId`. */
  slotCost: number[][];
  classSubjects: ClassSubject[];
  /** Per activity and class (parallel to `classes`): its class-subject index. */
  activityCs: number[][];
  teacherRules: TeacherRules[];
  /** Per class: weight of uneven days (sum of squares of lessons per day above the even spread). */
  classBalanceWeight: number[];
  /** 备课组: teachers that should share a free slot, the slots that count, and the weight when none is free. */
  prepGroups: { teachers: number[]; slots: number[]; weight: number }[];
  /** Minimal change: per class and slot, the assignment there now (or -1); a lesson placed where another was costs `moveWeight`. */
  current: number[] | null;
  moveWeight: number;
}

/** Options of one run. The search is iteration-bound, so one seed gives one result; the time limit is a guard. */
export interface SolveOptions {
  seed: number;
  /** Upper bound on iterations (moves tried). */
  maxIterations: number;
  /** Stop when no hard violation is left and the cost has not improved for this many iterations. */
  patience: number;
  timeLimitMs: number;
  /** Start from each activity's startSlot where it has one (minimal change, keeping placed lessons). */
  fromStart: boolean;
}

export interface SolveProgress {
  iterations: number;
  ms: number;
  hard: number;
  soft: number;
  /** Milliseconds to the first state with no hard violation (null until then). */
  feasibleMs: number | null;
  /** Where the run is expected to end as things stand (the patience rule moves it as the best improves). */
  expectedIterations: number;
}

export interface SolveResult extends SolveProgress {
  /** Start slot and room (or -1) per activity: the best state found. */
  slots: number[];
  roomOf: number[];
  stopped: 'done' | 'patience' | 'iterations' | 'time' | 'stopped';
}

export const slotOf = (p: Pick<Problem, 'periodsPerDay'>, day: number, period: number) => day * p.periodsPerDay + period;
