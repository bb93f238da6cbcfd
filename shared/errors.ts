/**
 * Typed errors that cross the core/UI boundary. The UI never shows a stack trace:
 * it translates `key` (an i18n key under `errors.`) with `params`.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IN_USE'
  | 'UNAUTHORIZED'
  | 'DB_LOCKED'
  | 'DB_NEWER'
  | 'DB_DAMAGED'
  | 'IMPORT_INVALID'
  | 'IO'
  | 'INTERNAL';

/** One problem with one field, e.g. row 17, column 学籍号: duplicate. */
export interface FieldIssue {
  /** Path into the input, e.g. ['rows', 3, 'studentNo'] or ['name']. */
  path: (string | number)[];
  /** i18n key under `errors.` */
  key: string;
  params?: Record<string, string | number>;
}

export interface AppErrorShape {
  code: ErrorCode;
  key: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
}

export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly key: string;
  readonly params?: Record<string, string | number>;
  readonly issues?: FieldIssue[];
  constructor(code: ErrorCode, key: string, params?: Record<string, string | number>, issues?: FieldIssue[]) {
    super(`${code}: ${key}${params ? ' ' + JSON.stringify(params) : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.key = key;
    this.params = params;
    this.issues = issues;
  }
  toJSON(): AppErrorShape {
    return { code: this.code, key: this.key, params: this.params, issues: this.issues };
  }
}

export function isAppErrorShape(x: unknown): x is AppErrorShape {
  return typeof x === 'object' && x !== null && typeof (x as AppErrorShape).code === 'string' && typeof (x as AppErrorShape).key === 'string';
}

/** HTTP status used by browser mode for each error code. */
export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  IMPORT_INVALID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IN_USE: 409,
  UNAUTHORIZED: 401,
  DB_LOCKED: 423,
  DB_NEWER: 409,
  DB_DAMAGED: 503,
  IO: 500,
  INTERNAL: 500,
};
