/**
 * Timetable core: settings per term, rooms, teacher unavailable times, the lessons and their edits with the
 * conflict list, copying from another term, and periods actually taught over a date range.
 */
import type Database from 'better-sqlite3';
import type { CellEdit, EditResult, Lesson, TimetableSettings } from '../../../../shared/contract';
import { CellEditSchema } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import type { IndexEdit } from '../../../../shared/domain/timetable/conflicts';
import { sectionsOf, validateSettings } from '../../../../shared/domain/timetable/settings';
import { computeTaught } from '../../../../shared/domain/timetable/taught';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import type { HandlerMap } from '../../platform/handlers';
import {
  cellLabel, lessonsByIds, listLessons, listRooms, listUnavailable, loadSettings, toIndexLesson, writeSettings,
} from './queries';
import { cachedIndexIfFresh, conflictIndex, markIndexFresh } from './conflict-cache';
import { loadRuleChecks } from './school-data';
import { requireTerm, schoolType } from '../../platform/query';

type ParsedCell = ReturnType<typeof CellEditSchema.parse>;

interface ClassInfo { id: number; level: number; class_no: number; archived: number }
/** The classes of the term's school year, named for it; `archived` = not running that year. */
function classMap(db: Database.Database, termId: number): Map<number, ClassInfo> {
  const rows = db.prepare('SELECT class_id AS id, level, class_no, 1 - active AS archived FROM class_in_term WHERE term_id = ?').all(termId) as ClassInfo[];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Writes cell edits in one transaction after validating every cell (nothing is written if one is wrong), audits
 * one entry, and brings the term's conflict index up to date incrementally when it was current.
 */
export function applyCells(ctx: CoreContext, termId: number, cells: ParsedCell[], opts: { action?: string; summaryPrefix?: string } = {}): EditResult {
  const { db } = ctx;
  requireTerm(db, termId);
  const settings = loadSettings(db, termId);
  const classes = classMap(db, termId);
  const assignments = new Map((db.prepare(`SELECT a.id, a.term_id, a.class_id, s.name AS subject, COALESCE(NULLIF(s.short_name, ''), s.name) AS short
    FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id WHERE a.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(cells.flatMap((c) => (c.lesson ? [c.lesson.assignmentId] : [])))) as { id: number; term_id: number; class_id: number; subject: string; short: string }[])
    .map((a) => [a.id, a]));
  const roomIds = new Set((db.prepare('SELECT id FROM room WHERE archived = 0').all() as { id: number }[]).map((r) => r.id));

  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const labelOf = (c: ParsedCell) => {
    const cls = classes.get(c.classId);
    return cellLabel(cls ? className(cls.level, cls.class_no) : `#${c.classId}`, c.day, c.period);
  };
  cells.forEach((c, i) => {
    const cell = labelOf(c);
    const issue = (field: string, key: string, params: Record<string, string | number> = {}) => issues.push({ path: ['cells', i, field], key, params: { cell, ...params } });
    const cls = classes.get(c.classId);
    if (!cls) issue('classId', 'cellClassMissing');
    else if (cls.archived) issue('classId', 'cellClassArchived');
    if (c.day > settings.daysPerWeek) issue('day', 'cellDayOutOfRange', { max: settings.daysPerWeek });
    if (c.period > settings.periods.length) issue('period', 'cellPeriodOutOfRange', { max: settings.periods.length });
    const k = `${c.classId}:${c.day}:${c.period}`;
    if (seen.has(k)) issue('day', 'cellDuplicate');
    seen.add(k);
    if (c.lesson) {
      const a = assignments.get(c.lesson.assignmentId);
      if (!a || a.term_id !== termId) issue('assignmentId', 'cellAssignmentWrongTerm');
      else if (a.class_id !== c.classId) issue('assignmentId', 'cellAssignmentWrongClass', { subject: a.subject });
      if (c.lesson.roomId != null && !roomIds.has(c.lesson.roomId)) issue('roomId', 'cellRoomMissing');
    }
  });
  if (issues.length) throw new AppError('VALIDATION', 'timetableCellsInvalid', { count: issues.length }, issues);

  const index = cachedIndexIfFresh(db, termId);
  const selCell = db.prepare('SELECT id, assignment_id, room_id, locked, combined_key FROM lesson WHERE term_id = ? AND class_id = ? AND day = ? AND period = ?');
  const del = db.prepare('DELETE FROM lesson WHERE id = ?');
  const upsert = db.prepare(`INSERT INTO lesson (term_id, class_id, day, period, assignment_id, room_id, locked, combined_key)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(term_id, class_id, day, period) DO UPDATE SET assignment_id = excluded.assignment_id, room_id = excluded.room_id,
      locked = excluded.locked, combined_key = excluded.combined_key
    RETURNING id`);

  const result = db.transaction(() => {
    const before: unknown[] = [];
    const after: unknown[] = [];
    const descriptions: string[] = [];
    const touchedIds: number[] = [];
    const cleared: EditResult['cleared'] = [];
    for (const c of cells) {
      const old = selCell.get(termId, c.classId, c.day, c.period) as { id: number; assignment_id: number } | undefined;
      if (old) before.push({ classId: c.classId, day: c.day, period: c.period, ...old });
      if (!c.lesson) {
        if (old) del.run(old.id);
        cleared.push({ classId: c.classId, day: c.day, period: c.period });
        descriptions.push(`清空 ${labelOf(c)}`);
      } else {
        const l = c.lesson;
        const { id } = upsert.get(termId, c.classId, c.day, c.period, l.assignmentId, l.roomId, l.locked ? 1 : 0, l.combinedKey) as { id: number };
        touchedIds.push(id);
        after.push({ classId: c.classId, day: c.day, period: c.period, assignmentId: l.assignmentId, roomId: l.roomId, locked: l.locked, combinedKey: l.combinedKey });
        descriptions.push(`${labelOf(c)} ${assignments.get(l.assignmentId)!.short}`);
      }
    }
    const summary = (opts.summaryPrefix ?? '') + (descriptions.length <= 3 ? descriptions.join('；') : `${descriptions.slice(0, 3).join('；')} 等 ${descriptions.length} 处`);
    ctx.audit('timetable', opts.action ?? 'edit', { entityId: termId, summary, before, after });
    return { lessons: lessonsByIds(db, touchedIds), cleared };
  })();

  let conflicts;
  if (index) {
    const byCell = new Map(result.lessons.map((l) => [`${l.classId}:${l.day}:${l.period}`, l]));
    const edits: IndexEdit[] = cells.map((c) => {
      const l = byCell.get(`${c.classId}:${c.day}:${c.period}`);
      return { classId: c.classId, day: c.day, period: c.period, lesson: l ? toIndexLesson(l) : null };
    });
    conflicts = index.apply(edits);
    markIndexFresh(db, termId, index);
  } else {
    conflicts = conflictIndex(db, termId).list();
  }
  return { lessons: result.lessons, cleared: result.cleared, conflicts };
}

function saveRoom(ctx: CoreContext, input: { id?: number; name: string; kind: string; capacity: number; subjectIds: number[] }) {
  const { db } = ctx;
  return db.transaction(() => {
    for (const [i, sid] of input.subjectIds.entries()) {
      if (!db.prepare('SELECT 1 FROM subject WHERE id = ?').get(sid)) {
        throw new AppError('VALIDATION', 'notFound', { entity: 'subject', id: sid }, [{ path: ['subjectIds', i], key: 'notFound' }]);
      }
    }
    const clash = db.prepare('SELECT id FROM room WHERE name = ? AND id IS NOT ?').get(input.name, input.id ?? null);
    if (clash) throw new AppError('CONFLICT', 'duplicate', { field: 'name' }, [{ path: ['name'], key: 'duplicate' }]);
    let id = input.id;
    if (id === undefined) {
      id = Number(db.prepare('INSERT INTO room (name, kind, capacity) VALUES (?, ?, ?)').run(input.name, input.kind, input.capacity).lastInsertRowid);
      ctx.audit('room', 'create', { entityId: id, summary: `新增 场室 ${input.name}`, after: input });
    } else {
      const before = db.prepare('SELECT name, kind, capacity FROM room WHERE id = ?').get(id);
      if (!before) throw new AppError('NOT_FOUND', 'notFound', { entity: 'room', id });
      db.prepare('UPDATE room SET name = ?, kind = ?, capacity = ? WHERE id = ?').run(input.name, input.kind, input.capacity, id);
      ctx.audit('room', 'update', { entityId: id, summary: `修改 场室 ${input.name}`, before, after: input });
    }
    db.prepare('DELETE FROM room_subject WHERE room_id = ?').run(id);
    const link = db.prepare('INSERT OR IGNORE INTO room_subject (room_id, subject_id) VALUES (?, ?)');
    for (const sid of input.subjectIds) link.run(id, sid);
    return listRooms(db).find((r) => r.id === id)!;
  })();
}

/**
 * Copies lessons from another term. Each lesson's assignment is mapped to the target term's assignment of the same
 * class and subject (the same teacher when there are several); cells already filled in the target stay as they are.
 */
export function copyFromTerm(ctx: CoreContext, fromTermId: number, toTermId: number, classIds?: number[]) {
  const { db } = ctx;
  requireTerm(db, fromTermId);
  requireTerm(db, toTermId);
  if (fromTermId === toTermId) throw new AppError('VALIDATION', 'copySameTerm', {}, [{ path: ['toTermId'], key: 'copySameTerm' }]);
  const settings = loadSettings(db, toTermId);
  const wanted = classIds?.length ? new Set(classIds) : null;
  const source = listLessons(db, fromTermId).filter((l) => !wanted || wanted.has(l.classId));
  const targets = db.prepare('SELECT id, class_id, subject_id, teacher_id FROM teaching_assignment WHERE term_id = ?')
    .all(toTermId) as { id: number; class_id: number; subject_id: number; teacher_id: number }[];
  const byClassSubject = new Map<string, typeof targets>();
  for (const a of targets) {
    const k = `${a.class_id}:${a.subject_id}`;
    byClassSubject.set(k, [...(byClassSubject.get(k) ?? []), a]);
  }
  const archivedClasses = new Set((db.prepare('SELECT class_id AS id FROM class_in_term WHERE term_id = ? AND NOT active').all(toTermId) as { id: number }[]).map((r) => r.id));
  const activeRooms = new Set((db.prepare('SELECT id FROM room WHERE archived = 0').all() as { id: number }[]).map((r) => r.id));
  const occupied = new Set((db.prepare('SELECT class_id, day, period FROM lesson WHERE term_id = ?').all(toTermId) as { class_id: number; day: number; period: number }[])
    .map((r) => `${r.class_id}:${r.day}:${r.period}`));

  const skipped = new Map<string, { className: string; subjectName: string; key: string }>();
  const skip = (l: Lesson, key: string) => skipped.set(`${l.classId}:${l.subjectId}:${key}`, { className: l.className, subjectName: l.subjectName, key });
  const ins = db.prepare('INSERT INTO lesson (term_id, class_id, day, period, assignment_id, room_id, locked, combined_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  let copied = 0;
  db.transaction(() => {
    for (const l of source) {
      if (archivedClasses.has(l.classId)) { skip(l, 'copyClassArchived'); continue; }
      if (l.day > settings.daysPerWeek || l.period > settings.periods.length) { skip(l, 'copyOutsideGrid'); continue; }
      const options = byClassSubject.get(`${l.classId}:${l.subjectId}`) ?? [];
      const target = options.length === 1 ? options[0] : options.find((a) => a.teacher_id === l.teacherId);
      if (!target) { skip(l, options.length ? 'copyAmbiguousAssignment' : 'copyNoAssignment'); continue; }
      const k = `${l.classId}:${l.day}:${l.period}`;
      if (occupied.has(k)) { skip(l, 'copyCellOccupied'); continue; }
      ins.run(toTermId, l.classId, l.day, l.period, target.id, l.roomId != null && activeRooms.has(l.roomId) ? l.roomId : null, l.locked ? 1 : 0, l.combinedKey);
      occupied.add(k);
      copied++;
    }
    ctx.audit('timetable', 'copy', { entityId: toTermId, summary: `从其他学期复制课表：复制 ${copied} 节，跳过 ${source.length - copied} 节`, after: { fromTermId, toTermId, classIds: classIds ?? null } });
  })();
  return { copied, skipped: [...skipped.values()] };
}

/** Periods taught per class and subject over a date range (the 开齐开足 check's 'taught' basis uses it too). */
export function taught(ctx: CoreContext, termId: number, from: string, to: string) {
  const { db } = ctx;
  if (from > to) throw new AppError('VALIDATION', 'badDateRange', { from, to }, [{ path: ['to'], key: 'badDateRange' }]);
  const term = requireTerm(db, termId);
  const settings = loadSettings(db, termId);
  const lessons = db.prepare('SELECT l.class_id AS classId, a.subject_id AS subjectId, l.day, l.period FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id WHERE l.term_id = ?')
    .all(termId) as { classId: number; subjectId: number; day: number; period: number }[];
  const subs = db.prepare('SELECT id, date, period, class_id AS classId, subject_id AS subjectId, kind, swap_id AS swapId FROM substitution WHERE term_id = ?')
    .all(termId) as Parameters<typeof computeTaught>[0]['substitutions'];
  const counts = computeTaught({ termStart: term.startDate, teachingWeeks: term.teachingWeeks, daysPerWeek: settings.daysPerWeek, from, to, lessons, substitutions: subs });
  const classes = classMap(db, termId);
  const subjects = new Map((db.prepare('SELECT id, name, sort_order FROM subject').all() as { id: number; name: string; sort_order: number }[]).map((s) => [s.id, s]));
  return counts
    .map((c) => {
      const cls = classes.get(c.classId);
      return { ...c, className: cls ? className(cls.level, cls.class_no) : `#${c.classId}`, subjectName: subjects.get(c.subjectId)?.name ?? `#${c.subjectId}` };
    })
    .sort((a, b) => {
      const ca = classes.get(a.classId);
      const cb = classes.get(b.classId);
      return (ca?.level ?? 0) - (cb?.level ?? 0) || (ca?.class_no ?? 0) - (cb?.class_no ?? 0)
        || (subjects.get(a.subjectId)?.sort_order ?? 0) - (subjects.get(b.subjectId)?.sort_order ?? 0) || a.subjectId - b.subjectId;
    });
}

export const timetableHandlers: HandlerMap<'timetable/getSettings' | 'timetable/saveSettings' | 'timetable/listRooms' | 'timetable/saveRoom' | 'timetable/archiveRoom' | 'timetable/unavailableList' | 'timetable/unavailableSave' | 'timetable/get' | 'timetable/setCells' | 'timetable/clearDay' | 'timetable/copyFromTerm' | 'timetable/taught'> = {
  'timetable/getSettings': ({ termId }, ctx) => {
    requireTerm(ctx.db, termId);
    return loadSettings(ctx.db, termId);
  },

  'timetable/saveSettings': (input, ctx) => {
    const { db } = ctx;
    requireTerm(db, input.termId);
    const settings: TimetableSettings = { ...input, periods: [...input.periods].sort((a, b) => a.no - b.no) };
    const issues = validateSettings(settings, sectionsOf(schoolType(db)));
    // Lessons beyond a shortened grid would vanish from view: refuse until they are moved.
    const maxDay = (db.prepare('SELECT MAX(day) AS d, MAX(period) AS p FROM lesson WHERE term_id = ?').get(input.termId) as { d: number | null; p: number | null });
    if (maxDay.d != null && maxDay.d > settings.daysPerWeek) issues.push({ path: ['daysPerWeek'], key: 'settingsHideLessons', params: { day: maxDay.d } });
    if (maxDay.p != null && maxDay.p > settings.periods.length) issues.push({ path: ['periods'], key: 'settingsHidePeriods', params: { period: maxDay.p } });
    if (issues.length) throw new AppError('VALIDATION', 'timetableSettingsInvalid', { count: issues.length }, issues);
    db.transaction(() => {
      const before = loadSettings(db, input.termId);
      writeSettings(db, settings);
      ctx.audit('timetable', 'settings', { entityId: input.termId, summary: `修改课表设置：每周 ${settings.daysPerWeek} 天，每天 ${settings.periods.length} 节`, before, after: settings });
    })();
    return loadSettings(db, input.termId);
  },

  'timetable/listRooms': ({ includeArchived }, ctx) => listRooms(ctx.db, includeArchived),

  'timetable/saveRoom': (input, ctx) => saveRoom(ctx, input),

  'timetable/archiveRoom': ({ id, archived }, ctx) => {
    const { db } = ctx;
    const row = db.prepare('SELECT name FROM room WHERE id = ?').get(id) as { name: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'notFound', { entity: 'room', id });
    db.transaction(() => {
      db.prepare('UPDATE room SET archived = ? WHERE id = ?').run(archived ? 1 : 0, id);
      ctx.audit('room', archived ? 'archive' : 'restore', { entityId: id, summary: `${archived ? '归档' : '恢复'} 场室 ${row.name}` });
    })();
    return listRooms(db).find((r) => r.id === id)!;
  },

  'timetable/unavailableList': ({ termId }, ctx) => {
    requireTerm(ctx.db, termId);
    return listUnavailable(ctx.db, termId);
  },

  'timetable/unavailableSave': ({ termId, teacherId, slots }, ctx) => {
    const { db } = ctx;
    requireTerm(db, termId);
    const teacher = db.prepare('SELECT name FROM teacher WHERE id = ?').get(teacherId) as { name: string } | undefined;
    if (!teacher) throw new AppError('VALIDATION', 'notFound', { entity: 'teacher', id: teacherId }, [{ path: ['teacherId'], key: 'notFound' }]);
    const settings = loadSettings(db, termId);
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    slots.forEach((s, i) => {
      if (s.day > settings.daysPerWeek) issues.push({ path: ['slots', i, 'day'], key: 'cellDayOutOfRange', params: { cell: `${s.day}-${s.period}`, max: settings.daysPerWeek } });
      if (s.period > settings.periods.length) issues.push({ path: ['slots', i, 'period'], key: 'cellPeriodOutOfRange', params: { cell: `${s.day}-${s.period}`, max: settings.periods.length } });
      seen.add(`${s.day}:${s.period}`);
    });
    if (issues.length) throw new AppError('VALIDATION', 'validation', {}, issues);
    db.transaction(() => {
      db.prepare('DELETE FROM teacher_unavailable WHERE term_id = ? AND teacher_id = ?').run(termId, teacherId);
      const ins = db.prepare('INSERT OR IGNORE INTO teacher_unavailable (term_id, teacher_id, day, period, reason) VALUES (?, ?, ?, ?, ?)');
      for (const s of slots) ins.run(termId, teacherId, s.day, s.period, s.reason);
      ctx.audit('timetable', 'unavailable', { entityId: teacherId, summary: `设置 ${teacher.name} 不排课时间：${seen.size} 节`, after: slots });
    })();
    return listUnavailable(db, termId);
  },

  'timetable/get': ({ termId }, ctx) => {
    const { db } = ctx;
    requireTerm(db, termId);
    const lessons = listLessons(db, termId);
    // Loaded once: the index (when it has to be rebuilt) and the editor's own index both use them.
    const ruleChecks = loadRuleChecks(db, termId);
    return {
      settings: loadSettings(db, termId),
      lessons,
      conflicts: conflictIndex(db, termId, lessons, ruleChecks).list(),
      ruleChecks,
      unavailable: listUnavailable(db, termId),
      rooms: listRooms(db),
    };
  },

  'timetable/setCells': ({ termId, cells }, ctx) => applyCells(ctx, termId, cells),

  'timetable/clearDay': ({ termId, classId, day }, ctx) => {
    const { db } = ctx;
    requireTerm(db, termId);
    const rows = db.prepare('SELECT period FROM lesson WHERE term_id = ? AND class_id = ? AND day = ? AND locked = 0 ORDER BY period')
      .all(termId, classId, day) as { period: number }[];
    if (rows.length === 0) return { lessons: [], cleared: [], conflicts: conflictIndex(db, termId).list() };
    const cells: CellEdit[] = rows.map((r) => ({ classId, day, period: r.period, lesson: null }));
    return applyCells(ctx, termId, cells.map((c) => CellEditSchema.parse(c)), { action: 'clearDay' });
  },

  'timetable/copyFromTerm': ({ fromTermId, toTermId, classIds }, ctx) => copyFromTerm(ctx, fromTermId, toTermId, classIds),

  'timetable/taught': ({ termId, from, to }, ctx) => taught(ctx, termId, from, to),
};
