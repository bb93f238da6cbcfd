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
import { currentSchoolYearId, currentTermId, requireTerm } from '../../platform/query';
import { ensureGrade } from './setup';
import { cohortAt, setHeadTeacher } from '../../platform/classes';
import { assertTermWritable } from '../../platform/term-lock';
import { getProfile, listClasses, listGrades, listGroups, listSubjects, listTerms, listYears } from './queries';

/** The school year a list or a save is about: the term's, else the one on screen. */
function yearOf(ctx: CoreContext, termId?: number): number | null {
  return termId ? requireTerm(ctx.db, termId, { field: 'termId' }).schoolYearId : currentSchoolYearId(ctx);
}

/**
 * Classes, head teachers and groups are written for the year on screen; a past (locked) year's are history.
 * (A class added to a past year would run on into every year after it.)
 */
function assertYearOnScreenWritable(ctx: CoreContext): void {
  const termId = currentTermId(ctx);
  if (termId !== null) assertTermWritable(ctx.db, termId);
}

const oneClass = (ctx: CoreContext, id: number) => listClasses(ctx.db, yearOf(ctx), true, 'AND c.class_id = ?', [id])[0];

/**
 * A class of the school year on screen: a new one is the cohort at that grade this year (entry year by
 * arithmetic); its head teacher is this year's. Grade and number are unique among the year's running classes.
 */
function saveClass(ctx: CoreContext, c: ParsedInput<'school/saveClass'>) {
  const { db } = ctx;
  assertYearOnScreenWritable(ctx);
  ensureExists(db, 'grade', c.gradeId, 'gradeId');
  ensureExists(db, 'teacher', c.headTeacherId, 'headTeacherId');
  const yearId = yearOf(ctx);
  if (yearId === null) throw new AppError('VALIDATION', 'noSchoolYear', {}, [{ path: ['gradeId'], key: 'noSchoolYear' }]);
  const { level } = db.prepare('SELECT level FROM grade WHERE id = ?').get(c.gradeId) as { level: number };
  const taken = db.prepare('SELECT class_id FROM class_in_year WHERE school_year_id = ? AND level = ? AND class_no = ? AND active AND class_id IS NOT ?')
    .get(yearId, level, c.classNo, c.id ?? null);
  if (taken) throw new AppError('CONFLICT', 'duplicate', { field: 'classNo' }, [{ path: ['classNo'], key: 'duplicate' }]);
  const cohort = cohortAt(db, yearId, level);
  const id = db.transaction(() => {
    const cid = guardUnique('classNo', () =>
      upsert(ctx, 'class', 'class', c.id, { entry_year: cohort.entryYear, entry_level: cohort.entryLevel, class_no: c.classNo }, `班级 ${c.classNo}`),
    );
    setHeadTeacher(db, cid, yearId, c.headTeacherId);
    return cid;
  })();
  return oneClass(ctx, id);
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
  'school/listGrades': ({ termId }, ctx) => listGrades(ctx.db, yearOf(ctx, termId)),
  'school/addGrade': ({ level }, ctx) => {
    ensureGrade(ctx.db, level);
    ctx.audit('class', 'create', { summary: `新增年级 ${level}` });
    return listGrades(ctx.db, yearOf(ctx));
  },
  'school/listClasses': ({ includeArchived, termId }, ctx) => listClasses(ctx.db, yearOf(ctx, termId), includeArchived),
  'school/saveClass': (c, ctx) => saveClass(ctx, c),
  'school/saveClasses': ({ rows }, ctx) => saveMany(ctx.db, rows, (r) => saveClass(ctx, r)),
  'school/archiveClass': ({ id, archived }, ctx) => {
    assertYearOnScreenWritable(ctx);
    setArchived(ctx, 'class', 'class', id, archived, (i) => oneClass(ctx, i)?.name ?? String(i));
    return oneClass(ctx, id);
  },
  'school/listSubjects': ({ includeArchived }, ctx) => listSubjects(ctx.db, includeArchived),
  'school/saveSubject': (s, ctx) => saveSubject(ctx, s),
  'school/saveSubjects': ({ rows }, ctx) => saveMany(ctx.db, rows, (r) => saveSubject(ctx, r)),
  'school/archiveSubject': ({ id, archived }, ctx) => {
    setArchived(ctx, 'subject', 'subject', id, archived, (i) => listSubjects(ctx.db, true, 'AND id = ?', [i])[0]?.name ?? String(i));
    return listSubjects(ctx.db, true, 'AND id = ?', [id])[0];
  },
  'school/listGroups': ({ includeArchived, termId }, ctx) => listGroups(ctx.db, yearOf(ctx, termId), includeArchived),
  'school/saveGroup': (g, ctx) => {
    assertYearOnScreenWritable(ctx);
    ensureExists(ctx.db, 'subject', g.subjectId, 'subjectId');
    ensureExists(ctx.db, 'grade', g.gradeId, 'gradeId');
    ensureExists(ctx.db, 'teacher', g.leaderId, 'leaderId');
    const id = ctx.db.transaction(() => {
      const gid = guardUnique('name', () =>
        upsert(ctx, 'teaching_group', 'group', g.id, {
          ...(g.id ? {} : { school_year_id: yearOf(ctx) }), kind: g.kind, name: g.name, subject_id: g.subjectId, grade_id: g.gradeId, leader_id: g.leaderId,
        }, `${g.kind} ${g.name}`),
      );
      ctx.db.prepare('DELETE FROM teaching_group_member WHERE group_id = ?').run(gid);
      const ins = ctx.db.prepare('INSERT OR IGNORE INTO teaching_group_member (group_id, teacher_id) VALUES (?, ?)');
      for (const m of g.memberIds) {
        ensureExists(ctx.db, 'teacher', m, 'memberIds');
        ins.run(gid, m);
      }
      return gid;
    })();
    return listGroups(ctx.db, groupYear(ctx, id), true, 'AND g.id = ?', [id])[0];
  },
  'school/archiveGroup': ({ id, archived }, ctx) => {
    setArchived(ctx, 'teaching_group', 'group', id, archived, (i) => String(i));
    return listGroups(ctx.db, groupYear(ctx, id), true, 'AND g.id = ?', [id])[0];
  },
};

const groupYear = (ctx: CoreContext, id: number) =>
  (ctx.db.prepare('SELECT school_year_id AS y FROM teaching_group WHERE id = ?').get(id) as { y: number | null } | undefined)?.y ?? null;
