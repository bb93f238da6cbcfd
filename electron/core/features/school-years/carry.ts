/**
 * Copying a term's settings and records into another term, for the two roll-overs. These tables belong to
 * other features (timetable, routine-plans, observations, struggling); the roll-over is the one place that
 * copies them all at once, so the copies are plain SQL here rather than calls into each feature.
 */
import type Database from 'better-sqlite3';

/** The columns of a table other than `skip` (ids are not copied). */
function columns(db: Database.Database, table: string, skip: string[]): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).filter((c) => !skip.includes(c));
}

/**
 * Copies the rows of a per-term table from one term to another, keeping what the target already has
 * (INSERT OR IGNORE on its unique key). Returns the rows copied.
 */
export function copyTermRows(db: Database.Database, table: string, fromTermId: number, toTermId: number): number {
  const cols = columns(db, table, ['id', 'term_id']);
  const list = cols.join(', ');
  return db.prepare(`INSERT OR IGNORE INTO ${table} (term_id, ${list}) SELECT ?, ${list} FROM ${table} WHERE term_id = ?`)
    .run(toTermId, fromTermId).changes;
}

/** How many rows a per-term table has in a term (for the preview). */
export function countTermRows(db: Database.Database, table: string, termId: number): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE term_id = ?`).get(termId) as { n: number }).n;
}

export interface OpenFile { id: number; termId: number; studentId: number; studentName: string; classId: number | null }

/** Open struggling-student files (帮扶中/继续帮扶, not yet carried) of students still in school. */
export function openFilesToCarry(db: Database.Database): OpenFile[] {
  return db.prepare(
    `SELECT f.id, f.term_id AS termId, f.student_id AS studentId, s.name AS studentName, s.class_id AS classId FROM struggling_file f JOIN student s ON s.id = f.student_id
      WHERE f.status IN ('帮扶中', '继续帮扶') AND s.status = '在读' AND s.archived = 0
        AND f.carried_on IS NULL
      ORDER BY f.id`,
  ).all() as OpenFile[];
}

/**
 * Carries open files into `toTermId` (继续帮扶): a new file per student in the new term with the plan, the
 * subjects, the teacher and the causes of the old one, the class now and its head teacher that year; the
 * old file is marked 继续帮扶 (its term's rate counts it as not yet transformed).
 */
export function carryStrugglingFiles(db: Database.Database, files: OpenFile[], toTermId: number, openedOn: string, now: string): number {
  const copy = db.prepare(
    `INSERT INTO struggling_file (term_id, student_id, class_id, source, exam_id, subject_ids, teacher_id, head_teacher_id, goal, measures,
       plan_time, plan_place, plan_content, plan_teacher, plan_measures, plan_check, status, opened_on, created_at, updated_at, carried_from_id)
     SELECT ?, f.student_id, ?, f.source, f.exam_id, f.subject_ids, f.teacher_id,
       (SELECT head_teacher_id FROM class_in_term WHERE class_id = ? AND term_id = ?), f.goal, f.measures,
       f.plan_time, f.plan_place, f.plan_content, f.plan_teacher, f.plan_measures, f.plan_check, '继续帮扶', ?, ?, ?, f.id
     FROM struggling_file f WHERE f.id = ?`,
  );
  const causes = db.prepare('INSERT INTO struggling_cause (file_id, dimension, note) SELECT ?, dimension, note FROM struggling_cause WHERE file_id = ?');
  const mark = db.prepare(`UPDATE struggling_file SET status = '继续帮扶', carried_on = ?, updated_at = ? WHERE id = ?`);
  for (const f of files) {
    mark.run(openedOn, now, f.id);
    const id = Number(copy.run(toTermId, f.classId, f.classId, toTermId, openedOn, now, now, f.id).lastInsertRowid);
    causes.run(id, f.id);
  }
  return files.length;
}
