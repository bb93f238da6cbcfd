/**
 * Why no timetable can exist: counting arguments checked before searching (each names the rules and data that
 * cannot all hold), and after a search that ended with hard violations, what is still broken, by kind. The
 * arguments are necessary conditions only: passing them does not promise a timetable, failing one proves there
 * is none.
 */
import type { InfeasibleReason } from '../../../contract/scheduling';
import { Evaluator, type HardBreakdown } from './evaluate';
import type { Problem } from './model';
import type { ProblemMeta, SchoolData } from './problem';

export function explainInfeasible(problem: Problem, meta: ProblemMeta, data: SchoolData): InfeasibleReason[] {
  const reasons: InfeasibleReason[] = [];
  const S = problem.days * problem.periodsPerDay;
  const P = problem.periodsPerDay;
  const acts = problem.activities;
  const className = new Map(data.classes.map((c) => [c.id, c.name]));
  const teacherName = new Map(data.teachers.map((t) => [t.id, t.name]));
  const subjectName = new Map(data.subjects.map((s) => [s.id, s.name]));
  const allowed = problem.allowed;
  /** Slots (not start slots) an activity could cover: any slot of an allowed start. */
  // Activities share their allowed rows: one coverage per (row, length).
  const coverage = new Map<string, Uint8Array>();
  const coverable = (a: number) => {
    const act = acts[a];
    const key = `${act.allowedId}:${act.length}`;
    let set = coverage.get(key);
    if (!set) {
      set = new Uint8Array(S);
      for (let s = 0; s < S; s++) if (allowed[act.allowedId][s]) for (let i = 0; i < act.length; i++) set[s + i] = 1;
      coverage.set(key, set);
    }
    return set;
  };

  // 0. A subject that must use a special room when none is open (a room closed).
  for (const sid of meta.roomless) reasons.push({ key: 'subjectNoRoom', params: { subject: subjectName.get(sid) ?? '' }, refs: [`subject:${sid}`, 'rule:needsRoom'] });

  // 1. An activity with no allowed start at all.
  acts.forEach((act) => {
    if (act.fixedSlot >= 0 || allowed[act.allowedId].some((v) => v)) return;
    reasons.push({
      key: 'activityNoSlot',
      params: { class: act.classes.map((c) => className.get(meta.classIds[c])).join('、'), subject: subjectName.get(act.subject) ?? '', teacher: act.teachers.map((t) => teacherName.get(meta.teacherIds[t])).join('、') },
      refs: [...act.teachers.map((t) => `teacher:${meta.teacherIds[t]}`), ...act.classes.map((c) => `class:${meta.classIds[c]}`)],
    });
  });

  // 2. A teacher or a class with more lessons than the periods left to them.
  const perTeacher = new Map<number, number[]>();
  const perClass = new Map<number, number[]>();
  acts.forEach((act, a) => {
    for (const t of act.teachers) perTeacher.set(t, [...(perTeacher.get(t) ?? []), a]);
    for (const c of act.classes) perClass.set(c, [...(perClass.get(c) ?? []), a]);
  });
  const union = (list: number[]) => {
    const set = new Uint8Array(S);
    for (const a of list) coverable(a).forEach((v, s) => { if (v) set[s] = 1; });
    return set.reduce((n, v) => n + v, 0);
  };
  for (const [t, list] of perTeacher) {
    const lessons = list.reduce((n, a) => n + acts[a].length, 0);
    const available = union(list);
    if (lessons > available) reasons.push({ key: 'teacherOverloaded', params: { teacher: teacherName.get(meta.teacherIds[t]) ?? '', lessons, available }, refs: [`teacher:${meta.teacherIds[t]}`, 'rule:fixedEvent'] });
  }
  for (const [c, list] of perClass) {
    const lessons = list.reduce((n, a) => n + acts[a].length, 0);
    const available = union(list);
    if (lessons > available) reasons.push({ key: 'classOverloaded', params: { class: className.get(meta.classIds[c]) ?? '', lessons, available }, refs: [`class:${meta.classIds[c]}`, 'rule:fixedEvent'] });
  }

  // 3. Special rooms: lessons that need a room of a pool against the pool's capacity over the slots they may use.
  const pools = new Map<string, number[]>();
  acts.forEach((act, a) => { if (act.roomPool.length) pools.set(act.roomPool.join(','), [...(pools.get(act.roomPool.join(',')) ?? []), a]); });
  for (const [key, list] of pools) {
    const rooms = key.split(',').map(Number);
    const lessons = list.reduce((n, a) => n + acts[a].length, 0);
    const slots = union(list);
    const available = slots * rooms.reduce((n, r) => n + problem.rooms[r].capacity, 0);
    if (lessons > available) {
      const names = rooms.map((r) => data.rooms.find((x) => x.id === meta.roomIds[r])?.name ?? '').join('、');
      reasons.push({ key: 'roomOverbooked', params: { room: names, lessons, available }, refs: rooms.map((r) => `room:${meta.roomIds[r]}`) });
    }
  }

  // 4. A subject's daily maximum times the days it can be taught is below its weekly lessons.
  const byCs = new Map<number, number[]>();
  problem.activityCs.forEach((list, a) => { for (const i of list) byCs.set(i, [...(byCs.get(i) ?? []), a]); });
  problem.classSubjects.forEach((cs, i) => {
    const list = byCs.get(i) ?? [];
    const weekly = list.reduce((n, a) => n + acts[a].length, 0);
    const days = new Set<number>();
    for (const a of list) coverable(a).forEach((v, s) => { if (v) days.add(Math.floor(s / P)); });
    if (weekly > cs.dailyMax * days.size) {
      reasons.push({
        key: 'dailyMaxTooLow',
        params: { class: className.get(meta.classIds[cs.cls]) ?? '', subject: subjectName.get(cs.subject) ?? '', weekly, max: cs.dailyMax, days: days.size },
        refs: ['rule:subjectDailyMax', `class:${meta.classIds[cs.cls]}`],
      });
    }
  });

  // 5. Locked lessons that clash with each other.
  const fixedCells = new Map<string, number>();
  acts.forEach((act) => {
    if (act.fixedSlot < 0) return;
    for (let i = 0; i < act.length; i++) {
      for (const t of act.teachers) {
        const k = `t${t}:${act.fixedSlot + i}`;
        fixedCells.set(k, (fixedCells.get(k) ?? 0) + 1);
        if (fixedCells.get(k) === 2) {
          const s = act.fixedSlot + i;
          reasons.push({ key: 'lockedClash', params: { class: act.classes.map((c) => className.get(meta.classIds[c])).join('、'), day: Math.floor(s / P) + 1, period: (s % P) + 1 }, refs: [`teacher:${meta.teacherIds[t]}`] });
        }
      }
    }
  });
  return reasons;
}

/** After a search: the hard violations left in the result, by kind. */
export function residualReasons(problem: Problem, slots: number[], rooms: number[]): InfeasibleReason[] {
  const ev = new Evaluator(problem);
  slots.forEach((s, a) => { if (s >= 0) { ev.begin(); ev.place(a, s, rooms[a]); ev.commit(); } });
  const hard = ev.breakdown().hard;
  return (Object.keys(hard) as (keyof HardBreakdown)[]).filter((k) => hard[k] > 0).map((k) => ({ key: 'hardLeft', params: { kind: k, count: hard[k] }, refs: [] }));
}
