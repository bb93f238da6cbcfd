/**
 * What the monthly check takes from the routine-plans module: the term's monthly-sheet rubric (getRubric),
 * collective preparation attendance (collectiveAttendance), and the month's plan/homework check grades and fixes
 * (read from the 0004 tables plan_check / homework_check).
 */
import type Database from 'better-sqlite3';
import { toMonthlyRubric, type MonthlyRubric, monthRange } from '../../../../shared/domain/routine/monthly';
import { collectiveAttendance, getRubric } from '../routine-plans/service';

const GRADE_RANK: Record<string, number> = { 优: 0, 良: 1, 合格: 2, 不合格: 3 };

function hasTable(db: Database.Database, name: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

/** The term's monthly-sheet rubric (the standards' default when the school has not saved one). */
export function monthlySheetRubric(db: Database.Database, termId: number): MonthlyRubric {
  return toMonthlyRubric(getRubric(db, termId, 'monthlySheet'));
}

/** teacher id -> collective preparations of their 备课组 held in the month and attended (capped at held). */
export function collectiveAttendanceMap(db: Database.Database, termId: number, month: string): Map<number, { attended: number; held: number }> {
  const out = new Map<number, { attended: number; held: number }>();
  for (const r of collectiveAttendance(db, termId, month)) {
    if (r.held > 0 || r.attended > 0) out.set(r.teacherId, { held: Math.max(r.held, r.attended), attended: r.attended });
  }
  return out;
}

export interface CheckGradeRow { teacherId: number; grade: string | null; score: number | null; fixRequired: string | null; fixStatus: string; fixDoneDate: string | null }

/** Plan or homework checks dated in the month (empty when the routine-plans tables are absent). */
export function monthChecks(db: Database.Database, kind: 'plan' | 'homework', termId: number, month: string): CheckGradeRow[] {
  const table = kind === 'plan' ? 'plan_check' : 'homework_check';
  if (!hasTable(db, table)) return [];
  const { from, to } = monthRange(month);
  return db.prepare(
    `SELECT teacher_id AS teacherId, grade, score, fix_required AS fixRequired, fix_status AS fixStatus, fix_done_date AS fixDoneDate
     FROM ${table} WHERE term_id = ? AND check_date BETWEEN ? AND ?`,
  ).all(termId, from, to) as CheckGradeRow[];
}

/** teacher id -> the lowest grade of their checks in the month (one weak class is what the sheet must show). */
export function worstGrades(rows: CheckGradeRow[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const r of rows) {
    if (!r.grade) continue;
    const cur = out.get(r.teacherId);
    if (cur == null || (GRADE_RANK[r.grade] ?? 0) > (GRADE_RANK[cur] ?? 0)) out.set(r.teacherId, r.grade);
  }
  return out;
}
