import type { HandlerMap } from '../handlers';
import type { strugglingContract } from '../../../shared/contract/struggling';

// Placeholder until this module lands: one handler per method of strugglingContract.
export const strugglingHandlers: HandlerMap<keyof typeof strugglingContract> = {};
