/**
 * Reads the routine features (observations, research, monthly check) share: the term in their shape, teachers
 * with roles, and teaching-group membership.
 */
import type Database from 'better-sqlite3';
import { compareZh } from '../../../shared/domain/text';
import { AppError } from '../../../shared/errors';
import { requireTerm } from './query';
import { schoolDay } from '../../../shared/domain/dates';

export interface TermInfo { id: number; startDate: string; endDate: string; weeks: number; name: string }

export function loadTerm(db: Database.Database, termId: number): TermInfo {
  const t = requireTerm(db, termId);
  return { id: t.id, startDate: t.startDate, endDate: t.endDate, weeks: t.teachingWeeks, name: t.name };
}

export interface TeacherBasic { id: number; name: string; staffNo: string | null; roles: string[]; archived: boolean }

export function teacherMap(db: Database.Database): Map<number, TeacherBasic> {
  const rows = db.prepare('SELECT id, name, staff_no, roles, archived FROM teacher').all() as { id: number; name: string; staff_no: string | null; roles: string; archived: number }[];
  const out = new Map<number, TeacherBasic>();
  for (const r of rows) out.set(r.id, { id: r.id, name: r.name, staffNo: r.staff_no, roles: safeRoles(r.roles), archived: r.archived === 1 });
  return out;
}

function safeRoles(json: string): string[] {
  try { const v = JSON.parse(json || '[]'); return Array.isArray(v) ? v.map(String) : []; } catch { return []; }
}

export function requireTeacher(teachers: Map<number, TeacherBasic>, id: number, field: string): TeacherBasic {
  const t = teachers.get(id);
  if (!t) throw new AppError('VALIDATION', 'validation', undefined, [{ path: [field], key: 'routineMonthly.teacherNotFound', params: { id } }]);
  return t;
}

export interface GroupMembership {
  /** teacher id -> active groups of kind 教研组 (id, name). */
  research: Map<number, { id: number; name: string }[]>;
  /** teacher id -> every active group (教研组 and 备课组) ids. */
  all: Map<number, number[]>;
  groups: Map<number, { id: number; name: string; kind: '教研组' | '备课组'; memberIds: number[] }>;
}

/** The teaching groups of the term's school year and their members. */
export function groupMembership(db: Database.Database, termId: number): GroupMembership {
  const groups = new Map<number, { id: number; name: string; kind: '教研组' | '备课组'; memberIds: number[] }>();
  for (const g of db.prepare('SELECT id, name, kind FROM teaching_group WHERE archived = 0 AND school_year_id = (SELECT school_year_id FROM term WHERE id = ?) ORDER BY id').all(termId) as { id: number; name: string; kind: '教研组' | '备课组' }[]) {
    groups.set(g.id, { ...g, memberIds: [] });
  }
  const research = new Map<number, { id: number; name: string }[]>();
  const all = new Map<number, number[]>();
  for (const m of db.prepare('SELECT group_id, teacher_id FROM teaching_group_member').all() as { group_id: number; teacher_id: number }[]) {
    const g = groups.get(m.group_id);
    if (!g) continue;
    g.memberIds.push(m.teacher_id);
    push(all, m.teacher_id, g.id);
    if (g.kind === '教研组') push(research, m.teacher_id, { id: g.id, name: g.name });
  }
  for (const list of research.values()) list.sort((a, b) => compareZh(a.name, b.name));
  return { research, all, groups };
}

export function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v); else map.set(k, [v]);
}

export const nowIso = (d: Date) => d.toISOString();
/** The school's day of the core clock, yyyy-mm-dd. */
export function todayOf(d: Date): string {
  return schoolDay(d);
}
