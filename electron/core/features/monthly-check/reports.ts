/**
 * The monthly routine check's printouts: the sheets (月查表), the bulletin (月度通报) and the teacher's term
 * summary. The views come from ./views.ts; the renderers in ./print are pure.
 */
import { defineReport, reportParams } from '../../platform/report/define';
import { BULLETIN_SETUP, BULLETIN_TITLE, renderBulletin } from './print/bulletin';
import { MONTHLY_SHEETS_SETUP, MONTHLY_SHEETS_TITLE, renderMonthlySheets } from './print/sheets';
import { renderTermSummary, TERM_SUMMARY_SETUP, TERM_SUMMARY_TITLE } from './print/term-summary';
import { loadBulletinView, loadMonthlySheetViews, loadTermSummaryView } from './views';

const common = { feature: 'monthly-check', module: 'routine' } as const;

export const MONTHLY_CHECK_REPORTS = [
  defineReport({
    id: 'monthly-sheets', title: MONTHLY_SHEETS_TITLE, titleKey: 'reports.monthly-sheets', ...common, ...MONTHLY_SHEETS_SETUP,
    params: reportParams(['termId', 'month', 'teacherIds'], ['month']),
    load: loadMonthlySheetViews, render: renderMonthlySheets,
  }),
  defineReport({
    id: 'monthly-bulletin', title: BULLETIN_TITLE, titleKey: 'reports.monthly-bulletin', ...common, ...BULLETIN_SETUP,
    params: reportParams(['termId', 'month'], ['month']),
    load: loadBulletinView, render: renderBulletin,
  }),
  defineReport({
    id: 'teacher-term-summary', title: TERM_SUMMARY_TITLE, titleKey: 'reports.teacher-term-summary', ...common, ...TERM_SUMMARY_SETUP,
    params: reportParams(['termId', 'teacherIds']),
    load: loadTermSummaryView, render: renderTermSummary,
  }),
];
