import type { z } from 'zod';

/** Declares a contract method: its input schema plus its output type (phantom, for typing only). */
export function m<I extends z.ZodType, O>(input: I): { input: I; output: O } {
  return { input, output: undefined as unknown as O };
}
