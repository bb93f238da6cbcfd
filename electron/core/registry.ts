/** Joins every module's handlers into the one registry the transports use. */
import type { HandlerMap } from './handlers';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backup/handlers';
import { exportHandlers } from './export/handlers';
import { importHandlers } from './import/handlers';
import { reportHandlers } from './reports/handlers';
import { schoolHandlers } from './school/handlers';
import { curriculumHandlers } from './curriculum/handlers';
import { fetHandlers } from './fet/handlers';
import { timetableExcelHandlers } from './timetable/excel-handlers';
import { timetableHandlers } from './timetable/handlers';
import { workloadHandlers } from './workload/handlers';
import { routineMonthlyHandlers } from './routine-monthly/handlers';
import { routinePlansHandlers } from './routine-plans/handlers';
import { routineReportsHandlers } from './routine-reports/handlers';
import { examsHandlers } from './exams/handlers';
import { strugglingHandlers } from './struggling/handlers';

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
