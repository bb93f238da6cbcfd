/**
 * The contract call behind the 'jiaowu:call' IPC handler, kept free of 'electron' so it is unit-tested:
 * only the contract's methods pass, core validates the input, and every failure becomes an AppError shape.
 */
import { METHODS, type Method } from '../../shared/contract';
import type { BridgeResult } from '../../shared/contract/bridge';
import { AppError } from '../../shared/errors';
import { toAppError } from '../core/platform/errors';

const METHOD_SET: ReadonlySet<string> = new Set<string>(METHODS);

export function isContractMethod(method: unknown): method is Method {
  return typeof method === 'string' && METHOD_SET.has(method);
}

/** The part of Core this needs (so tests can pass a real Core or a stub). */
export interface CallTarget {
  call(method: Method, input: unknown): Promise<unknown>;
}

export async function dispatchCall(core: CallTarget, method: unknown, input: unknown): Promise<BridgeResult<unknown>> {
  if (!isContractMethod(method)) {
    return { ok: false, error: new AppError('NOT_FOUND', 'unknownMethod', { method: String(method).slice(0, 100) }).toJSON() };
  }
  try {
    return { ok: true, data: await core.call(method, input) };
  } catch (e) {
    return { ok: false, error: toAppError(e).toJSON() };
  }
}
