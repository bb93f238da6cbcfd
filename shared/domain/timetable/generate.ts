/**
 * A simple deterministic greedy timetable generator (for the sample and benchmark schools, and a starting point
 * for a real school). It places each assignment's weekly periods in its class's grid, never putting a teacher in
 * two places at once, in a slot the teacher marked unavailable, or more classes in a room than it holds. Costs
 * spread a subject over the week (at most ceil(weekly / days) a day), keep main subjects in the morning and
 * activity subjects (体育, 艺术, 劳动...) in the afternoon, and balance each class's days. A lesson that finds
 * no free slot gets one repair attempt: move one of the class's own lessons to a free cell to make room.
 */

export interface GenAssignment { id: number; classId: number; teacherId: number; subjectId: number; weeklyPeriods: number }
export interface GenRoom { id: number; capacity: number; subjectIds: number[] }
export interface GenLesson { classId: number; day: number; period: number; assignmentId: number; roomId: number | null }
export interface GenInput {
  daysPerWeek: number;
  periods: { no: number; part: 'morning' | 'afternoon' }[];
  assignments: GenAssignment[];
  /** Rooms whose subjects must be taught there (a lesson of such a subject gets one of them, within capacity). */
  rooms?: GenRoom[];
  unavailable?: { teacherId: number; day: number; period: number }[];
  /** Lessons already placed (e.g. locked ones); they are kept and count against their assignment. */
  fixed?: GenLesson[];
  /** Subjects best taught in the morning (语文, 数学, 英语...). */
  morningSubjectIds?: number[];
  /** Subjects best taught in the afternoon (体育, 音乐, 美术, 劳动...). */
  afternoonSubjectIds?: number[];
}
export interface GenResult { lessons: GenLesson[]; unplaced: { assignmentId: number; missing: number }[] }

interface Placed { a: GenAssignment; slot: number; roomId: number | null; fixed: boolean }

export function generateTimetable(input: GenInput): GenResult {
  const P = input.periods.length;
  const D = input.daysPerWeek;
  const S = D * P;
  const parts = [...input.periods].sort((x, y) => x.no - y.no).map((p) => p.part);
  const dayOf = (s: number) => Math.floor(s / P) + 1;
  const periodOf = (s: number) => (s % P) + 1;
  const morning = new Set(input.morningSubjectIds ?? []);
  const afternoon = new Set(input.afternoonSubjectIds ?? []);

  const byId = new Map(input.assignments.map((a) => [a.id, a]));
  const classGrid = new Map<number, (Placed | null)[]>();
  const grid = (classId: number) => {
    let g = classGrid.get(classId);
    if (!g) { g = new Array<Placed | null>(S).fill(null); classGrid.set(classId, g); }
    return g;
  };
  const teacherBusy = new Map<number, Uint8Array>();
  const busy = (t: number) => {
    let b = teacherBusy.get(t);
    if (!b) { b = new Uint8Array(S); teacherBusy.set(t, b); }
    return b;
  };
  const blocked = new Set((input.unavailable ?? []).filter((u) => u.day <= D && u.period <= P).map((u) => `${u.teacherId}:${(u.day - 1) * P + u.period - 1}`));
  const roomsFor = new Map<number, GenRoom[]>();
  for (const r of input.rooms ?? []) for (const sid of r.subjectIds) roomsFor.set(sid, [...(roomsFor.get(sid) ?? []), r]);
  const roomUse = new Map<number, Uint16Array>();
  const use = (roomId: number) => {
    let u = roomUse.get(roomId);
    if (!u) { u = new Uint16Array(S); roomUse.set(roomId, u); }
    return u;
  };
  /** Lessons of a class's subject per day, for spreading. */
  const perDay = new Map<string, number>();
  const dayKey = (a: GenAssignment, day: number) => `${a.classId}:${a.subjectId}:${day}`;
  const placedCount = new Map<number, number>();

  const put = (p: Placed) => {
    grid(p.a.classId)[p.slot] = p;
    busy(p.a.teacherId)[p.slot] = 1;
    if (p.roomId != null) use(p.roomId)[p.slot]++;
    const k = dayKey(p.a, dayOf(p.slot));
    perDay.set(k, (perDay.get(k) ?? 0) + 1);
    placedCount.set(p.a.id, (placedCount.get(p.a.id) ?? 0) + 1);
  };
  const take = (p: Placed) => {
    grid(p.a.classId)[p.slot] = null;
    busy(p.a.teacherId)[p.slot] = 0;
    if (p.roomId != null) use(p.roomId)[p.slot]--;
    const k = dayKey(p.a, dayOf(p.slot));
    perDay.set(k, (perDay.get(k) ?? 0) - 1);
    placedCount.set(p.a.id, (placedCount.get(p.a.id) ?? 0) - 1);
  };
  /** A room with space at the slot (the emptiest first), undefined if the subject needs one and none is free, null if it needs none. */
  const roomAt = (a: GenAssignment, slot: number): number | null | undefined => {
    const rooms = roomsFor.get(a.subjectId);
    if (!rooms) return null;
    let best: GenRoom | undefined;
    let bestFree = 0;
    for (const r of rooms) {
      const free = r.capacity - (roomUse.get(r.id)?.[slot] ?? 0);
      if (free > bestFree) { best = r; bestFree = free; }
    }
    return best?.id;
  };
  const teacherFree = (a: GenAssignment, slot: number) => !busy(a.teacherId)[slot] && !blocked.has(`${a.teacherId}:${slot}`);

  for (const f of input.fixed ?? []) {
    const a = byId.get(f.assignmentId);
    if (!a || f.day > D || f.period > P) continue;
    const slot = (f.day - 1) * P + f.period - 1;
    if (grid(a.classId)[slot]) continue;
    put({ a, slot, roomId: f.roomId, fixed: true });
  }

  const cost = (a: GenAssignment, slot: number): number => {
    const day = dayOf(slot);
    const pi = slot % P;
    const g = grid(a.classId);
    const maxPerDay = Math.ceil(a.weeklyPeriods / D);
    const same = perDay.get(dayKey(a, day)) ?? 0;
    let c = same >= maxPerDay ? 100 : same * 20;
    // Two lessons of a subject in a row only when it must have two a day.
    const prev = pi > 0 ? g[slot - 1] : null;
    const next = pi < P - 1 ? g[slot + 1] : null;
    if (prev?.a.subjectId === a.subjectId || next?.a.subjectId === a.subjectId) c += 6;
    if (morning.has(a.subjectId)) c += parts[pi] === 'afternoon' ? 8 : pi * 0.5;
    else if (afternoon.has(a.subjectId)) c += parts[pi] === 'morning' ? 4 : 0;
    else c += parts[pi] === 'afternoon' ? 1 : 0;
    // Even days for the class and the teacher; the last period of the day is the least liked.
    let classDay = 0;
    let teacherDay = 0;
    const tb = busy(a.teacherId);
    for (let s = (day - 1) * P; s < day * P; s++) { if (g[s]) classDay++; if (tb[s]) teacherDay++; }
    c += classDay * 1.5 + teacherDay * 1.2 + (pi === P - 1 ? 1 : 0);
    return c;
  };

  // Hardest first: main subjects (they compete for mornings), then busy teachers, then large weekly counts.
  const teacherLoad = new Map<number, number>();
  for (const a of input.assignments) teacherLoad.set(a.teacherId, (teacherLoad.get(a.teacherId) ?? 0) + a.weeklyPeriods);
  const rank = (a: GenAssignment) => (roomsFor.has(a.subjectId) ? 0 : morning.has(a.subjectId) ? 1 : 2);
  const order = [...input.assignments].sort((x, y) => rank(x) - rank(y)
    || (teacherLoad.get(y.teacherId)! - teacherLoad.get(x.teacherId)!) || y.weeklyPeriods - x.weeklyPeriods || x.id - y.id);

  /** Moves one lesson of the class to a free cell so that `a` can take its slot. */
  const repair = (a: GenAssignment): boolean => {
    const g = grid(a.classId);
    for (let f = 0; f < S; f++) {
      if (g[f]) continue;
      for (let s = 0; s < S; s++) {
        const other = g[s];
        if (!other || other.fixed || !teacherFree(a, s)) continue;
        const roomA = roomAt(a, s);
        if (roomA === undefined && !(other.roomId != null && roomsFor.get(a.subjectId)?.some((r) => r.id === other.roomId))) continue;
        take(other);
        const roomOther = teacherFree(other.a, f) ? roomAt(other.a, f) : undefined;
        const roomHere = roomAt(a, s);
        if (teacherFree(other.a, f) && roomOther !== undefined && roomHere !== undefined) {
          put({ a: other.a, slot: f, roomId: roomOther, fixed: false });
          put({ a, slot: s, roomId: roomHere, fixed: false });
          return true;
        }
        put(other);
      }
    }
    return false;
  };

  const unplaced: GenResult['unplaced'] = [];
  for (const a of order) {
    let missing = 0;
    while ((placedCount.get(a.id) ?? 0) + missing < a.weeklyPeriods) {
      const g = grid(a.classId);
      let best = -1;
      let bestCost = Infinity;
      let bestRoom: number | null = null;
      for (let s = 0; s < S; s++) {
        if (g[s] || !teacherFree(a, s)) continue;
        const room = roomAt(a, s);
        if (room === undefined) continue;
        const c = cost(a, s);
        if (c < bestCost) { best = s; bestCost = c; bestRoom = room; }
      }
      if (best >= 0) put({ a, slot: best, roomId: bestRoom, fixed: false });
      else if (!repair(a)) missing++;
    }
    if (missing) unplaced.push({ assignmentId: a.id, missing });
  }

  const lessons: GenLesson[] = [];
  for (const [classId, g] of classGrid) {
    g.forEach((p, s) => { if (p && !p.fixed) lessons.push({ classId, day: dayOf(s), period: periodOf(s), assignmentId: p.a.id, roomId: p.roomId }); });
  }
  lessons.sort((x, y) => x.classId - y.classId || x.day - y.day || x.period - y.period);
  return { lessons, unplaced };
}
