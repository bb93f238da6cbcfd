/** Handlers of examsContract: exams, settings, score entry, import, analysis, trends and the Word report. */
import type { FeatureMethod } from '../../../../shared/contract';
import type { HandlerMap } from '../../platform/handlers';
import { examAnalysis, examTrend } from './analysis';
import { deleteExam, getExam, getSettings, listExams, saveExam, saveSettings, syncRoster } from './exams';
import { analyseImport, commitImport } from './import';
import { examReportDocx } from './report-docx';
import { saveScores, scoreSheet } from './scores';

export const examsHandlers: HandlerMap<FeatureMethod<'exams'>> = {
  'exams/list': (input, ctx) => listExams(ctx.db, input.termId),
  'exams/get': (input, ctx) => getExam(ctx.db, input.id),
  'exams/save': (input, ctx) => saveExam(ctx, input),
  'exams/delete': (input, ctx) => deleteExam(ctx, input.id),
  'exams/syncRoster': (input, ctx) => syncRoster(ctx, input.id),
  'exams/getSettings': (_input, ctx) => getSettings(ctx),
  'exams/saveSettings': (input, ctx) => saveSettings(ctx, input),
  'exams/scores': (input, ctx) => scoreSheet(ctx, input.examId, input.classId),
  'exams/saveScores': (input, ctx) => saveScores(ctx, input),
  'exams/importPreview': (input, ctx) => analyseImport(ctx, input).preview,
  'exams/importCommit': (input, ctx) => commitImport(ctx, input),
  'exams/analysis': (input, ctx) => examAnalysis(ctx, input.examId),
  'exams/trend': (input, ctx) => examTrend(ctx, input),
  'exams/reportDocx': (input, ctx) => examReportDocx(ctx, input.examId),
};
