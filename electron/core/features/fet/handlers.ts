/** fet/importPreview (writes nothing), fet/importCommit (backup, one transaction, audit) and fet/export. */
import { AppError } from '../../../../shared/errors';
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { toFieldIssues } from '../../platform/spreadsheet/issues';
import { exportFet } from './export';
import { analyzeFet, writePlan } from './import';

export const fetHandlers: HandlerMap<FeatureMethod<'fet'>> = {
  'fet/importPreview': (input, ctx) => analyzeFet(ctx, input).preview,
  'fet/importCommit': async (input, ctx) => {
    const plan = analyzeFet(ctx, input);
    const errors = plan.preview.issues.filter((i) => i.severity === 'error');
    if (errors.length) throw new AppError('IMPORT_INVALID', 'importHasErrors', { errors: errors.length }, toFieldIssues(errors));
    const backup = await ctx.backup('pre-import');
    const counts = ctx.db.transaction(() => {
      const r = writePlan(ctx.db, plan);
      ctx.audit('timetable', 'import', {
        entityId: input.termId,
        summary: `导入FET文件 ${input.fileName}：新建教师 ${r.teachersCreated}、学科 ${r.subjectsCreated}、班级 ${r.classesCreated}，任课 ${r.assignments}，课表 ${r.lessons} 节`,
        after: { file: input.fileName, version: plan.preview.version, ...r, backup },
      });
      return r;
    })();
    return { ...counts, backup };
  },
  'fet/export': (input, ctx) => {
    const file = exportFet(ctx, input.termId, { placements: input.placements ?? 'all' });
    ctx.audit('timetable', 'export', { entityId: input.termId, summary: `导出FET文件 ${file.fileName}` });
    return file;
  },
};
