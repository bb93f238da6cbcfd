/** The archive to USB (归档): targets, the write job, checking an archive. Restoring is Core's own (app.ts). */
import type { FeatureMethod } from '../../../../shared/contract';
import type { CoreOwnMethod } from '../../platform/feature';
import type { HandlerMap } from '../../platform/handlers';
import { cancelJob, jobStatus } from '../../platform/jobs';
import { checkArchive } from './check';
import { startArchive } from './run';
import { archiveTargets } from './targets';

export const archiveHandlers: HandlerMap<Exclude<FeatureMethod<'archive'>, CoreOwnMethod>> = {
  'archive/targets': () => archiveTargets(),
  'archive/start': (i, ctx) => startArchive(ctx, i),
  'archive/job': (i, ctx) => jobStatus(ctx.dataDir, 'archive', i.jobId),
  'archive/cancel': (i, ctx) => cancelJob(ctx.dataDir, 'archive', i.jobId),
  'archive/check': (i) => checkArchive(i.path, i.password),
};
