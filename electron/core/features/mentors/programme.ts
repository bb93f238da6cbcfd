/** The programme as the page and the printouts read it: every pair of a term with progress, one pair's detail, the confirmed assessment. */
import type { PairDetail, PairTermProgress, ProgrammeSummary } from '../../../../shared/contract';
import { DUTY_KEYS } from '../../../../shared/domain/mentors/duties';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { currentTermId } from '../../platform/query';
import { listActivities } from './activities';
import { loadPair, pairTerms } from './pairs';
import { loadAssessment, pairObservations, termProgress } from './progress';

export function programmeSummary(ctx: CoreContext, termId: number, asOf?: string | null, includeEnded = true): ProgrammeSummary {
  const r = termProgress(ctx, termId, asOf);
  const pairs = r.pairs.filter((p) => includeEnded || p.status === '进行中').map((p) => ({ ...p, progress: r.progress.get(p.id) ?? null }));
  const byDuty = DUTY_KEYS.map((key) => {
    const ds = pairs.flatMap((p) => (p.status === '已解除' ? [] : (p.progress?.duties ?? []).filter((d) => d.key === key)));
    return { key, pairs: ds.length, met: ds.filter((d) => d.met).length, target: ds.reduce((s, d) => s + d.target, 0), done: ds.reduce((s, d) => s + d.done, 0) };
  }).filter((d) => d.pairs > 0);
  return { termId, asOf: r.asOf, pairs, byDuty, behind: pairs.filter((p) => p.progress?.behind).length };
}

/** One pair: its terms, progress in the asked term (default the current term if the pair runs in it, else its last term). */
export function pairDetail(ctx: CoreContext, id: number, termIdInput: number | null, asOf?: string | null): PairDetail {
  const pair = loadPair(ctx.db, id);
  const terms = pairTerms(ctx.db, pair);
  const current = currentTermId(ctx);
  const termId = termIdInput ?? (terms.some((t) => t.id === current) ? current : terms[terms.length - 1]?.id ?? null);
  const progress = termId && terms.some((t) => t.id === termId) ? termProgress(ctx, termId, asOf, id).progress.get(id) ?? null : null;
  return { pair, terms: terms.map((t) => ({ id: t.id, name: t.name })), progress, observations: pairObservations(ctx.db, pair), activities: listActivities(ctx, id) };
}

/** Confirms the term's evaluation as computed now (the form then prints the confirmed figures). */
export function assessPair(ctx: CoreContext, pairId: number, termId: number, comment: string | null): PairTermProgress {
  const pair = loadPair(ctx.db, pairId);
  const p = termProgress(ctx, termId, undefined, pairId).progress.get(pairId);
  if (!p) throw new AppError('VALIDATION', 'validation', undefined, [{ path: ['termId'], key: 'mentors.pairNotInTerm' }]);
  const e = p.evaluation;
  const now = ctx.now().toISOString();
  ctx.db.transaction(() => {
    ctx.db.prepare(
      `INSERT INTO mentor_assessment (pair_id, term_id, apprentice_score, mentor_score, apprentice_level, mentor_level, comment, detail, confirmed_at, operator)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pair_id, term_id) DO UPDATE SET apprentice_score = excluded.apprentice_score,
       mentor_score = excluded.mentor_score, apprentice_level = excluded.apprentice_level, mentor_level = excluded.mentor_level,
       comment = excluded.comment, detail = excluded.detail, confirmed_at = excluded.confirmed_at, operator = excluded.operator`,
    ).run(pairId, termId, e.apprenticeScore, e.mentorScore, e.apprenticeLevel, e.mentorLevel, comment, JSON.stringify({ asOf: p.asOf, parts: e.parts, duties: p.duties, capped: e.capped }), now, ctx.operator());
    ctx.audit('mentorAssessment', 'update', { entityId: pairId, summary: `确认师徒结对考核 ${pair.mentorName}—${pair.apprenticeName}：徒弟 ${e.apprenticeLevel ?? '—'}，师傅 ${e.mentorLevel ?? '—'}`, after: { termId, ...e, comment } });
  })();
  return { ...p, assessment: loadAssessment(ctx.db, pairId, termId) };
}
