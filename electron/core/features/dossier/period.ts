/** The period of evidence of an inspection: its school years, their terms, and the months of those terms. */
import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import { findTerm, type TermRow } from '../../platform/query';

export interface PeriodYear { id: number; name: string; terms: TermRow[] }

/** The school years in order, each with its terms that have begun by `today` (a term not yet begun has no records). */
export function periodYears(db: Database.Database, yearIds: number[], today?: string): PeriodYear[] {
  return yearIds
    .map((id) => db.prepare('SELECT id, name, start_year AS startYear FROM school_year WHERE id = ?').get(id) as { id: number; name: string; startYear: number } | undefined)
    .filter((y): y is { id: number; name: string; startYear: number } => !!y)
    .sort((a, b) => a.startYear - b.startYear)
    .map((y) => ({
      id: y.id, name: y.name,
      terms: (db.prepare('SELECT id FROM term WHERE school_year_id = ? ORDER BY term_no').all(y.id) as { id: number }[])
        .map((t) => findTerm(db, t.id)!)
        .filter((t) => !today || t.startDate <= today),
    }));
}

/** Checks the chosen school years exist (VALIDATION on schoolYearIds). */
export function checkYears(db: Database.Database, yearIds: number[]): void {
  const unknown = yearIds.filter((id) => !db.prepare('SELECT 1 FROM school_year WHERE id = ?').get(id));
  if (unknown.length) throw new AppError('VALIDATION', 'dossier.unknownYear', { id: unknown[0] }, [{ path: ['schoolYearIds'], key: 'dossier.unknownYear', params: { id: unknown[0] } }]);
  if (new Set(yearIds).size !== yearIds.length) throw new AppError('VALIDATION', 'dossier.duplicateYear', {}, [{ path: ['schoolYearIds'], key: 'dossier.duplicateYear' }]);
}
