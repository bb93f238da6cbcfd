/**
 * The teacher indicators of a school year (教督〔2017〕6号) from the records: the year's roll by grade part, the
 * year's teachers with degree, backbone level, PE/arts flag, certificate, the grades they teach, and their
 * training figures on the reference day. The arithmetic is teacherIndicators (shared/domain).
 */
import type { TeacherIndicators } from '../../../../shared/contract';
import { teacherIndicators, type IndicatorTeacher } from '../../../../shared/domain/teachers/indicators';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { currentSchoolYearId, newestSchoolYearId, schoolType, schoolYearSpan } from '../../platform/query';
import { todayOf } from '../../platform/staff';
import { teacherCycleRows } from './cycle-report';
import { trainingSettings } from './register';

export function yearIndicators(ctx: CoreContext, schoolYearIdInput: number | null): TeacherIndicators {
  const { db } = ctx;
  const yearId = schoolYearIdInput ?? currentSchoolYearId(ctx);
  const year = yearId ? (db.prepare('SELECT id, name FROM school_year WHERE id = ?').get(yearId) as { id: number; name: string } | undefined) : undefined;
  if (!year) throw new AppError('NOT_FOUND', 'notFound', { entity: 'schoolYear', id: yearId ?? 0 }, [{ path: ['schoolYearId'], key: 'notFound' }]);
  const span = schoolYearSpan(db, year.id);
  const today = todayOf(ctx.now());
  const asOf = span.to < today ? span.to : today;
  const newest = year.id === newestSchoolYearId(db);
  // The year's roll: now (在读) for the newest year; else who ended the year on the roll (the rosters' rule).
  const roll = (newest
    ? db.prepare(`SELECT ciy.level AS level, COUNT(*) AS n FROM student s JOIN class_in_year ciy ON ciy.class_id = s.class_id AND ciy.school_year_id = ?
        WHERE s.archived = 0 AND s.status = '在读' GROUP BY ciy.level`).all(year.id)
    : db.prepare(`SELECT ciy.level AS level, COUNT(DISTINCT e.student_id) AS n FROM student_enrollment e
        JOIN class_in_year ciy ON ciy.class_id = e.class_id AND ciy.school_year_id = e.school_year_id
        WHERE e.school_year_id = ? AND (e.to_date IS NULL OR e.end_change IN ('升级', '毕业')) GROUP BY ciy.level`).all(year.id)) as { level: number; n: number }[];
  const primary = roll.filter((r) => r.level <= 6).reduce((s, r) => s + r.n, 0);
  const middle = roll.filter((r) => r.level >= 7).reduce((s, r) => s + r.n, 0);
  // The year's teachers: on staff now for the newest year; else those who taught that year or were on its closing roll.
  const teachers = (newest
    ? db.prepare('SELECT * FROM teacher WHERE archived = 0 ORDER BY id').all()
    : db.prepare(`SELECT * FROM teacher WHERE id IN (SELECT teacher_id FROM teaching_assignment WHERE term_id IN (SELECT id FROM term WHERE school_year_id = ?))
        OR id IN (SELECT teacher_id FROM teacher_year WHERE school_year_id = ?) ORDER BY id`).all(year.id, year.id)) as Record<string, unknown>[];
  const middleTeachers = new Set((db.prepare(
    `SELECT DISTINCT a.teacher_id AS id FROM teaching_assignment a JOIN class_in_term cit ON cit.class_id = a.class_id AND cit.term_id = a.term_id
     JOIN term t ON t.id = a.term_id WHERE t.school_year_id = ? AND cit.level >= 7`,
  ).all(year.id) as { id: number }[]).map((r) => r.id));
  const cycle = teacherCycleRows(db, trainingSettings(ctx), teachers.map((t) => ({ id: t.id as number, name: t.name as string, staffNo: (t.staff_no as string) ?? null, hireDate: (t.hire_date as string) ?? null })), asOf);
  const training = new Map(cycle.rows.map((r) => [r.teacherId, r]));
  const input: IndicatorTeacher[] = teachers.map((t) => {
    const tr = training.get(t.id as number)!;
    return {
      id: t.id as number, name: t.name as string, degree: (t.degree as string) || null, backboneLevel: (t.backbone_level as string) ?? null,
      isPeArts: t.is_pe_arts === 1, certified: t.certified === 1, teachesMiddle: middleTeachers.has(t.id as number),
      training: { hours: tr.hours, required: tr.required, due: tr.due },
    };
  });
  const type = schoolType(db);
  return {
    schoolYearId: year.id, schoolYearName: year.name, schoolType: type, asOf,
    students: { primary, middle, total: primary + middle }, teacherCount: input.length,
    rows: teacherIndicators({ schoolType: type, primaryStudents: primary, middleStudents: middle, teachers: input }),
  };
}
