/** Observation quotas per role and per person, and progress against them. */
import type Database from 'better-sqlite3';
import type { QuotaProgress, QuotaProgressRow, QuotaSettings } from '../../../../shared/contract';
import { TEACHER_ROLES, type TeacherRole } from '../../../../shared/domain/constants';
import { aggregateQuota, DEFAULT_QUOTAS, elapsedWeeks, projectQuota, quotaFor } from '../../../../shared/domain/routine/quota';
import { compareZh } from '../../../../shared/domain/text';
import type { ParsedInput } from '../../../../shared/contract';
import type { CoreContext } from '../../platform/context';
import { groupMembership, loadTerm, requireTeacher, teacherMap, todayOf } from '../../platform/staff';

export function roleQuotas(db: Database.Database, termId: number): Record<TeacherRole, number> {
  const out = { ...DEFAULT_QUOTAS };
  for (const r of db.prepare('SELECT role, per_term FROM observation_quota WHERE term_id = ?').all(termId) as { role: TeacherRole; per_term: number }[]) {
    if (r.role in out) out[r.role] = r.per_term;
  }
  return out;
}

export function quotaOverrides(db: Database.Database, termId: number): Map<number, { perTerm: number; note: string | null }> {
  const rows = db.prepare('SELECT teacher_id, per_term, note FROM observation_quota_override WHERE term_id = ?').all(termId) as { teacher_id: number; per_term: number; note: string | null }[];
  return new Map(rows.map((r) => [r.teacher_id, { perTerm: r.per_term, note: r.note }]));
}

export function getQuotas(db: Database.Database, termId: number): QuotaSettings {
  loadTerm(db, termId);
  const saved = new Set((db.prepare('SELECT role FROM observation_quota WHERE term_id = ?').all(termId) as { role: string }[]).map((r) => r.role));
  const q = roleQuotas(db, termId);
  const teachers = teacherMap(db);
  const overrides = [...quotaOverrides(db, termId)].map(([teacherId, o]) => ({ teacherId, teacherName: teachers.get(teacherId)?.name ?? '', perTerm: o.perTerm, note: o.note }));
  overrides.sort((a, b) => compareZh(a.teacherName, b.teacherName));
  return { termId, roles: TEACHER_ROLES.map((role) => ({ role, perTerm: q[role], isDefault: !saved.has(role) })), overrides };
}

export function saveQuotas(ctx: CoreContext, input: ParsedInput<'observations/saveQuotas'>): QuotaSettings {
  const { db } = ctx;
  loadTerm(db, input.termId);
  const teachers = teacherMap(db);
  input.overrides.forEach((o, i) => requireTeacher(teachers, o.teacherId, `overrides.${i}.teacherId`));
  const before = getQuotas(db, input.termId);
  db.transaction(() => {
    const up = db.prepare('INSERT INTO observation_quota (term_id, role, per_term) VALUES (?, ?, ?) ON CONFLICT (term_id, role) DO UPDATE SET per_term = excluded.per_term');
    for (const r of input.roles) up.run(input.termId, r.role, r.perTerm);
    db.prepare('DELETE FROM observation_quota_override WHERE term_id = ?').run(input.termId);
    const ins = db.prepare('INSERT OR REPLACE INTO observation_quota_override (term_id, teacher_id, per_term, note) VALUES (?, ?, ?, ?)');
    for (const o of input.overrides) ins.run(input.termId, o.teacherId, o.perTerm, o.note);
    ctx.audit('observationQuota', 'update', { entityId: input.termId, summary: '修改听课任务数', before: { roles: before.roles, overrides: before.overrides }, after: { roles: input.roles, overrides: input.overrides } });
  })();
  return getQuotas(db, input.termId);
}

/** Teachers the quota applies to: active, and teaching in the term, holding a leading role, or having observed. */
export function quotaPeople(db: Database.Database, termId: number): number[] {
  const ids = db.prepare(
    `SELECT id FROM teacher t WHERE archived = 0 AND (
       EXISTS (SELECT 1 FROM teaching_assignment a WHERE a.term_id = ? AND a.teacher_id = t.id)
       OR EXISTS (SELECT 1 FROM observation o WHERE o.term_id = ? AND o.observer_id = t.id)
       OR roles LIKE '%校长%' OR roles LIKE '%教导主任%' OR roles LIKE '%教研组长%')`,
  ).all(termId, termId) as { id: number }[];
  return ids.map((r) => r.id);
}

export function quotaProgress(ctx: CoreContext, termId: number, asOfInput: string | null): QuotaProgress {
  const { db } = ctx;
  const term = loadTerm(db, termId);
  const asOf = asOfInput ?? todayOf(ctx.now());
  const elapsed = elapsedWeeks(term.startDate, term.weeks, asOf);
  const q = roleQuotas(db, termId);
  const overrides = quotaOverrides(db, termId);
  const teachers = teacherMap(db);
  const groups = groupMembership(db, termId);
  const done = new Map<number, number>();
  for (const r of db.prepare('SELECT observer_id, COUNT(*) n FROM observation WHERE term_id = ? AND date <= ? GROUP BY observer_id').all(termId, asOf) as { observer_id: number; n: number }[]) {
    done.set(r.observer_id, r.n);
  }
  const people: QuotaProgressRow[] = [];
  for (const tid of quotaPeople(db, termId)) {
    const t = teachers.get(tid)!;
    const qf = quotaFor(t.roles, q, overrides.get(tid)?.perTerm);
    const p = projectQuota(done.get(tid) ?? 0, qf.quota, elapsed, term.weeks);
    people.push({
      teacherId: tid, teacherName: t.name, roles: t.roles, role: qf.role, groupNames: (groups.research.get(tid) ?? []).map((g) => g.name),
      quota: qf.quota, overridden: qf.overridden, done: p.done, shortfall: p.shortfall, projected: p.projected, dueSoFar: p.dueSoFar, status: p.status,
    });
  }
  people.sort((a, b) => TEACHER_ROLES.indexOf(a.role) - TEACHER_ROLES.indexOf(b.role) || compareZh(a.teacherName, b.teacherName));
  const byRole = aggregateQuota(people, (r) => [{ key: r.role, label: r.role }]);
  byRole.sort((a, b) => TEACHER_ROLES.indexOf(a.key as TeacherRole) - TEACHER_ROLES.indexOf(b.key as TeacherRole));
  const byGroup = aggregateQuota(people, (r) => {
    const gs = groups.research.get(r.teacherId) ?? [];
    return gs.length ? gs.map((g) => ({ key: String(g.id), label: g.name })) : [{ key: 'none', label: '' }];
  });
  byGroup.sort((a, b) => (a.key === 'none' ? 1 : b.key === 'none' ? -1 : compareZh(a.label, b.label)));
  return { termId, asOf, elapsedWeeks: elapsed, totalWeeks: term.weeks, people, byRole, byGroup };
}
