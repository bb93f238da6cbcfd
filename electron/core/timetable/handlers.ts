import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../handlers';

// Placeholder until this module lands.
export const timetableHandlers: HandlerMap<'timetable/getSettings' | 'timetable/saveSettings' | 'rooms/list' | 'rooms/save' | 'rooms/archive' | 'timetable/unavailableList' | 'timetable/unavailableSave' | 'timetable/get' | 'timetable/setCells' | 'timetable/clearDay' | 'timetable/copyFromTerm' | 'timetable/taught'> = {
  'timetable/getSettings': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'timetable/saveSettings': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'rooms/list': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'rooms/save': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'rooms/archive': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'timetable/unavailableList': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'timetable/unavailableSave': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'timetable/get': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'timetable/setCells': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'timetable/clearDay': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'timetable/copyFromTerm': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'timetable/taught': () => { throw new AppError('INTERNAL', 'notImplemented'); },
};
