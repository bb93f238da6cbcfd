/**
 * The second term (第二学期) from the first, within a school year: teaching assignments, the timetable (its
 * settings, teachers' unavailable times and the lessons), check standards, observation quotas, and open
 * struggling-student files. Preview first; the commit takes a backup and runs in one transaction. What the
 * target term already has is kept.
 */
import type { ParsedInput, RolloverLine, RolloverPreview, RolloverResult } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { schoolDay } from '../../../../shared/domain/dates';
import type { CoreContext } from '../../platform/context';
import { findTerm, requireTerm } from '../../platform/query';
import { refreshTermLocks } from '../../platform/term-lock';
import { copyFromTerm } from '../timetable/service';
import { carryStrugglingFiles, copyTermRows, countTermRows, openFilesToCarry } from './carry';

type Input = ParsedInput<'school-years/termRollover'>;

function plan(ctx: CoreContext, input: Input): RolloverPreview {
  const { db } = ctx;
  const from = requireTerm(db, input.fromTermId, { field: 'fromTermId' });
  const to = requireTerm(db, input.toTermId, { field: 'toTermId' });
  const blockers: RolloverPreview['blockers'] = [];
  if (from.schoolYearId !== to.schoolYearId || to.startDate <= from.startDate) blockers.push({ key: 'schoolYears.termOrder' });
  const targetAssignments = countTermRows(db, 'teaching_assignment', to.id);
  const targetLessons = countTermRows(db, 'lesson', to.id);
  const files = input.carryStrugglingFiles ? openFilesToCarry(db).filter((f) => f.termId !== to.id) : [];
  const lines: RolloverLine[] = [
    { key: 'assignments', count: input.copyAssignments && targetAssignments === 0 ? countTermRows(db, 'teaching_assignment', from.id) : 0, examples: targetAssignments ? [String(targetAssignments)] : [] },
    { key: 'timetableSettings', count: input.copyTimetable ? countTermRows(db, 'timetable_settings', from.id) + countTermRows(db, 'teacher_unavailable', from.id) : 0, examples: [] },
    { key: 'lessons', count: input.copyTimetable && targetLessons === 0 ? countTermRows(db, 'lesson', from.id) : 0, examples: [] },
    { key: 'standards', count: input.copyStandards ? countTermRows(db, 'routine_standard', from.id) : 0, examples: [] },
    { key: 'quotas', count: input.copyQuotas ? countTermRows(db, 'observation_quota', from.id) + countTermRows(db, 'observation_quota_override', from.id) : 0, examples: [] },
    { key: 'strugglingFiles', count: files.length, examples: files.slice(0, 3).map((f) => f.studentName) },
  ];
  return { fromYear: from.name, toYear: to.name, lines, blockers, cohorts: [] };
}

export function termRolloverPreview(ctx: CoreContext, input: Input): RolloverPreview {
  return plan(ctx, input);
}

export async function termRollover(ctx: CoreContext, input: Input): Promise<RolloverResult> {
  const preview = plan(ctx, input);
  if (preview.blockers.length) throw new AppError('VALIDATION', preview.blockers[0].key, undefined, [{ path: ['toTermId'], key: preview.blockers[0].key }]);
  const backupFile = await ctx.backup('pre-rollover');
  const { db } = ctx;
  const to = findTerm(db, input.toTermId)!;
  const now = ctx.now().toISOString();
  db.transaction(() => {
    const n = (key: string) => preview.lines.find((l) => l.key === key)!.count;
    if (n('assignments') > 0) copyTermRows(db, 'teaching_assignment', input.fromTermId, to.id);
    if (input.copyTimetable) {
      copyTermRows(db, 'timetable_settings', input.fromTermId, to.id);
      copyTermRows(db, 'teacher_unavailable', input.fromTermId, to.id);
      if (n('lessons') > 0) copyFromTerm(ctx, input.fromTermId, to.id);
    }
    if (input.copyStandards) copyTermRows(db, 'routine_standard', input.fromTermId, to.id);
    if (input.copyQuotas) {
      copyTermRows(db, 'observation_quota', input.fromTermId, to.id);
      copyTermRows(db, 'observation_quota_override', input.fromTermId, to.id);
    }
    if (input.carryStrugglingFiles) carryStrugglingFiles(db, openFilesToCarry(db).filter((f) => f.termId !== to.id), to.id, to.startDate, now);
    ctx.setSetting('currentTermId', String(to.id));
    ctx.audit('schoolYear', 'termRollover', {
      entityId: String(to.id), summary: `学期升级：${preview.fromYear} → ${preview.toYear}`,
      after: { input, lines: preview.lines.map((l) => ({ key: l.key, count: l.count })) },
    });
  })();
  refreshTermLocks(db, schoolDay(ctx.now()));
  return { schoolYearId: to.schoolYearId, termIds: [to.id], backupFile, lines: preview.lines };
}
