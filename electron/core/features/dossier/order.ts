/** The ordered lists of the dossier (indicators of an inspection, evidence of an indicator): the neighbour a move swaps with. */
import type { CoreContext } from '../../platform/context';

type Ordered = { table: 'inspection_indicator'; scope: 'inspection_id' } | { table: 'inspection_evidence'; scope: 'indicator_id' };

/** The row just before (up) or after (down) `sort` within the same scope, or undefined at either end. */
export function neighbour<R>(ctx: CoreContext, list: Ordered, scopeId: number, sort: number, direction: 'up' | 'down'): R | undefined {
  const sql = direction === 'up'
    ? `SELECT * FROM ${list.table} WHERE ${list.scope} = ? AND sort < ? ORDER BY sort DESC LIMIT 1`
    : `SELECT * FROM ${list.table} WHERE ${list.scope} = ? AND sort > ? ORDER BY sort LIMIT 1`;
  return ctx.db.prepare(sql).get(scopeId, sort) as R | undefined;
}
