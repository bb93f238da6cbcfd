import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../handlers';

// Placeholder until this module lands.
export const fetHandlers: HandlerMap<'fet/importPreview' | 'fet/importCommit' | 'fet/export'> = {
  'fet/importPreview': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'fet/importCommit': () => { throw new AppError('INTERNAL', 'notImplemented'); },
  'fet/export': () => { throw new AppError('INTERNAL', 'notImplemented'); },
};
