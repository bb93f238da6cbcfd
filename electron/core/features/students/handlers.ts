/** Students: list (by class), save one or many, archive. */
import type { CoreContext } from '../../platform/context';
import { ensureExists, guardUnique, saveMany, setArchived, upsert, b } from '../../platform/db/records';
import type { HandlerMap } from '../../platform/handlers';
import type { FeatureMethod, ParsedInput } from '../../../../shared/contract';
import { listStudents } from './queries';
import { storedStudentNo } from './write';
import { syncEnrollment } from './enrollment';
import { recordStudentChange, studentHistory } from './history';
import { schoolDay } from '../../../../shared/domain/dates';

/** One student from the form; a new class or status is recorded in the history from today. */
function saveStudent(ctx: CoreContext, s: ParsedInput<'students/save'>) {
  ensureExists(ctx.db, 'class', s.classId, 'classId');
  const id = ctx.db.transaction(() => {
    const sid = guardUnique('studentNo', () =>
      upsert(ctx, 'student', 'student', s.id, {
        student_no: storedStudentNo(s.studentNo), name: s.name, gender: s.gender, birth_date: s.birthDate, class_id: s.classId,
        left_behind: b(s.leftBehind), migrant: b(s.migrant), disability: b(s.disability), hardship: b(s.hardship), status: s.status, note: s.note,
      }, `学生 ${s.name}`),
    );
    syncEnrollment(ctx.db, sid, schoolDay(ctx.now()));
    return sid;
  })();
  return listStudents(ctx.db, true, 'AND s.id = ?', [id])[0];
}

export const studentsHandlers: HandlerMap<FeatureMethod<'students'>> = {
  'students/list': ({ includeArchived, classId }, ctx) =>
    classId ? listStudents(ctx.db, includeArchived, 'AND s.class_id = ?', [classId]) : listStudents(ctx.db, includeArchived),
  'students/save': (s, ctx) => saveStudent(ctx, s),
  'students/saveMany': ({ rows }, ctx) => saveMany(ctx.db, rows, (r) => saveStudent(ctx, r)),
  'students/archive': ({ id, archived }, ctx) => {
    setArchived(ctx, 'student', 'student', id, archived, (i) => listStudents(ctx.db, true, 'AND s.id = ?', [i])[0]?.name ?? String(i));
    return listStudents(ctx.db, true, 'AND s.id = ?', [id])[0];
  },
  'students/change': (input, ctx) => recordStudentChange(ctx, input),
  'students/history': ({ studentId }, ctx) => studentHistory(ctx, studentId),
};
