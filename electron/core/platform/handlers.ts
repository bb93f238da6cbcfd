/**
 * The handler registry: one function per contract method. Each domain module exports its part; this file
 * only joins them, so a missing handler is a type error.
 */
import type { Method, Output, ParsedInput } from '../../../shared/contract';
import type { CoreContext } from './context';

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: CoreContext) => Output<M> | Promise<Output<M>>;
export type HandlerMap<K extends Method = Method> = { [M in K]: Handler<M> };
