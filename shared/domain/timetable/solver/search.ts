/**
 * The search: a greedy construction (hardest activities first, each at its cheapest allowed slot), then late
 * acceptance hill climbing (LAHC: a move is kept when it is no worse than now or than the cost L moves ago). A move
 * puts one activity at another start slot and shifts whatever it displaces in its own classes into the slots it
 * left, so a full class grid stays full (a swap) and a half-empty one can take a plain relocation. While hard
 * violations remain, most moves start from an activity in one.
 *
 * Deterministic: one seed and one iteration budget give one result (the time limit and `shouldStop` are guards
 * whose outcome depends on the machine). The best state is kept and returned however the run ends.
 */
import { Rng } from '../../rng';
import { Evaluator, HARD_WEIGHT } from './evaluate';
import type { Problem, SolveOptions, SolveProgress, SolveResult } from './model';

export interface SolveHooks {
  /** Called about every 1/8 s of work with the best so far. */
  onProgress?: (p: SolveProgress) => void;
  /** Polled every few hundred moves; true ends the run with the best so far. */
  shouldStop?: () => boolean;
  now?: () => number;
}

/** Late acceptance list length: short lists converged fastest here (sample: soft 120 at 0.6 M moves with 5-50, 1,780 with 600). */
const HISTORY = 30;
/** Random moves of a kick when the search is stuck with hard violations. */
const KICK_MOVES = 12;

export function solve(problem: Problem, opts: SolveOptions, hooks: SolveHooks = {}): SolveResult {
  const now = hooks.now ?? (() => performance.now());
  const t0 = now();
  const rng = new Rng(opts.seed);
  const ev = new Evaluator(problem);
  const acts = problem.activities;
  const n = acts.length;
  const S = ev.S;
  const P = ev.P;
  const allowedList = problem.allowed.map((a) => a.flatMap((v, s) => (v ? [s] : [])));
  const anyStart = (len: number) => Array.from({ length: S }, (_, s) => s).filter((s) => validStart(problem, s, len));
  const fallbackStarts = [anyStart(1), anyStart(2)];
  const startsOf = (a: number) => {
    const list = allowedList[acts[a].allowedId];
    return list.length ? list : fallbackStarts[acts[a].length - 1];
  };

  // ---- construction ----
  // Fixed ones first, then those with a start slot (kept or minimal change), then the rest hardest first.
  const order = [...acts.keys()];
  const load = new Float64Array(problem.teacherCount);
  for (const a of acts) for (const t of a.teachers) load[t] += a.length;
  const difficulty = (a: number) => {
    const act = acts[a];
    return startsOf(a).length / act.length / act.classes.length - (act.roomPool.length ? 8 : 0) - Math.max(...act.teachers.map((t) => load[t]), 0) * 0.2;
  };
  const diff = order.map(difficulty);
  order.sort((x, y) => {
    const fx = acts[x].fixedSlot >= 0 ? 0 : opts.fromStart && acts[x].startSlot >= 0 ? 1 : 2;
    const fy = acts[y].fixedSlot >= 0 ? 0 : opts.fromStart && acts[y].startSlot >= 0 ? 1 : 2;
    return fx - fy || diff[x] - diff[y] || x - y;
  });
  for (const a of order) {
    const act = acts[a];
    if (act.fixedSlot >= 0) { ev.begin(); ev.place(a, act.fixedSlot, act.startRoom); ev.commit(); continue; }
    if (opts.fromStart && act.startSlot >= 0) { ev.begin(); ev.place(a, act.startSlot, act.startRoom); ev.commit(); continue; }
    let best = -1;
    let bestCost = Infinity;
    for (const s of startsOf(a)) {
      const before = ev.cost;
      ev.begin(); ev.place(a, s); ev.commit();
      const c = ev.cost - before;
      ev.begin(); ev.remove(a); ev.commit();
      if (c < bestCost) { bestCost = c; best = s; }
    }
    ev.begin(); ev.place(a, best); ev.commit();
  }

  // ---- local search ----
  const movable = order.filter((a) => acts[a].fixedSlot < 0);
  let bestCost = ev.cost;
  let bestHard = ev.hard;
  let bestSoft = ev.soft;
  const bestSlots = Array.from(ev.slot);
  const bestRooms = Array.from(ev.room);
  let feasibleMs: number | null = ev.hard === 0 ? now() - t0 : null;
  const history = new Float64Array(HISTORY).fill(ev.cost);
  let conflicted: number[] = [];
  let sinceImprove = 0;
  let iter = 0;
  let lastReport = now();
  let stopped: SolveResult['stopped'] = 'iterations';

  // The move under evaluation, for undo: activities, their old slots and rooms.
  const moved: number[] = [];
  const oldSlot: number[] = [];
  const oldRoom: number[] = [];
  const displaced: number[] = [];
  const byClassCell = (c: number, s: number): number => cellOwner.get(c * S + s) ?? -1;
  // Who occupies a class cell (the last placed when several clash); rebuilt after each accepted move's changes.
  const cellOwner = new Map<number, number>();
  const setOwner = (a: number, on: boolean) => {
    const act = acts[a];
    const s = ev.slot[a];
    if (s < 0) return;
    for (const c of act.classes) for (let i = 0; i < act.length; i++) {
      const k = c * S + s + i;
      if (on) cellOwner.set(k, a);
      else if (cellOwner.get(k) === a) cellOwner.delete(k);
    }
  };
  for (let a = 0; a < n; a++) setOwner(a, true);

  let lastImprove = 0;
  const expected = () => (bestHard === 0 ? Math.min(opts.maxIterations, lastImprove + opts.patience) : opts.maxIterations);
  const report = () => hooks.onProgress?.({ iterations: iter, ms: now() - t0, hard: bestHard, soft: bestSoft, feasibleMs, expectedIterations: expected() });

  /** The activity to move: one in a violation when there are some (mostly), else any movable one. */
  const pickActivity = (): number => {
    if (ev.hard > 0 && conflicted.length && rng.next() < 0.7) {
      for (let tries = 0; tries < 4; tries++) {
        const c = conflicted[Math.floor(rng.next() * conflicted.length)];
        if (ev.inViolation(c)) return c;
      }
    }
    return movable[Math.floor(rng.next() * movable.length)];
  };
  let target = -1;
  let shift = 0;
  /**
   * Prepares `a` to start at `s`: whatever it displaces in its classes moves by the opposite shift into the cells
   * it leaves. False when that does not fit (a fixed lesson in the way, a displaced lesson leaving its day or
   * splitting a double over a break, or landing on `a`'s new place).
   */
  const prepareMove = (a: number, s: number): boolean => {
    const act = acts[a];
    const s0 = ev.slot[a];
    if (s === s0) return false;
    shift = s0 - s;
    target = s;
    displaced.length = 0;
    for (const c of act.classes) {
      for (let i = 0; i < act.length; i++) {
        const d = byClassCell(c, s + i);
        if (d < 0 || d === a || displaced.includes(d)) continue;
        if (acts[d].fixedSlot >= 0) return false;
        displaced.push(d);
      }
    }
    for (const d of displaced) {
      const ns = ev.slot[d] + shift;
      const len = acts[d].length;
      if (ns < 0 || ns + len > S || Math.floor(ns / P) !== Math.floor((ns + len - 1) / P) || !validStart(problem, ns, len)) return false;
      if (ns < s + act.length && s < ns + len) return false;
    }
    return true;
  };
  /** Makes the prepared move; `moved`, `oldSlot` and `oldRoom` keep what undoing it needs. */
  const applyMove = (a: number) => {
    moved.length = 0; oldSlot.length = 0; oldRoom.length = 0;
    ev.begin();
    moved.push(a);
    for (const d of displaced) moved.push(d);
    for (const m of moved) {
      setOwner(m, false);
      oldSlot.push(ev.slot[m]);
      oldRoom.push(ev.remove(m));
    }
    ev.place(a, target);
    for (let k = 1; k < moved.length; k++) ev.place(moved[k], oldSlot[k] + shift, oldRoom[k]);
    ev.commit();
  };
  const stuckLimit = Math.max(20_000, 20 * n);
  let lastKick = 0;

  if (movable.length) {
    for (;;) {
      if (iter >= opts.maxIterations) { stopped = 'iterations'; break; }
      if ((iter & 255) === 0) {
        const t = now();
        if (hooks.shouldStop?.()) { stopped = 'stopped'; break; }
        if (t - t0 > opts.timeLimitMs) { stopped = 'time'; break; }
        if (t - lastReport > 125) { lastReport = t; report(); }
      }
      if (ev.hard > 0 && (iter & 1023) === 0) conflicted = movable.filter((a) => ev.inViolation(a));
      if (ev.hard === 0 && bestHard === 0 && sinceImprove > opts.patience) { stopped = 'patience'; break; }
      iter++;
      sinceImprove++;

      // Stuck with hard violations: kick (a few random moves taken whatever they cost) and forget the history,
      // so the search leaves the valley instead of circling in it (EEBLJ-Noturno, a full week with many teacher
      // blocks, stayed at 2 violations for 2 M moves on one seed without this).
      if (ev.hard > 0 && sinceImprove > stuckLimit && iter - lastKick > stuckLimit) {
        lastKick = iter;
        for (let k = 0; k < KICK_MOVES; k++) {
          const a = pickActivity();
          const starts = startsOf(a);
          if (prepareMove(a, starts[Math.floor(rng.next() * starts.length)])) applyMove(a);
          for (const m of moved) setOwner(m, true);
        }
        history.fill(ev.cost);
        continue;
      }

      const a = pickActivity();
      const starts = startsOf(a);
      if (!prepareMove(a, starts[Math.floor(rng.next() * starts.length)])) continue;
      const before = ev.cost;
      applyMove(a);
      const after = ev.cost;
      const h = history[iter % HISTORY];
      if (after <= before || after <= h) {
        for (const m of moved) setOwner(m, true);
        if (after < h) history[iter % HISTORY] = after;
        if (after < bestCost - 1e-9) {
          bestCost = after; bestHard = ev.hard; bestSoft = ev.soft;
          for (let k = 0; k < n; k++) { bestSlots[k] = ev.slot[k]; bestRooms[k] = ev.room[k]; }
          sinceImprove = 0;
          lastImprove = iter;
          if (bestHard === 0 && feasibleMs === null) feasibleMs = now() - t0;
        }
      } else {
        ev.begin();
        for (const m of moved) ev.remove(m);
        moved.forEach((m, k) => ev.place(m, oldSlot[k], oldRoom[k]));
        ev.commit();
        for (const m of moved) setOwner(m, true);
      }
    }
  } else stopped = 'done';

  const result: SolveResult = {
    slots: bestSlots, roomOf: bestRooms, iterations: iter, ms: now() - t0, hard: bestHard, soft: bestSoft, feasibleMs, stopped, expectedIterations: iter,
  };
  hooks.onProgress?.(result);
  return result;
}

/** A start slot where an activity of this length fits: inside one day, and a double period not split by a break. */
export function validStart(p: Pick<Problem, 'periodsPerDay' | 'breakAfter' | 'days'>, s: number, len: number): boolean {
  const q = s % p.periodsPerDay;
  if (s < 0 || s >= p.days * p.periodsPerDay) return false;
  if (q + len > p.periodsPerDay) return false;
  for (let i = 0; i < len - 1; i++) if (p.breakAfter[q + i]) return false;
  return true;
}

/** The cost the search minimises, for reporting a state's weighted total. */
export const totalCost = (hard: number, soft: number) => hard * HARD_WEIGHT + soft;
