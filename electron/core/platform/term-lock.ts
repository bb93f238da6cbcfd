/**
 * Past terms are read-only by default (过往学期只读). A term is past once a later term has begun; the clerk
 * can unlock one with a reason (audited, kept in term_unlock). The locked set lives in `term_lock`, which the
 * 0008 triggers read on every write to a term's records, so no write path can slip past it (score cells, the
 * one exception, see assertTermWritable).
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

/** The terms that should be locked on `today` (YYYY-MM-DD). */
export function termsToLock(db: Database.Database, today: string): number[] {
  return (db.prepare(
    `SELECT t.id FROM term t
      WHERE EXISTS (SELECT 1 FROM term u WHERE u.start_date > t.start_date AND u.start_date <= ?)
        AND t.id NOT IN (SELECT term_id FROM term_unlock)
      ORDER BY t.id`,
  ).pluck().all(today) as number[]);
}

/** Brings term_lock up to date; writes only when the set changed. Returns the locked term ids. */
export function refreshTermLocks(db: Database.Database, today: string): number[] {
  const want = termsToLock(db, today);
  const have = db.prepare('SELECT term_id FROM term_lock ORDER BY term_id').pluck().all() as number[];
  if (want.length !== have.length || want.some((id, i) => id !== have[i])) {
    db.transaction(() => {
      db.prepare('DELETE FROM term_lock').run();
      const ins = db.prepare('INSERT INTO term_lock (term_id) VALUES (?)');
      for (const id of want) ins.run(id);
    })();
  }
  return want;
}

export function isTermLocked(db: Database.Database, termId: number): boolean {
  return !!db.prepare('SELECT 1 FROM term_lock WHERE term_id = ?').get(termId);
}

/**
 * The guard for score cells, the one per-term table without a trigger: an exam of 3,000 students x 9 subjects
 * writes 27,000 rows, and a row trigger cost ~9 us each there (250 ms an import). The exams feature checks
 * here before it writes cells; every other per-term table refuses by trigger.
 */
export function assertTermWritable(db: Database.Database, termId: number): void {
  if (isTermLocked(db, termId)) throw new AppError('CONFLICT', 'termLocked', { termId });
}
