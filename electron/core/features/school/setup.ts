/** Setting up a school: the profile row, its grades, the national subjects, the current school year and its two terms. */
import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../../shared/contract';
import { schoolYearStart } from '../../../../shared/domain/calendar';
import { gradeLevelsFor } from '../../../../shared/domain/constants';
import { schoolDay } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { seedNationalSubjects } from './national-subjects';
import { getProfile } from './queries';

export function ensureYear(db: Database.Database, startYear: number): number {
  const name = `${startYear}-${startYear + 1}学年`;
  db.prepare('INSERT OR IGNORE INTO school_year (start_year, name) VALUES (?, ?)').run(startYear, name);
  return (db.prepare('SELECT id FROM school_year WHERE start_year = ?').get(startYear) as { id: number }).id;
}

export function ensureGrade(db: Database.Database, level: number): number {
  db.prepare('INSERT OR IGNORE INTO grade (level) VALUES (?)').run(level);
  return (db.prepare('SELECT id FROM grade WHERE level = ?').get(level) as { id: number }).id;
}

/** A new school (the welcome page's 新建学校): fails when one exists. */
export function createSchool(ctx: CoreContext, p: ParsedInput<'app/createSchool'>): void {
  if (getProfile(ctx.db)) throw new AppError('CONFLICT', 'schoolExists');
  ctx.db.transaction(() => {
    ctx.db.prepare('INSERT INTO school (id, name, code, type, address, principal, phone, is_sample) VALUES (1, ?, ?, ?, ?, ?, ?, 0)')
      .run(p.name, p.code, p.type, p.address, p.principal, p.phone);
    for (const level of gradeLevelsFor(p.type)) ensureGrade(ctx.db, level);
    seedNationalSubjects(ctx.db);
    const now = ctx.now();
    const start = schoolYearStart(now);
    const yearId = ensureYear(ctx.db, start);
    const ins = ctx.db.prepare('INSERT INTO term (school_year_id, term_no, start_date, teaching_weeks) VALUES (?, ?, ?, 20)');
    const t1 = Number(ins.run(yearId, 1, `${start}-09-01`).lastInsertRowid);
    const t2 = Number(ins.run(yearId, 2, `${start + 1}-02-23`).lastInsertRowid);
    // From 1 February (the school's day) the second term is the current one.
    const inSecond = schoolDay(now) >= `${start + 1}-02-01`;
    ctx.setSetting('currentTermId', String(inSecond ? t2 : t1));
    ctx.audit('school', 'create', { summary: `新建学校 ${p.name}`, after: p });
  })();
}
