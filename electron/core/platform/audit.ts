/** The audit log: who (operator name), when, which entity, what action, a before/after summary. */
import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../../shared/contract';

export interface AuditWriter {
  (entity: string, action: string, opts?: { entityId?: string | number | null; summary?: string; before?: unknown; after?: unknown }): void;
}

export function makeAuditWriter(db: Database.Database, operator: () => string, now: () => Date): AuditWriter {
  // Prepared on first use: the writer is made before the first migration has created audit_log.
  let ins: Database.Statement | null = null;
  return (entity, action, opts = {}) => {
    ins ??= db.prepare(
      'INSERT INTO audit_log (at, operator, entity, entity_id, action, summary, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const j = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
    ins.run(now().toISOString(), operator(), entity, opts.entityId == null ? null : String(opts.entityId), action, opts.summary ?? null, j(opts.before), j(opts.after));
  };
}

export interface AuditQuery { entity?: string; operator?: string; text?: string; from?: string; to?: string; limit: number; offset: number }

export function queryAudit(db: Database.Database, q: AuditQuery): { rows: AuditEntry[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.entity) { where.push('entity = ?'); args.push(q.entity); }
  if (q.operator) { where.push('operator = ?'); args.push(q.operator); }
  if (q.from) { where.push('at >= ?'); args.push(q.from); }
  if (q.to) { where.push('at <= ?'); args.push(q.to.length === 10 ? q.to + 'T23:59:59.999Z' : q.to); }
  if (q.text) { where.push('(summary LIKE ? OR before LIKE ? OR after LIKE ?)'); const t = `%${q.text}%`; args.push(t, t, t); }
  const w = where.length ? 'WHERE ' + where.join(' AND ') : '';
  const total = (db.prepare(`SELECT COUNT(*) n FROM audit_log ${w}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(`SELECT id, at, operator, entity, entity_id AS entityId, action, summary, before, after FROM audit_log ${w} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...args, q.limit, q.offset) as AuditEntry[];
  return { rows, total };
}
