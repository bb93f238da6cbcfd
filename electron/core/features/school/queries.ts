/**
 * Read side of school setup: SQL rows mapped to the contract's entity types. Shared by handlers, reports
 * and exports so that a list looks the same everywhere.
 */
import type Database from 'better-sqlite3';
import type {
  Assignment, Grade, SchoolClass, SchoolProfile, SchoolYear, Student, Subject, Teacher, TeachingGroup, Term,
} from '../../../../shared/contract';
import { className, GRADE_NAMES } from '../../../../shared/domain/constants';
import { pinyinInitials } from '../../../../shared/domain/pinyin';
import { compareZh } from '../../../../shared/domain/text';

type Row = Record<string, unknown>;
const bool = (v: unknown) => v === 1 || v === true;

export function termName(yearName: string, termNo: number): string {
  return `${yearName}${termNo === 1 ? '第一学期' : '第二学期'}`;
}

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
    `SELECT t.id, t.school_year_id, y.name AS year_name, t.term_no, t.start_date, t.teaching_weeks
     FROM term t JOIN school_year y ON y.id = t.school_year_id ORDER BY y.start_year DESC, t.term_no DESC`,
  ).all() as Row[];
  return rows.map((r) => ({
    id: r.id as number, schoolYearId: r.school_year_id as number, schoolYearName: r.year_name as string,
    termNo: r.term_no as 1 | 2, name: termName(r.year_name as string, r.term_no as number),
    startDate: r.start_date as string, teachingWeeks: r.teaching_weeks as number, isCurrent: r.id === currentId,
  }));
}

export function listGrades(db: Database.Database): Grade[] {
  const rows = db.prepare(
    `SELECT g.id, g.level, (SELECT COUNT(*) FROM class c WHERE c.grade_id = g.id AND c.archived = 0) AS n FROM grade g ORDER BY g.level`,
  ).all() as Row[];
  return rows.map((r) => ({ id: r.id as number, level: r.level as number, name: GRADE_NAMES[r.level as number], classCount: r.n as number }));
}

export function listClasses(db: Database.Database, includeArchived: boolean, where = '', args: unknown[] = []): SchoolClass[] {
  const rows = db.prepare(
    `SELECT c.id, c.grade_id, g.level, c.class_no, c.head_teacher_id, t.name AS head_name, c.archived,
       (SELECT COUNT(*) FROM student s WHERE s.class_id = c.id AND s.archived = 0 AND s.status = '在读') AS n
     FROM class c JOIN grade g ON g.id = c.grade_id LEFT JOIN teacher t ON t.id = c.head_teacher_id
     WHERE (? OR c.archived = 0) ${where} ORDER BY g.level, c.class_no`,
  ).all(includeArchived ? 1 : 0, ...args) as Row[];
  return rows.map((r) => ({
    id: r.id as number, gradeId: r.grade_id as number, gradeLevel: r.level as number, classNo: r.class_no as number,
    name: className(r.level as number, r.class_no as number), headTeacherId: (r.head_teacher_id as number) ?? null,
    headTeacherName: (r.head_name as string) ?? null, studentCount: r.n as number, archived: bool(r.archived),
  }));
}

export function listSubjects(db: Database.Database, includeArchived: boolean, where = '', args: unknown[] = []): Subject[] {
  const rows = db.prepare(`SELECT * FROM subject WHERE (? OR archived = 0) ${where} ORDER BY sort_order, id`).all(includeArchived ? 1 : 0, ...args) as Row[];
  return rows.map((r) => ({
    id: r.id as number, code: (r.code as string) ?? null, name: r.name as string, shortName: (r.short_name as string) ?? null,
    category: (r.category as string) ?? null, isPeArts: bool(r.is_pe_arts), sortOrder: r.sort_order as number, archived: bool(r.archived),
  }));
}

export function listTeachers(db: Database.Database, includeArchived: boolean, where = '', args: unknown[] = []): Teacher[] {
  const rows = db.prepare(
    `SELECT t.*, s.name AS subject_name FROM teacher t LEFT JOIN subject s ON s.id = t.subject_id WHERE (? OR t.archived = 0) ${where}`,
  ).all(includeArchived ? 1 : 0, ...args) as Row[];
  return rows
    .map((r) => ({
      id: r.id as number, staffNo: (r.staff_no as string) ?? null, name: r.name as string, gender: (r.gender as Teacher['gender']) ?? null,
      birthDate: (r.birth_date as string) ?? null, phone: (r.phone as string) ?? null, subjectId: (r.subject_id as number) ?? null,
      subjectName: (r.subject_name as string) ?? null, title: (r.title as Teacher['title']) ?? null, degree: (r.degree as Teacher['degree']) ?? null,
      certificate: (r.certificate as Teacher['certificate']) ?? null, certified: bool(r.certified),
      backboneLevel: (r.backbone_level as Teacher['backboneLevel']) ?? '无', roles: JSON.parse((r.roles as string) || '[]'),
      isPeArts: bool(r.is_pe_arts), hireDate: (r.hire_date as string) ?? null, note: (r.note as string) ?? null,
      archived: bool(r.archived), pinyinInitials: pinyinInitials(r.name as string),
    }))
    .sort((a, b) => compareZh(a.name, b.name));
}

export function listGroups(db: Database.Database, includeArchived: boolean, where = '', args: unknown[] = []): TeachingGroup[] {
  const rows = db.prepare(
    `SELECT g.*, s.name AS subject_name, gr.level AS grade_level, t.name AS leader_name FROM teaching_group g
     LEFT JOIN subject s ON s.id = g.subject_id LEFT JOIN grade gr ON gr.id = g.grade_id LEFT JOIN teacher t ON t.id = g.leader_id
     WHERE (? OR g.archived = 0) ${where} ORDER BY g.kind DESC, s.sort_order, gr.level, g.name`,
  ).all(includeArchived ? 1 : 0, ...args) as Row[];
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

export function listStudents(db: Database.Database, includeArchived: boolean, where = '', args: unknown[] = []): Student[] {
  const rows = db.prepare(
    `SELECT s.*, g.level, c.class_no FROM student s LEFT JOIN class c ON c.id = s.class_id LEFT JOIN grade g ON g.id = c.grade_id
     WHERE (? OR s.archived = 0) ${where} ORDER BY g.level, c.class_no, s.student_no`,
  ).all(includeArchived ? 1 : 0, ...args) as Row[];
  return rows.map((r) => ({
    id: r.id as number, studentNo: r.student_no as string, name: r.name as string, gender: (r.gender as Student['gender']) ?? null,
    birthDate: (r.birth_date as string) ?? null, classId: (r.class_id as number) ?? null,
    className: r.level ? className(r.level as number, r.class_no as number) : null, gradeLevel: (r.level as number) ?? null,
    leftBehind: bool(r.left_behind), migrant: bool(r.migrant), disability: bool(r.disability), hardship: bool(r.hardship),
    status: r.status as Student['status'], note: (r.note as string) ?? null, archived: bool(r.archived),
    pinyinInitials: pinyinInitials(r.name as string),
  }));
}

export function listAssignments(db: Database.Database, termId: number, where = '', args: unknown[] = []): Assignment[] {
  const rows = db.prepare(
    `SELECT a.*, t.name AS teacher_name, s.name AS subject_name, s.sort_order, g.level, c.class_no
     FROM teaching_assignment a JOIN teacher t ON t.id = a.teacher_id JOIN subject s ON s.id = a.subject_id
     JOIN class c ON c.id = a.class_id JOIN grade g ON g.id = c.grade_id
     WHERE a.term_id = ? ${where} ORDER BY g.level, c.class_no, s.sort_order`,
  ).all(termId, ...args) as Row[];
  return rows.map((r) => ({
    id: r.id as number, termId: r.term_id as number, teacherId: r.teacher_id as number, classId: r.class_id as number,
    subjectId: r.subject_id as number, weeklyPeriods: r.weekly_periods as number, teacherName: r.teacher_name as string,
    className: className(r.level as number, r.class_no as number), subjectName: r.subject_name as string, gradeLevel: r.level as number,
  }));
}
