/**
 * The conflict engine. Lessons are kept in buckets (per teacher-slot, per room-slot, per assignment); a bucket's
 * conflicts depend only on the lessons in it, so an edit re-evaluates only the buckets it touched. Pure TS, used by
 * core (the conflict list and edit results) and by the renderer (instant feedback while editing).
 *
 * Conflicts and their ids (stable across rebuilds, so the UI can keep a selection):
 * - teacherClash:t{teacher}:d{day}p{period}   a teacher in two classes at once, unless all those lessons share the
 *                                              same non-null combinedKey (a declared 合班课)
 * - teacherUnavailable:t{teacher}:d{day}p{period}  a lesson in a slot the teacher marked unavailable
 * - roomOverCapacity:r{room}:d{day}p{period}  more classes in a room than it holds (a combined lesson counts once)
 * - overAssigned:a{assignment}                more lessons of an assignment than its weekly periods (slot null)
 * - fixedEvent:c{class}:d{day}p{period}       a lesson in a fixed event of the class (班会, 升旗...) or
 *   fixedEvent:t{teacher}:d{day}p{period}     of the teacher (a teaching group's 教研 half-day); from the 排课规则
 * - dailyMax:m{class}:s{subject}:d{day}       more lessons of a subject in a class's day than the rules allow
 */
import type { Conflict, ConflictKind, RuleChecks } from '../../contract/timetable';

export type { RuleChecks };

export interface IndexLesson {
  /** The lesson id (the renderer may use negative ids for lessons not saved yet). */
  id: number;
  classId: number;
  day: number;
  period: number;
  teacherId: number;
  subjectId: number;
  assignmentId: number;
  roomId: number | null;
  combinedKey: string | null;
  /** Optional names, copied into conflict params for messages. */
  className?: string;
  teacherName?: string;
  subjectName?: string;
}
export interface IndexRoom { id: number; capacity: number; name?: string }
export interface IndexUnavailable { teacherId: number; day: number; period: number }
export interface IndexAssignment { id: number; weeklyPeriods: number; classId?: number; teacherId?: number; subjectId?: number }
export interface IndexInput extends Partial<RuleChecks> {
  lessons: IndexLesson[];
  rooms?: IndexRoom[];
  unavailable?: IndexUnavailable[];
  assignments?: IndexAssignment[];
}
/** Put `lesson` at the cell (classId, day, period), or empty the cell when lesson is null. */
export interface IndexEdit { classId: number; day: number; period: number; lesson: IndexLesson | null }

const KIND_ORDER: Record<ConflictKind, number> = { teacherClash: 0, roomOverCapacity: 1, teacherUnavailable: 2, fixedEvent: 3, dailyMax: 4, overAssigned: 5 };

/** Conflicts in display order: by kind, then slot, then id. */
export function sortConflicts(list: Conflict[]): Conflict[] {
  return list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
    || (a.day ?? 0) - (b.day ?? 0) || (a.period ?? 0) - (b.period ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const cellKey = (classId: number, day: number, period: number) => `${classId}:${day}:${period}`;
const slotId = (day: number, period: number) => `d${day}p${period}`;
const teacherBucket = (l: { teacherId: number; day: number; period: number }) => `t${l.teacherId}:${slotId(l.day, l.period)}`;
const roomBucket = (roomId: number, day: number, period: number) => `r${roomId}:${slotId(day, period)}`;
const assignmentBucket = (assignmentId: number) => `a${assignmentId}`;
const classBucket = (classId: number, day: number, period: number) => `c${classId}:${slotId(day, period)}`;
const dayBucket = (l: { classId: number; subjectId: number; day: number }) => `m${l.classId}:s${l.subjectId}:d${l.day}`;

/** Adds to a Map<string, Set>, creating the set. */
function addTo<V>(m: Map<string, Set<V>>, k: string, v: V): void {
  let s = m.get(k);
  if (!s) { s = new Set(); m.set(k, s); }
  s.add(v);
}
function removeFrom<V>(m: Map<string, Set<V>>, k: string, v: V): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(v);
  if (s.size === 0) m.delete(k);
}

export class ConflictIndex {
  private readonly cells = new Map<string, IndexLesson>();
  private readonly byTeacherSlot = new Map<string, Set<IndexLesson>>();
  private readonly byRoomSlot = new Map<string, Set<IndexLesson>>();
  private readonly byAssignment = new Map<string, Set<IndexLesson>>();
  private readonly bySubjectDay = new Map<string, Set<IndexLesson>>();
  /** Fixed-event names by class bucket and by teacher bucket; daily maxima by class:subject. */
  private readonly blockedClass = new Map<string, string>();
  private readonly blockedTeacher = new Map<string, string>();
  private readonly dailyMax = new Map<string, number>();
  private readonly rooms = new Map<number, IndexRoom>();
  private readonly unavailable = new Set<string>();
  private readonly assignments = new Map<number, IndexAssignment>();
  /** Conflicts by id, and which conflict ids each bucket produced (to drop them on re-evaluation). */
  private readonly conflicts = new Map<string, Conflict>();
  private readonly bucketConflicts = new Map<string, string[]>();
  private sorted: Conflict[] | null = null;
  /** The buckets the last build/apply evaluated (for tests and diagnostics). */
  lastEvaluated: string[] = [];

  constructor(input: IndexInput) {
    for (const r of input.rooms ?? []) this.rooms.set(r.id, r);
    for (const u of input.unavailable ?? []) this.unavailable.add(teacherBucket(u));
    for (const a of input.assignments ?? []) this.assignments.set(a.id, a);
    for (const b of input.blocked ?? []) {
      if (b.classId != null) this.blockedClass.set(classBucket(b.classId, b.day, b.period), b.name);
      if (b.teacherId != null) this.blockedTeacher.set(teacherBucket({ teacherId: b.teacherId, day: b.day, period: b.period }), b.name);
    }
    for (const m of input.dailyMax ?? []) this.dailyMax.set(`${m.classId}:${m.subjectId}`, m.max);
    const dirty = new Set<string>();
    for (const l of input.lessons) {
      // A later lesson in the same cell replaces an earlier one, as a cell edit would.
      const old = this.cells.get(cellKey(l.classId, l.day, l.period));
      if (old) this.remove(old, dirty);
      this.insert(l, dirty);
    }
    this.evaluate(dirty);
  }

  /** Applies cell edits and re-evaluates only the buckets they touched. Returns the whole list. */
  apply(edits: IndexEdit[]): Conflict[] {
    const dirty = new Set<string>();
    for (const e of edits) {
      const old = this.cells.get(cellKey(e.classId, e.day, e.period));
      if (old) this.remove(old, dirty);
      if (e.lesson) this.insert({ ...e.lesson, classId: e.classId, day: e.day, period: e.period }, dirty);
    }
    this.evaluate(dirty);
    return this.list();
  }

  /** All conflicts, sorted for display. The array is cached until the next change; do not mutate it. */
  list(): Conflict[] {
    this.sorted ??= sortConflicts([...this.conflicts.values()]);
    return this.sorted;
  }

  get(id: string): Conflict | undefined {
    return this.conflicts.get(id);
  }

  lessonAt(classId: number, day: number, period: number): IndexLesson | undefined {
    return this.cells.get(cellKey(classId, day, period));
  }

  lessons(): IndexLesson[] {
    return [...this.cells.values()];
  }

  /** Conflicts to badge a cell with: those at this slot involving the class, and overAssigned of its lesson. */
  conflictsAt(classId: number, day: number, period: number): Conflict[] {
    const lesson = this.lessonAt(classId, day, period);
    if (!lesson) return [];
    const out: Conflict[] = [];
    const ids = [
      ...(this.bucketConflicts.get(teacherBucket(lesson)) ?? []),
      ...(lesson.roomId != null ? this.bucketConflicts.get(roomBucket(lesson.roomId, day, period)) ?? [] : []),
      ...(this.bucketConflicts.get(assignmentBucket(lesson.assignmentId)) ?? []),
      ...(this.bucketConflicts.get(classBucket(classId, day, period)) ?? []),
      ...(this.bucketConflicts.get(dayBucket(lesson)) ?? []),
    ];
    for (const id of ids) {
      const c = this.conflicts.get(id);
      if (c && c.lessonIds.includes(lesson.id)) out.push(c);
    }
    return out;
  }

  /** Lessons of an assignment placed so far. */
  placed(assignmentId: number): number {
    return this.byAssignment.get(assignmentBucket(assignmentId))?.size ?? 0;
  }

  /** Periods of an assignment still to place (never negative; more than planned is an overAssigned conflict). */
  remaining(assignmentId: number): number {
    const a = this.assignments.get(assignmentId);
    return a ? Math.max(0, a.weeklyPeriods - this.placed(assignmentId)) : 0;
  }

  // ---- buckets ----

  private insert(l: IndexLesson, dirty: Set<string>): void {
    this.cells.set(cellKey(l.classId, l.day, l.period), l);
    const t = teacherBucket(l);
    addTo(this.byTeacherSlot, t, l);
    dirty.add(t);
    if (l.roomId != null) {
      const r = roomBucket(l.roomId, l.day, l.period);
      addTo(this.byRoomSlot, r, l);
      dirty.add(r);
    }
    const a = assignmentBucket(l.assignmentId);
    addTo(this.byAssignment, a, l);
    dirty.add(a);
    this.dirtyRuleBuckets(l, dirty);
    addTo(this.bySubjectDay, dayBucket(l), l);
  }

  /** The fixed-event and daily-maximum buckets a lesson touches, only where a rule applies (most cells have none). */
  private dirtyRuleBuckets(l: IndexLesson, dirty: Set<string>): void {
    if (this.blockedClass.size) {
      const c = classBucket(l.classId, l.day, l.period);
      if (this.blockedClass.has(c)) dirty.add(c);
    }
    if (this.dailyMax.size && this.dailyMax.has(`${l.classId}:${l.subjectId}`)) dirty.add(dayBucket(l));
  }

  private remove(l: IndexLesson, dirty: Set<string>): void {
    this.cells.delete(cellKey(l.classId, l.day, l.period));
    const t = teacherBucket(l);
    removeFrom(this.byTeacherSlot, t, l);
    dirty.add(t);
    if (l.roomId != null) {
      const r = roomBucket(l.roomId, l.day, l.period);
      removeFrom(this.byRoomSlot, r, l);
      dirty.add(r);
    }
    const a = assignmentBucket(l.assignmentId);
    removeFrom(this.byAssignment, a, l);
    dirty.add(a);
    this.dirtyRuleBuckets(l, dirty);
    removeFrom(this.bySubjectDay, dayBucket(l), l);
  }

  private evaluate(dirty: Set<string>): void {
    this.lastEvaluated = [...dirty];
    for (const bucket of dirty) {
      for (const id of this.bucketConflicts.get(bucket) ?? []) this.conflicts.delete(id);
      this.bucketConflicts.delete(bucket);
      const kind = bucket[0];
      const found = kind === 't' ? this.evalTeacherSlot(bucket) : kind === 'r' ? this.evalRoomSlot(bucket)
        : kind === 'c' ? this.evalClassSlot(bucket) : kind === 'm' ? this.evalSubjectDay(bucket) : this.evalAssignment(bucket);
      if (found.length) {
        for (const c of found) this.conflicts.set(c.id, c);
        this.bucketConflicts.set(bucket, found.map((c) => c.id));
      }
    }
    if (dirty.size) this.sorted = null;
  }

  private evalTeacherSlot(bucket: string): Conflict[] {
    const set = this.byTeacherSlot.get(bucket);
    if (!set || set.size === 0) return [];
    const lessons = [...set].sort((a, b) => a.classId - b.classId);
    const { teacherId, day, period } = lessons[0];
    const out: Conflict[] = [];
    const base = {
      day, period, teacherId,
      classIds: lessons.map((l) => l.classId),
      lessonIds: lessons.map((l) => l.id),
    };
    const names = {
      teacher: lessons[0].teacherName ?? String(teacherId),
      classes: lessons.map((l) => l.className ?? String(l.classId)).join('、'),
      day, period,
    };
    if (lessons.length > 1) {
      const key = lessons[0].combinedKey;
      const combined = key != null && lessons.every((l) => l.combinedKey === key);
      if (!combined) out.push({ id: `teacherClash:${bucket}`, kind: 'teacherClash', ...base, params: { ...names, count: lessons.length } });
    }
    if (this.unavailable.has(bucket)) {
      out.push({ id: `teacherUnavailable:${bucket}`, kind: 'teacherUnavailable', ...base, params: names });
    }
    const event = this.blockedTeacher.get(bucket);
    if (event !== undefined) out.push({ id: `fixedEvent:${bucket}`, kind: 'fixedEvent', ...base, params: { ...names, event } });
    return out;
  }

  /** A lesson in a fixed event of its class. */
  private evalClassSlot(bucket: string): Conflict[] {
    const event = this.blockedClass.get(bucket);
    if (event === undefined) return [];
    const [c, slot] = bucket.slice(1).split(':');
    const m = /^d(\d+)p(\d+)$/.exec(slot)!;
    const lesson = this.cells.get(cellKey(Number(c), Number(m[1]), Number(m[2])));
    if (!lesson) return [];
    return [{
      id: `fixedEvent:${bucket}`, kind: 'fixedEvent', day: lesson.day, period: lesson.period, classIds: [lesson.classId], lessonIds: [lesson.id],
      teacherId: lesson.teacherId, subjectId: lesson.subjectId,
      params: { event, class: lesson.className ?? String(lesson.classId), subject: lesson.subjectName ?? String(lesson.subjectId), day: lesson.day, period: lesson.period },
    }];
  }

  /** More lessons of a subject in one day of a class than the rules allow. */
  private evalSubjectDay(bucket: string): Conflict[] {
    const set = this.bySubjectDay.get(bucket);
    if (!set || set.size === 0) return [];
    const lessons = [...set].sort((a, b) => a.period - b.period);
    const first = lessons[0];
    const max = this.dailyMax.get(`${first.classId}:${first.subjectId}`);
    if (max === undefined || lessons.length <= max) return [];
    return [{
      id: `dailyMax:${bucket}`, kind: 'dailyMax', day: first.day, period: null, classIds: [first.classId], lessonIds: lessons.map((l) => l.id),
      subjectId: first.subjectId, teacherId: first.teacherId,
      params: { class: first.className ?? String(first.classId), subject: first.subjectName ?? String(first.subjectId), day: first.day, count: lessons.length, max },
    }];
  }

  private evalRoomSlot(bucket: string): Conflict[] {
    const set = this.byRoomSlot.get(bucket);
    if (!set || set.size === 0) return [];
    const lessons = [...set].sort((a, b) => a.classId - b.classId);
    const { roomId, day, period } = lessons[0];
    const room = this.rooms.get(roomId!);
    const capacity = room?.capacity ?? 1;
    // A combined lesson (same combinedKey) uses the room once.
    const units = new Set(lessons.map((l) => (l.combinedKey != null ? `k:${l.combinedKey}` : `c:${l.classId}`))).size;
    if (units <= capacity) return [];
    return [{
      id: `roomOverCapacity:${bucket}`, kind: 'roomOverCapacity', day, period, roomId: roomId!,
      classIds: lessons.map((l) => l.classId), lessonIds: lessons.map((l) => l.id),
      params: { room: room?.name ?? String(roomId), count: units, capacity, classes: lessons.map((l) => l.className ?? String(l.classId)).join('、'), day, period },
    }];
  }

  private evalAssignment(bucket: string): Conflict[] {
    const set = this.byAssignment.get(bucket);
    if (!set || set.size === 0) return [];
    const lessons = [...set].sort((a, b) => a.day - b.day || a.period - b.period || a.classId - b.classId);
    const a = this.assignments.get(lessons[0].assignmentId);
    if (!a || lessons.length <= a.weeklyPeriods) return [];
    const first = lessons[0];
    return [{
      id: `overAssigned:${bucket}`, kind: 'overAssigned', day: null, period: null, assignmentId: a.id,
      teacherId: first.teacherId, subjectId: first.subjectId,
      classIds: [...new Set(lessons.map((l) => l.classId))], lessonIds: lessons.map((l) => l.id),
      params: {
        class: first.className ?? String(first.classId), subject: first.subjectName ?? String(first.subjectId),
        teacher: first.teacherName ?? String(first.teacherId), placed: lessons.length, weekly: a.weeklyPeriods,
      },
    }];
  }
}
