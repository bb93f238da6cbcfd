/**
 * Struggling-student candidates from one exam (pure). The core loads the score rows of one grade (the pass
 * line and bottom share are per grade) and this decides who is suggested.
 *
 * Rules:
 * - Only scores count: an absent (缺考) or missing cell is neither below the pass line nor ranked, so an
 *   absentee is never suggested for that subject.
 * - Below the pass line: score < passPct% of the subject's full marks (a score exactly on the line passes).
 * - Bottom share of the class in a subject: k = ceil(takers x bottomPct / 100) students; everyone tied with
 *   the k-th lowest score is in the bottom too (ties are never split). bottomPct 0 turns the rule off.
 * - A student is a candidate with at least minFailedSubjects subjects below the line, or at least
 *   minBottomSubjects subjects in the bottom share.
 */
import { reaches } from '../exams/analysis';

export interface CandidateScore {
  studentId: number;
  classId: number;
  subjectId: number;
  /** null = absent or not entered. */
  score: number | null;
  fullMarks: number;
}

export interface CandidateRuleSet {
  /** Subjects considered; empty = all. */
  subjectIds: number[];
  passPct: number;
  bottomPct: number;
  minFailedSubjects: number;
  minBottomSubjects: number;
}

export interface SuggestedCandidate {
  studentId: number;
  classId: number;
  failedSubjectIds: number[];
  bottomSubjectIds: number[];
}

const EPS = 1e-9;

/** How many takers make the bottom share: ceil, so any share > 0 of a non-empty class names someone. */
export function bottomCount(takers: number, bottomPct: number): number {
  if (takers <= 0 || bottomPct <= 0) return 0;
  return Math.min(takers, Math.ceil((takers * bottomPct) / 100 - EPS));
}

export function suggestCandidates(scores: CandidateScore[], rules: CandidateRuleSet): SuggestedCandidate[] {
  const only = rules.subjectIds.length ? new Set(rules.subjectIds) : null;
  const taken = scores.filter((s) => s.score !== null && Number.isFinite(s.score) && (!only || only.has(s.subjectId)));

  const byStudent = new Map<number, SuggestedCandidate>();
  const entry = (s: CandidateScore) => {
    let c = byStudent.get(s.studentId);
    if (!c) byStudent.set(s.studentId, (c = { studentId: s.studentId, classId: s.classId, failedSubjectIds: [], bottomSubjectIds: [] }));
    return c;
  };

  for (const s of taken) if (!reaches(s.score!, s.fullMarks, rules.passPct)) entry(s).failedSubjectIds.push(s.subjectId);

  // Bottom share per class x subject.
  const groups = new Map<string, CandidateScore[]>();
  for (const s of taken) {
    const key = `${s.classId}:${s.subjectId}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  for (const g of groups.values()) {
    const k = bottomCount(g.length, rules.bottomPct);
    if (k === 0) continue;
    const sorted = g.map((s) => s.score!).sort((a, b) => a - b);
    const cut = sorted[k - 1];
    for (const s of g) if (s.score! <= cut + EPS) entry(s).bottomSubjectIds.push(s.subjectId);
  }

  const out: SuggestedCandidate[] = [];
  for (const c of byStudent.values()) {
    c.failedSubjectIds.sort((a, b) => a - b);
    c.bottomSubjectIds.sort((a, b) => a - b);
    const failed = c.failedSubjectIds.length >= rules.minFailedSubjects;
    const bottom = rules.bottomPct > 0 && c.bottomSubjectIds.length >= rules.minBottomSubjects;
    if (failed || bottom) out.push(c);
  }
  // Most subjects of difficulty first within a class.
  return out.sort((a, b) => a.classId - b.classId
    || b.failedSubjectIds.length - a.failedSubjectIds.length
    || b.bottomSubjectIds.length - a.bottomSubjectIds.length
    || a.studentId - b.studentId);
}
