/**
 * Drafts: a generated or repaired timetable kept apart from the term's lessons until accepted. Comparing a draft
 * with the current timetable (which lessons moved, for which classes and teachers), accepting it (the replaced
 * lessons are kept so the acceptance can be undone) and the change notices (调课通知) printed for a repair.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Draft, DraftDiff, LessonChange } from '../../../../shared/contract';
import { GenerateSchema } from '../../../../shared/contract';
import { ConflictIndex } from '../../../../shared/domain/timetable/conflicts';
import { ruleChecks, type GeneratedLesson, type SchoolData } from '../../../../shared/domain/timetable/solver/problem';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { loadRules, loadSchoolData } from '../timetable/service';

interface DraftRow { id: number; term_id: number; mode: 'generate' | 'repair'; options: string; lessons: string; summary: string; state: Draft['state']; before: string | null; created_at: string }

/** A fingerprint of the term's lessons, so a draft made from an older timetable is not applied over a newer one. */
export function lessonsHash(lessons: SchoolData['lessons']): string {
  const keyed = lessons.map((l) => `${l.classId}:${l.day}:${l.period}:${l.assignmentId}:${l.roomId ?? ''}:${l.locked ? 1 : 0}:${l.combinedKey ?? ''}`).sort();
  return crypto.createHash('sha256').update(keyed.join('|')).digest('hex').slice(0, 16);
}

export function saveDraft(db: Database.Database, termId: number, mode: 'generate' | 'repair', options: object, lessons: GeneratedLesson[], summary: object, now: string): number {
  return db.transaction(() => {
    db.prepare("UPDATE timetable_draft SET state = 'discarded', decided_at = ? WHERE term_id = ? AND state = 'draft'").run(now, termId);
    return Number(db.prepare('INSERT INTO timetable_draft (term_id, mode, options, lessons, summary, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(termId, mode, JSON.stringify(options), JSON.stringify(lessons), JSON.stringify(summary), now).lastInsertRowid);
  })();
}

function draftRow(db: Database.Database, termId: number, draftId: number): DraftRow {
  const row = db.prepare('SELECT * FROM timetable_draft WHERE id = ? AND term_id = ?').get(draftId, termId) as DraftRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'notFound', { entity: 'draft', id: draftId });
  return row;
}

/** Lessons changed between two timetables, matched per class and assignment (a lesson that stays in its cell is not a change). */
export function diffLessons(data: SchoolData, before: SchoolData['lessons'], after: GeneratedLesson[]): DraftDiff {
  const cls = new Map(data.classes.map((c) => [c.id, c.name]));
  const teacher = new Map(data.teachers.map((t) => [t.id, t.name]));
  const subject = new Map(data.subjects.map((s) => [s.id, s.name]));
  const assignment = new Map(data.assignments.map((a) => [a.id, a]));
  const cellsOf = (list: { classId: number; day: number; period: number; assignmentId: number }[]) => {
    const m = new Map<string, { day: number; period: number }[]>();
    for (const l of list) {
      const k = `${l.classId}:${l.assignmentId}`;
      m.set(k, [...(m.get(k) ?? []), { day: l.day, period: l.period }]);
    }
    return m;
  };
  const b = cellsOf(before);
  const a = cellsOf(after);
  const changes: LessonChange[] = [];
  for (const k of new Set([...b.keys(), ...a.keys()])) {
    const [classId, assignmentId] = k.split(':').map(Number);
    const same = (x: { day: number; period: number }, y: { day: number; period: number }) => x.day === y.day && x.period === y.period;
    const from = (b.get(k) ?? []).filter((x) => !(a.get(k) ?? []).some((y) => same(x, y))).sort((x, y) => x.day - y.day || x.period - y.period);
    const to = (a.get(k) ?? []).filter((x) => !(b.get(k) ?? []).some((y) => same(x, y))).sort((x, y) => x.day - y.day || x.period - y.period);
    const asg = assignment.get(assignmentId);
    for (let i = 0; i < Math.max(from.length, to.length); i++) {
      changes.push({
        classId, className: cls.get(classId) ?? `#${classId}`, teacherId: asg?.teacherId ?? 0, teacherName: teacher.get(asg?.teacherId ?? 0) ?? '',
        subjectName: subject.get(asg?.subjectId ?? 0) ?? '', from: from[i] ?? null, to: to[i] ?? null,
      });
    }
  }
  const order = new Map(data.classes.map((c, i) => [c.id, i]));
  changes.sort((x, y) => (order.get(x.classId) ?? 0) - (order.get(y.classId) ?? 0) || (x.to?.day ?? 9) - (y.to?.day ?? 9) || (x.to?.period ?? 0) - (y.to?.period ?? 0));
  const moved = changes.filter((c) => c.to).length;
  const count = <K extends number>(key: (c: LessonChange) => K) => {
    const m = new Map<K, number>();
    for (const c of changes) if (c.to) m.set(key(c), (m.get(key(c)) ?? 0) + 1);
    return m;
  };
  const byClass = [...count((c) => c.classId)].map(([classId, n]) => ({ classId, name: cls.get(classId) ?? '', moved: n })).sort((x, y) => (order.get(x.classId) ?? 0) - (order.get(y.classId) ?? 0));
  const byTeacher = [...count((c) => c.teacherId)].map(([teacherId, n]) => ({ teacherId, name: teacher.get(teacherId) ?? '', moved: n })).sort((x, y) => y.moved - x.moved || x.name.localeCompare(y.name, 'zh-CN'));
  return { moved, total: after.length, byClass, byTeacher, changes };
}

/** The term's latest draft (open or accepted), compared with the current lessons and checked by the conflict engine. */
export function loadDraft(ctx: CoreContext, termId: number): Draft | null {
  const { db } = ctx;
  const row = db.prepare("SELECT * FROM timetable_draft WHERE term_id = ? AND state IN ('draft', 'accepted') ORDER BY id DESC LIMIT 1").get(termId) as DraftRow | undefined;
  if (!row) return null;
  const data = loadSchoolData(db, termId);
  const lessons = JSON.parse(row.lessons) as GeneratedLesson[];
  const before = row.state === 'accepted' ? (JSON.parse(row.before ?? '[]') as SchoolData['lessons']) : data.lessons;
  const names = lessonNames(db, data);
  return {
    id: row.id, termId, mode: row.mode, state: row.state, createdAt: row.created_at,
    options: GenerateSchema.parse(JSON.parse(row.options)),
    summary: JSON.parse(row.summary) as Draft['summary'],
    diff: diffLessons(data, before, lessons),
    conflicts: checkWithConflictEngine(db, termId, data, lessons),
    lessons: lessons.map((l) => {
      const a = names.assignment.get(l.assignmentId);
      return { classId: l.classId, day: l.day, period: l.period, assignmentId: l.assignmentId, subjectShort: a?.short ?? '', teacherName: a?.teacher ?? '', roomName: l.roomId != null ? names.room.get(l.roomId) ?? null : null, locked: l.locked };
    }),
  };
}

function lessonNames(db: Database.Database, data: SchoolData) {
  const subj = new Map((db.prepare("SELECT id, COALESCE(NULLIF(short_name, ''), name) AS short, name FROM subject").all() as { id: number; short: string; name: string }[]).map((s) => [s.id, s]));
  const teacher = new Map(data.teachers.map((t) => [t.id, t.name]));
  return {
    assignment: new Map(data.assignments.map((a) => [a.id, { short: subj.get(a.subjectId)?.short ?? '', subject: subj.get(a.subjectId)?.name ?? '', teacher: teacher.get(a.teacherId) ?? '' }])),
    room: new Map(data.rooms.map((r) => [r.id, r.name])),
  };
}

/** The existing conflict engine's verdict on a set of lessons (the editor shows the same list). */
export function checkWithConflictEngine(db: Database.Database, termId: number, data: SchoolData, lessons: GeneratedLesson[]) {
  const byId = new Map(data.assignments.map((a) => [a.id, a]));
  const cls = new Map(data.classes.map((c) => [c.id, c.name]));
  const teacher = new Map(data.teachers.map((t) => [t.id, t.name]));
  const index = new ConflictIndex({
    lessons: lessons.map((l, i) => {
      const a = byId.get(l.assignmentId)!;
      return { id: -(i + 1), classId: l.classId, day: l.day, period: l.period, teacherId: a.teacherId, subjectId: a.subjectId, assignmentId: a.id, roomId: l.roomId, combinedKey: l.combinedKey, className: cls.get(l.classId), teacherName: teacher.get(a.teacherId) };
    }),
    rooms: db.prepare('SELECT id, capacity, name FROM room').all() as { id: number; capacity: number; name: string }[],
    unavailable: data.unavailable,
    assignments: data.assignments.map((a) => ({ id: a.id, weeklyPeriods: a.weekly })),
    // The rules the generator honours (saved, or the defaults): fixed events and daily maxima too.
    ...ruleChecks(data, loadRules(db, termId, data).rules),
  });
  return index.list();
}

/** Replaces the term's lessons (of the classes running this term) by the draft's, keeping the old ones for undo. */
export function acceptDraft(ctx: CoreContext, termId: number, draftId: number): { lessons: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const row = draftRow(db, termId, draftId);
    if (row.state !== 'draft') throw new AppError('CONFLICT', 'draftNotOpen', { state: row.state });
    const data = loadSchoolData(db, termId);
    const opts = JSON.parse(row.options) as { baseHash?: string };
    if (opts.baseHash && opts.baseHash !== lessonsHash(data.lessons)) throw new AppError('CONFLICT', 'draftStale', {});
    const lessons = JSON.parse(row.lessons) as GeneratedLesson[];
    replaceLessons(db, termId, data, lessons);
    db.prepare("UPDATE timetable_draft SET state = 'accepted', before = ?, decided_at = ? WHERE id = ?").run(JSON.stringify(data.lessons), ctx.now().toISOString(), draftId);
    const moved = diffLessons(data, data.lessons, lessons).moved;
    ctx.audit('timetable', 'acceptDraft', { entityId: termId, summary: `接受${row.mode === 'repair' ? '重排' : '自动排课'}结果：${lessons.length} 节，变动 ${moved} 节`, after: { draftId } });
    return { lessons: lessons.length };
  })();
}

export function undoAccept(ctx: CoreContext, termId: number, draftId: number): { lessons: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const row = draftRow(db, termId, draftId);
    if (row.state !== 'accepted' || row.before == null) throw new AppError('CONFLICT', 'noUndo', {});
    const data = loadSchoolData(db, termId);
    const accepted = JSON.parse(row.lessons) as GeneratedLesson[];
    // Only while the timetable is still what was accepted: later edits would be lost otherwise.
    if (lessonsHash(accepted) !== lessonsHash(data.lessons)) throw new AppError('CONFLICT', 'draftStale', {});
    const before = JSON.parse(row.before) as GeneratedLesson[];
    replaceLessons(db, termId, data, before);
    db.prepare("UPDATE timetable_draft SET state = 'undone', decided_at = ? WHERE id = ?").run(ctx.now().toISOString(), draftId);
    ctx.audit('timetable', 'undoDraft', { entityId: termId, summary: `撤销接受排课结果：恢复 ${before.length} 节`, after: { draftId } });
    return { lessons: before.length };
  })();
}

export function discardDraft(ctx: CoreContext, termId: number, draftId: number): { ok: true } {
  const row = draftRow(ctx.db, termId, draftId);
  if (row.state !== 'draft') throw new AppError('CONFLICT', 'draftNotOpen', { state: row.state });
  ctx.db.prepare("UPDATE timetable_draft SET state = 'discarded', decided_at = ? WHERE id = ?").run(ctx.now().toISOString(), draftId);
  ctx.audit('timetable', 'discardDraft', { entityId: termId, summary: '放弃排课结果', after: { draftId } });
  return { ok: true };
}

function replaceLessons(db: Database.Database, termId: number, data: SchoolData, lessons: GeneratedLesson[]): void {
  const classIds = JSON.stringify(data.classes.map((c) => c.id));
  db.prepare('DELETE FROM lesson WHERE term_id = ? AND class_id IN (SELECT value FROM json_each(?))').run(termId, classIds);
  const ins = db.prepare('INSERT INTO lesson (term_id, class_id, day, period, assignment_id, room_id, locked, combined_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const l of lessons) ins.run(termId, l.classId, l.day, l.period, l.assignmentId, l.roomId, l.locked ? 1 : 0, l.combinedKey);
}

export function draftForNotices(ctx: CoreContext, termId: number, draftId: number): { row: DraftRow; diff: DraftDiff } {
  const row = draftRow(ctx.db, termId, draftId);
  const data = loadSchoolData(ctx.db, termId);
  const before = row.state === 'accepted' || row.state === 'undone' ? (JSON.parse(row.before ?? '[]') as SchoolData['lessons']) : data.lessons;
  return { row, diff: diffLessons(data, before, JSON.parse(row.lessons) as GeneratedLesson[]) };
}
