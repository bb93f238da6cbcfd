import type { HandlerMap } from '../handlers';
import type { routinePlansContract } from '../../../shared/contract/routine-plans';

// Placeholder until this module lands: one handler per method of routinePlansContract.
export const routinePlansHandlers: HandlerMap<keyof typeof routinePlansContract> = {};
