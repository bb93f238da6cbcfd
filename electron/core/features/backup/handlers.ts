import type { FeatureMethod } from '../../../../shared/contract';
import type { CoreOwnMethod } from '../../platform/feature';
import type { HandlerMap } from '../../platform/handlers';
import { createBackup, createManualBackup } from '../../platform/backups';
import { schoolName } from '../../platform/query';

export const backupHandlers: HandlerMap<Exclude<FeatureMethod<'backup'>, CoreOwnMethod>> = {
  'backup/create': async (_i, ctx) => {
    const b = await createBackup(ctx.db, ctx.dataDir, 'manual', ctx.now());
    ctx.audit('backup', 'create', { summary: `立即备份 ${b.file}` });
    return b;
  },
  'backup/createManual': async ({ dir }, ctx) => {
    const r = await createManualBackup(ctx.db, dir, schoolName(ctx.db), ctx.now());
    ctx.audit('backup', 'export', { summary: `备份到 ${r.file}` });
    return r;
  },
};
