/**
 * School setup and rosters: profile, years and terms, grades and classes, subjects, teachers, teaching groups,
 * students and teaching assignments. Archive instead of delete wherever other records refer to a row.
 */
import type Database from 'better-sqlite3';
import type { AppStatus } from '../../../../shared/contract';
import { schoolYearStart } from '../../../../shared/domain/calendar';
import { gradeLevelsFor } from '../../../../shared/domain/constants';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { upsertAudited, type Cols } from '../../platform/db/audited';
import type { HandlerMap } from '../../platform/handlers';
import { loadSampleSchool } from '../app/sample-school';
import { seedNationalSubjects } from './national-subjects';
import {
  getProfile, listAssignments, listClasses, listGrades, listGroups, listStudents, listSubjects, listTeachers, listTerms, listYears,
} from './queries';

/** School records have no timestamps; the audit log says when. */
const upsert = (ctx: CoreContext, table: string, entity: string, id: number | undefined, cols: Cols, label: string): number =>
  upsertAudited(ctx, table, entity, id, cols, label);

function setArchived(ctx: CoreContext, table: string, entity: string, id: number, archived: boolean, label: (id: number) => string): void {
  const r = ctx.db.prepare(`UPDATE ${table} SET archived = ? WHERE id = ?`).run(archived ? 1 : 0, id);
  if (r.changes === 0) throw new AppError('NOT_FOUND', 'notFound', { entity, id });
  ctx.audit(entity, archived ? 'archive' : 'restore', { entityId: id, summary: `${archived ? '归档' : '恢复'} ${label(id)}` });
}

/** Runs one save per row in a single transaction; a failing row aborts all and names its row index. */
function saveMany<T, R>(db: Database.Database, rows: T[], save: (row: T) => R): R[] {
  return db.transaction(() =>
    rows.map((row, i) => {
      try {
        return save(row);
      } catch (e) {
        const err = e instanceof AppError ? e : conflictOf(e);
        throw new AppError(err.code, err.key, { ...err.params, row: i + 1 }, [{ path: ['rows', i], key: err.key, params: err.params }]);
      }
    }),
  )();
}

function conflictOf(e: unknown): AppError {
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) return new AppError('CONFLICT', 'duplicate');
  if (code.startsWith('SQLITE_CONSTRAINT')) return new AppError('VALIDATION', 'invalid');
  throw e;
}

/** Unique-constraint failures become CONFLICT with the field that clashed. */
function guardUnique<R>(field: string, f: () => R): R {
  try {
    return f();
  } catch (e) {
    if (((e as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT_UNIQUE')) {
      throw new AppError('CONFLICT', 'duplicate', { field }, [{ path: [field], key: 'duplicate' }]);
    }
    throw e;
  }
}

const b = (v: boolean) => (v ? 1 : 0);
const currentTermId = (ctx: CoreContext) => {
  const v = ctx.getSetting('currentTermId');
  return v ? Number(v) : null;
};

function ensureExists(db: Database.Database, table: string, id: number | null, key: string): void {
  if (id === null) return;
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) throw new AppError('VALIDATION', 'notFound', { entity: table, id }, [{ path: [key], key: 'notFound' }]);
}


function ensureYear(db: Database.Database, startYear: number): number {
  const name = `${startYear}-${startYear + 1}学年`;
  db.prepare('INSERT OR IGNORE INTO school_year (start_year, name) VALUES (?, ?)').run(startYear, name);
  return (db.prepare('SELECT id FROM school_year WHERE start_year = ?').get(startYear) as { id: number }).id;
}

function ensureGrade(db: Database.Database, level: number): number {
  db.prepare('INSERT OR IGNORE INTO grade (level) VALUES (?)').run(level);
  return (db.prepare('SELECT id FROM grade WHERE level = ?').get(level) as { id: number }).id;
}

// ---- teacher, student, class, subject, assignment saves (shared by save and saveMany) ----

type P<M extends keyof HandlerMap> = Parameters<HandlerMap[M]>[0];

function saveTeacher(ctx: CoreContext, t: P<'teachers/save'>) {
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

function saveStudent(ctx: CoreContext, s: P<'students/save'>) {
  ensureExists(ctx.db, 'class', s.classId, 'classId');
  const id = guardUnique('studentNo', () =>
    upsert(ctx, 'student', 'student', s.id, {
      student_no: s.studentNo, name: s.name, gender: s.gender, birth_date: s.birthDate, class_id: s.classId,
      left_behind: b(s.leftBehind), migrant: b(s.migrant), disability: b(s.disability), hardship: b(s.hardship), status: s.status, note: s.note,
    }, `学生 ${s.name}`),
  );
  return listStudents(ctx.db, true, 'AND s.id = ?', [id])[0];
}

function saveClass(ctx: CoreContext, c: P<'school/saveClass'>) {
  ensureExists(ctx.db, 'grade', c.gradeId, 'gradeId');
  ensureExists(ctx.db, 'teacher', c.headTeacherId, 'headTeacherId');
  const id = guardUnique('classNo', () =>
    upsert(ctx, 'class', 'class', c.id, { grade_id: c.gradeId, class_no: c.classNo, head_teacher_id: c.headTeacherId }, `班级 ${c.classNo}`),
  );
  return listClasses(ctx.db, true, 'AND c.id = ?', [id])[0];
}

function saveSubject(ctx: CoreContext, s: P<'school/saveSubject'>) {
  const id = guardUnique('name', () =>
    upsert(ctx, 'subject', 'subject', s.id, {
      code: s.code, name: s.name, short_name: s.shortName, category: s.category, is_pe_arts: b(s.isPeArts), sort_order: s.sortOrder,
    }, `学科 ${s.name}`),
  );
  return listSubjects(ctx.db, true, 'AND id = ?', [id])[0];
}

function saveAssignment(ctx: CoreContext, a: P<'assignments/save'>) {
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

const statusOf = (ctx: CoreContext): AppStatus => ctx.status();

export const schoolHandlers: HandlerMap<
  | 'app/setOperator' | 'app/loadSample' | 'app/createSchool'
  | 'school/getProfile' | 'school/saveProfile'
  | 'school/listYears' | 'school/saveYear' | 'school/listTerms' | 'school/saveTerm' | 'school/setCurrentTerm'
  | 'school/listGrades' | 'school/addGrade'
  | 'school/listClasses' | 'school/saveClass' | 'school/saveClasses' | 'school/archiveClass'
  | 'school/listSubjects' | 'school/saveSubject' | 'school/saveSubjects' | 'school/archiveSubject'
  | 'teachers/list' | 'teachers/save' | 'teachers/saveMany' | 'teachers/archive'
  | 'school/listGroups' | 'school/saveGroup' | 'school/archiveGroup'
  | 'students/list' | 'students/save' | 'students/saveMany' | 'students/archive'
  | 'assignments/list' | 'assignments/save' | 'assignments/saveMany' | 'assignments/delete' | 'assignments/summary'
> = {
  'app/setOperator': ({ name }, ctx) => {
    const before = ctx.getSetting('operator');
    ctx.setSetting('operator', name);
    ctx.audit('operator', 'update', { summary: `操作员 ${before ?? '（无）'} → ${name}` });
    return statusOf(ctx);
  },
  'app/loadSample': (_i, ctx) => {
    loadSampleSchool(ctx);
    return statusOf(ctx);
  },
  'app/createSchool': (p, ctx) => {
    if (getProfile(ctx.db)) throw new AppError('CONFLICT', 'schoolExists');
    ctx.db.transaction(() => {
      ctx.db.prepare('INSERT INTO school (id, name, code, type, address, principal, phone, is_sample) VALUES (1, ?, ?, ?, ?, ?, ?, 0)')
        .run(p.name, p.code, p.type, p.address, p.principal, p.phone);
      for (const level of gradeLevelsFor(p.type)) ensureGrade(ctx.db, level);
      seedNationalSubjects(ctx.db);
      const now = ctx.now();
      const start = schoolYearStart(now);
      const yearId = ensureYear(ctx.db, start);
      const ins = ctx.db.prepare('INSERT INTO term (school_year_id, term_no, start_date, teaching_weeks) VALUES (?, ?, ?, 20)');
      const t1 = Number(ins.run(yearId, 1, `${start}-09-01`).lastInsertRowid);
      const t2 = Number(ins.run(yearId, 2, `${start + 1}-02-23`).lastInsertRowid);
      const inSecond = now >= new Date(start + 1, 1, 1);
      ctx.setSetting('currentTermId', String(inSecond ? t2 : t1));
      ctx.audit('school', 'create', { summary: `新建学校 ${p.name}`, after: p });
    })();
    return statusOf(ctx);
  },

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
    return statusOf(ctx);
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

  'teachers/list': ({ includeArchived }, ctx) => listTeachers(ctx.db, includeArchived),
  'teachers/save': (t, ctx) => saveTeacher(ctx, t),
  'teachers/saveMany': ({ rows }, ctx) => saveMany(ctx.db, rows, (r) => saveTeacher(ctx, r)),
  'teachers/archive': ({ id, archived }, ctx) => {
    setArchived(ctx, 'teacher', 'teacher', id, archived, (i) => listTeachers(ctx.db, true, 'AND t.id = ?', [i])[0]?.name ?? String(i));
    return listTeachers(ctx.db, true, 'AND t.id = ?', [id])[0];
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

  'students/list': ({ includeArchived, classId }, ctx) =>
    classId ? listStudents(ctx.db, includeArchived, 'AND s.class_id = ?', [classId]) : listStudents(ctx.db, includeArchived),
  'students/save': (s, ctx) => saveStudent(ctx, s),
  'students/saveMany': ({ rows }, ctx) => saveMany(ctx.db, rows, (r) => saveStudent(ctx, r)),
  'students/archive': ({ id, archived }, ctx) => {
    setArchived(ctx, 'student', 'student', id, archived, (i) => listStudents(ctx.db, true, 'AND s.id = ?', [i])[0]?.name ?? String(i));
    return listStudents(ctx.db, true, 'AND s.id = ?', [id])[0];
  },

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
