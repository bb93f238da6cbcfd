/** The training register: settings (cycle start, hours), entries with certificates, and batches for school-based training. */
import type Database from 'better-sqlite3';
import type { ParsedInput, TrainingEntry, TrainingSettings } from '../../../../shared/contract';
import { cycleAt, cycleOf, DEFAULT_REQUIRED_HOURS, type TrainingLevel } from '../../../../shared/domain/training/cycle';
import { todayOf } from '../../platform/staff';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import { attachmentStore, storeUpload } from '../../platform/attachments/store';
import { upsertAudited, type Cols } from '../../platform/db/audited';
import type { CoreContext } from '../../platform/context';

const KEY = 'training.settings';

/** The default cycle start: 1 September of the current 5-year national cycle (2021-2025 → 2026-2030 ...). */
export function trainingSettings(ctx: Pick<CoreContext, 'getSetting'>): TrainingSettings {
  const raw = ctx.getSetting(KEY);
  const fallback = { cycleStart: '2021-09-01', requiredHours: DEFAULT_REQUIRED_HOURS };
  if (!raw) return fallback;
  try { return { ...fallback, ...(JSON.parse(raw) as Partial<TrainingSettings>) }; } catch { return fallback; }
}

export function saveTrainingSettings(ctx: CoreContext, s: TrainingSettings): TrainingSettings {
  const before = trainingSettings(ctx);
  ctx.db.transaction(() => {
    ctx.setSetting(KEY, JSON.stringify(s));
    ctx.audit('trainingSettings', 'update', { summary: `修改培训周期：起始 ${s.cycleStart}，${s.requiredHours} 学时`, before, after: s });
  })();
  return s;
}

const SELECT = `SELECT e.*, t.name AS teacher_name, t.staff_no FROM training_entry e JOIN teacher t ON t.id = e.teacher_id`;
type Row = Record<string, unknown>;

function toEntry(r: Row, store: ReturnType<typeof attachmentStore>): TrainingEntry {
  return {
    id: r.id as number, teacherId: r.teacher_id as number, teacherName: r.teacher_name as string, staffNo: (r.staff_no as string) ?? null,
    startDate: r.start_date as string, endDate: r.end_date as string, level: r.level as TrainingLevel, title: r.title as string,
    organiser: (r.organiser as string) ?? null, hours: r.hours as number, note: (r.note as string) ?? null, batchId: (r.batch_id as number) ?? null,
    certificate: r.certificate_attachment_id ? store.info(r.certificate_attachment_id as number) : null,
  };
}

export function listEntries(ctx: CoreContext, q: ParsedInput<'training/list'>): TrainingEntry[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.teacherId) { where.push('e.teacher_id = ?'); args.push(q.teacherId); }
  if (q.level) { where.push('e.level = ?'); args.push(q.level); }
  if (q.currentCycle || q.cycleIndex !== null) {
    const start = trainingSettings(ctx).cycleStart;
    const c = q.currentCycle ? cycleOf(start, todayOf(ctx.now())) : cycleAt(start, q.cycleIndex!);
    where.push('e.end_date BETWEEN ? AND ?'); args.push(c.start, c.end);
  }
  const store = attachmentStore(ctx);
  return (ctx.db.prepare(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY e.end_date DESC, t.name, e.id`).all(...args) as Row[]).map((r) => toEntry(r, store));
}

function getEntry(ctx: CoreContext, id: number): TrainingEntry {
  const r = ctx.db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'notFound', { entity: 'trainingEntry', id });
  return toEntry(r, attachmentStore(ctx));
}

function checkDates(issues: FieldIssue[], startDate: string, endDate: string): void {
  if (endDate < startDate) issues.push({ path: ['endDate'], key: 'training.endBeforeStart' });
}

function teacherName(db: Database.Database, id: number): string | undefined {
  return (db.prepare('SELECT name FROM teacher WHERE id = ?').get(id) as { name: string } | undefined)?.name;
}

export function saveEntry(ctx: CoreContext, e: ParsedInput<'training/save'>): TrainingEntry {
  const { db } = ctx;
  const issues: FieldIssue[] = [];
  const name = teacherName(db, e.teacherId);
  if (!name) issues.push({ path: ['teacherId'], key: 'notFound' });
  checkDates(issues, e.startDate, e.endDate);
  if (issues.length) throw new AppError('VALIDATION', 'validation', { count: issues.length }, issues);
  if (e.id !== undefined && !db.prepare('SELECT 1 FROM training_entry WHERE id = ?').get(e.id)) throw new AppError('NOT_FOUND', 'notFound', { entity: 'trainingEntry', id: e.id });
  const attachmentId = e.upload ? storeUpload(ctx, e.upload) : e.removeAttachment ? null : undefined;
  const cols: Cols = {
    teacher_id: e.teacherId, start_date: e.startDate, end_date: e.endDate, level: e.level, title: e.title, organiser: e.organiser, hours: e.hours, note: e.note,
  };
  if (attachmentId !== undefined) cols.certificate_attachment_id = attachmentId;
  if (e.id === undefined) cols.created_at = ctx.now().toISOString();
  const id = db.transaction(() => upsertAudited(ctx, 'training_entry', 'trainingEntry', e.id, cols, `培训记录 ${name} ${e.title}（${e.hours} 学时）`))();
  return getEntry(ctx, id);
}

export function deleteEntry(ctx: CoreContext, id: number): { ok: true } {
  const before = getEntry(ctx, id);
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM training_entry WHERE id = ?').run(id);
    ctx.audit('trainingEntry', 'delete', { entityId: id, summary: `删除培训记录 ${before.teacherName} ${before.title}`, before });
  })();
  return { ok: true };
}

/** Creates or rewrites a batch: one entry per teacher with the same training; teachers taken out lose their entry. */
export function saveBatch(ctx: CoreContext, b: ParsedInput<'training/saveBatch'>): { batchId: number; entries: number } {
  const { db } = ctx;
  const issues: FieldIssue[] = [];
  const ids = [...new Set(b.teacherIds)];
  ids.forEach((id, i) => { if (!teacherName(db, id)) issues.push({ path: ['teacherIds', i], key: 'notFound' }); });
  checkDates(issues, b.startDate, b.endDate);
  if (b.id !== undefined && !db.prepare('SELECT 1 FROM training_batch WHERE id = ?').get(b.id)) throw new AppError('NOT_FOUND', 'notFound', { entity: 'trainingBatch', id: b.id });
  if (issues.length) throw new AppError('VALIDATION', 'validation', { count: issues.length }, issues);
  const now = ctx.now().toISOString();
  return db.transaction(() => {
    const batchId = b.id ?? Number(db.prepare('INSERT INTO training_batch (created_at) VALUES (?)').run(now).lastInsertRowid);
    const before = db.prepare('SELECT teacher_id FROM training_entry WHERE batch_id = ?').all(batchId) as { teacher_id: number }[];
    db.prepare('DELETE FROM training_entry WHERE batch_id = ?').run(batchId);
    const ins = db.prepare(`INSERT INTO training_entry (teacher_id, start_date, end_date, level, title, organiser, hours, note, batch_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const t of ids) ins.run(t, b.startDate, b.endDate, b.level, b.title, b.organiser, b.hours, b.note, batchId, now);
    ctx.audit('trainingBatch', b.id === undefined ? 'create' : 'update', {
      entityId: batchId, summary: `${b.id === undefined ? '批量登记' : '修改批量'}培训 ${b.title}：${ids.length} 人，各 ${b.hours} 学时`,
      before: b.id === undefined ? undefined : { teacherIds: before.map((r) => r.teacher_id) }, after: { ...b, teacherIds: ids },
    });
    return { batchId, entries: ids.length };
  })();
}

export function getBatch(ctx: CoreContext, id: number) {
  const rows = ctx.db.prepare('SELECT * FROM training_entry WHERE batch_id = ? ORDER BY id').all(id) as Row[];
  if (!rows.length) throw new AppError('NOT_FOUND', 'notFound', { entity: 'trainingBatch', id });
  const r = rows[0];
  return {
    id, teacherIds: rows.map((x) => x.teacher_id as number), startDate: r.start_date as string, endDate: r.end_date as string,
    level: r.level as TrainingLevel, title: r.title as string, organiser: (r.organiser as string) ?? null, hours: r.hours as number, note: (r.note as string) ?? null,
  };
}

export function deleteBatch(ctx: CoreContext, id: number): { ok: true; entries: number } {
  const b = getBatch(ctx, id);
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM training_entry WHERE batch_id = ?').run(id);
    ctx.db.prepare('DELETE FROM training_batch WHERE id = ?').run(id);
    ctx.audit('trainingBatch', 'delete', { entityId: id, summary: `删除批量培训 ${b.title}（${b.teacherIds.length} 人）`, before: b });
  })();
  return { ok: true, entries: b.teacherIds.length };
}
