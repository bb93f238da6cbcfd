/** 转化率 per class, teacher and term; tutoring reminders; settings; the retention purge. */
import type { z } from 'zod';
import type { PurgeCandidate, RateReport, Reminder, StrugglingSettings, StrugglingSettingsSchema } from '../../../../shared/contract';
import { isPurgeable, overdueFiles, purgeableFrom, ratesBy, transformationRate } from '../../../../shared/domain/struggling/figures';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import {
  loadSettings, localDay, queryFileRows, SETTING_REMINDER_WEEKS, SETTING_RETENTION_YEARS, SETTING_RULES,
} from './common';

export function rates(ctx: CoreContext, termId: number | undefined): RateReport {
  const all = queryFileRows(ctx.db, {});
  const inTerm = termId === undefined ? all : all.filter((f) => f.termId === termId);
  const byClass = ratesBy(inTerm, (f) => f.classId, (f) => f.className ?? '（无班级）');
  const byTeacher = ratesBy(
    [...inTerm].sort((a, b) => (a.teacherName ?? '\uffff').localeCompare(b.teacherName ?? '\uffff', 'zh-CN')),
    (f) => f.teacherId, (f) => f.teacherName ?? '（未指定）',
  );
  // Every term with files, newest first (queryFileRows orders by the term's start, latest first).
  const byTerm = ratesBy(all, (f) => f.termId, (f) => f.termLabel);
  return { termId: termId ?? null, total: transformationRate(inTerm, null, '合计'), byClass, byTeacher, byTerm };
}

export function reminders(ctx: CoreContext, weeks: number | undefined): Reminder[] {
  const n = weeks ?? loadSettings(ctx).reminderWeeks;
  // Open files, not those continued by a file of a later term (继续帮扶 carried at the roll-over).
  const open = queryFileRows(ctx.db, {}).filter((f) => (f.status === '帮扶中' || f.status === '继续帮扶') && f.carriedToId === null);
  return overdueFiles(open, localDay(ctx.now()), n).map((f) => ({
    fileId: f.id, studentName: f.studentName, className: f.className, teacherId: f.teacherId, teacherName: f.teacherName,
    lastTutoringOn: f.lastTutoringOn, openedOn: f.openedOn, daysSince: f.daysSince,
  }));
}

export function saveSettings(ctx: CoreContext, s: z.output<typeof StrugglingSettingsSchema>): StrugglingSettings {
  ctx.db.transaction(() => {
    ctx.setSetting(SETTING_RULES, JSON.stringify(s.rules));
    ctx.setSetting(SETTING_REMINDER_WEEKS, String(s.reminderWeeks));
    ctx.setSetting(SETTING_RETENTION_YEARS, String(s.retentionYears));
    ctx.audit('struggling', 'settings', { summary: '修改学困生档案设置', after: s });
  })();
  return loadSettings(ctx);
}

const LEFT_STUDENT = `(s.status IN ('转出', '毕业') OR s.archived = 1)`;

/**
 * The student table keeps no leaving date, so the retention clock starts at the first of: the file set to
 * 转出 (its date), or the first time this module sees the student as left (转出/毕业 or archived) - stamped
 * here, so that the period runs from then and a file is never purged on the day a student is archived.
 */
function stampLeavers(ctx: CoreContext): void {
  ctx.db.prepare(
    `UPDATE struggling_file SET left_on = ? WHERE left_on IS NULL
       AND student_id IN (SELECT s.id FROM student s WHERE ${LEFT_STUDENT})`,
  ).run(localDay(ctx.now()));
}

export function purgePreview(ctx: CoreContext): PurgeCandidate[] {
  stampLeavers(ctx);
  const years = loadSettings(ctx).retentionYears;
  const today = localDay(ctx.now());
  const rows = ctx.db.prepare(
    `SELECT f.id, f.status, f.left_on, s.status AS student_status, s.archived FROM struggling_file f JOIN student s ON s.id = f.student_id
     WHERE f.left_on IS NOT NULL AND ${LEFT_STUDENT} ORDER BY f.left_on, f.id`,
  ).all() as { id: number; status: PurgeCandidate['status']; left_on: string; student_status: string; archived: number }[];
  const purgeable = rows.filter((r) => isPurgeable(r.left_on, years, today));
  const names = new Map(queryFileRows(ctx.db, { ids: purgeable.map((r) => r.id) }).map((f) => [f.id, f]));
  return purgeable.map((r) => ({
    fileId: r.id, studentName: names.get(r.id)?.studentName ?? '', className: names.get(r.id)?.className ?? null, status: r.status,
    studentStatus: r.archived ? `${r.student_status}（已归档）` : r.student_status, leftOn: r.left_on, purgeableFrom: purgeableFrom(r.left_on, years),
  }));
}

/** Deletes files past retention with everything under them, in one transaction; refuses any other id. */
export function purge(ctx: CoreContext, ids: number[]): { deleted: number } {
  const allowed = new Set(purgePreview(ctx).map((p) => p.fileId));
  const issues: FieldIssue[] = ids.flatMap((id, i) => (allowed.has(id) ? [] : [{ path: ['ids', i], key: 'strugglingNotPurgeable', params: { id } }]));
  if (issues.length) throw new AppError('VALIDATION', 'strugglingPurgeRefused', { count: issues.length }, issues);
  const unique = [...new Set(ids)];
  const years = loadSettings(ctx).retentionYears;
  return ctx.db.transaction(() => {
    const students = ctx.db.prepare(`SELECT DISTINCT student_id FROM struggling_file WHERE id IN (${unique.map(() => '?').join(',')})`).all(...unique) as { student_id: number }[];
    const del = ctx.db.prepare('DELETE FROM struggling_file WHERE id = ?'); // causes, entries, status history cascade
    let deleted = 0;
    for (const id of unique) deleted += del.run(id).changes;
    // Nominations carry a reason about the student: they go with the student's last file.
    const delNominations = ctx.db.prepare('DELETE FROM struggling_nomination WHERE student_id = ? AND NOT EXISTS (SELECT 1 FROM struggling_file WHERE student_id = ?)');
    for (const s of students) delNominations.run(s.student_id, s.student_id);
    // No personal data in the audit: counts and the retention rule only.
    ctx.audit('struggling', 'purge', { summary: `清除已离校学生的学困生档案 ${deleted} 份（保存期 ${years} 年）`, after: { deleted, retentionYears: years } });
    return { deleted };
  })();
}
