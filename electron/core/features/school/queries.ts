/**
 * Read side of the school's setup (profile, years, terms, grades, classes, subjects, teaching groups): SQL rows mapped to the contract's entity types. Shared by handlers, reports
 * and exports so that a list looks the same everywhere.
 */
import type Database from 'better-sqlite3';
import type {
  Grade, SchoolClass, SchoolProfile, SchoolYear, Subject, TeachingGroup, Term,
} from '../../../../shared/contract';
import { className, GRADE_NAMES } from '../../../../shared/domain/constants';
import { cohortName } from '../../../../shared/domain/cohort';
import { compareZh } from '../../../../shared/domain/text';
import { studentCountOfClassInYear, termName } from '../../platform/query';

type Row = Record<string, unknown>;
const bool = (v: unknown) => v === 1 || v === true;


export function getProfile(db: Database.Database): SchoolProfile | null {
  const r = db.prepare('SELECT * FROM school WHERE id = 1').get() as Row | undefined;
  if (!r) return null;
  return {
    name: r.name as string, code: r.code as string | null, type: r.type as SchoolProfile['type'],
    address: r.address as string | null, principal: r.principal as string | null, phone: r.phone as string | null,
    isSample: bool(r.is_sample),
  };
}

export function listYears(db: Database.Database): SchoolYear[] {
  return db.prepare('SELECT id, name, start_year AS startYear FROM school_year ORDER BY start_year DESC').all() as SchoolYear[];
}

export function listTerms(db: Database.Database, currentId: number | null): Term[] {
  const rows = db.prepare(
    `SELECT t.id, t.school_year_id, y.name AS year_name, t.term_no, t.start_date, t.teaching_weeks,
       EXISTS (SELECT 1 FROM term_lock l WHERE l.term_id = t.id) AS locked
     FROM term t JOIN school_year y ON y.id = t.school_year_id ORDER BY y.start_year DESC, t.term_no DESC`,
  ).all() as Row[];
  return rows.map((r) => ({
    id: r.id as number, schoolYearId: r.school_year_id as number, schoolYearName: r.year_name as string,
    termNo: r.term_no as 1 | 2, name: termName(r.year_name as string, r.term_no as number),
    startDate: r.start_date as string, teachingWeeks: r.teaching_weeks as number, isCurrent: r.id === currentId, locked: bool(r.locked),
  }));
}

/** The school's grades with the number of classes running at each in the school year. */
export function listGrades(db: Database.Database, schoolYearId: number | null): Grade[] {
  const rows = db.prepare(
    `SELECT g.id, g.level, (SELECT COUNT(*) FROM class_in_year c WHERE c.school_year_id = ? AND c.level = g.level AND c.active) AS n
     FROM grade g ORDER BY g.level`,
  ).all(schoolYearId ?? -1) as Row[];
  return rows.map((r) => ({ id: r.id as number, level: r.level as number, name: GRADE_NAMES[r.level as number], classCount: r.n as number }));
}

/**
 * The classes that existed in the school year, named for it (七年级(3)班 then), with that year's head teacher
 * and students. `archived` = not running that year (archived by hand); a graduated class is listed in its own
 * years. Students: as the printed roster counts them (studentsOfClassInYear).
 */
export function listClasses(db: Database.Database, schoolYearId: number | null, includeArchived: boolean, where = '', args: unknown[] = []): SchoolClass[] {
  const rows = db.prepare(
    `SELECT c.class_id AS id, g.id AS grade_id, c.level, c.class_no, c.entry_year, c.head_teacher_id, t.name AS head_name, c.active
     FROM class_in_year c LEFT JOIN grade g ON g.level = c.level LEFT JOIN teacher t ON t.id = c.head_teacher_id
     WHERE c.school_year_id = ? AND c.in_year AND (? OR c.active) ${where} ORDER BY c.level, c.class_no`,
  ).all(schoolYearId ?? -1, includeArchived ? 1 : 0, ...args) as Row[];
  return rows.map((r) => ({
    id: r.id as number, gradeId: r.grade_id as number, gradeLevel: r.level as number, classNo: r.class_no as number,
    name: className(r.level as number, r.class_no as number), entryYear: r.entry_year as number,
    cohortName: cohortName(r.entry_year as number, r.class_no as number), headTeacherId: (r.head_teacher_id as number) ?? null,
    headTeacherName: (r.head_name as string) ?? null, studentCount: studentCountOfClassInYear(db, r.id as number, schoolYearId!), archived: !bool(r.active),
  }));
}

export function listSubjects(db: Database.Database, includeArchived: boolean, where = '', args: unknown[] = []): Subject[] {
  const rows = db.prepare(`SELECT * FROM subject WHERE (? OR archived = 0) ${where} ORDER BY sort_order, id`).all(includeArchived ? 1 : 0, ...args) as Row[];
  return rows.map((r) => ({
    id: r.id as number, code: (r.code as string) ?? null, name: r.name as string, shortName: (r.short_name as string) ?? null,
    category: (r.category as string) ?? null, isPeArts: bool(r.is_pe_arts), sortOrder: r.sort_order as number, archived: bool(r.archived),
  }));
}


/** The teaching groups of the school year. */
export function listGroups(db: Database.Database, schoolYearId: number | null, includeArchived: boolean, where = '', args: unknown[] = []): TeachingGroup[] {
  const rows = db.prepare(
    `SELECT g.*, s.name AS subject_name, gr.level AS grade_level, t.name AS leader_name FROM teaching_group g
     LEFT JOIN subject s ON s.id = g.subject_id LEFT JOIN grade gr ON gr.id = g.grade_id LEFT JOIN teacher t ON t.id = g.leader_id
     WHERE g.school_year_id IS ? AND (? OR g.archived = 0) ${where} ORDER BY g.kind DESC, s.sort_order, gr.level, g.name`,
  ).all(schoolYearId, includeArchived ? 1 : 0, ...args) as Row[];
  const members = db.prepare(
    `SELECT m.group_id, t.id, t.name FROM teaching_group_member m JOIN teacher t ON t.id = m.teacher_id`,
  ).all() as { group_id: number; id: number; name: string }[];
  const byGroup = new Map<number, { id: number; name: string }[]>();
  for (const m of members) {
    const list = byGroup.get(m.group_id) ?? [];
    list.push(m);
    byGroup.set(m.group_id, list);
  }
  return rows.map((r) => {
    const ms = (byGroup.get(r.id as number) ?? []).sort((a, b) => compareZh(a.name, b.name));
    return {
      id: r.id as number, kind: r.kind as TeachingGroup['kind'], name: r.name as string, subjectId: (r.subject_id as number) ?? null,
      gradeId: (r.grade_id as number) ?? null, leaderId: (r.leader_id as number) ?? null, memberIds: ms.map((m) => m.id),
      subjectName: (r.subject_name as string) ?? null, gradeName: r.grade_level ? GRADE_NAMES[r.grade_level as number] : null,
      leaderName: (r.leader_name as string) ?? null, memberNames: ms.map((m) => m.name), archived: bool(r.archived),
    };
  });
}


