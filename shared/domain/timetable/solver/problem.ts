/**
 * From a term's data and its rules to the solver's Problem, and from a solution back to lessons. Pure: core loads
 * `SchoolData` from the database (electron/core/features/scheduling/load.ts), the bench and tests may build it by hand
 * or from a FET file.
 */
import type { RuleChecks } from '../conflicts';
import { resolveRule, type Rule } from '../rules';
import type { Problem, SolverActivity, SolveResult, TeacherRules } from './model';
import { validStart } from './search';

export interface SchoolData {
  daysPerWeek: number;
  periods: { no: number; part: 'morning' | 'afternoon' }[];
  /** Break positions: a break after period n (1-based). */
  breaksAfter: number[];
  classes: { id: number; grade: number; name: string }[];
  teachers: { id: number; name: string }[];
  subjects: { id: number; name: string; code: string | null }[];
  assignments: { id: number; classId: number; teacherId: number; subjectId: number; weekly: number }[];
  /** Rooms with the subjects linked to them (archived rooms left out). */
  rooms: { id: number; name: string; capacity: number; subjectIds: number[] }[];
  unavailable: { teacherId: number; day: number; period: number }[];
  groups: { id: number; kind: '教研组' | '备课组'; name: string; subjectId: number | null; grade: number | null; teacherIds: number[] }[];
  /** The current timetable. */
  lessons: { classId: number; day: number; period: number; assignmentId: number; roomId: number | null; locked: boolean; combinedKey: string | null }[];
}

export interface BuildOptions {
  /** Generate only this grade's classes; the others keep their lessons (fixed). */
  grade?: number | null;
  /** Keep nothing, the locked lessons, or every placed lesson (then only the missing ones are generated). */
  keep: 'none' | 'locked' | 'placed';
  /** Repair: start from the current timetable and charge every lesson that leaves its cell. */
  minimalChange?: boolean;
}

/** What maps the solver's indices back to the school. */
export interface ProblemMeta {
  classIds: number[];
  teacherIds: number[];
  roomIds: number[];
  /** Per activity: a combined key when it teaches several classes together. */
  combinedKeys: (string | null)[];
  /** Activities that were fixed because they are locked (vs. kept or outside the grade). */
  locked: boolean[];
  /** Weekly periods of each assignment the problem places (for the failure explanation and checks). */
  assignments: SchoolData['assignments'];
  /** Subjects that must be taught in a special room of which none is open (all archived or none linked). */
  roomless: number[];
}

/** The class and teacher slots the fixed events of the rules take (班会 for the school or a grade, a group's 教研 half-day). */
export function fixedEventSlots(data: Pick<SchoolData, 'daysPerWeek' | 'periods' | 'classes' | 'groups'>, rules: Rule[]): RuleChecks['blocked'] {
  const out: RuleChecks['blocked'] = [];
  const P = data.periods.length;
  for (const r of rules) {
    if (r.kind !== 'fixedEvent' || !r.enabled || !r.params.day || r.params.day > data.daysPerWeek) continue;
    const name = r.params.name ?? '';
    for (const period of (r.params.periods ?? []).filter((q) => q >= 1 && q <= P)) {
      if (r.scope === 'group') {
        for (const teacherId of data.groups.find((g) => g.id === r.scopeId)?.teacherIds ?? []) out.push({ teacherId, day: r.params.day, period, name });
      } else {
        for (const c of data.classes) if (r.scope === 'school' || c.grade === r.scopeId) out.push({ classId: c.id, day: r.params.day, period, name });
      }
    }
  }
  return out;
}

/** What the conflict engine checks of the rules: fixed events and each class-subject's daily maximum. */
export function ruleChecks(data: SchoolData, rules: Rule[]): RuleChecks {
  const grade = new Map(data.classes.map((c) => [c.id, c.grade]));
  const pairs = new Map<string, { classId: number; subjectId: number }>();
  for (const a of data.assignments) if (grade.has(a.classId)) pairs.set(`${a.classId}:${a.subjectId}`, { classId: a.classId, subjectId: a.subjectId });
  const dailyMax: RuleChecks['dailyMax'] = [];
  for (const p of pairs.values()) {
    const r = resolveRule(rules, 'subjectDailyMax', { ...p, grade: grade.get(p.classId) });
    if (r?.params.max) dailyMax.push({ ...p, max: r.params.max });
  }
  return { blocked: fixedEventSlots(data, rules), dailyMax };
}

export interface GeneratedLesson { classId: number; day: number; period: number; assignmentId: number; roomId: number | null; locked: boolean; combinedKey: string | null }

const MOVE_WEIGHT = 200;

export function buildProblem(data: SchoolData, rules: Rule[], opts: BuildOptions): { problem: Problem; meta: ProblemMeta } {
  const D = data.daysPerWeek;
  const periods = [...data.periods].sort((a, b) => a.no - b.no);
  const P = periods.length;
  const S = D * P;
  const parts = periods.map((p) => p.part);
  const breakAfter = periods.map((p) => data.breaksAfter.includes(p.no) || (p.part === 'morning' && parts[p.no] === 'afternoon'));
  const grid = { days: D, periodsPerDay: P, breakAfter };
  const slot = (day: number, period: number) => (day - 1) * P + period - 1;

  const classIdx = new Map(data.classes.map((c, i) => [c.id, i]));
  const gradeOf = new Map(data.classes.map((c) => [c.id, c.grade]));
  const teacherIdx = new Map(data.teachers.map((t, i) => [t.id, i]));
  const assignmentById = new Map(data.assignments.map((a) => [a.id, a]));
  const groupsOfTeacher = new Map<number, number[]>();
  for (const g of data.groups) for (const t of g.teacherIds) groupsOfTeacher.set(t, [...(groupsOfTeacher.get(t) ?? []), g.id]);

  // Rooms a subject must use (needsRoom), from the rooms linked to it.
  const needsRoom = new Set(rules.filter((r) => r.kind === 'needsRoom' && r.enabled && r.scopeId != null).map((r) => r.scopeId!));
  const roomIds = data.rooms.filter((r) => r.subjectIds.some((s) => needsRoom.has(s))).map((r) => r.id);
  const roomIdx = new Map(roomIds.map((id, i) => [id, i]));
  const poolOf = (subjectId: number) => (needsRoom.has(subjectId) ? data.rooms.filter((r) => r.subjectIds.includes(subjectId)).map((r) => roomIdx.get(r.id)!) : []);

  // ---- blocked slots: unavailable teachers, fixed events for classes (school, grade) and teachers (group) ----
  const classBlocked = data.classes.map(() => new Uint8Array(S));
  const teacherBlocked = data.teachers.map(() => new Uint8Array(S));
  for (const u of data.unavailable) {
    const t = teacherIdx.get(u.teacherId);
    if (t !== undefined && u.day <= D && u.period <= P) teacherBlocked[t][slot(u.day, u.period)] = 1;
  }
  for (const b of fixedEventSlots(data, rules)) {
    if (b.classId != null) classBlocked[classIdx.get(b.classId)!][slot(b.day, b.period)] = 1;
    const t = b.teacherId != null ? teacherIdx.get(b.teacherId) : undefined;
    if (t !== undefined) teacherBlocked[t][slot(b.day, b.period)] = 1;
  }

  // ---- activities ----
  const activities: SolverActivity[] = [];
  const combinedKeys: (string | null)[] = [];
  const lockedFlags: boolean[] = [];
  const allowedKeys = new Map<string, number>();
  const allowed: number[][] = [];
  const slotCostKeys = new Map<string, number>();
  const slotCost: number[][] = [];
  const csKeys = new Map<string, number>();
  const classSubjects: Problem['classSubjects'] = [];
  const activityCs: number[][] = [];

  const wishCost = (teacherId: number) => {
    const r = resolveRule(rules, 'teacherWish', { teacherId });
    return r && r.weight > 0 ? { w: r.weight, slots: new Set((r.params.slots ?? []).filter((s) => s.day <= D && s.period <= P).map((s) => slot(s.day, s.period))) } : null;
  };
  const subjectWeight = (kind: 'morningSubject' | 'avoidFirstAfternoon' | 'avoidFirstMorning', subjectId: number) => {
    const r = rules.find((x) => x.kind === kind && x.enabled && x.scopeId === subjectId);
    return r ? r.weight : 0;
  };
  const firstAfternoon = parts.indexOf('afternoon');

  const csOf = (classId: number, subjectId: number) => {
    const key = `${classId}:${subjectId}`;
    let i = csKeys.get(key);
    if (i === undefined) {
      const at = { classId, subjectId, grade: gradeOf.get(classId) };
      const max = resolveRule(rules, 'subjectDailyMax', at)?.params.max ?? P;
      const spread = resolveRule(rules, 'spreadWeek', at);
      i = classSubjects.length;
      classSubjects.push({ cls: classIdx.get(classId)!, subject: subjectId, dailyMax: max, minDays: spread?.params.minDays ?? 1, spreadWeight: spread?.weight ?? 0 });
      csKeys.set(key, i);
    }
    return i;
  };

  const addActivity = (assignments: number[], length: 1 | 2, fixedSlot: number, isLocked: boolean, combinedKey: string | null) => {
    const as = assignments.map((id) => assignmentById.get(id)!);
    const classes = as.map((a) => classIdx.get(a.classId)!);
    const teachers = [...new Set(as.map((a) => teacherIdx.get(a.teacherId)!))];
    const subject = as[0].subjectId;
    const aKey = `${classes.join(',')}|${teachers.join(',')}|${length}`;
    let allowedId = allowedKeys.get(aKey);
    if (allowedId === undefined) {
      const row = Array.from({ length: S }, (_, s) => {
        if (!validStart(grid, s, length)) return 0;
        for (let i = 0; i < length; i++) {
          if (classes.some((c) => classBlocked[c][s + i]) || teachers.some((t) => teacherBlocked[t][s + i])) return 0;
        }
        return 1;
      });
      allowedId = allowed.length;
      allowed.push(row);
      allowedKeys.set(aKey, allowedId);
    }
    const cKey = `${subject}|${as.map((a) => a.teacherId).join(',')}|${length}`;
    let slotCostId = slotCostKeys.get(cKey);
    if (slotCostId === undefined) {
      const morning = subjectWeight('morningSubject', subject);
      const noAfterLunch = subjectWeight('avoidFirstAfternoon', subject);
      const noFirst = subjectWeight('avoidFirstMorning', subject);
      const wishes = [...new Set(as.map((a) => a.teacherId))].map(wishCost).filter((w) => w !== null);
      const row = Array.from({ length: S }, (_, s) => {
        let c = 0;
        for (let i = 0; i < length && s + i < S; i++) {
          const q = (s + i) % P;
          if (parts[q] === 'afternoon') c += morning;
          if (q === firstAfternoon) c += noAfterLunch;
          if (q === 0) c += noFirst;
          for (const w of wishes) if (w!.slots.has(s + i)) c += w!.w;
        }
        return c;
      });
      slotCostId = slotCost.length;
      slotCost.push(row);
      slotCostKeys.set(cKey, slotCostId);
    }
    activities.push({
      classes, assignments, teachers, subject, length, roomPool: poolOf(subject), fixedSlot, startSlot: fixedSlot, startRoom: -1, allowedId, slotCostId,
    });
    activityCs.push(as.map((a) => csOf(a.classId, a.subjectId)));
    combinedKeys.push(combinedKey);
    lockedFlags.push(isLocked);
    return activities.length - 1;
  };

  // Current lessons by assignment (their cells), within the grid.
  const current = data.lessons.filter((l) => l.day <= D && l.period <= P && assignmentById.has(l.assignmentId) && classIdx.has(l.classId));
  const lessonsOf = new Map<number, typeof current>();
  for (const l of current) lessonsOf.set(l.assignmentId, [...(lessonsOf.get(l.assignmentId) ?? []), l]);
  const inScope = (classId: number) => opts.grade == null || gradeOf.get(classId) === opts.grade;
  const remaining = new Map(data.assignments.map((a) => [a.id, a.weekly]));
  const roomOfLesson = new Map<number, number>(); // activity -> start room

  // 1. Fixed lessons: outside the grade, locked, or every placed one when asked to keep them.
  const used = new Set<(typeof current)[number]>();
  const fixedGroups = new Map<string, (typeof current)[number][]>();
  for (const l of current) {
    const keep = !inScope(l.classId) || opts.keep === 'placed' || (l.locked && opts.keep !== 'none') || (l.locked && opts.minimalChange);
    if (!keep) continue;
    used.add(l);
    const a = assignmentById.get(l.assignmentId)!;
    // A kept combined lesson stays one activity for its classes.
    const key = l.combinedKey ? `k:${l.combinedKey}:${l.day}:${l.period}:${a.teacherId}:${a.subjectId}` : `l:${l.classId}:${l.day}:${l.period}`;
    fixedGroups.set(key, [...(fixedGroups.get(key) ?? []), l]);
  }
  for (const group of fixedGroups.values()) {
    const first = group[0];
    const i = addActivity(group.map((l) => l.assignmentId), 1, slot(first.day, first.period), group.some((l) => l.locked), group.length > 1 ? first.combinedKey : null);
    if (first.roomId != null && roomIdx.has(first.roomId)) roomOfLesson.set(i, roomIdx.get(first.roomId)!);
    for (const l of group) remaining.set(l.assignmentId, remaining.get(l.assignmentId)! - 1);
  }

  // 2. Combined classes (合班课) declared as rules, for the assignments in scope.
  let combinedNo = 0;
  for (const r of rules) {
    if (r.kind !== 'combinedClasses' || !r.enabled) continue;
    const ids = (r.params.assignmentIds ?? []).filter((id) => assignmentById.has(id) && inScope(assignmentById.get(id)!.classId));
    if (ids.length < 2) continue;
    combinedNo++;
    const n = Math.min(r.params.count ?? 1, ...ids.map((id) => remaining.get(id)!));
    for (let k = 0; k < n; k++) addActivity(ids, 1, -1, false, `合班${combinedNo}`);
    for (const id of ids) remaining.set(id, remaining.get(id)! - n);
  }

  // 3. Double periods, then single lessons.
  for (const a of data.assignments) {
    if (!inScope(a.classId)) continue;
    let left = remaining.get(a.id)!;
    if (left <= 0) continue;
    const rule = rules.find((r) => r.kind === 'doublePeriods' && r.enabled && r.scopeId === a.subjectId
      && (!(r.params.grades ?? []).length || r.params.grades!.includes(gradeOf.get(a.classId)!)));
    const doubles = rule ? Math.min(rule.params.count ?? 0, Math.floor(left / 2)) : 0;
    for (let k = 0; k < doubles; k++) addActivity([a.id], 2, -1, false, null);
    left -= doubles * 2;
    for (let k = 0; k < left; k++) addActivity([a.id], 1, -1, false, null);
  }

  // Start slots for the free activities from the current lessons (minimal change): doubles first, on two
  // consecutive cells of their assignment; singles on any cell left.
  const free = activities.map((a, i) => i).filter((i) => activities[i].fixedSlot < 0);
  const left = new Map<number, (typeof current)[number][]>();
  for (const l of current) if (!used.has(l)) left.set(l.assignmentId, [...(left.get(l.assignmentId) ?? []), l]);
  for (const i of [...free.filter((i) => activities[i].length === 2), ...free.filter((i) => activities[i].length === 1)]) {
    const act = activities[i];
    const pool = left.get(act.assignments[0]) ?? [];
    let pick: number[] = [];
    if (act.length === 2) {
      for (const l of pool) {
        const s = slot(l.day, l.period);
        const next = pool.find((m) => slot(m.day, m.period) === s + 1);
        if (next && validStart(grid, s, 2)) { pick = [pool.indexOf(l), pool.indexOf(next)]; break; }
      }
    } else if (act.classes.length > 1) {
      // A combined lesson: a cell where every class has its assignment at the same time.
      for (const l of pool) {
        const s = slot(l.day, l.period);
        if (act.assignments.every((id) => (left.get(id) ?? []).some((m) => slot(m.day, m.period) === s))) { pick = [pool.indexOf(l)]; break; }
      }
    } else if (pool.length) pick = [0];
    if (!pick.length) continue;
    const first = pool[pick[0]];
    act.startSlot = slot(first.day, first.period);
    if (first.roomId != null && roomIdx.has(first.roomId)) roomOfLesson.set(i, roomIdx.get(first.roomId)!);
    if (act.classes.length > 1) {
      for (const id of act.assignments) {
        const list = left.get(id)!;
        list.splice(list.findIndex((m) => slot(m.day, m.period) === act.startSlot), 1);
      }
    } else for (const k of [...pick].sort((x, y) => y - x)) pool.splice(k, 1);
  }
  for (const [i, r] of roomOfLesson) activities[i].startRoom = r;

  // ---- teachers, classes, groups ----
  const teacherRules: TeacherRules[] = data.teachers.map((t) => {
    const at = { teacherId: t.id, groupIds: groupsOfTeacher.get(t.id) ?? [] };
    const daily = resolveRule(rules, 'teacherDailyMax', at);
    const consec = resolveRule(rules, 'teacherMaxConsecutive', at);
    const gaps = resolveRule(rules, 'teacherGaps', at);
    return {
      maxDaily: daily?.params.max ?? P, maxDailyWeight: daily?.weight ?? 0,
      maxConsecutive: consec?.params.max ?? P, consecutiveWeight: consec?.weight ?? 0,
      gapsWeight: gaps?.weight ?? 0,
    };
  });
  const classBalanceWeight = data.classes.map((c) => resolveRule(rules, 'classBalance', { classId: c.id, grade: c.grade })?.weight ?? 0);
  const teaching = new Set(activities.flatMap((a) => a.teachers));
  const prepGroups = data.groups
    .filter((g) => g.kind === '备课组')
    .map((g) => {
      const teachers = [...new Set(g.teacherIds.map((t) => teacherIdx.get(t)).filter((t): t is number => t !== undefined && teaching.has(t)))];
      const slots = Array.from({ length: S }, (_, s) => s).filter((s) => teachers.every((t) => !teacherBlocked[t][s]));
      return { teachers, slots, weight: resolveRule(rules, 'commonPrep', { groupIds: [g.id] })?.weight ?? 0 };
    })
    .filter((g) => g.teachers.length >= 2 && g.weight > 0);

  let currentGrid: number[] | null = null;
  if (opts.minimalChange) {
    currentGrid = new Array<number>(data.classes.length * S).fill(-1);
    for (const l of current) currentGrid[classIdx.get(l.classId)! * S + slot(l.day, l.period)] = l.assignmentId;
  }

  const problem: Problem = {
    days: D, periodsPerDay: P, breakAfter, parts, classCount: data.classes.length, teacherCount: data.teachers.length,
    rooms: roomIds.map((id) => ({ capacity: data.rooms.find((r) => r.id === id)!.capacity })),
    activities, allowed, slotCost, classSubjects, activityCs, teacherRules, classBalanceWeight, prepGroups,
    current: currentGrid, moveWeight: MOVE_WEIGHT,
  };
  return {
    problem,
    meta: {
      classIds: data.classes.map((c) => c.id), teacherIds: data.teachers.map((t) => t.id), roomIds, combinedKeys, locked: lockedFlags, assignments: data.assignments,
      roomless: [...needsRoom].filter((sid) => !data.rooms.some((r) => r.subjectIds.includes(sid)) && data.assignments.some((a) => a.subjectId === sid && a.weekly > 0)),
    },
  };
}

/** The lessons of a solution: one per class and period an activity covers. */
export function solutionLessons(problem: Problem, meta: ProblemMeta, result: Pick<SolveResult, 'slots' | 'roomOf'>): GeneratedLesson[] {
  const P = problem.periodsPerDay;
  const out: GeneratedLesson[] = [];
  problem.activities.forEach((act, i) => {
    const s = result.slots[i];
    if (s < 0) return;
    for (let k = 0; k < act.classes.length; k++) {
      for (let j = 0; j < act.length; j++) {
        out.push({
          classId: meta.classIds[act.classes[k]], day: Math.floor((s + j) / P) + 1, period: ((s + j) % P) + 1, assignmentId: act.assignments[k],
          roomId: result.roomOf[i] >= 0 ? meta.roomIds[result.roomOf[i]] : null, locked: meta.locked[i], combinedKey: meta.combinedKeys[i],
        });
      }
    }
  });
  return out.sort((a, b) => a.classId - b.classId || a.day - b.day || a.period - b.period);
}
