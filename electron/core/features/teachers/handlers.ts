/** Teachers: list, save one or many (a grid paste), archive. */
import type { CoreContext } from '../../platform/context';
import { ensureExists, guardUnique, saveMany, setArchived, upsert, b } from '../../platform/db/records';
import type { HandlerMap } from '../../platform/handlers';
import type { FeatureMethod, ParsedInput } from '../../../../shared/contract';
import { listTeachers } from './queries';

function saveTeacher(ctx: CoreContext, t: ParsedInput<'teachers/save'>) {
  ensureExists(ctx.db, 'subject', t.subjectId, 'subjectId');
  const id = guardUnique('staffNo', () =>
    upsert(ctx, 'teacher', 'teacher', t.id, {
      staff_no: t.staffNo, name: t.name, gender: t.gender, birth_date: t.birthDate, phone: t.phone, subject_id: t.subjectId,
      title: t.title, degree: t.degree, certificate: t.certificate, certified: b(t.certified), backbone_level: t.backboneLevel,
      roles: JSON.stringify(t.roles), is_pe_arts: b(t.isPeArts), hire_date: t.hireDate, note: t.note,
    }, `教师 ${t.name}`),
  );
  return listTeachers(ctx.db, true, 'AND t.id = ?', [id])[0];
}

export const teachersHandlers: HandlerMap<FeatureMethod<'teachers'>> = {
  'teachers/list': ({ includeArchived }, ctx) => listTeachers(ctx.db, includeArchived),
  'teachers/save': (t, ctx) => saveTeacher(ctx, t),
  'teachers/saveMany': ({ rows }, ctx) => saveMany(ctx.db, rows, (r) => saveTeacher(ctx, r)),
  'teachers/archive': ({ id, archived }, ctx) => {
    setArchived(ctx, 'teacher', 'teacher', id, archived, (i) => listTeachers(ctx.db, true, 'AND t.id = ?', [i])[0]?.name ?? String(i));
    return listTeachers(ctx.db, true, 'AND t.id = ?', [id])[0];
  },
};
