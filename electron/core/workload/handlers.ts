import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../handlers';

// Placeholder until this module lands.
export const workloadHandlers: HandlerMap<'workload/teachers' | 'workload/groups' | 'workload/leaders' | 'workload/exportXlsx' | 'substitutions/list' | 'substitutions/save' | 'substitutions/delete'> = {
  'workload/teachers': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'workload/groups': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'workload/leaders': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'workload/exportXlsx': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'substitutions/list': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'substitutions/save': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'substitutions/delete': () => { throw new AppError('INTERNAL', 'notImplemented'); },
};
