/** curriculum/* (the 开齐开足 standard: get, save, reset, Excel import) and compliance/* (check, Excel export). */
import { AppError } from '../../../../shared/errors';
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { toFieldIssues } from '../../platform/spreadsheet/issues';
import { runCompliance } from './check';
import { exportCompliance } from './excel';
import { analyzeCurriculum, importSource } from './import';
import { getStandard, resetStandard, saveStandard, writeImported } from './standard';

export const curriculumHandlers: HandlerMap<FeatureMethod<'curriculum'>> = {
  'curriculum/get': (_input, ctx) => getStandard(ctx),
  'curriculum/save': (input, ctx) => saveStandard(ctx, input),
  'curriculum/resetDefault': (_input, ctx) => resetStandard(ctx),
  'curriculum/importPreview': (input, ctx) => analyzeCurriculum(ctx, input.fileName, Buffer.from(input.dataBase64, 'base64')).preview,
  'curriculum/importCommit': (input, ctx) => {
    const { preview, grades } = analyzeCurriculum(ctx, input.fileName, Buffer.from(input.dataBase64, 'base64'));
    const errors = preview.issues.filter((i) => i.severity === 'error');
    if (errors.length) throw new AppError('IMPORT_INVALID', 'importHasErrors', { errors: errors.length }, toFieldIssues(errors));
    return writeImported(ctx, grades, importSource(input.fileName, ctx.now()), input.fileName);
  },
  'curriculum/check': (input, ctx) => runCompliance(ctx, input).result,
  'curriculum/exportCheckXlsx': (input, ctx) => exportCompliance(ctx, runCompliance(ctx, input)),
};
