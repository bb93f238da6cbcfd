/**
 * A student's class membership as a dated history (学籍变动): one `student_enrollment` row per stretch in one
 * class within one school year. `student.class_id` and `student.status` stay "now" (what today's screens
 * read); every write that changes them keeps the open stretch in step, in the same transaction.
 */
import type Database from 'better-sqlite3';
import type { EnrollmentEnd, EnrollmentStart, StudentChange } from '../../../../shared/domain/cohort';
import { newestSchoolYearId } from '../../platform/query';

interface OpenStretch { id: number; class_id: number; school_year_id: number }

/** The change that ends a stretch when a student stops being 在读. */
const END_FOR_STATUS: Record<string, EnrollmentEnd> = { 转出: '转出', 休学: '休学', 毕业: '毕业' };

/**
 * Brings the open stretch in line with the student's class and status now, from `date`: a class change
 * closes the stretch and opens one in the new class (分班调整 unless `change` says 留级), leaving school
 * (转出/休学/毕业) closes it, and a student back in a class opens one (入学 for a first stretch, 复学 after
 * 休学, else 转入). Nothing happens when the history already agrees.
 */
export function syncEnrollment(db: Database.Database, studentId: number, date: string, change?: StudentChange, note: string | null = null): void {
  enrollmentSync(db)(studentId, date, change, note);
}

/**
 * syncEnrollment with its statements prepared once and the newest school year read once, for writing many
 * students in one transaction (a roster of thousands).
 */
export function enrollmentSync(db: Database.Database): (studentId: number, date: string, change?: StudentChange, note?: string | null) => void {
  const student = db.prepare('SELECT class_id, status FROM student WHERE id = ?');
  const openOf = db.prepare('SELECT id, class_id, school_year_id FROM student_enrollment WHERE student_id = ? AND to_date IS NULL ORDER BY id DESC LIMIT 1');
  const closeStmt = db.prepare('UPDATE student_enrollment SET to_date = ?, end_change = ? WHERE id = ?');
  const lastOf = db.prepare('SELECT end_change FROM student_enrollment WHERE student_id = ? ORDER BY from_date DESC, id DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO student_enrollment (student_id, school_year_id, class_id, from_date, start_change, note) VALUES (?, ?, ?, ?, ?, ?)');
  let yearId: number | null | undefined;
  let yearStart = '';
  return (studentId, date, change, note = null) => {
    const s = student.get(studentId) as { class_id: number | null; status: string } | undefined;
    if (!s) return;
    const open = openOf.get(studentId) as OpenStretch | undefined;
    const inClass = s.status === '在读' && s.class_id !== null;
    if (open && inClass && open.class_id === s.class_id) return;
    const close = (end: EnrollmentEnd) => closeStmt.run(date, end, open!.id);
    if (open) {
      if (!inClass) { close(END_FOR_STATUS[s.status] ?? '转出'); return; }
      close(change === '留级' ? '留级' : '分班调整');
    }
    if (!inClass) return;
    if (yearId === undefined) {
      yearId = newestSchoolYearId(db);
      yearStart = (db.prepare('SELECT MIN(start_date) AS d FROM term WHERE school_year_id = ?').get(yearId ?? -1) as { d: string | null }).d ?? '';
    }
    if (yearId === null) return;
    // A roster imported in the summer for the coming year: the stretch begins with that year's first term.
    const from = date < yearStart ? yearStart : date;
    let start: EnrollmentStart;
    if (open) start = change === '留级' ? '留级' : '分班调整';
    else {
      const last = lastOf.get(studentId) as { end_change: string | null } | undefined;
      start = !last ? (change === '转入' ? '转入' : '入学') : last.end_change === '休学' ? '复学' : '转入';
    }
    insert.run(studentId, yearId, s.class_id, from, start, note);
  };
}
