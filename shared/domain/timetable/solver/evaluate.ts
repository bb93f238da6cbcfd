/**
 * The solver's state and its score, kept up to date move by move. Hard violations are counted incrementally
 * (occupancy counters per class/teacher/room slot and per class-subject day); soft costs live in components
 * (a class-subject's spread, a class's day, a teacher's day, a 备课组) that a move re-evaluates only where it
 * touched, plus each activity's own slot cost. `breakdown()` recomputes everything from scratch; tests check that
 * it equals the incremental totals after many moves.
 */
import type { Problem } from './model';

export const HARD_WEIGHT = 100_000;

export interface HardBreakdown {
  classClash: number; teacherClash: number; roomOver: number; notAllowed: number; dailyMax: number; unplaced: number;
}
export interface SoftBreakdown {
  slots: number; spread: number; classBalance: number; teacherDay: number; prep: number; moved: number;
}

export class Evaluator {
  readonly S: number;
  readonly D: number;
  readonly P: number;
  readonly slot: Int32Array;
  readonly room: Int32Array;
  private readonly classOcc: Int16Array;
  private readonly teacherOcc: Int16Array;
  private readonly roomOcc: Int16Array;
  /** Lessons per class-subject and day (hard daily maximum) and occasions (a double counts once; soft spread). */
  private readonly csLessons: Int16Array;
  private readonly csOcc: Int16Array;
  private readonly classDay: Int16Array;
  /** Groups each teacher belongs to. */
  private readonly teacherGroups: number[][];
  /** Component costs cached (spread | class | teacherDay | group), and their layout. */
  private readonly comp: Float64Array;
  private readonly baseClass: number;
  private readonly baseTeacherDay: number;
  private readonly baseGroup: number;
  private readonly touchedStamp: Int32Array;
  private stamp = 1;
  private touched: number[] = [];
  private readonly allowedSets: Uint8Array[];
  hard = 0;
  soft = 0;

  constructor(readonly p: Problem) {
    this.D = p.days;
    this.P = p.periodsPerDay;
    this.S = this.D * this.P;
    const n = p.activities.length;
    this.slot = new Int32Array(n).fill(-1);
    this.room = new Int32Array(n).fill(-1);
    this.classOcc = new Int16Array(p.classCount * this.S);
    this.teacherOcc = new Int16Array(p.teacherCount * this.S);
    this.roomOcc = new Int16Array(p.rooms.length * this.S);
    this.csLessons = new Int16Array(p.classSubjects.length * this.D);
    this.csOcc = new Int16Array(p.classSubjects.length * this.D);
    this.classDay = new Int16Array(p.classCount * this.D);
    this.teacherGroups = Array.from({ length: p.teacherCount }, () => []);
    p.prepGroups.forEach((g, gi) => { for (const t of g.teachers) this.teacherGroups[t].push(gi); });
    this.baseClass = p.classSubjects.length;
    this.baseTeacherDay = this.baseClass + p.classCount;
    this.baseGroup = this.baseTeacherDay + p.teacherCount * this.D;
    this.comp = new Float64Array(this.baseGroup + p.prepGroups.length);
    this.touchedStamp = new Int32Array(this.comp.length);
    this.allowedSets = p.allowed.map((a) => Uint8Array.from(a));
    // Every component's cost at the empty state (groups start with every slot free).
    for (let i = 0; i < this.comp.length; i++) this.comp[i] = this.componentCost(i);
    this.soft = this.comp.reduce((s, v) => s + v, 0);
    this.hard = n; // every activity starts unplaced
  }

  get cost(): number {
    return this.hard * HARD_WEIGHT + this.soft;
  }

  allowedAt(a: number, s: number): boolean {
    return this.allowedSets[this.p.activities[a].allowedId][s] === 1;
  }

  /** The activity's own soft cost at a start slot: its slot cost, and for minimal change the cells it takes from others. */
  ownCost(a: number, s: number): number {
    const act = this.p.activities[a];
    let c = this.p.slotCost[act.slotCostId][s];
    const cur = this.p.current;
    if (cur) {
      for (let k = 0; k < act.classes.length; k++) {
        for (let i = 0; i < act.length; i++) if (cur[act.classes[k] * this.S + s + i] !== act.assignments[k]) c += this.p.moveWeight;
      }
    }
    return c;
  }

  // ---- moves ----

  /** Starts a move: components touched from here on are re-costed by `commit`. */
  begin(): void {
    this.stamp++;
    this.touched.length = 0;
  }

  /** Re-costs the components the move touched; returns nothing (hard and soft are up to date after it). */
  commit(): void {
    for (const i of this.touched) {
      const v = this.componentCost(i);
      this.soft += v - this.comp[i];
      this.comp[i] = v;
    }
  }

  private touch(i: number): void {
    if (this.touchedStamp[i] !== this.stamp) {
      this.touchedStamp[i] = this.stamp;
      this.touched.push(i);
    }
  }

  /** Places activity `a` at start slot `s` (room: the given one if it has space, else the emptiest of its pool). */
  place(a: number, s: number, preferRoom = -1): void {
    const act = this.p.activities[a];
    const { S, D, P } = this;
    const day = Math.floor(s / P);
    this.slot[a] = s;
    this.hard--; // no longer unplaced
    if (!this.allowedSets[act.allowedId][s]) this.hard++;
    this.soft += this.ownCost(a, s);
    let r = -1;
    if (act.roomPool.length) {
      r = preferRoom >= 0 && act.roomPool.includes(preferRoom) && this.roomFree(preferRoom, s, act.length) ? preferRoom : this.pickRoom(act.roomPool, s, act.length);
      this.room[a] = r;
    }
    for (let i = 0; i < act.length; i++) {
      const t = s + i;
      for (const c of act.classes) {
        if (this.classOcc[c * S + t]++ >= 1) this.hard++;
      }
      for (const te of act.teachers) {
        if (this.teacherOcc[te * S + t]++ >= 1) this.hard++;
        this.touch(this.baseTeacherDay + te * D + day);
        for (const g of this.teacherGroups[te]) this.touch(this.baseGroup + g);
      }
      if (r >= 0 && this.roomOcc[r * S + t]++ >= this.p.rooms[r].capacity) this.hard++;
    }
    const csList = this.p.activityCs[a];
    for (let k = 0; k < act.classes.length; k++) {
      const cs = csList[k];
      const max = this.p.classSubjects[cs].dailyMax;
      const before = this.csLessons[cs * D + day];
      this.csLessons[cs * D + day] = before + act.length;
      this.hard += Math.max(0, before + act.length - max) - Math.max(0, before - max);
      this.csOcc[cs * D + day]++;
      this.touch(cs);
      this.classDay[act.classes[k] * D + day] += act.length;
      this.touch(this.baseClass + act.classes[k]);
    }
  }

  /** Takes activity `a` out (it counts as unplaced until placed again). Returns its room, for undo. */
  remove(a: number): number {
    const act = this.p.activities[a];
    const s = this.slot[a];
    if (s < 0) return -1;
    const { S, D, P } = this;
    const day = Math.floor(s / P);
    const r = this.room[a];
    this.hard++;
    if (!this.allowedSets[act.allowedId][s]) this.hard--;
    this.soft -= this.ownCost(a, s);
    for (let i = 0; i < act.length; i++) {
      const t = s + i;
      for (const c of act.classes) {
        if (--this.classOcc[c * S + t] >= 1) this.hard--;
      }
      for (const te of act.teachers) {
        if (--this.teacherOcc[te * S + t] >= 1) this.hard--;
        this.touch(this.baseTeacherDay + te * D + day);
        for (const g of this.teacherGroups[te]) this.touch(this.baseGroup + g);
      }
      if (r >= 0 && --this.roomOcc[r * S + t] >= this.p.rooms[r].capacity) this.hard--;
    }
    const csList = this.p.activityCs[a];
    for (let k = 0; k < act.classes.length; k++) {
      const cs = csList[k];
      const max = this.p.classSubjects[cs].dailyMax;
      const before = this.csLessons[cs * D + day];
      this.csLessons[cs * D + day] = before - act.length;
      this.hard += Math.max(0, before - act.length - max) - Math.max(0, before - max);
      this.csOcc[cs * D + day]--;
      this.touch(cs);
      this.classDay[act.classes[k] * D + day] -= act.length;
      this.touch(this.baseClass + act.classes[k]);
    }
    this.slot[a] = -1;
    this.room[a] = -1;
    return r;
  }

  private roomFree(r: number, s: number, len: number): boolean {
    for (let i = 0; i < len; i++) if (this.roomOcc[r * this.S + s + i] >= this.p.rooms[r].capacity) return false;
    return true;
  }

  private pickRoom(pool: number[], s: number, len: number): number {
    let best = pool[0];
    let bestFree = -Infinity;
    for (const r of pool) {
      let free = Infinity;
      for (let i = 0; i < len; i++) free = Math.min(free, this.p.rooms[r].capacity - this.roomOcc[r * this.S + s + i]);
      if (free > bestFree) { best = r; bestFree = free; }
    }
    return best;
  }

  // ---- queries for the search ----

  classAt(c: number, s: number): number {
    return this.classOcc[c * this.S + s];
  }

  teacherAt(t: number, s: number): number {
    return this.teacherOcc[t * this.S + s];
  }

  /** Whether the activity takes part in a hard violation where it stands. */
  inViolation(a: number): boolean {
    const act = this.p.activities[a];
    const s = this.slot[a];
    if (s < 0) return true;
    if (!this.allowedSets[act.allowedId][s]) return true;
    const { S, D } = this;
    const day = Math.floor(s / this.P);
    for (let i = 0; i < act.length; i++) {
      for (const c of act.classes) if (this.classOcc[c * S + s + i] > 1) return true;
      for (const t of act.teachers) if (this.teacherOcc[t * S + s + i] > 1) return true;
      const r = this.room[a];
      if (r >= 0 && this.roomOcc[r * S + s + i] > this.p.rooms[r].capacity) return true;
    }
    for (const cs of this.p.activityCs[a]) if (this.csLessons[cs * D + day] > this.p.classSubjects[cs].dailyMax) return true;
    return false;
  }

  // ---- component costs ----

  private componentCost(i: number): number {
    if (i < this.baseClass) return this.spreadCost(i);
    if (i < this.baseTeacherDay) {
      const c = i - this.baseClass;
      const w = this.p.classBalanceWeight[c];
      return w ? this.classBalance(c) * w : 0;
    }
    if (i < this.baseGroup) {
      const k = i - this.baseTeacherDay;
      const t = Math.floor(k / this.D);
      return this.teacherDayCost(t, k - t * this.D);
    }
    return this.groupCost(i - this.baseGroup);
  }

  /**
   * A class's uneven days: the sum of squares of its lessons per day above the least it could be with the lessons
   * it has placed (spread evenly). Never negative, also for an incomplete timetable.
   */
  private classBalance(c: number): number {
    let total = 0;
    let squares = 0;
    for (let d = 0; d < this.D; d++) {
      const n = this.classDay[c * this.D + d];
      total += n;
      squares += n * n;
    }
    const q = Math.floor(total / this.D);
    const r = total - q * this.D;
    return squares - (r * (q + 1) * (q + 1) + (this.D - r) * q * q);
  }

  private spreadCost(cs: number): number {
    const rule = this.p.classSubjects[cs];
    if (!rule.spreadWeight) return 0;
    const { D } = this;
    let pairs = 0;
    for (let d = 0; d < D; d++) {
      const c = this.csOcc[cs * D + d];
      if (!c) continue;
      pairs += (c * (c - 1)) / 2;
      for (let e = d + 1; e < D && e - d < rule.minDays; e++) pairs += c * this.csOcc[cs * D + e];
    }
    return pairs * rule.spreadWeight;
  }

  private teacherDayCost(t: number, d: number): number {
    const rules = this.p.teacherRules[t];
    const base = t * this.S + d * this.P;
    let count = 0;
    let run = 0;
    let overRun = 0;
    let gaps = 0;
    let first = -1;
    let last = -1;
    const parts = this.p.parts;
    for (let q = 0; q < this.P; q++) {
      const busy = this.teacherOcc[base + q] > 0;
      if (q > 0 && parts[q] !== parts[q - 1]) {
        // A half-day ends: gaps inside it count, runs do not continue over lunch.
        if (first >= 0) gaps += last - first + 1 - this.countBusy(base, first, last);
        first = -1; run = 0;
      }
      if (busy) {
        count++;
        run++;
        if (run > rules.maxConsecutive) overRun++;
        if (first < 0) first = q;
        last = q;
      } else run = 0;
    }
    if (first >= 0) gaps += last - first + 1 - this.countBusy(base, first, last);
    return Math.max(0, count - rules.maxDaily) * rules.maxDailyWeight + overRun * rules.consecutiveWeight + gaps * rules.gapsWeight;
  }

  private countBusy(base: number, from: number, to: number): number {
    let n = 0;
    for (let q = from; q <= to; q++) if (this.teacherOcc[base + q] > 0) n++;
    return n;
  }

  private groupCost(g: number): number {
    const grp = this.p.prepGroups[g];
    for (const s of grp.slots) {
      let free = true;
      for (const t of grp.teachers) if (this.teacherOcc[t * this.S + s] > 0) { free = false; break; }
      if (free) return 0;
    }
    return grp.weight;
  }

  // ---- from scratch ----

  /** Every term recomputed from the placements (tests compare it with the incremental totals). */
  breakdown(): { hard: HardBreakdown; soft: SoftBreakdown; hardTotal: number; softTotal: number } {
    const p = this.p;
    const { S, D, P } = this;
    const hard: HardBreakdown = { classClash: 0, teacherClash: 0, roomOver: 0, notAllowed: 0, dailyMax: 0, unplaced: 0 };
    const soft: SoftBreakdown = { slots: 0, spread: 0, classBalance: 0, teacherDay: 0, prep: 0, moved: 0 };
    const classOcc = new Int16Array(p.classCount * S);
    const teacherOcc = new Int16Array(p.teacherCount * S);
    const roomOcc = new Int16Array(p.rooms.length * S);
    const csLessons = new Int16Array(p.classSubjects.length * D);
    p.activities.forEach((act, a) => {
      const s = this.slot[a];
      if (s < 0) { hard.unplaced++; return; }
      if (!this.allowedSets[act.allowedId][s]) hard.notAllowed++;
      soft.slots += p.slotCost[act.slotCostId][s];
      const own = this.ownCost(a, s);
      soft.moved += own - p.slotCost[act.slotCostId][s];
      for (let i = 0; i < act.length; i++) {
        for (const c of act.classes) classOcc[c * S + s + i]++;
        for (const t of act.teachers) teacherOcc[t * S + s + i]++;
        if (this.room[a] >= 0) roomOcc[this.room[a] * S + s + i]++;
      }
      for (const cs of p.activityCs[a]) csLessons[cs * D + Math.floor(s / P)] += act.length;
    });
    for (const v of classOcc) if (v > 1) hard.classClash += v - 1;
    for (const v of teacherOcc) if (v > 1) hard.teacherClash += v - 1;
    roomOcc.forEach((v, i) => { const cap = p.rooms[Math.floor(i / S)].capacity; if (v > cap) hard.roomOver += v - cap; });
    csLessons.forEach((v, i) => { const max = p.classSubjects[Math.floor(i / D)].dailyMax; if (v > max) hard.dailyMax += v - max; });
    for (let i = 0; i < this.comp.length; i++) {
      const v = this.componentCost(i);
      if (i < this.baseClass) soft.spread += v;
      else if (i < this.baseTeacherDay) soft.classBalance += v;
      else if (i < this.baseGroup) soft.teacherDay += v;
      else soft.prep += v;
    }
    const hardTotal = Object.values(hard).reduce((s, v) => s + v, 0);
    const softTotal = Object.values(soft).reduce((s, v) => s + v, 0);
    return { hard, soft, hardTotal, softTotal };
  }
}
