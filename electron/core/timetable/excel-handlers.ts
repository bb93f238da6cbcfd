import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../handlers';

// Placeholder until this module lands.
export const timetableExcelHandlers: HandlerMap<'timetable/exportXlsx' | 'timetable/importPreview' | 'timetable/importCommit'> = {
  'timetable/exportXlsx': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'timetable/importPreview': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'timetable/importCommit': () => { throw new AppError('INTERNAL', 'notImplemented'); },
};
