/** The training register (教师培训) and the teacher indicators of the equity inspection. */
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { cycleReport } from './cycle-report';
import { yearIndicators } from './indicators';
import { deleteBatch, deleteEntry, getBatch, listEntries, saveBatch, saveEntry, saveTrainingSettings, trainingSettings } from './register';

export const trainingHandlers: HandlerMap<FeatureMethod<'training'>> = {
  'training/settings': (_i, ctx) => trainingSettings(ctx),
  'training/saveSettings': (i, ctx) => saveTrainingSettings(ctx, i),
  'training/list': (i, ctx) => listEntries(ctx, i),
  'training/save': (i, ctx) => saveEntry(ctx, i),
  'training/delete': (i, ctx) => deleteEntry(ctx, i.id),
  'training/saveBatch': (i, ctx) => saveBatch(ctx, i),
  'training/getBatch': (i, ctx) => getBatch(ctx, i.id),
  'training/deleteBatch': (i, ctx) => deleteBatch(ctx, i.id),
  'training/cycle': (i, ctx) => cycleReport(ctx, i.asOf),
  'training/indicators': (i, ctx) => yearIndicators(ctx, i.schoolYearId),
};
