/**
 * Record-writing helpers every feature's save uses: one save per row in a transaction (a failing row names its
 * index), unique-constraint failures as CONFLICT with the field, references checked before a write, archive
 * instead of delete.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../context';
import { upsertAudited, type Cols } from './audited';

/** School records have no timestamps; the audit log says when. */
export const upsert = (ctx: CoreContext, table: string, entity: string, id: number | undefined, cols: Cols, label: string): number =>
  upsertAudited(ctx, table, entity, id, cols, label);

/** A boolean as SQLite stores it. */
export const b = (v: boolean) => (v ? 1 : 0);

export function setArchived(ctx: CoreContext, table: string, entity: string, id: number, archived: boolean, label: (id: number) => string): void {
  const r = ctx.db.prepare(`UPDATE ${table} SET archived = ? WHERE id = ?`).run(archived ? 1 : 0, id);
  if (r.changes === 0) throw new AppError('NOT_FOUND', 'notFound', { entity, id });
  ctx.audit(entity, archived ? 'archive' : 'restore', { entityId: id, summary: `${archived ? '归档' : '恢复'} ${label(id)}` });
}

/** Runs one save per row in a single transaction; a failing row aborts all and names its row index. */
export function saveMany<T, R>(db: Database.Database, rows: T[], save: (row: T) => R): R[] {
  return db.transaction(() =>
    rows.map((row, i) => {
      try {
        return save(row);
      } catch (e) {
        const err = e instanceof AppError ? e : conflictOf(e);
        throw new AppError(err.code, err.key, { ...err.params, row: i + 1 }, [{ path: ['rows', i], key: err.key, params: err.params }]);
      }
    }),
  )();
}

export function conflictOf(e: unknown): AppError {
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) return new AppError('CONFLICT', 'duplicate');
  if (code.startsWith('SQLITE_CONSTRAINT')) return new AppError('VALIDATION', 'invalid');
  throw e;
}

/** Unique-constraint failures become CONFLICT with the field that clashed. */
export function guardUnique<R>(field: string, f: () => R): R {
  try {
    return f();
  } catch (e) {
    if (((e as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT_UNIQUE')) {
      throw new AppError('CONFLICT', 'duplicate', { field }, [{ path: [field], key: 'duplicate' }]);
    }
    throw e;
  }
}

export function ensureExists(db: Database.Database, table: string, id: number | null, key: string): void {
  if (id === null) return;
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) throw new AppError('VALIDATION', 'notFound', { entity: table, id }, [{ path: [key], key: 'notFound' }]);
}

