/**
 * The school's setup: profile, school years and terms, grades, classes, subjects and teaching groups. Archive
 * instead of delete wherever other records refer to a row.
 */
import { AppError } from '../../../../shared/errors';
import { gradeLevelsFor } from '../../../../shared/domain/constants';
import type { CoreContext } from '../../platform/context';
import { ensureExists, guardUnique, saveMany, setArchived, upsert, b } from '../../platform/db/records';
import type { HandlerMap } from '../../platform/handlers';
import type { FeatureMethod, ParsedInput } from '../../../../shared/contract';
import { currentTermId } from '../../platform/query';
import { ensureGrade } from './setup';
import { getProfile, listClasses, listGrades, listGroups, listSubjects, listTerms, listYears } from './queries';

function saveClass(ctx: CoreContext, c: ParsedInput<'school/saveClass'>) {
  ensureExists(ctx.db, 'grade', c.gradeId, 'gradeId');
  ensureExists(ctx.db, 'teacher', c.headTeacherId, 'headTeacherId');
  const id = guardUnique('classNo', () =>
    upsert(ctx, 'class', 'class', c.id, { grade_id: c.gradeId, class_no: c.classNo, head_teacher_id: c.headTeacherId }, `班级 ${c.classNo}`),
  );
  return listClasses(ctx.db, true, 'AND c.id = ?', [id])[0];
}

function saveSubject(ctx: CoreContext, s: ParsedInput<'school/saveSubject'>) {
  const id = guardUnique('name', () =>
    upsert(ctx, 'subject', 'subject', s.id, {
      code: s.code, name: s.name, short_name: s.shortName, category: s.category, is_pe_arts: b(s.isPeArts), sort_order: s.sortOrder,
    }, `学科 ${s.name}`),
  );
  return listSubjects(ctx.db, true, 'AND id = ?', [id])[0];
}

export const schoolHandlers: HandlerMap<FeatureMethod<'school'>> = {
  'school/getProfile': (_i, ctx) => getProfile(ctx.db),
  'school/saveProfile': (p, ctx) => {
    const before = getProfile(ctx.db);
    if (!before) throw new AppError('NOT_FOUND', 'noSchool');
    ctx.db.prepare('UPDATE school SET name = ?, code = ?, type = ?, address = ?, principal = ?, phone = ? WHERE id = 1')
      .run(p.name, p.code, p.type, p.address, p.principal, p.phone);
    for (const level of gradeLevelsFor(p.type)) ensureGrade(ctx.db, level);
    ctx.audit('school', 'update', { summary: `修改学校信息 ${p.name}`, before, after: p });
    return getProfile(ctx.db)!;
  },
  'school/listYears': (_i, ctx) => listYears(ctx.db),
  'school/saveYear': ({ id, startYear }, ctx) => {
    const name = `${startYear}-${startYear + 1}学年`;
    const newId = guardUnique('startYear', () => upsert(ctx, 'school_year', 'term', id, { start_year: startYear, name }, name));
    return listYears(ctx.db).find((y) => y.id === newId)!;
  },
  'school/listTerms': (_i, ctx) => listTerms(ctx.db, currentTermId(ctx)),
  'school/saveTerm': (t, ctx) => {
    ensureExists(ctx.db, 'school_year', t.schoolYearId, 'schoolYearId');
    const id = guardUnique('termNo', () =>
      upsert(ctx, 'term', 'term', t.id, { school_year_id: t.schoolYearId, term_no: t.termNo, start_date: t.startDate, teaching_weeks: t.teachingWeeks }, `学期 ${t.termNo}`),
    );
    if (currentTermId(ctx) === null) ctx.setSetting('currentTermId', String(id));
    return listTerms(ctx.db, currentTermId(ctx)).find((x) => x.id === id)!;
  },
  'school/setCurrentTerm': ({ id }, ctx) => {
    ensureExists(ctx.db, 'term', id, 'id');
    ctx.setSetting('currentTermId', String(id));
    return ctx.status();
  },
  'school/listGrades': (_i, ctx) => listGrades(ctx.db),
  'school/addGrade': ({ level }, ctx) => {
    ensureGrade(ctx.db, level);
    ctx.audit('class', 'create', { summary: `新增年级 ${level}` });
    return listGrades(ctx.db);
  },
  'school/listClasses': ({ includeArchived }, ctx) => listClasses(ctx.db, includeArchived),
  'school/saveClass': (c, ctx) => saveClass(ctx, c),
  'school/saveClasses': ({ rows }, ctx) => saveMany(ctx.db, rows, (r) => saveClass(ctx, r)),
  'school/archiveClass': ({ id, archived }, ctx) => {
    setArchived(ctx, 'class', 'class', id, archived, (i) => listClasses(ctx.db, true, 'AND c.id = ?', [i])[0]?.name ?? String(i));
    return listClasses(ctx.db, true, 'AND c.id = ?', [id])[0];
  },
  'school/listSubjects': ({ includeArchived }, ctx) => listSubjects(ctx.db, includeArchived),
  'school/saveSubject': (s, ctx) => saveSubject(ctx, s),
  'school/saveSubjects': ({ rows }, ctx) => saveMany(ctx.db, rows, (r) => saveSubject(ctx, r)),
  'school/archiveSubject': ({ id, archived }, ctx) => {
    setArchived(ctx, 'subject', 'subject', id, archived, (i) => listSubjects(ctx.db, true, 'AND id = ?', [i])[0]?.name ?? String(i));
    return listSubjects(ctx.db, true, 'AND id = ?', [id])[0];
  },
  'school/listGroups': ({ includeArchived }, ctx) => listGroups(ctx.db, includeArchived),
  'school/saveGroup': (g, ctx) => {
    ensureExists(ctx.db, 'subject', g.subjectId, 'subjectId');
    ensureExists(ctx.db, 'grade', g.gradeId, 'gradeId');
    ensureExists(ctx.db, 'teacher', g.leaderId, 'leaderId');
    const id = ctx.db.transaction(() => {
      const gid = guardUnique('name', () =>
        upsert(ctx, 'teaching_group', 'group', g.id, { kind: g.kind, name: g.name, subject_id: g.subjectId, grade_id: g.gradeId, leader_id: g.leaderId }, `${g.kind} ${g.name}`),
      );
      ctx.db.prepare('DELETE FROM teaching_group_member WHERE group_id = ?').run(gid);
      const ins = ctx.db.prepare('INSERT OR IGNORE INTO teaching_group_member (group_id, teacher_id) VALUES (?, ?)');
      for (const m of g.memberIds) {
        ensureExists(ctx.db, 'teacher', m, 'memberIds');
        ins.run(gid, m);
      }
      return gid;
    })();
    return listGroups(ctx.db, true, 'AND g.id = ?', [id])[0];
  },
  'school/archiveGroup': ({ id, archived }, ctx) => {
    setArchived(ctx, 'teaching_group', 'group', id, archived, (i) => String(i));
    return listGroups(ctx.db, true, 'AND g.id = ?', [id])[0];
  },
};
