/** Joins every module's handlers into the one registry the transports use. */
import type { HandlerMap } from './platform/handlers';
import { auditHandlers } from './features/audit/handlers';
import { backupHandlers } from './features/backup/handlers';
import { exportHandlers } from './features/export/handlers';
import { importHandlers } from './features/import/handlers';
import { reportHandlers } from './features/reports/handlers';
import { schoolHandlers } from './features/school/handlers';
import { curriculumHandlers } from './features/curriculum/handlers';
import { fetHandlers } from './features/fet/handlers';
import { timetableExcelHandlers } from './features/timetable/excel-handlers';
import { timetableHandlers } from './features/timetable/handlers';
import { workloadHandlers } from './features/workload/handlers';
import { routineMonthlyHandlers } from './features/monthly-check/handlers';
import { routinePlansHandlers } from './features/routine-plans/handlers';
import { routineReportsHandlers } from './features/monthly-check/export-handlers';
import { examsHandlers } from './features/exams/handlers';
import { strugglingHandlers } from './features/struggling/handlers';

/** Methods Core answers itself because they reopen the database. */
export type CoreOwnMethod = 'app/status' | 'backup/list' | 'backup/restore' | 'app/restoreDamaged' | 'app/startEmpty';

export const allHandlers = {
  ...schoolHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...reportHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...timetableHandlers,
  ...timetableExcelHandlers,
  ...curriculumHandlers,
  ...workloadHandlers,
  ...fetHandlers,
  ...routinePlansHandlers,
  ...routineMonthlyHandlers,
  ...routineReportsHandlers,
  ...examsHandlers,
  ...strugglingHandlers,
} satisfies Omit<HandlerMap, CoreOwnMethod> as Omit<HandlerMap, CoreOwnMethod> & Partial<HandlerMap>;
