import type { HandlerMap } from '../handlers';
import type { routineMonthlyContract } from '../../../shared/contract/routine-monthly';

// Placeholder until this module lands: one handler per method of routineMonthlyContract.
export const routineMonthlyHandlers: HandlerMap<keyof typeof routineMonthlyContract> = {};
