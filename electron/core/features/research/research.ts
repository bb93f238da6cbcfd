/** Teaching-research activities (教研活动) of 教研组/备课组 and attendance per teacher per month. */
import type Database from 'better-sqlite3';
import type { ParsedInput, ResearchActivity, ResearchAttendance } from '../../../../shared/contract';
import { monthRange, termMonths } from '../../../../shared/domain/routine/monthly';
import { compareZh } from '../../../../shared/domain/text';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { groupMembership, loadTerm, push, requireTeacher, teacherMap } from '../../platform/staff';

type Row = { id: number; term_id: number; group_id: number; group_name: string; group_kind: '教研组' | '备课组'; date: string; topic: string; host_id: number | null; host_name: string | null; location: string | null; minutes: string | null };

export function listResearch(db: Database.Database, q: { termId: number; groupId?: number | null; month?: string | null; id?: number }): ResearchActivity[] {
  const where = ['r.term_id = ?'];
  const args: unknown[] = [q.termId];
  if (q.id) { where.push('r.id = ?'); args.push(q.id); }
  if (q.groupId) { where.push('r.group_id = ?'); args.push(q.groupId); }
  if (q.month) { const m = monthRange(q.month); where.push('r.date BETWEEN ? AND ?'); args.push(m.from, m.to); }
  const rows = db.prepare(
    `SELECT r.*, g.name AS group_name, g.kind AS group_kind, h.name AS host_name FROM research_activity r
     JOIN teaching_group g ON g.id = r.group_id LEFT JOIN teacher h ON h.id = r.host_id
     WHERE ${where.join(' AND ')} ORDER BY r.date DESC, r.id DESC`,
  ).all(...args) as Row[];
  const att = new Map<number, { id: number; name: string }[]>();
  if (rows.length) {
    const ids = rows.map((r) => r.id);
    const list = db.prepare(
      `SELECT a.activity_id, t.id, t.name FROM research_attendance a JOIN teacher t ON t.id = a.teacher_id
       WHERE a.activity_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as { activity_id: number; id: number; name: string }[];
    for (const a of list) push(att, a.activity_id, { id: a.id, name: a.name });
  }
  return rows.map((r) => {
    const a = (att.get(r.id) ?? []).sort((x, y) => compareZh(x.name, y.name));
    return {
      id: r.id, termId: r.term_id, groupId: r.group_id, groupName: r.group_name, groupKind: r.group_kind, date: r.date, topic: r.topic,
      hostId: r.host_id, hostName: r.host_name, location: r.location, minutes: r.minutes, attendeeIds: a.map((x) => x.id), attendeeNames: a.map((x) => x.name),
    };
  });
}

export function saveResearch(ctx: CoreContext, a: ParsedInput<'research/save'>): ResearchActivity {
  const { db } = ctx;
  const term = loadTerm(db, a.termId);
  if (a.date < term.startDate || a.date > term.endDate) {
    throw new AppError('VALIDATION', 'validation', undefined, [{ path: ['date'], key: 'routineMonthly.dateOutsideTerm', params: { start: term.startDate, end: term.endDate } }]);
  }
  if (!db.prepare('SELECT 1 FROM teaching_group WHERE id = ?').get(a.groupId)) {
    throw new AppError('VALIDATION', 'validation', undefined, [{ path: ['groupId'], key: 'routineMonthly.groupNotFound', params: { id: a.groupId } }]);
  }
  const teachers = teacherMap(db);
  if (a.hostId) requireTeacher(teachers, a.hostId, 'hostId');
  const attendees = [...new Set(a.attendeeIds)];
  attendees.forEach((t, i) => requireTeacher(teachers, t, `attendeeIds.${i}`));
  const now = ctx.now().toISOString();
  const cols = { term_id: a.termId, group_id: a.groupId, date: a.date, topic: a.topic, host_id: a.hostId, location: a.location, minutes: a.minutes, updated_at: now };
  const id = db.transaction(() => {
    let rid: number;
    if (a.id == null) {
      const names = Object.keys(cols);
      rid = Number(db.prepare(`INSERT INTO research_activity (${names.join(', ')}, created_at) VALUES (${names.map(() => '?').join(', ')}, ?)`).run(...Object.values(cols), now).lastInsertRowid);
      ctx.audit('researchActivity', 'create', { entityId: rid, summary: `新增教研活动 ${a.date} ${a.topic}`, after: { ...cols, attendees } });
    } else {
      rid = a.id;
      const before = listResearch(db, { termId: a.termId, id: rid })[0];
      if (!before) throw new AppError('NOT_FOUND', 'notFound', { entity: 'researchActivity', id: rid });
      db.prepare(`UPDATE research_activity SET ${Object.keys(cols).map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(cols), rid);
      db.prepare('DELETE FROM research_attendance WHERE activity_id = ?').run(rid);
      ctx.audit('researchActivity', 'update', { entityId: rid, summary: `修改教研活动 ${a.date} ${a.topic}`, before, after: { ...cols, attendees } });
    }
    const ins = db.prepare('INSERT INTO research_attendance (activity_id, teacher_id) VALUES (?, ?)');
    for (const t of attendees) ins.run(rid, t);
    return rid;
  })();
  return listResearch(db, { termId: a.termId, id })[0];
}

export function deleteResearch(ctx: CoreContext, id: number): { ok: true } {
  const row = ctx.db.prepare('SELECT term_id FROM research_activity WHERE id = ?').get(id) as { term_id: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'notFound', { entity: 'researchActivity', id });
  const before = listResearch(ctx.db, { termId: row.term_id, id })[0];
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM research_activity WHERE id = ?').run(id);
    ctx.audit('researchActivity', 'delete', { entityId: id, summary: `删除教研活动 ${before.date} ${before.topic}`, before });
  })();
  return { ok: true };
}

/**
 * teacher id -> activities held by the teacher's groups (教研组 and 备课组) in [from, to] and attended. An activity
 * attended outside one's own groups counts as attended and held, so attendance never exceeds 100%.
 */
export function researchAttendanceMap(db: Database.Database, termId: number, from: string, to: string, memberGroups: Map<number, number[]>): Map<number, { attended: number; held: number }> {
  const acts = db.prepare('SELECT id, group_id FROM research_activity WHERE term_id = ? AND date BETWEEN ? AND ?').all(termId, from, to) as { id: number; group_id: number }[];
  const out = new Map<number, { attended: number; held: number }>();
  if (!acts.length) return out;
  const groupOf = new Map(acts.map((a) => [a.id, a.group_id]));
  const heldByGroup = new Map<number, number>();
  for (const a of acts) heldByGroup.set(a.group_id, (heldByGroup.get(a.group_id) ?? 0) + 1);
  for (const [tid, groups] of memberGroups) {
    const held = groups.reduce((s, g) => s + (heldByGroup.get(g) ?? 0), 0);
    if (held) out.set(tid, { held, attended: 0 });
  }
  const att = db.prepare(
    `SELECT a.activity_id, a.teacher_id FROM research_attendance a JOIN research_activity r ON r.id = a.activity_id WHERE r.term_id = ? AND r.date BETWEEN ? AND ?`,
  ).all(termId, from, to) as { activity_id: number; teacher_id: number }[];
  for (const a of att) {
    const own = (memberGroups.get(a.teacher_id) ?? []).includes(groupOf.get(a.activity_id)!);
    const cur = out.get(a.teacher_id) ?? { attended: 0, held: 0 };
    cur.attended++;
    if (!own) cur.held++;
    out.set(a.teacher_id, cur);
  }
  return out;
}

export function researchAttendance(db: Database.Database, termId: number): ResearchAttendance {
  const term = loadTerm(db, termId);
  const months = termMonths(term.startDate, term.weeks);
  const mem = groupMembership(db, termId);
  const teachers = teacherMap(db);
  const rows = new Map<number, ResearchAttendance['rows'][number]>();
  for (const month of months) {
    const r = monthRange(month);
    for (const [tid, v] of researchAttendanceMap(db, termId, r.from, r.to, mem.all)) {
      const t = teachers.get(tid);
      if (!t || t.archived) continue;
      let row = rows.get(tid);
      if (!row) { row = { teacherId: tid, teacherName: t.name, groupNames: (mem.research.get(tid) ?? []).map((g) => g.name), byMonth: {}, attended: 0, held: 0 }; rows.set(tid, row); }
      row.byMonth[month] = v;
      row.attended += v.attended;
      row.held += v.held;
    }
  }
  return { months, rows: [...rows.values()].sort((a, b) => compareZh(a.teacherName, b.teacherName)) };
}
