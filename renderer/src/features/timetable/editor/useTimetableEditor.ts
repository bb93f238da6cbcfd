/**
 * State of the class timetable editor: the whole school's lessons (so conflicts with other classes can be shown),
 * conflicts, the term's assignments, and every edit as a timetable/setCells call.
 *
 * Edits are optimistic: the cells change at once from the assignment data we already hold, then the EditResult
 * (the touched cells as stored and the school's conflicts) replaces them. Calls are queued so they reach core in
 * the order the user made them. Undo/redo keep the previous and new contents of the touched cells and replay
 * them through setCells, so undo is just another edit to core.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  Assignment, CellEdit, Conflict, EditResult, Lesson, SchoolClass, Subject, TimetableData,
} from '../../../../../shared/contract';
import { ConflictIndex, type IndexLesson } from '../../../../../shared/domain/timetable/conflicts';
import { api } from '../../../api/client';
import { useApiError } from '../../../app/useApiError';
import { slotKey } from '../../../components/timetable/time';

export interface Slot { classId: number; day: number; period: number }
type LessonInput = NonNullable<CellEdit['lesson']>;
interface Step { before: CellEdit[]; after: CellEdit[]; classId: number }

export function lessonInput(l: Lesson | undefined): LessonInput | null {
  return l ? { assignmentId: l.assignmentId, roomId: l.roomId, locked: l.locked, combinedKey: l.combinedKey } : null;
}

/** A lesson as the conflict index sees it. */
function indexLesson(l: Lesson): IndexLesson {
  return {
    id: l.id, classId: l.classId, day: l.day, period: l.period, teacherId: l.teacherId, subjectId: l.subjectId,
    assignmentId: l.assignmentId, roomId: l.roomId, combinedKey: l.combinedKey,
    className: l.className, teacherName: l.teacherName, subjectName: l.subjectName,
  };
}

export function useTimetableEditor(termId: number | undefined) {
  const showError = useApiError();
  const [data, setData] = useState<TimetableData | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [lessons, setLessons] = useState<Map<string, Lesson>>(new Map());
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [assignments, setAssignments] = useState<Assignment[]>([]);
  const [classes, setClasses] = useState<SchoolClass[]>([]);
  const [subjects, setSubjects] = useState<Subject[]>([]);
  const [busy, setBusy] = useState(0);
  const [history, setHistory] = useState({ undo: 0, redo: 0 });

  const lessonsRef = useRef(lessons);
  lessonsRef.current = lessons;
  const undoStack = useRef<Step[]>([]);
  const redoStack = useRef<Step[]>([]);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** The same conflict engine core uses, run here so a cell turns red the moment it is edited. */
  const index = useRef<ConflictIndex | null>(null);
  /** Ids of optimistic lessons are negative until core's answer replaces them. */
  const tempId = useRef(-1);

  const syncHistory = () => setHistory({ undo: undoStack.current.length, redo: redoStack.current.length });

  const load = useCallback(async () => {
    if (!termId) return;
    try {
      const [tt, as, cls, subs] = await Promise.all([
        api.call('timetable/get', { termId }),
        api.call('assignments/list', { termId }),
        api.call('school/listClasses', {}),
        api.call('school/listSubjects', {}),
      ]);
      index.current = new ConflictIndex({
        lessons: tt.lessons.map(indexLesson),
        rooms: tt.rooms.map((r) => ({ id: r.id, capacity: r.capacity, name: r.name })),
        unavailable: tt.unavailable,
        assignments: as.map((a) => ({ id: a.id, weeklyPeriods: a.weeklyPeriods, classId: a.classId, teacherId: a.teacherId, subjectId: a.subjectId })),
        ...tt.ruleChecks,
      });
      setData(tt);
      setLessons(new Map(tt.lessons.map((l) => [slotKey(l.classId, l.day, l.period), l])));
      setConflicts(tt.conflicts);
      setAssignments(as);
      setClasses([...cls].sort((a, b) => a.gradeLevel - b.gradeLevel || a.classNo - b.classNo));
      setSubjects(subs);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
      showError(e);
    }
  }, [termId, showError]);

  useEffect(() => {
    undoStack.current = [];
    redoStack.current = [];
    syncHistory();
    void load();
  }, [load]);

  const assignmentById = useMemo(() => new Map(assignments.map((a) => [a.id, a])), [assignments]);
  const subjectById = useMemo(() => new Map(subjects.map((s) => [s.id, s])), [subjects]);
  const roomById = useMemo(() => new Map((data?.rooms ?? []).map((r) => [r.id, r])), [data]);

  /** A lesson as it will look after the edit, built locally for the optimistic update. */
  const localLesson = useCallback((cell: CellEdit, input: LessonInput): Lesson | null => {
    const a = assignmentById.get(input.assignmentId);
    if (!a) return null;
    const room = input.roomId ? roomById.get(input.roomId) : undefined;
    return {
      id: tempId.current--, termId: termId!, classId: cell.classId, className: a.className, gradeLevel: a.gradeLevel,
      day: cell.day, period: cell.period, assignmentId: a.id, subjectId: a.subjectId, subjectName: a.subjectName,
      subjectShort: subjectById.get(a.subjectId)?.shortName ?? a.subjectName, teacherId: a.teacherId, teacherName: a.teacherName,
      roomId: room?.id ?? null, roomName: room?.name ?? null, locked: input.locked ?? false, combinedKey: input.combinedKey ?? null,
    };
  }, [assignmentById, roomById, subjectById, termId]);

  const applyLocal = useCallback((cells: CellEdit[]) => {
    const next = new Map(lessonsRef.current);
    const edits = cells.map((c) => {
      const k = slotKey(c.classId, c.day, c.period);
      const l = c.lesson ? localLesson(c, c.lesson as LessonInput) : null;
      if (l) next.set(k, l);
      else next.delete(k);
      return { classId: c.classId, day: c.day, period: c.period, lesson: l ? indexLesson(l) : null };
    });
    lessonsRef.current = next;
    setLessons(next);
    if (index.current) setConflicts(index.current.apply(edits));
  }, [localLesson]);

  const applyResult = useCallback((r: EditResult) => {
    const next = new Map(lessonsRef.current);
    for (const c of r.cleared) next.delete(slotKey(c.classId, c.day, c.period));
    for (const l of r.lessons) next.set(slotKey(l.classId, l.day, l.period), l);
    // Keep the local index in step with what core stored (real ids instead of the optimistic ones).
    index.current?.apply([
      ...r.cleared.map((c) => ({ ...c, lesson: null })),
      ...r.lessons.map((l) => ({ classId: l.classId, day: l.day, period: l.period, lesson: indexLesson(l) })),
    ]);
    lessonsRef.current = next;
    setLessons(next);
    setConflicts(r.conflicts);
  }, []);

  /** Runs a core call after the ones before it; on failure shows the error and reloads the true state. */
  const enqueue = useCallback((run: () => Promise<EditResult>) => {
    setBusy((b) => b + 1);
    const p = queue.current.then(run).then(applyResult, (e) => {
      showError(e);
      return load();
    }).finally(() => setBusy((b) => b - 1));
    queue.current = p;
    return p;
  }, [applyResult, showError, load]);

  const snapshot = (cells: CellEdit[]): CellEdit[] =>
    cells.map((c) => ({ classId: c.classId, day: c.day, period: c.period, lesson: lessonInput(lessonsRef.current.get(slotKey(c.classId, c.day, c.period))) }));

  /** Sets cells and records the step for undo. */
  const setCells = useCallback((cells: CellEdit[]) => {
    if (!termId || cells.length === 0) return Promise.resolve();
    const before = snapshot(cells);
    undoStack.current.push({ before, after: cells, classId: cells[0].classId });
    if (undoStack.current.length > 200) undoStack.current.shift();
    redoStack.current = [];
    syncHistory();
    applyLocal(cells);
    return enqueue(() => api.call('timetable/setCells', { termId, cells }));
  }, [termId, applyLocal, enqueue]);

  const replay = useCallback((from: typeof undoStack, to: typeof undoStack, pick: (s: Step) => CellEdit[]) => {
    const step = from.current.pop();
    if (!step || !termId) return null;
    to.current.push(step);
    syncHistory();
    const cells = pick(step);
    applyLocal(cells);
    void enqueue(() => api.call('timetable/setCells', { termId, cells }));
    return step;
  }, [termId, applyLocal, enqueue]);

  const undo = useCallback(() => replay(undoStack, redoStack, (s) => s.before), [replay]);
  const redo = useCallback(() => replay(redoStack, undoStack, (s) => s.after), [replay]);

  /** Clears a day of a class through timetable/clearDay (locked lessons stay); undo puts the lessons back. */
  const clearDay = useCallback((classId: number, day: number) => {
    if (!termId) return Promise.resolve();
    const cells: CellEdit[] = [...lessonsRef.current.values()]
      .filter((l) => l.classId === classId && l.day === day && !l.locked)
      .map((l) => ({ classId, day, period: l.period, lesson: null }));
    if (cells.length) {
      undoStack.current.push({ before: snapshot(cells), after: cells, classId });
      redoStack.current = [];
      syncHistory();
      applyLocal(cells);
    }
    return enqueue(() => api.call('timetable/clearDay', { termId, classId, day }));
  }, [termId, applyLocal, enqueue]);

  const resetHistory = useCallback(() => {
    undoStack.current = [];
    redoStack.current = [];
    syncHistory();
  }, []);

  return {
    data, loadError, lessons, conflicts, assignments, classes, subjects, busy: busy > 0, history,
    assignmentById, subjectById, load, setCells, undo, redo, clearDay, resetHistory,
  };
}

export type TimetableEditor = ReturnType<typeof useTimetableEditor>;
