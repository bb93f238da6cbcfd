/**
 * The five-year cycle as the page, the printouts and the indicators read it: each teacher's hours in the cycle
 * holding the reference day, what they owe (pro rata for a mid-cycle joiner), what is due by then, and the
 * school's completion. One function (teacherCycleRows) computes a teacher's figures for all of them.
 */
import type Database from 'better-sqlite3';
import type { CycleReport, CycleTeacherRow, TrainingSettings } from '../../../../shared/contract';
import {
  cycleOf, dueBy, hoursInCycle, requiredHours, trainingStatus, TRAINING_LEVELS, type Cycle, type TrainingEntryRef, type TrainingLevel,
} from '../../../../shared/domain/training/cycle';
import { compareZh } from '../../../../shared/domain/text';
import type { CoreContext } from '../../platform/context';
import { todayOf } from '../../platform/staff';
import { trainingSettings } from './register';

interface TeacherRef { id: number; name: string; staffNo: string | null; hireDate: string | null }

/** Every teacher's entries (end date, hours, level), by teacher id. */
function entriesByTeacher(db: Database.Database, ids: number[]): Map<number, TrainingEntryRef[]> {
  const out = new Map<number, TrainingEntryRef[]>();
  const rows = db.prepare('SELECT teacher_id, end_date AS endDate, hours, level FROM training_entry').all() as (TrainingEntryRef & { teacher_id: number })[];
  const want = new Set(ids);
  for (const r of rows) {
    if (!want.has(r.teacher_id)) continue;
    const list = out.get(r.teacher_id) ?? [];
    list.push({ endDate: r.endDate, hours: r.hours, level: r.level });
    out.set(r.teacher_id, list);
  }
  return out;
}

/** The cycle figures of the given teachers on `asOf` (hours recorded up to that day). */
export function teacherCycleRows(db: Database.Database, settings: TrainingSettings, teachers: TeacherRef[], asOf: string): { cycle: Cycle; rows: CycleTeacherRow[] } {
  const cycle = cycleOf(settings.cycleStart, asOf);
  const entries = entriesByTeacher(db, teachers.map((t) => t.id));
  const rows = teachers.map((t) => {
    const required = requiredHours(cycle, t.hireDate, settings.requiredHours);
    const due = dueBy(cycle, required, t.hireDate, asOf);
    const h = hoursInCycle(cycle, entries.get(t.id) ?? [], asOf);
    return {
      teacherId: t.id, teacherName: t.name, staffNo: t.staffNo, hireDate: t.hireDate, required, due, hours: h.total, byLevel: h.byLevel,
      status: trainingStatus(h.total, required, due), missingHireDate: !t.hireDate,
    };
  });
  rows.sort((a, b) => compareZh(a.teacherName, b.teacherName));
  return { cycle, rows };
}

export function activeTeachers(db: Database.Database): TeacherRef[] {
  return db.prepare('SELECT id, name, staff_no AS staffNo, hire_date AS hireDate FROM teacher WHERE archived = 0').all() as TeacherRef[];
}

/** Complete or on pace counts as meeting the requirement on the day (the inspection's completion). */
export function completionOf(rows: CycleTeacherRow[]): CycleReport['completion'] {
  const complete = rows.filter((r) => r.status === 'complete').length;
  const onPace = rows.filter((r) => r.status === 'onPace').length;
  return { teachers: rows.length, complete, onPace, behind: rows.length - complete - onPace, rate: rows.length ? (complete + onPace) / rows.length : null };
}

export function cycleReport(ctx: CoreContext, asOfInput: string | null): CycleReport {
  const asOf = asOfInput ?? todayOf(ctx.now());
  const settings = trainingSettings(ctx);
  const { cycle, rows } = teacherCycleRows(ctx.db, settings, activeTeachers(ctx.db), asOf);
  const byLevel = Object.fromEntries(TRAINING_LEVELS.map((l) => [l, Math.round(rows.reduce((s, r) => s + r.byLevel[l], 0) * 10) / 10])) as Record<TrainingLevel, number>;
  const totalHours = Math.round(rows.reduce((s, r) => s + r.hours, 0) * 10) / 10;
  return { asOf, cycle, settings, teachers: rows, byLevel, totalHours, completion: completionOf(rows) };
}
