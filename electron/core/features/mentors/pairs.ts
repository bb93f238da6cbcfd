/** Mentor pairs: load, save (with the agreement's duties), delete; the terms a pair runs in. */
import type Database from 'better-sqlite3';
import type { MentorPair, PairStatus, ParsedInput } from '../../../../shared/contract';
import { DUTY_KEYS, type DutyKey, type DutyPer } from '../../../../shared/domain/mentors/duties';
import { termEnd } from '../../../../shared/domain/timetable/taught';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { termName } from '../../platform/query';
import { upsertAudited } from '../../platform/db/audited';
import { mentorSettings } from './settings';

const SELECT = `SELECT p.*, m.name AS mentor_name, m.title AS mentor_title, m.backbone_level AS mentor_backbone,
    a.name AS apprentice_name, a.hire_date AS apprentice_hire, s.name AS subject_name
  FROM mentor_pair p JOIN teacher m ON m.id = p.mentor_id JOIN teacher a ON a.id = p.apprentice_id LEFT JOIN subject s ON s.id = p.subject_id`;

type Row = Record<string, unknown>;

function dutiesOf(db: Database.Database, ids: number[]): Map<number, MentorPair['duties']> {
  const out = new Map<number, MentorPair['duties']>();
  if (!ids.length) return out;
  const rows = db.prepare(`SELECT pair_id, key, per, target FROM mentor_pair_duty WHERE pair_id IN (${ids.map(() => '?').join(',')})`).all(...ids) as { pair_id: number; key: DutyKey; per: DutyPer; target: number }[];
  for (const r of rows) {
    const list = out.get(r.pair_id) ?? [];
    list.push({ key: r.key, per: r.per, target: r.target });
    out.set(r.pair_id, list);
  }
  for (const list of out.values()) list.sort((a, b) => DUTY_KEYS.indexOf(a.key) - DUTY_KEYS.indexOf(b.key));
  return out;
}

function toPair(r: Row, duties: MentorPair['duties']): MentorPair {
  return {
    id: r.id as number, mentorId: r.mentor_id as number, mentorName: r.mentor_name as string, mentorTitle: (r.mentor_title as string) ?? null,
    mentorBackbone: (r.mentor_backbone as string) ?? null,
    apprenticeId: r.apprentice_id as number, apprenticeName: r.apprentice_name as string, apprenticeHireDate: (r.apprentice_hire as string) ?? null,
    subjectId: (r.subject_id as number) ?? null, subjectName: (r.subject_name as string) ?? null,
    startDate: r.start_date as string, endDate: r.end_date as string, goals: (r.goals as string) ?? null, status: r.status as PairStatus,
    signedOn: (r.signed_on as string) ?? null, duties,
  };
}

/** Pairs whose dates overlap [from, to] (every pair without a range). */
export function loadPairs(db: Database.Database, range?: { from: string; to: string }): MentorPair[] {
  const rows = (range
    ? db.prepare(`${SELECT} WHERE p.start_date <= ? AND p.end_date >= ? ORDER BY m.name, a.name, p.id`).all(range.to, range.from)
    : db.prepare(`${SELECT} ORDER BY p.start_date DESC, p.id`).all()) as Row[];
  const duties = dutiesOf(db, rows.map((r) => r.id as number));
  return rows.map((r) => toPair(r, duties.get(r.id as number) ?? []));
}

export function loadPair(db: Database.Database, id: number): MentorPair {
  const r = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'notFound', { entity: 'mentorPair', id });
  return toPair(r, dutiesOf(db, [id]).get(id) ?? []);
}

/** The terms the pair's dates touch, oldest first. */
export function pairTerms(db: Database.Database, p: { startDate: string; endDate: string }): { id: number; name: string; startDate: string; endDate: string; schoolYearId: number }[] {
  const rows = db.prepare(
    `SELECT t.id, t.start_date, t.teaching_weeks, t.term_no, t.school_year_id, y.name AS year_name FROM term t JOIN school_year y ON y.id = t.school_year_id
     ORDER BY t.start_date`,
  ).all() as { id: number; start_date: string; teaching_weeks: number; term_no: number; school_year_id: number; year_name: string }[];
  return rows
    .map((t) => ({ id: t.id, name: termName(t.year_name, t.term_no), startDate: t.start_date, endDate: termEnd(t.start_date, t.teaching_weeks), schoolYearId: t.school_year_id }))
    .filter((t) => t.startDate <= p.endDate && t.endDate >= p.startDate);
}

export function savePair(ctx: CoreContext, p: ParsedInput<'mentors/save'>): MentorPair {
  const { db } = ctx;
  const issues: FieldIssue[] = [];
  const teacher = (id: number) => db.prepare('SELECT name, archived FROM teacher WHERE id = ?').get(id) as { name: string; archived: number } | undefined;
  const mentor = teacher(p.mentorId);
  const apprentice = teacher(p.apprenticeId);
  if (!mentor) issues.push({ path: ['mentorId'], key: 'notFound' });
  if (!apprentice) issues.push({ path: ['apprenticeId'], key: 'notFound' });
  if (p.mentorId === p.apprenticeId) issues.push({ path: ['apprenticeId'], key: 'mentors.samePerson' });
  if (p.subjectId != null && !db.prepare('SELECT 1 FROM subject WHERE id = ?').get(p.subjectId)) issues.push({ path: ['subjectId'], key: 'notFound' });
  if (p.endDate < p.startDate) issues.push({ path: ['endDate'], key: 'mentors.endBeforeStart' });
  // The same two teachers in the same subject cannot have two pairs running at once (observations would split).
  const clash = db.prepare(
    `SELECT id FROM mentor_pair WHERE mentor_id = ? AND apprentice_id = ? AND COALESCE(subject_id, 0) = COALESCE(?, 0)
       AND start_date <= ? AND end_date >= ? AND id <> ? AND status <> '已解除'`,
  ).get(p.mentorId, p.apprenticeId, p.subjectId, p.endDate, p.startDate, p.id ?? 0);
  if (clash) issues.push({ path: ['apprenticeId'], key: 'mentors.pairOverlaps' });
  if (issues.length) throw new AppError('VALIDATION', 'validation', { count: issues.length }, issues);
  const cols = {
    mentor_id: p.mentorId, apprentice_id: p.apprenticeId, subject_id: p.subjectId, start_date: p.startDate, end_date: p.endDate,
    goals: p.goals, status: p.status, signed_on: p.signedOn,
  };
  const id = db.transaction(() => {
    const pairId = upsertAudited(ctx, 'mentor_pair', 'mentorPair', p.id, cols, `师徒结对 ${mentor!.name}—${apprentice!.name}`, { timestamps: true });
    const duties = p.duties ?? (p.id === undefined ? mentorSettings(ctx).duties : null);
    if (duties) {
      const before = db.prepare('SELECT key, per, target FROM mentor_pair_duty WHERE pair_id = ? ORDER BY key').all(pairId);
      if (p.id !== undefined) ctx.audit('mentorPair', 'update', { entityId: pairId, summary: `修改师徒结对任务 ${mentor!.name}—${apprentice!.name}`, before: { duties: before }, after: { duties } });
      db.prepare('DELETE FROM mentor_pair_duty WHERE pair_id = ?').run(pairId);
      const ins = db.prepare('INSERT INTO mentor_pair_duty (pair_id, key, per, target) VALUES (?, ?, ?, ?)');
      for (const d of duties) ins.run(pairId, d.key, d.per, d.target);
    }
    return pairId;
  })();
  return loadPair(db, id);
}

export function deletePair(ctx: CoreContext, id: number): { ok: true } {
  const pair = loadPair(ctx.db, id);
  ctx.db.transaction(() => {
    // Activities of a locked term keep the pair (the trigger refuses); observations are never touched.
    ctx.db.prepare('DELETE FROM mentor_activity WHERE pair_id = ?').run(id);
    ctx.db.prepare('DELETE FROM mentor_assessment WHERE pair_id = ?').run(id);
    ctx.db.prepare('DELETE FROM mentor_pair WHERE id = ?').run(id);
    ctx.audit('mentorPair', 'delete', { entityId: id, summary: `删除师徒结对 ${pair.mentorName}—${pair.apprenticeName}`, before: pair });
  })();
  return { ok: true };
}
