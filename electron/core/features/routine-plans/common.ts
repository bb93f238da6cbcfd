/** Helpers shared by the routine-plans services: term lookup, owner checks, issue collection, audited upsert. */
import type Database from 'better-sqlite3';
import { className } from '../../../../shared/domain/constants';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { requireTerm } from '../../platform/query';
import { upsertAudited as upsertStamped, type Cols } from '../../platform/db/audited';
import { addDaysIso } from '../../../../shared/domain/dates';

export interface TermInfo { id: number; startDate: string; teachingWeeks: number; endDate: string }

export function termInfo(db: Database.Database, termId: number): TermInfo {
  const t = requireTerm(db, termId, { field: 'termId' });
  return { id: t.id, startDate: t.startDate, teachingWeeks: t.teachingWeeks, endDate: t.endDate };
}

/** Collects field issues with a path prefix (['rows', 3] in saveMany) and throws them all at once. */
export class Issues {
  /** The list is shared with the issues made by at(), so one throw reports every row. */
  constructor(private readonly prefix: (string | number)[] = [], readonly list: FieldIssue[] = []) {}
  add(field: string | (string | number)[], key: string, params?: Record<string, string | number>): void {
    this.list.push({ path: [...this.prefix, ...(Array.isArray(field) ? field : [field])], key, params });
  }
  at(prefix: (string | number)[]): Issues {
    return new Issues([...this.prefix, ...prefix], this.list);
  }
  throwIfAny(): void {
    if (this.list.length) throw new AppError('VALIDATION', 'validation', { count: this.list.length }, this.list);
  }
}

export interface Owner { termId: number; teacherId: number; subjectId: number; classId: number }

/** Checks that the teacher, subject and class exist; returns the class's grade level (0 when missing). */
export function checkOwner(db: Database.Database, o: Owner, issues: Issues): number {
  // The class's grade in the record's term.
  if (!db.prepare('SELECT 1 FROM teacher WHERE id = ?').get(o.teacherId)) issues.add('teacherId', 'routineTeacherMissing', { id: o.teacherId });
  if (!db.prepare('SELECT 1 FROM subject WHERE id = ?').get(o.subjectId)) issues.add('subjectId', 'routineSubjectMissing', { id: o.subjectId });
  const c = db.prepare('SELECT level FROM class_in_term WHERE class_id = ? AND term_id = ?').get(o.classId, o.termId) as { level: number } | undefined;
  if (!c) issues.add('classId', 'routineClassMissing', { id: o.classId });
  return c?.level ?? 0;
}

/** Weekly periods of the teacher's assignment(s) for the subject in the class; null when there is none. */
export function assignedWeekly(db: Database.Database, o: Owner): number | null {
  const r = db.prepare(
    'SELECT SUM(weekly_periods) AS n, COUNT(*) AS c FROM teaching_assignment WHERE term_id = ? AND teacher_id = ? AND subject_id = ? AND class_id = ?',
  ).get(o.termId, o.teacherId, o.subjectId, o.classId) as { n: number | null; c: number };
  return r.c ? r.n ?? 0 : null;
}

/** ISO day + n days. */
export function addDays(iso: string, n: number): string {
  return addDaysIso(iso, n);
}

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Record dates may fall in the term or in the two weeks after it (end-of-term checks). */
export function checkDateInTerm(term: TermInfo, date: string, field: string, issues: Issues): void {
  if (date < term.startDate || date > addDays(term.endDate, 14)) issues.add(field, 'dateOutsideTerm', { date, from: term.startDate, to: term.endDate });
}


/** Routine records carry created_at/updated_at stamps. */
export function upsertAudited(ctx: CoreContext, table: string, entity: string, id: number | undefined, cols: Cols, label: string): number {
  return upsertStamped(ctx, table, entity, id, cols, label, { timestamps: true });
}

export function deleteAudited(ctx: CoreContext, table: string, entity: string, id: number, label: (row: Record<string, unknown>) => string): { id: number } {
  const before = ctx.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!before) throw new AppError('NOT_FOUND', 'notFound', { entity, id });
  ctx.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
  ctx.audit(entity, 'delete', { entityId: id, summary: `删除 ${label(before)}`, before });
  return { id };
}

/** Unique-constraint failures become CONFLICT naming the row. */
export function guardDuplicate<R>(issues: Issues, f: () => R): R {
  try {
    return f();
  } catch (e) {
    if (((e as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT_UNIQUE')) {
      issues.add('checkDate', 'routineDuplicate');
      throw new AppError('CONFLICT', 'routineDuplicate', undefined, issues.list);
    }
    throw e;
  }
}

/** SQL select of the owner's display columns (alias o = the record table). */
export const OWNER_JOIN = `JOIN teacher t ON t.id = o.teacher_id JOIN subject s ON s.id = o.subject_id
  JOIN class_in_term c ON c.class_id = o.class_id AND c.term_id = o.term_id`;
export const OWNER_COLS = 't.name AS teacher_name, s.name AS subject_name, c.level AS grade_level, c.class_no AS class_no';
export function ownerNames(r: Record<string, unknown>): { teacherName: string; subjectName: string; className: string; gradeLevel: number } {
  return {
    teacherName: r.teacher_name as string, subjectName: r.subject_name as string,
    className: className(r.grade_level as number, r.class_no as number), gradeLevel: r.grade_level as number,
  };
}

export const bool = (v: unknown): boolean | null => (v == null ? null : v === 1 || v === true);
export const b01 = (v: boolean | null | undefined): number | null => (v == null ? null : v ? 1 : 0);

/** WHERE fragments for CheckQuery-style filters on a record table aliased o with a date column. */
export function checkFilters(q: { termId: number; month?: string; from?: string; to?: string; teacherId?: number; subjectId?: number; classId?: number; fixStatus?: string }, dateCol: string): { where: string; args: unknown[] } {
  const w = ['o.term_id = ?'];
  const args: unknown[] = [q.termId];
  if (q.month) { const r = monthRange(q.month); w.push(`o.${dateCol} BETWEEN ? AND ?`); args.push(r.from, r.to); }
  if (q.from) { w.push(`o.${dateCol} >= ?`); args.push(q.from); }
  if (q.to) { w.push(`o.${dateCol} <= ?`); args.push(q.to); }
  if (q.teacherId) { w.push('o.teacher_id = ?'); args.push(q.teacherId); }
  if (q.subjectId) { w.push('o.subject_id = ?'); args.push(q.subjectId); }
  if (q.classId) { w.push('o.class_id = ?'); args.push(q.classId); }
  if (q.fixStatus) { w.push('o.fix_status = ?'); args.push(q.fixStatus); }
  return { where: w.join(' AND '), args };
}
