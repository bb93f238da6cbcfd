/** Teaching assignments (任课安排): list, save one or many, delete, the summary by class or teacher. */
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { ensureExists, guardUnique, saveMany, upsert } from '../../platform/db/records';
import type { HandlerMap } from '../../platform/handlers';
import type { FeatureMethod, ParsedInput } from '../../../../shared/contract';
import { listAssignments } from './queries';

function saveAssignment(ctx: CoreContext, a: ParsedInput<'assignments/save'>) {
  ensureExists(ctx.db, 'term', a.termId, 'termId');
  ensureExists(ctx.db, 'teacher', a.teacherId, 'teacherId');
  ensureExists(ctx.db, 'class', a.classId, 'classId');
  ensureExists(ctx.db, 'subject', a.subjectId, 'subjectId');
  const id = guardUnique('subjectId', () =>
    upsert(ctx, 'teaching_assignment', 'assignment', a.id, {
      term_id: a.termId, teacher_id: a.teacherId, class_id: a.classId, subject_id: a.subjectId, weekly_periods: a.weeklyPeriods,
    }, '任课安排'),
  );
  return listAssignments(ctx.db, a.termId, 'AND a.id = ?', [id])[0];
}

export const assignmentsHandlers: HandlerMap<FeatureMethod<'assignments'>> = {
  'assignments/list': ({ termId }, ctx) => listAssignments(ctx.db, termId),
  'assignments/save': (a, ctx) => saveAssignment(ctx, a),
  'assignments/saveMany': ({ rows }, ctx) => saveMany(ctx.db, rows, (r) => saveAssignment(ctx, r)),
  'assignments/delete': ({ id }, ctx) => {
    const before = ctx.db.prepare('SELECT * FROM teaching_assignment WHERE id = ?').get(id);
    if (!before) throw new AppError('NOT_FOUND', 'notFound', { entity: 'assignment', id });
    ctx.db.prepare('DELETE FROM teaching_assignment WHERE id = ?').run(id);
    ctx.audit('assignment', 'delete', { entityId: id, summary: '删除任课安排', before });
    return { id };
  },
  'assignments/summary': ({ termId, by }, ctx) => {
    const rows = listAssignments(ctx.db, termId);
    const groups = new Map<number, { key: number; name: string; subjects: Set<string>; periods: number; assignments: number }>();
    for (const a of rows) {
      const key = by === 'class' ? a.classId : a.teacherId;
      const g = groups.get(key) ?? { key, name: by === 'class' ? a.className : a.teacherName, subjects: new Set<string>(), periods: 0, assignments: 0 };
      g.subjects.add(by === 'class' ? a.subjectName : `${a.className}${a.subjectName}`);
      g.periods += a.weeklyPeriods;
      g.assignments += 1;
      groups.set(key, g);
    }
    return [...groups.values()].map((g) => ({ key: g.key, name: g.name, subjects: [...g.subjects].join('、'), periods: g.periods, assignments: g.assignments }));
  },
};
