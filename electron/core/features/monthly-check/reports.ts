/**
 * Catalogue entries of the monthly routine check's printouts, spread into REPORTS in catalogue.ts. The views
 * come from ../routine-reports/load.ts (the routine-monthly module's data); the renderers are pure.
 */
import { loadBulletinView, loadMonthlySheetViews, loadTermSummaryView } from './views';
import type { BulletinView, MonthlySheetsData, TermSummaryView } from './view-types';
import type { ReportDef } from '../../platform/report/catalogue';
import { BULLETIN_SETUP, BULLETIN_TITLE, renderBulletin } from './print/bulletin';
import { MONTHLY_SHEETS_SETUP, MONTHLY_SHEETS_TITLE, renderMonthlySheets } from './print/sheets';
import { renderTermSummary, TERM_SUMMARY_SETUP, TERM_SUMMARY_TITLE } from './print/term-summary';

const monthlySheets: ReportDef<MonthlySheetsData> = {
  id: 'monthly-sheets',
  title: MONTHLY_SHEETS_TITLE,
  titleKey: 'reports.monthly-sheets',
  module: 'routine',
  params: ['termId', 'month', 'teacherIds'],
  required: ['month'],
  formats: ['pdf', 'html'],
  ...MONTHLY_SHEETS_SETUP,
  load: (ctx, p) => loadMonthlySheetViews(ctx, p),
  render: renderMonthlySheets,
};

const monthlyBulletin: ReportDef<BulletinView> = {
  id: 'monthly-bulletin',
  title: BULLETIN_TITLE,
  titleKey: 'reports.monthly-bulletin',
  module: 'routine',
  params: ['termId', 'month'],
  required: ['month'],
  formats: ['pdf', 'html'],
  ...BULLETIN_SETUP,
  load: (ctx, p) => loadBulletinView(ctx, p),
  render: renderBulletin,
};

const termSummary: ReportDef<TermSummaryView> = {
  id: 'teacher-term-summary',
  title: TERM_SUMMARY_TITLE,
  titleKey: 'reports.teacher-term-summary',
  module: 'routine',
  params: ['termId', 'teacherIds'],
  formats: ['pdf', 'html'],
  ...TERM_SUMMARY_SETUP,
  load: (ctx, p) => loadTermSummaryView(ctx, p),
  render: renderTermSummary,
};

export const ROUTINE_REPORTS = [monthlySheets, monthlyBulletin, termSummary] as unknown as ReportDef<unknown>[];
