/**
 * Progress of the pairs in a term: each duty counted in its window (observations found from observer, observed
 * teacher and date; the other duties from the activity log), pro rata to the day, and the bound evaluation.
 * One function (termProgress) feeds the page, the dashboard list, the assessment form and the summary printout.
 */
import type Database from 'better-sqlite3';
import type { MentorAssessment, MentorPair, PairObservation, PairTermProgress } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import {
  dutyProgress, dutyWindow, isBehind, pairForObservation, type DutyKey, type PairSpan, type Window,
} from '../../../../shared/domain/mentors/duties';
import { evaluatePair, type EvalLevel } from '../../../../shared/domain/mentors/evaluation';
import type { CoreContext } from '../../platform/context';
import { classLevelSql, requireTerm, schoolYearSpan, type TermRow } from '../../platform/query';
import { todayOf } from '../../platform/staff';
import { loadPairs } from './pairs';
import { mentorSettings } from './settings';

/** The activity kind that fulfils each log-counted duty. */
export const ACTIVITY_DUTY: Record<string, DutyKey> = { guidance: 'guidance', reportLesson: 'reportLessons', reflection: 'reflections', paper: 'papers' };

const pairSpan = (p: MentorPair): PairSpan => ({ id: p.id, mentorId: p.mentorId, apprenticeId: p.apprenticeId, subjectId: p.subjectId, from: p.startDate, to: p.endDate });

interface ObsRow { id: number; observer_id: number; teacher_id: number; subject_id: number | null; date: string; total: number | null }

/** Observations between teachers of the pairs in [from, to], each with the pair and duty it counts for. */
export function countedObservations(db: Database.Database, pairs: MentorPair[], w: Window): { row: ObsRow; pairId: number; duty: 'mentorObserves' | 'apprenticeObserves' }[] {
  if (!pairs.length) return [];
  const people = [...new Set(pairs.flatMap((p) => [p.mentorId, p.apprenticeId]))];
  const marks = people.map(() => '?').join(',');
  const rows = db.prepare(
    `SELECT id, observer_id, teacher_id, subject_id, date, total FROM observation
     WHERE date BETWEEN ? AND ? AND observer_id IN (${marks}) AND teacher_id IN (${marks}) ORDER BY date, id`,
  ).all(w.from, w.to, ...people, ...people) as ObsRow[];
  const spans = pairs.map(pairSpan);
  const out: { row: ObsRow; pairId: number; duty: 'mentorObserves' | 'apprenticeObserves' }[] = [];
  for (const row of rows) {
    const hit = pairForObservation(spans, { observerId: row.observer_id, teacherId: row.teacher_id, subjectId: row.subject_id, date: row.date });
    if (hit) out.push({ row, ...hit });
  }
  return out;
}

function parseDetail(json: string): MentorAssessment['detail'] {
  try {
    const d = JSON.parse(json) as MentorAssessment['detail'];
    return d && Array.isArray(d.duties) ? d : null;
  } catch {
    return null;
  }
}

export function loadAssessment(db: Database.Database, pairId: number, termId: number): MentorAssessment | null {
  const r = db.prepare('SELECT * FROM mentor_assessment WHERE pair_id = ? AND term_id = ?').get(pairId, termId) as Record<string, unknown> | undefined;
  if (!r) return null;
  return {
    pairId, termId, apprenticeScore: (r.apprentice_score as number) ?? null, mentorScore: (r.mentor_score as number) ?? null,
    apprenticeLevel: (r.apprentice_level as EvalLevel) ?? null, mentorLevel: (r.mentor_level as EvalLevel) ?? null,
    comment: (r.comment as string) ?? null, confirmedAt: r.confirmed_at as string, operator: r.operator as string,
    detail: parseDetail(r.detail as string),
  };
}

export interface TermProgressResult { term: TermRow; asOf: string; pairs: MentorPair[]; progress: Map<number, PairTermProgress> }

/** Progress of every pair running in the term (or of `only`), on `asOf` (default: the core's today). */
export function termProgress(ctx: Pick<CoreContext, 'db' | 'now' | 'getSetting'>, termId: number, asOfInput?: string | null, only?: number): TermProgressResult {
  const { db } = ctx;
  const term = requireTerm(db, termId, { field: 'termId' });
  const asOf = asOfInput ?? todayOf(ctx.now());
  const settings = mentorSettings(ctx);
  const year = schoolYearSpan(db, term.schoolYearId);
  const termW: Window = { from: term.startDate, to: term.endDate };
  // The year and the term together (a term of an odd calendar may reach past its year's span).
  const span: Window = { from: year.from < termW.from ? year.from : termW.from, to: year.to > termW.to ? year.to : termW.to };
  const all = loadPairs(db, span)
    .filter((p) => p.status !== '已解除' || only === p.id);
  // Observations count for whichever running pair matches, so every pair of the year is in the matching set.
  const counted = countedObservations(db, all, span);
  const pairs = all.filter((p) => p.startDate <= termW.to && p.endDate >= termW.from && (only === undefined || p.id === only));
  const progress = new Map<number, PairTermProgress>();
  const acts = db.prepare('SELECT kind, date, score FROM mentor_activity WHERE pair_id = ? ORDER BY date');
  const apprenticeTotals = db.prepare('SELECT total FROM observation WHERE teacher_id = ? AND total IS NOT NULL AND date BETWEEN ? AND ? ORDER BY date, id');
  for (const p of pairs) {
    const pairW: Window = { from: p.startDate, to: p.endDate };
    const activities = acts.all(p.id) as { kind: string; date: string; score: number | null }[];
    const duties = p.duties.flatMap((d) => {
      const w = dutyWindow(d.per, termW, year, pairW);
      if (!w) return [];
      const inW = (date: string) => date >= w.from && date <= w.to;
      const done = d.key === 'mentorObserves' || d.key === 'apprenticeObserves'
        ? counted.filter((c) => c.pairId === p.id && c.duty === d.key && inW(c.row.date)).length
        : activities.filter((a) => ACTIVITY_DUTY[a.kind] === d.key && inW(a.date)).length;
      return [dutyProgress(d, w, done, asOf, settings.warnWeeks)];
    });
    const upTo = termW.to < p.endDate ? termW.to : p.endDate;
    const totals = (apprenticeTotals.all(p.apprenticeId, p.startDate, upTo) as { total: number }[]).map((r) => r.total);
    const reportScores = activities.filter((a) => a.kind === 'reportLesson' && a.score != null && a.date >= termW.from && a.date <= termW.to).map((a) => a.score!);
    const evaluation = evaluatePair({ observationTotals: totals, reportLessonScores: reportScores, duties, weights: settings.weights });
    progress.set(p.id, { pairId: p.id, termId, asOf, duties, behind: p.status === '进行中' && isBehind(duties), evaluation, assessment: loadAssessment(db, p.id, termId) });
  }
  return { term, asOf, pairs, progress };
}

/** The observations counted for one pair over its whole span, for its page. */
export function pairObservations(db: Database.Database, pair: MentorPair): PairObservation[] {
  // Other pairs of the same two teachers compete for the same observations: load them too.
  const rivals = loadPairs(db, { from: pair.startDate, to: pair.endDate })
    .filter((p) => p.status !== '已解除' && [p.mentorId, p.apprenticeId].includes(pair.mentorId) && [p.mentorId, p.apprenticeId].includes(pair.apprenticeId));
  const mine = countedObservations(db, rivals.some((p) => p.id === pair.id) ? rivals : [...rivals, pair], { from: pair.startDate, to: pair.endDate })
    .filter((c) => c.pairId === pair.id);
  if (!mine.length) return [];
  const ids = mine.map((c) => c.row.id);
  const rows = db.prepare(
    `SELECT o.id, o.topic, o.total, o.level, o.class_id, c.class_no, ${classLevelSql('c', 'y')} AS level_no, s.name AS subject_name, ob.name AS observer_name, t.name AS teacher_name
     FROM observation o JOIN term tt ON tt.id = o.term_id JOIN school_year y ON y.id = tt.school_year_id
     LEFT JOIN class c ON c.id = o.class_id LEFT JOIN subject s ON s.id = o.subject_id
     JOIN teacher ob ON ob.id = o.observer_id JOIN teacher t ON t.id = o.teacher_id WHERE o.id IN (${ids.map(() => '?').join(',')})`,
  ).all(...ids) as Record<string, unknown>[];
  const byId = new Map(rows.map((r) => [r.id as number, r]));
  return mine.map((c) => {
    const r = byId.get(c.row.id)!;
    return {
      id: c.row.id, date: c.row.date, duty: c.duty, observerName: r.observer_name as string, teacherName: r.teacher_name as string,
      className: r.class_no != null ? className(r.level_no as number, r.class_no as number) : null, subjectName: (r.subject_name as string) ?? null,
      topic: (r.topic as string) ?? null, total: (r.total as number) ?? null, level: (r.level as string) ?? null,
    };
  });
}
