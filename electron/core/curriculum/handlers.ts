import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../handlers';

// Placeholder until this module lands.
export const curriculumHandlers: HandlerMap<'curriculum/get' | 'curriculum/save' | 'curriculum/resetDefault' | 'curriculum/importPreview' | 'curriculum/importCommit' | 'compliance/check' | 'compliance/exportXlsx'> = {
  'curriculum/get': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'curriculum/save': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'curriculum/resetDefault': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'curriculum/importPreview': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'curriculum/importCommit': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'compliance/check': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'compliance/exportXlsx': () => { throw new AppError('INTERNAL', 'notImplemented'); },
};
