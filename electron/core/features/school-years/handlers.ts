/** School years: the two roll-overs, the cohorts, and locking/unlocking past terms. */
import type { Cohort, FeatureMethod, TermLockState } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import { cohortName } from '../../../../shared/domain/cohort';
import { schoolDay } from '../../../../shared/domain/dates';
import type { CoreContext } from '../../platform/context';
import type { HandlerMap } from '../../platform/handlers';
import { classLevelSql, currentSchoolYearId, requireTerm } from '../../platform/query';
import { isTermLocked, refreshTermLocks } from '../../platform/term-lock';
import { rollover, rolloverPreview } from './rollover';
import { termRollover, termRolloverPreview } from './term-rollover';

function lockState(ctx: CoreContext, termId: number): TermLockState {
  requireTerm(ctx.db, termId, { field: 'termId' });
  const u = ctx.db.prepare('SELECT reason, operator, unlocked_at AS at FROM term_unlock WHERE term_id = ?').get(termId) as TermLockState['unlocked'] | undefined;
  return { termId, locked: isTermLocked(ctx.db, termId), unlocked: u ?? null };
}

/** Every cohort with its classes, named for the year on screen (and as 2025级3班). */
function cohorts(ctx: CoreContext): Cohort[] {
  const yearId = currentSchoolYearId(ctx) ?? -1;
  const rows = ctx.db.prepare(
    `SELECT c.id, c.entry_year, c.entry_level, c.class_no, c.end_year, c.archived, ${classLevelSql('c', 'y')} AS level,
       (y.start_year >= c.entry_year AND (c.end_year IS NULL OR y.start_year <= c.end_year)) AS in_year,
       (SELECT COUNT(DISTINCT e.student_id) FROM student_enrollment e WHERE e.class_id = c.id) AS students
     FROM class c LEFT JOIN school_year y ON y.id = ?
     ORDER BY c.entry_year DESC, c.entry_level, c.class_no`,
  ).all(yearId) as { id: number; entry_year: number; entry_level: number; class_no: number; end_year: number | null; archived: number; level: number | null; in_year: number | null; students: number }[];
  const out = new Map<string, Cohort>();
  for (const r of rows) {
    const key = `${r.entry_year}:${r.entry_level}`;
    let c = out.get(key);
    if (!c) {
      c = { entryYear: r.entry_year, entryLevel: r.entry_level, name: `${r.entry_year}级`, classes: [], level: r.in_year ? r.level : null, graduatedYear: r.end_year, students: 0 };
      out.set(key, c);
    }
    c.classes.push({ id: r.id, classNo: r.class_no, name: r.in_year && r.level ? `${className(r.level, r.class_no)}（${cohortName(r.entry_year, r.class_no)}）` : cohortName(r.entry_year, r.class_no), archived: r.archived === 1 });
    c.students += r.students;
  }
  return [...out.values()];
}

export const schoolYearsHandlers: HandlerMap<FeatureMethod<'school-years'>> = {
  'school-years/rolloverPreview': (input, ctx) => rolloverPreview(ctx, input),
  'school-years/rollover': (input, ctx) => rollover(ctx, input),
  'school-years/termRolloverPreview': (input, ctx) => termRolloverPreview(ctx, input),
  'school-years/termRollover': (input, ctx) => termRollover(ctx, input),
  'school-years/cohorts': (_i, ctx) => cohorts(ctx),
  'school-years/lockState': ({ termId }, ctx) => lockState(ctx, termId),
  'school-years/unlockTerm': ({ termId, reason }, ctx) => {
    const term = requireTerm(ctx.db, termId, { field: 'termId' });
    ctx.db.transaction(() => {
      ctx.db.prepare(`INSERT INTO term_unlock (term_id, reason, operator, unlocked_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (term_id) DO UPDATE SET reason = excluded.reason, operator = excluded.operator, unlocked_at = excluded.unlocked_at`)
        .run(termId, reason, ctx.operator(), ctx.now().toISOString());
      ctx.audit('term', 'unlock', { entityId: String(termId), summary: `解锁过往学期 ${term.name}：${reason}`, after: { reason } });
    })();
    refreshTermLocks(ctx.db, schoolDay(ctx.now()));
    return lockState(ctx, termId);
  },
  'school-years/lockTerm': ({ termId }, ctx) => {
    const term = requireTerm(ctx.db, termId, { field: 'termId' });
    ctx.db.transaction(() => {
      ctx.db.prepare('DELETE FROM term_unlock WHERE term_id = ?').run(termId);
      ctx.audit('term', 'lock', { entityId: String(termId), summary: `重新锁定学期 ${term.name}` });
    })();
    refreshTermLocks(ctx.db, schoolDay(ctx.now()));
    return lockState(ctx, termId);
  },
};
