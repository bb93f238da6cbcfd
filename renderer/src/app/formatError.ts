/**
 * Turns anything thrown by api.call into words the user can act on: the translated `errors.<key>` text and,
 * for per-field issues, one line each ("第 3 行 · 列 学籍号: 学籍号格式不对"). Never shows a stack trace.
 */
import type { FieldIssue } from '../../../shared/errors';
import { isAppErrorShape } from '../../../shared/errors';

export type T = (key: string, opts?: Record<string, unknown>) => string;

export interface FormatOptions {
  /** Label for a field name in an issue path (e.g. a grid column header). Defaults to fields.<name> if present. */
  fieldLabel?: (field: string) => string | undefined;
  /** Added to a 0-based row index in an issue path to get the row number the user sees (default 1). */
  rowBase?: number;
}

export interface FormattedError { message: string; details: string[] }

/** Translates errors.<key>, falling back to the generic message when the key is unknown. */
export function translateErrorKey(t: T, key: string, params?: Record<string, unknown>): string {
  const full = `errors.${key}`;
  const s = t(full, params);
  return s === full ? t('errors.internal', { detail: key }) : s;
}

function issueLine(t: T, issue: FieldIssue, opts: FormatOptions): string {
  const parts: string[] = [];
  let row: number | undefined;
  let field: string | undefined;
  for (const p of issue.path) {
    if (typeof p === 'number') row = p;
    else if (p !== 'rows') field = p;
  }
  if (row !== undefined) parts.push(t('errors.at.row', { row: row + (opts.rowBase ?? 1) }));
  if (field) {
    const fromField = t(`fields.${field}`);
    const label = opts.fieldLabel?.(field) ?? (fromField === `fields.${field}` ? field : fromField);
    parts.push(t('errors.at.column', { column: label }));
  }
  const text = translateErrorKey(t, issue.key, issue.params);
  return parts.length ? `${parts.join(' · ')}: ${text}` : text;
}

/** Structured form: a headline plus one line per issue. */
export function describeApiError(t: T, e: unknown, opts: FormatOptions = {}): FormattedError {
  if (isAppErrorShape(e)) {
    return {
      message: translateErrorKey(t, e.key, e.params),
      details: (e.issues ?? []).map((i) => issueLine(t, i, opts)),
    };
  }
  return { message: t('errors.internal', { detail: e instanceof Error ? e.message : String(e) }), details: [] };
}

/** Pure: the error as one text (headline, then issue lines), for inline display and tests. */
export function formatApiError(t: T, e: unknown, opts: FormatOptions = {}): string {
  const f = describeApiError(t, e, opts);
  return [f.message, ...f.details].join('\n');
}

/** Issues of a single-record save as antd Form field errors ({ name, errors }) for form.setFields. */
export function formFieldErrors(t: T, e: unknown): { name: string; errors: string[] }[] {
  if (!isAppErrorShape(e) || !e.issues) return [];
  const byField = new Map<string, string[]>();
  for (const i of e.issues) {
    const field = i.path.find((p): p is string => typeof p === 'string' && p !== 'rows');
    if (!field) continue;
    byField.set(field, [...(byField.get(field) ?? []), translateErrorKey(t, i.key, i.params)]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
