import type { z } from 'zod';

/**
 * One contract method: its input schema (core validates every call with it) and its output type. The output
 * exists only for typing; it is carried as the parameter of a function type, so no value has to pretend to be
 * one.
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  output: (o: O) => void;
}

/** Any method, whatever its input and output (the output's parameter position makes `never` the widest). */
export interface AnyMethodDef { input: z.ZodType; output: (o: never) => void }

/** Declares a method: `method(InputSchema).returns<Output>()`. */
export function method<I extends z.ZodType>(input: I): { returns<O>(): MethodDef<I, O> } {
  return { returns: () => ({ input, output: () => undefined }) };
}

/**
 * A feature's part of the contract: every method name starts with the feature's name and a slash, so the
 * name says which folder answers it (`school/listTerms` -> electron/core/features/school/).
 */
export function featureContract<N extends string, T extends { [K in keyof T]: K extends `${N}/${string}` ? AnyMethodDef : never }>(
  name: N, methods: T,
): T {
  for (const key of Object.keys(methods)) {
    if (!key.startsWith(`${name}/`)) throw new Error(`contract method ${key} is outside its feature ${name}`);
  }
  return methods;
}

/** The output type a method declared. */
export type OutputOf<D> = D extends { output: (o: infer O) => void } ? O : never;
