/** The inspection dossier (迎检资料): inspections, indicators, evidence, readiness, composition. */
import type { FeatureMethod } from '../../../../shared/contract';
import { DOCX_MIME, PDF_MIME } from '../../platform/serving';
import type { HandlerMap } from '../../platform/handlers';
import { cancelJob, jobStatus } from '../../platform/jobs';
import { dossierFile, readOutput, startCompose } from './compose';
import { inspectionDetail, listInspections } from './detail';
import { addEvidence, deleteEvidence, moveEvidence } from './evidence';
import { frameworkWorkbook } from './framework-excel';
import {
  deleteIndicator, deleteInspection, inspectionRow, moveIndicator, renumber, saveIndicator, saveInspection, saveOverall, summaryOf,
} from './inspections';

export const dossierHandlers: HandlerMap<FeatureMethod<'dossier'>> = {
  'dossier/list': (_i, ctx) => listInspections(ctx),
  'dossier/get': (i, ctx) => inspectionDetail(ctx, i.id),
  'dossier/save': (i, ctx) => summaryOf(ctx, inspectionRow(ctx, saveInspection(ctx, i))),
  'dossier/delete': (i, ctx) => deleteInspection(ctx, i.id),
  'dossier/saveOverall': (i, ctx) => saveOverall(ctx, i.id, i.overallText),
  'dossier/saveIndicator': (i, ctx) => saveIndicator(ctx, i),
  'dossier/deleteIndicator': (i, ctx) => deleteIndicator(ctx, i.id),
  'dossier/moveIndicator': (i, ctx) => moveIndicator(ctx, i.id, i.direction),
  'dossier/renumber': (i, ctx) => renumber(ctx, i.id),
  'dossier/addEvidence': (i, ctx) => addEvidence(ctx, i),
  'dossier/deleteEvidence': (i, ctx) => deleteEvidence(ctx, i.id),
  'dossier/moveEvidence': (i, ctx) => moveEvidence(ctx, i.id, i.direction),
  'dossier/exportFramework': (i, ctx) => {
    const r = inspectionRow(ctx, i.id);
    return frameworkWorkbook(ctx, r.id, `${r.name}-评估指标（第${r.framework_rev}版）`);
  },
  'dossier/compose': (i, ctx) => startCompose(ctx, i),
  'dossier/job': (i, ctx) => jobStatus(ctx.dataDir, 'dossier', i.jobId),
  'dossier/cancel': (i, ctx) => cancelJob(ctx.dataDir, 'dossier', i.jobId),
  'dossier/output': (i, ctx) => {
    inspectionRow(ctx, i.id);
    return readOutput(ctx.dataDir, i.id);
  },
  'dossier/download': (i, ctx) => {
    const { bytes, file } = dossierFile(ctx.dataDir, i.id, i.name);
    return { fileName: file.name, mime: file.kind === 'pdf' ? PDF_MIME : DOCX_MIME, dataBase64: bytes.toString('base64') };
  },
};
