/** Contract handlers of the struggling-student files (学困生档案, 一生一案). */
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { confirmCandidates, deleteNomination, listCandidates, listNominations, nominate } from './candidates';
import { loadSettings, queryFileRows } from './common';
import { purge, purgePreview, rates, reminders, saveSettings } from './figures';
import { addEntry, deleteEntry, getFile, saveFile, scoreCurve, setStatus } from './files';

export const strugglingHandlers: HandlerMap<FeatureMethod<'struggling'>> = {
  'struggling/getSettings': (_i, ctx) => loadSettings(ctx),
  'struggling/saveSettings': (input, ctx) => saveSettings(ctx, input),
  'struggling/nominate': (input, ctx) => nominate(ctx, input),
  'struggling/nominations': ({ termId }, ctx) => listNominations(ctx, termId),
  'struggling/deleteNomination': ({ id }, ctx) => deleteNomination(ctx, id),
  'struggling/candidates': (input, ctx) => listCandidates(ctx, input),
  'struggling/confirm': (input, ctx) => confirmCandidates(ctx, input),
  'struggling/list': (filter, ctx) => queryFileRows(ctx.db, filter),
  'struggling/get': ({ id }, ctx) => getFile(ctx, id),
  'struggling/save': (input, ctx) => saveFile(ctx, input),
  'struggling/addEntry': (input, ctx) => addEntry(ctx, input),
  'struggling/deleteEntry': ({ id }, ctx) => deleteEntry(ctx, id),
  'struggling/setStatus': (input, ctx) => setStatus(ctx, input),
  'struggling/scoreCurve': ({ studentId }, ctx) => scoreCurve(ctx, studentId),
  'struggling/rates': ({ termId }, ctx) => rates(ctx, termId),
  'struggling/reminders': ({ weeks }, ctx) => reminders(ctx, weeks),
  'struggling/purgePreview': (_i, ctx) => purgePreview(ctx),
  'struggling/purge': ({ ids }, ctx) => purge(ctx, ids),
};
