/** import/template, import/preview (writes nothing) and import/commit (backup, one transaction, audit). */
import type { ParsedInput } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { schoolDay } from '../../../../shared/domain/dates';
import type { CoreContext } from '../../platform/context';
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { analyze, type Analysis } from './analyze';
import { readSpreadsheet } from '../../platform/spreadsheet/read';
import { toFieldIssues } from '../../platform/spreadsheet/issues';
import { skippedRowsWorkbook } from './skipped';
import { buildTemplate } from './template';
import { writeOps } from './write';
import { requireTerm } from '../../platform/query';

type Req = ParsedInput<'import/preview'>;

const AUDIT_ENTITY = { students: 'student', teachers: 'teacher', assignments: 'assignment', training: 'trainingEntry' } as const;

function termFor(input: Req, ctx: CoreContext): number | null {
  if (input.kind !== 'assignments') return null;
  const id = input.termId ?? Number(ctx.getSetting('currentTermId') ?? 0);
  if (!id) throw new AppError('VALIDATION', 'import.noTerm');
  requireTerm(ctx.db, id, { key: 'import.noTerm' });
  return id;
}

export function runAnalysis(input: Req, ctx: CoreContext): Analysis {
  const data = Buffer.from(input.dataBase64, 'base64');
  const sheet = readSpreadsheet(input.fileName, data, input.sheet);
  return analyze(input.kind, sheet, input.mapping, { db: ctx.db, termId: termFor(input, ctx) });
}


export const importHandlers: HandlerMap<FeatureMethod<'import'>> = {
  'import/template': (input) => buildTemplate(input.kind),
  'import/preview': (input, ctx) => runAnalysis(input, ctx).preview,
  'import/commit': async (input, ctx) => {
    const { preview, ops } = runAnalysis(input, ctx);
    // Only problems of the file itself block the import; rows with errors are skipped (and listed).
    const fileErrors = preview.issues.filter((i) => i.severity === 'error' && i.row === 0);
    if (fileErrors.length) throw new AppError('IMPORT_INVALID', 'importHasErrors', { errors: fileErrors.length }, toFieldIssues(fileErrors));
    if (!ops.length) throw new AppError('VALIDATION', 'import.noRows');
    const backup = await ctx.backup('pre-import');
    const result = ctx.db.transaction(() => {
      const r = writeOps(ctx.db, input.kind, ops, schoolDay(ctx.now()));
      ctx.audit(AUDIT_ENTITY[input.kind], 'import', {
        summary: `导入 ${input.fileName}：新增 ${r.inserted}，更新 ${r.updated}，跳过 ${preview.counts.skip}`,
        after: { file: input.fileName, sheet: preview.sheet, inserted: r.inserted, updated: r.updated, skipped: preview.counts.skip, backup },
      });
      return r;
    })();
    return { ...result, skipped: preview.counts.skip, backup };
  },
  'import/skippedRows': async (input, ctx) => {
    const data = Buffer.from(input.dataBase64, 'base64');
    const sheet = readSpreadsheet(input.fileName, data, input.sheet);
    const { preview } = analyze(input.kind, sheet, input.mapping, { db: ctx.db, termId: termFor(input, ctx) });
    return skippedRowsWorkbook(input.fileName, sheet, preview);
  },
};
