/** Errors as the user reads them: zod issues as field keys, anything thrown as the AppError wire shape. */
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';

/** One issue per field, its message an i18n key when the schema gave one; `prefix` nests the paths (['params']). */
export function validationError(err: z.ZodError, prefix: (string | number)[] = []): AppError {
  const seen = new Set<string>();
  return new AppError(
    'VALIDATION',
    'validation',
    undefined,
    err.issues.filter((i) => {
      // One message per field is enough for the user (e.g. 'required' rather than also 'badStudentNo').
      const k = JSON.stringify(i.path);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }).map((i) => ({
      path: [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[]],
      key: /^[a-zA-Z.]+$/.test(i.message) && !i.message.includes(' ') ? i.message : zodKey(i),
    })),
  );
}

function zodKey(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'invalid_type': return 'invalidType';
    case 'too_small': return 'tooSmall';
    case 'too_big': return 'tooBig';
    case 'invalid_value': return 'invalidOption';
    case 'invalid_format': return 'invalidFormat';
    default: return 'invalid';
  }
}

/** Converts anything thrown into the wire shape: AppError as is, SQLite constraint errors to CONFLICT. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string })?.code ?? '';
  // A write to a past term's records, refused by the 0008 triggers (platform/term-lock.ts).
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && (e as Error).message === 'termLocked') return new AppError('CONFLICT', 'termLocked');
  if (code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) return new AppError('CONFLICT', 'duplicate');
  if (code.startsWith('SQLITE_CONSTRAINT_FOREIGNKEY')) return new AppError('IN_USE', 'inUse');
  if (code === 'SQLITE_BUSY') return new AppError('DB_LOCKED', 'dbBusy');
  if (code === 'ENOSPC') return new AppError('IO', 'diskFull');
  console.error('[core] unexpected error:', e);
  return new AppError('INTERNAL', 'internal', { detail: String((e as Error)?.message ?? e).slice(0, 300) });
}
