/**
 * Audited single-row writes shared by the modules: insert or update one row (only the columns that changed) and
 * write the audit entry with a before/after summary; delete with the row kept in the audit entry.
 */
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../context';

export type Cols = Record<string, string | number | null>;

/**
 * Inserts (id undefined) or updates one row and audits it. Returns the id. With `timestamps`, created_at and
 * updated_at are set from the core's clock.
 */
export function upsertAudited(
  ctx: CoreContext, table: string, entity: string, id: number | undefined, cols: Cols, label: string,
  opts: { timestamps?: boolean } = {},
): number {
  const { db } = ctx;
  const stamp = ctx.now().toISOString();
  if (id === undefined) {
    const all: Cols = opts.timestamps ? { ...cols, created_at: stamp, updated_at: stamp } : cols;
    const names = Object.keys(all);
    const r = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(all));
    const newId = Number(r.lastInsertRowid);
    ctx.audit(entity, 'create', { entityId: newId, summary: `新增 ${label}`, after: cols });
    return newId;
  }
  const before = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!before) throw new AppError('NOT_FOUND', 'notFound', { entity, id });
  const changed: Cols = {};
  const was: Record<string, unknown> = {};
  for (const k of Object.keys(cols)) {
    if (before[k] !== cols[k]) {
      changed[k] = cols[k];
      was[k] = before[k];
    }
  }
  if (Object.keys(changed).length === 0) return id;
  const sets = Object.keys(changed).map((k) => `${k} = ?`).join(', ');
  const stampSet = opts.timestamps ? ', updated_at = ?' : '';
  db.prepare(`UPDATE ${table} SET ${sets}${stampSet} WHERE id = ?`).run(...Object.values(changed), ...(opts.timestamps ? [stamp] : []), id);
  ctx.audit(entity, 'update', { entityId: id, summary: `修改 ${label}：${Object.keys(changed).join('、')}`, before: was, after: changed });
  return id;
}
