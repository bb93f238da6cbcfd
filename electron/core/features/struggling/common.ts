/** Shared pieces of the struggling-student module: dates, settings, names and the list-row query. */
import type Database from 'better-sqlite3';
import type {
  CandidateRules, StrugglingFileRow, StrugglingSettings, StrugglingStatus,
} from '../../../../shared/contract';
import { CandidateRulesSchema } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import type { CoreContext } from '../../platform/context';
import { classLevelSql, termName } from '../../platform/query';
import { schoolDay } from '../../../../shared/domain/dates';

/** The school's calendar day, YYYY-MM-DD (entries and reminders are about school days, not UTC). */
export function localDay(d: Date): string {
  return schoolDay(d);
}

export const SETTING_RULES = 'struggling.rules';
export const SETTING_REMINDER_WEEKS = 'struggling.reminderWeeks';
export const SETTING_RETENTION_YEARS = 'struggling.retentionYears';
export const DEFAULT_REMINDER_WEEKS = 2;
export const DEFAULT_RETENTION_YEARS = 3;

function intSetting(ctx: CoreContext, key: string, fallback: number): number {
  const n = Number(ctx.getSetting(key));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function loadSettings(ctx: CoreContext): StrugglingSettings {
  let rules: CandidateRules;
  try {
    rules = CandidateRulesSchema.parse(JSON.parse(ctx.getSetting(SETTING_RULES) ?? '{}'));
  } catch {
    rules = CandidateRulesSchema.parse({});
  }
  return {
    rules,
    reminderWeeks: intSetting(ctx, SETTING_REMINDER_WEEKS, DEFAULT_REMINDER_WEEKS),
    retentionYears: intSetting(ctx, SETTING_RETENTION_YEARS, DEFAULT_RETENTION_YEARS),
  };
}

export function subjectNames(db: Database.Database): Map<number, string> {
  const rows = db.prepare('SELECT id, name FROM subject').all() as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const parseIds = (json: string | null): number[] => {
  try {
    const v = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
};

export interface FileRowRecord {
  id: number; term_id: number; year_name: string; term_no: number;
  student_id: number; student_name: string; student_no: string; class_id: number | null; level: number | null; class_no: number | null;
  subject_ids: string; teacher_id: number | null; teacher_name: string | null; head_teacher_id: number | null; head_name: string | null;
  status: StrugglingStatus; source: 'exam' | 'nomination' | 'manual'; opened_on: string; closed_on: string | null;
  tutoring_count: number; last_tutoring: string | null; carried_to_id: number | null;
}

/**
 * The list query. It reads struggling_file and the names it points to, plus the count and date of tutoring
 * entries: never struggling_cause nor entry texts, so a list cannot leak a sensitive note.
 */
export const FILE_ROW_SQL = `
SELECT f.id, f.term_id, y.name AS year_name, tm.term_no,
  f.student_id, s.name AS student_name, s.student_no, f.class_id, ${classLevelSql('c', 'y')} AS level, c.class_no,
  f.subject_ids, f.teacher_id, t.name AS teacher_name, f.head_teacher_id, h.name AS head_name,
  f.status, f.source, f.opened_on, f.closed_on,
  (SELECT COUNT(*) FROM struggling_entry e WHERE e.file_id = f.id AND e.kind = 'tutoring') AS tutoring_count,
  (SELECT MAX(e.entry_date) FROM struggling_entry e WHERE e.file_id = f.id AND e.kind = 'tutoring') AS last_tutoring,
  (SELECT n.id FROM struggling_file n WHERE n.carried_from_id = f.id) AS carried_to_id
FROM struggling_file f
JOIN student s ON s.id = f.student_id
JOIN term tm ON tm.id = f.term_id
JOIN school_year y ON y.id = tm.school_year_id
LEFT JOIN class c ON c.id = f.class_id
LEFT JOIN teacher t ON t.id = f.teacher_id
LEFT JOIN teacher h ON h.id = f.head_teacher_id`;

export const FILE_ROW_ORDER = ' ORDER BY tm.start_date DESC, level, c.class_no, s.student_no, f.id';

export function toFileRow(r: FileRowRecord, subjects: Map<number, string>): StrugglingFileRow {
  const subjectIds = parseIds(r.subject_ids);
  return {
    id: r.id, termId: r.term_id, termLabel: termName(r.year_name, r.term_no),
    studentId: r.student_id, studentName: r.student_name, studentNo: r.student_no,
    classId: r.class_id, className: r.level !== null && r.class_no !== null ? className(r.level, r.class_no) : null,
    subjectIds, subjectNames: subjectIds.map((id) => subjects.get(id) ?? `#${id}`),
    teacherId: r.teacher_id, teacherName: r.teacher_name, headTeacherId: r.head_teacher_id, headTeacherName: r.head_name,
    status: r.status, source: r.source, openedOn: r.opened_on, closedOn: r.closed_on,
    tutoringCount: r.tutoring_count, lastTutoringOn: r.last_tutoring, carriedToId: r.carried_to_id,
  };
}

export interface FileFilter { termId?: number; classId?: number; classIds?: number[]; teacherId?: number; teacherIds?: number[]; status?: StrugglingStatus; ids?: number[] }

export function queryFileRows(db: Database.Database, filter: FileFilter): StrugglingFileRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  const inList = (col: string, ids: number[]) => { where.push(`${col} IN (${ids.map(() => '?').join(',')})`); args.push(...ids); };
  if (filter.termId !== undefined) { where.push('f.term_id = ?'); args.push(filter.termId); }
  if (filter.classId !== undefined) { where.push('f.class_id = ?'); args.push(filter.classId); }
  if (filter.classIds?.length) inList('f.class_id', filter.classIds);
  if (filter.teacherId !== undefined) { where.push('(f.teacher_id = ? OR f.head_teacher_id = ?)'); args.push(filter.teacherId, filter.teacherId); }
  if (filter.teacherIds?.length) inList('f.teacher_id', filter.teacherIds);
  if (filter.status) { where.push('f.status = ?'); args.push(filter.status); }
  if (filter.ids) { if (!filter.ids.length) return []; inList('f.id', filter.ids); }
  const sql = FILE_ROW_SQL + (where.length ? ' WHERE ' + where.join(' AND ') : '') + FILE_ROW_ORDER;
  const subjects = subjectNames(db);
  return (db.prepare(sql).all(...args) as FileRowRecord[]).map((r) => toFileRow(r, subjects));
}
