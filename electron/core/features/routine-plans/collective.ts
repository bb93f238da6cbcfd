/** Collective preparation (集体备课) per 备课组: the three fixed elements, lead preparer, attendees, outcome. */
import type Database from 'better-sqlite3';
import type { CollectiveAttendanceRow, CollectivePrep, ParsedInput } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { checkDateInTerm, deleteAudited, Issues, monthRange, termInfo, upsertAudited } from './common';

type Row = Record<string, unknown>;
type PrepInput = ParsedInput<'routine-plans/saveCollectivePrep'>;

function members(db: Database.Database, groupId: number): number[] {
  return (db.prepare('SELECT teacher_id FROM teaching_group_member WHERE group_id = ? ORDER BY teacher_id').all(groupId) as { teacher_id: number }[]).map((r) => r.teacher_id);
}

function toPreps(db: Database.Database, rows: Row[]): CollectivePrep[] {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id as number);
  const att = db.prepare(
    `SELECT a.prep_id, a.teacher_id, t.name FROM collective_prep_attendee a JOIN teacher t ON t.id = a.teacher_id
      WHERE a.prep_id IN (${ids.map(() => '?').join(',')}) ORDER BY t.name`,
  ).all(...ids) as { prep_id: number; teacher_id: number; name: string }[];
  const memberCache = new Map<number, number[]>();
  return rows.map((r) => {
    const mine = att.filter((a) => a.prep_id === r.id);
    const groupId = r.group_id as number;
    if (!memberCache.has(groupId)) memberCache.set(groupId, members(db, groupId));
    const present = new Set(mine.map((a) => a.teacher_id));
    return {
      id: r.id as number, termId: r.term_id as number, groupId, groupName: r.group_name as string, date: r.date as string,
      fixedTime: (r.fixed_time as string) ?? null, place: (r.place as string) ?? null, content: (r.content as string) ?? null,
      topic: r.topic as string, leadTeacherId: (r.lead_teacher_id as number) ?? null, leadTeacherName: (r.lead_name as string) ?? null,
      attendeeIds: mine.map((a) => a.teacher_id), attendeeNames: mine.map((a) => a.name),
      absentIds: memberCache.get(groupId)!.filter((t) => !present.has(t)),
      outcome: (r.outcome as string) ?? null, createdAt: r.created_at as string, updatedAt: r.updated_at as string,
    };
  });
}

const SELECT = `SELECT o.*, tg.name AS group_name, lt.name AS lead_name FROM collective_prep o
  JOIN teaching_group tg ON tg.id = o.group_id LEFT JOIN teacher lt ON lt.id = o.lead_teacher_id`;

export function listCollectivePreps(ctx: CoreContext, q: ParsedInput<'routine-plans/listCollectivePreps'>): CollectivePrep[] {
  const w = ['o.term_id = ?'];
  const args: unknown[] = [q.termId];
  if (q.groupId) { w.push('o.group_id = ?'); args.push(q.groupId); }
  if (q.month) { const r = monthRange(q.month); w.push('o.date BETWEEN ? AND ?'); args.push(r.from, r.to); }
  if (q.teacherId) { w.push('(o.lead_teacher_id = ? OR o.id IN (SELECT prep_id FROM collective_prep_attendee WHERE teacher_id = ?))'); args.push(q.teacherId, q.teacherId); }
  return toPreps(ctx.db, ctx.db.prepare(`${SELECT} WHERE ${w.join(' AND ')} ORDER BY o.date DESC, tg.name`).all(...args) as Row[]);
}

function getPrep(ctx: CoreContext, id: number): CollectivePrep {
  const r = ctx.db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'notFound', { entity: 'collectivePrep', id });
  return toPreps(ctx.db, [r])[0];
}

export function saveCollectivePrep(ctx: CoreContext, p: PrepInput): CollectivePrep {
  const issues = new Issues();
  const term = termInfo(ctx.db, p.termId);
  const g = ctx.db.prepare('SELECT kind, name FROM teaching_group WHERE id = ?').get(p.groupId) as { kind: string; name: string } | undefined;
  if (!g) issues.add('groupId', 'routineGroupMissing', { id: p.groupId });
  else if (g.kind !== '备课组') issues.add('groupId', 'groupNotPrep', { name: g.name });
  checkDateInTerm(term, p.date, 'date', issues);
  const teacherExists = ctx.db.prepare('SELECT 1 FROM teacher WHERE id = ?');
  if (p.leadTeacherId != null && !teacherExists.get(p.leadTeacherId)) issues.add('leadTeacherId', 'routineTeacherMissing', { id: p.leadTeacherId });
  p.attendeeIds.forEach((t, i) => { if (!teacherExists.get(t)) issues.add(['attendeeIds', i], 'routineTeacherMissing', { id: t }); });
  if (p.id !== undefined && !ctx.db.prepare('SELECT 1 FROM collective_prep WHERE id = ?').get(p.id)) issues.add('id', 'notFound');
  issues.throwIfAny();
  // The lead preparer attends by definition.
  const attendees = [...new Set(p.leadTeacherId != null ? [p.leadTeacherId, ...p.attendeeIds] : p.attendeeIds)];
  const id = ctx.db.transaction(() => {
    const before = p.id === undefined ? [] : (ctx.db.prepare('SELECT teacher_id FROM collective_prep_attendee WHERE prep_id = ? ORDER BY teacher_id').all(p.id) as { teacher_id: number }[]).map((r) => r.teacher_id);
    const id = upsertAudited(ctx, 'collective_prep', 'collectivePrep', p.id, {
      term_id: p.termId, group_id: p.groupId, date: p.date, fixed_time: p.fixedTime, place: p.place, content: p.content, topic: p.topic,
      lead_teacher_id: p.leadTeacherId, outcome: p.outcome,
    }, `集体备课 ${g!.name} ${p.date}`);
    const sorted = [...attendees].sort((a, b) => a - b);
    if (JSON.stringify(before) !== JSON.stringify(sorted)) {
      ctx.db.prepare('DELETE FROM collective_prep_attendee WHERE prep_id = ?').run(id);
      const ins = ctx.db.prepare('INSERT INTO collective_prep_attendee (prep_id, teacher_id) VALUES (?, ?)');
      for (const t of sorted) ins.run(id, t);
      if (p.id !== undefined) ctx.audit('collectivePrep', 'attendees', { entityId: id, summary: `修改集体备课参加人员 ${g!.name} ${p.date}`, before, after: sorted });
    }
    return id;
  })();
  return getPrep(ctx, id);
}

export function deleteCollectivePrep(ctx: CoreContext, id: number): { id: number } {
  return ctx.db.transaction(() => deleteAudited(ctx, 'collective_prep', 'collectivePrep', id, (r) => `集体备课 ${r.date as string} ${r.topic as string}`))();
}

/**
 * Attendance at collective preparation in a month, per teacher who belongs to a 备课组 (or attended one):
 * sessions held by their groups and sessions they attended. For the monthly sheet.
 */
export function collectiveAttendance(db: Database.Database, termId: number, month: string): CollectiveAttendanceRow[] {
  const { from, to } = monthRange(month);
  const held = db.prepare(
    `SELECT p.id, p.group_id FROM collective_prep p WHERE p.term_id = ? AND p.date BETWEEN ? AND ?`,
  ).all(termId, from, to) as { id: number; group_id: number }[];
  const heldByGroup = new Map<number, number>();
  for (const h of held) heldByGroup.set(h.group_id, (heldByGroup.get(h.group_id) ?? 0) + 1);
  const membership = db.prepare(
    `SELECT m.teacher_id, m.group_id, t.name FROM teaching_group_member m JOIN teaching_group g ON g.id = m.group_id
       JOIN teacher t ON t.id = m.teacher_id WHERE g.kind = '备课组' AND g.archived = 0
         AND g.school_year_id = (SELECT school_year_id FROM term WHERE id = ?)`,
  ).all(termId) as { teacher_id: number; group_id: number; name: string }[];
  const attended = db.prepare(
    `SELECT a.teacher_id, t.name, COUNT(*) AS n FROM collective_prep_attendee a JOIN collective_prep p ON p.id = a.prep_id
       JOIN teacher t ON t.id = a.teacher_id WHERE p.term_id = ? AND p.date BETWEEN ? AND ? GROUP BY a.teacher_id`,
  ).all(termId, from, to) as { teacher_id: number; name: string; n: number }[];
  const rows = new Map<number, CollectiveAttendanceRow>();
  const row = (id: number, name: string) => {
    let r = rows.get(id);
    if (!r) { r = { teacherId: id, teacherName: name, groupIds: [], held: 0, attended: 0 }; rows.set(id, r); }
    return r;
  };
  for (const m of membership) {
    const r = row(m.teacher_id, m.name);
    r.groupIds.push(m.group_id);
    r.held += heldByGroup.get(m.group_id) ?? 0;
  }
  for (const a of attended) row(a.teacher_id, a.name).attended = a.n;
  return [...rows.values()].sort((a, b) => a.teacherId - b.teacherId);
}
