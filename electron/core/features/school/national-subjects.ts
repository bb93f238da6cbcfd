import type Database from 'better-sqlite3';
import { NATIONAL_SUBJECTS } from '../../../../shared/domain/constants';

/** Preloads the national subject list; idempotent (existing codes are left as the school edited them). */
export function seedNationalSubjects(db: Database.Database): void {
  const ins = db.prepare(
    'INSERT OR IGNORE INTO subject (code, name, short_name, category, is_pe_arts, sort_order) VALUES (?, ?, ?, ?, ?, ?)',
  );
  NATIONAL_SUBJECTS.forEach((s, i) => ins.run(s.code, s.name, s.shortName, s.category, s.peArts ? 1 : 0, (i + 1) * 10));
}
