/**
 * The per-term ConflictIndex cache: the conflict list of timetable/get and of every edit, with the checks of the
 * 排课规则 (fixed events, a subject's daily maximum) as well as clashes, unavailable times and room capacity.
 */
import type Database from 'better-sqlite3';
import type { Lesson, RuleChecks } from '../../../../shared/contract';
import { ConflictIndex } from '../../../../shared/domain/timetable/conflicts';
import { listLessons, toIndexLesson } from './queries';
import { loadRuleChecks } from './school-data';

// ---- the per-term conflict index cache ----

interface CacheEntry { index: ConflictIndex; stamp: number }
const caches = new WeakMap<Database.Database, Map<number, CacheEntry>>();

/** Changes made on this connection so far: any write anywhere (another handler, an import) moves it. */
function changeStamp(db: Database.Database): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

export function buildIndex(db: Database.Database, termId: number, lessons: Lesson[] = listLessons(db, termId), checks: RuleChecks = loadRuleChecks(db, termId)): ConflictIndex {
  return new ConflictIndex({
    ...checks,
    lessons: lessons.map(toIndexLesson),
    rooms: db.prepare('SELECT id, capacity, name FROM room').all() as { id: number; capacity: number; name: string }[],
    unavailable: db.prepare('SELECT teacher_id AS teacherId, day, period FROM teacher_unavailable WHERE term_id = ?').all(termId) as { teacherId: number; day: number; period: number }[],
    assignments: db.prepare('SELECT id, weekly_periods AS weeklyPeriods, class_id AS classId, teacher_id AS teacherId, subject_id AS subjectId FROM teaching_assignment WHERE term_id = ?')
      .all(termId) as { id: number; weeklyPeriods: number }[],
  });
}

/**
 * The term's conflict index, rebuilt when anything was written since it was last brought up to date (correctness
 * first: the stamp is the connection's total change count, so a write by any other handler invalidates it).
 */
export function conflictIndex(db: Database.Database, termId: number, lessons?: Lesson[], checks?: RuleChecks): ConflictIndex {
  let perDb = caches.get(db);
  if (!perDb) { perDb = new Map(); caches.set(db, perDb); }
  const stamp = changeStamp(db);
  const hit = perDb.get(termId);
  if (hit && hit.stamp === stamp) return hit.index;
  const index = buildIndex(db, termId, lessons, checks);
  perDb.set(termId, { index, stamp });
  return index;
}

/** Whether the cached index is current (called before a write that will then update it incrementally). */
export function cachedIndexIfFresh(db: Database.Database, termId: number): ConflictIndex | null {
  const hit = caches.get(db)?.get(termId);
  return hit && hit.stamp === changeStamp(db) ? hit.index : null;
}

/** Marks the cached index current after the caller applied its own write to it. */
export function markIndexFresh(db: Database.Database, termId: number, index: ConflictIndex): void {
  let perDb = caches.get(db);
  if (!perDb) { perDb = new Map(); caches.set(db, perDb); }
  perDb.set(termId, { index, stamp: changeStamp(db) });
}

export function dropIndex(db: Database.Database, termId?: number): void {
  if (termId === undefined) caches.delete(db);
  else caches.get(db)?.delete(termId);
}
