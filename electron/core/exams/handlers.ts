import type { HandlerMap } from '../handlers';
import type { examsContract } from '../../../shared/contract/exams';

// Placeholder until this module lands: one handler per method of examsContract.
export const examsHandlers: HandlerMap<keyof typeof examsContract> = {};
