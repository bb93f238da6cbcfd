/** The pair's activity log: guidance meetings, report lessons (scored), reflections and papers, with attachments. */
import type Database from 'better-sqlite3';
import type { MentorActivity, ParsedInput } from '../../../../shared/contract';
import type { ActivityKind } from '../../../../shared/contract';
import { termEnd } from '../../../../shared/domain/timetable/taught';
import { AppError } from '../../../../shared/errors';
import { attachmentStore, storeUpload } from '../../platform/attachments/store';
import { upsertAudited, type Cols } from '../../platform/db/audited';
import type { CoreContext } from '../../platform/context';
import { loadPair } from './pairs';

const ACTIVITY_LABEL: Record<ActivityKind, string> = { guidance: '指导', reportLesson: '汇报课', reflection: '教学反思', paper: '论文' };

/** The term a date belongs to: the term holding it, else (a holiday) the last term begun before it. */
export function termOfDate(db: Database.Database, date: string): number | null {
  const terms = db.prepare('SELECT id, start_date, teaching_weeks FROM term WHERE start_date <= ? ORDER BY start_date DESC').all(date) as { id: number; start_date: string; teaching_weeks: number }[];
  const holding = terms.find((t) => termEnd(t.start_date, t.teaching_weeks) >= date);
  return (holding ?? terms[0])?.id ?? null;
}

export function listActivities(ctx: CoreContext, pairId: number): MentorActivity[] {
  const rows = ctx.db.prepare('SELECT * FROM mentor_activity WHERE pair_id = ? ORDER BY date, id').all(pairId) as Record<string, unknown>[];
  const store = attachmentStore(ctx);
  return rows.map((r) => ({
    id: r.id as number, pairId, termId: r.term_id as number, kind: r.kind as ActivityKind, date: r.date as string, title: r.title as string,
    score: (r.score as number) ?? null, note: (r.note as string) ?? null, attachment: r.attachment_id ? store.info(r.attachment_id as number) : null,
  }));
}

const field = (path: string, key: string, params?: Record<string, string | number>) => new AppError('VALIDATION', 'validation', undefined, [{ path: [path], key, params }]);

export function saveActivity(ctx: CoreContext, a: ParsedInput<'mentors/saveActivity'>): MentorActivity {
  const { db } = ctx;
  const pair = loadPair(db, a.pairId);
  if (a.date < pair.startDate || a.date > pair.endDate) throw field('date', 'mentors.dateOutsidePair', { from: pair.startDate, to: pair.endDate });
  const termId = termOfDate(db, a.date);
  if (!termId) throw field('date', 'mentors.noTermForDate', { date: a.date });
  if (a.score != null && a.kind !== 'reportLesson') throw field('score', 'mentors.scoreOnlyReportLesson');
  if (a.id !== undefined && !db.prepare('SELECT 1 FROM mentor_activity WHERE id = ? AND pair_id = ?').get(a.id, a.pairId)) {
    throw new AppError('NOT_FOUND', 'notFound', { entity: 'mentorActivity', id: a.id });
  }
  const attachmentId = a.upload ? storeUpload(ctx, a.upload) : a.removeAttachment ? null : undefined;
  const cols: Cols = { pair_id: a.pairId, term_id: termId, kind: a.kind, date: a.date, title: a.title, score: a.score, note: a.note };
  if (attachmentId !== undefined) cols.attachment_id = attachmentId;
  if (a.id === undefined) cols.created_at = ctx.now().toISOString();
  const label = `结对活动 ${pair.mentorName}—${pair.apprenticeName} ${ACTIVITY_LABEL[a.kind]} ${a.date}`;
  const id = db.transaction(() => upsertAudited(ctx, 'mentor_activity', 'mentorActivity', a.id, cols, label))();
  return listActivities(ctx, a.pairId).find((x) => x.id === id)!;
}

export function deleteActivity(ctx: CoreContext, id: number): { ok: true } {
  const before = ctx.db.prepare('SELECT * FROM mentor_activity WHERE id = ?').get(id) as { pair_id: number; kind: ActivityKind; date: string } | undefined;
  if (!before) throw new AppError('NOT_FOUND', 'notFound', { entity: 'mentorActivity', id });
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM mentor_activity WHERE id = ?').run(id);
    ctx.audit('mentorActivity', 'delete', { entityId: id, summary: `删除结对活动 ${ACTIVITY_LABEL[before.kind]} ${before.date}`, before });
  })();
  return { ok: true };
}
