/** The programme's school defaults: the agreement's duties, the evaluation weights, the warning weeks. */
import type { MentorSettings } from '../../../../shared/contract';
import { DEFAULT_DUTIES, DEFAULT_WARN_WEEKS, DUTY_KEYS } from '../../../../shared/domain/mentors/duties';
import { DEFAULT_WEIGHTS } from '../../../../shared/domain/mentors/evaluation';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';

const KEY = 'mentors.settings';

export function mentorSettings(ctx: Pick<CoreContext, 'getSetting'>): MentorSettings {
  const fallback: MentorSettings = { duties: DEFAULT_DUTIES.map((d) => ({ ...d })), weights: { ...DEFAULT_WEIGHTS }, warnWeeks: DEFAULT_WARN_WEEKS };
  const raw = ctx.getSetting(KEY);
  if (!raw) return fallback;
  try {
    const v = JSON.parse(raw) as Partial<MentorSettings>;
    return { duties: v.duties ?? fallback.duties, weights: { ...fallback.weights, ...v.weights }, warnWeeks: v.warnWeeks ?? fallback.warnWeeks };
  } catch {
    return fallback;
  }
}

export function saveMentorSettings(ctx: CoreContext, s: MentorSettings): MentorSettings {
  const w = s.weights;
  if (w.progress + w.reportLessons + w.duties === 0) throw new AppError('VALIDATION', 'validation', undefined, [{ path: ['weights', 'progress'], key: 'mentors.weightsZero' }]);
  if (w.mentorFromApprentice + w.mentorOwnDuties === 0) throw new AppError('VALIDATION', 'validation', undefined, [{ path: ['weights', 'mentorFromApprentice'], key: 'mentors.weightsZero' }]);
  const before = mentorSettings(ctx);
  const duties = [...s.duties].sort((a, b) => DUTY_KEYS.indexOf(a.key) - DUTY_KEYS.indexOf(b.key));
  const next = { duties, weights: w, warnWeeks: s.warnWeeks };
  ctx.db.transaction(() => {
    ctx.setSetting(KEY, JSON.stringify(next));
    ctx.audit('mentorSettings', 'update', { summary: '修改师徒结对默认任务与考核权重', before, after: next });
  })();
  return next;
}
