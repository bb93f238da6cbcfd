/**
 * A student's record across years (学籍档案): the class stretches, every exam sat with the class of the time,
 * and the struggling-student files; and the dated changes a clerk records (转入, 转出, 休学, 复学, 分班调整, 留级).
 */
import type { EnrollmentStretch, ParsedInput, Student, StudentHistory } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import { cohortName } from '../../../../shared/domain/cohort';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { classLevelSql, termName } from '../../platform/query';
import { syncEnrollment } from './enrollment';
import { listStudents } from './queries';

function requireStudent(ctx: CoreContext, studentId: number): Student {
  const s = listStudents(ctx.db, true, 'AND s.id = ?', [studentId])[0];
  if (!s) throw new AppError('NOT_FOUND', 'studentNotFound', { id: studentId }, [{ path: ['studentId'], key: 'studentNotFound' }]);
  return s;
}

export function studentHistory(ctx: CoreContext, studentId: number): StudentHistory {
  const { db } = ctx;
  const student = requireStudent(ctx, studentId);
  const stretches = (db.prepare(
    `SELECT e.id, e.school_year_id, y.name AS year_name, e.class_id, c.level, c.class_no, c.entry_year, e.from_date, e.to_date,
            e.start_change, e.end_change, e.note
       FROM student_enrollment e JOIN school_year y ON y.id = e.school_year_id
       JOIN class_in_year c ON c.class_id = e.class_id AND c.school_year_id = e.school_year_id
      WHERE e.student_id = ? ORDER BY e.from_date, e.id`,
  ).all(studentId) as {
    id: number; school_year_id: number; year_name: string; class_id: number; level: number; class_no: number; entry_year: number;
    from_date: string; to_date: string | null; start_change: EnrollmentStretch['startChange']; end_change: EnrollmentStretch['endChange']; note: string | null;
  }[]).map((r): EnrollmentStretch => ({
    id: r.id, schoolYearId: r.school_year_id, schoolYearName: r.year_name, classId: r.class_id, className: className(r.level, r.class_no),
    cohortName: cohortName(r.entry_year, r.class_no), fromDate: r.from_date, toDate: r.to_date, startChange: r.start_change,
    endChange: r.end_change, note: r.note,
  }));
  const examRows = db.prepare(
    `SELECT x.id, x.name, x.exam_date, y.name AS year_name, t.term_no, c.level, c.class_no
       FROM exam_student es JOIN exam x ON x.id = es.exam_id JOIN term t ON t.id = x.term_id JOIN school_year y ON y.id = t.school_year_id
       JOIN class_in_term c ON c.class_id = es.class_id AND c.term_id = x.term_id
      WHERE es.student_id = ? ORDER BY x.exam_date, x.id`,
  ).all(studentId) as { id: number; name: string; exam_date: string; year_name: string; term_no: number; level: number; class_no: number }[];
  const scores = db.prepare(
    `SELECT sc.exam_id, s.name, sc.score, sc.absent, sc.level FROM score sc JOIN exam_subject xs ON xs.exam_id = sc.exam_id AND xs.subject_id = sc.subject_id
       JOIN subject s ON s.id = sc.subject_id WHERE sc.student_id = ? ORDER BY sc.exam_id, xs.sort_order`,
  ).all(studentId) as { exam_id: number; name: string; score: number | null; absent: number; level: string | null }[];
  const byExam = new Map<number, StudentHistory['exams'][number]['scores']>();
  for (const s of scores) {
    const list = byExam.get(s.exam_id) ?? [];
    list.push({ subjectName: s.name, score: s.score, absent: s.absent === 1, level: s.level });
    byExam.set(s.exam_id, list);
  }
  const files = (db.prepare(
    `SELECT f.id, y.name AS year_name, t.term_no, ${classLevelSql('c', 'y')} AS level, c.class_no, f.status, f.opened_on, f.closed_on
       FROM struggling_file f JOIN term t ON t.id = f.term_id JOIN school_year y ON y.id = t.school_year_id
       LEFT JOIN class c ON c.id = f.class_id
      WHERE f.student_id = ? ORDER BY t.start_date, f.id`,
  ).all(studentId) as { id: number; year_name: string; term_no: number; level: number | null; class_no: number | null; status: string; opened_on: string | null; closed_on: string | null }[])
    .map((f) => ({
      id: f.id, termName: termName(f.year_name, f.term_no), className: f.level ? className(f.level, f.class_no!) : null,
      status: f.status, openedOn: f.opened_on, closedOn: f.closed_on,
    }));
  return {
    student, stretches, files,
    exams: examRows.map((x) => ({
      examId: x.id, termName: termName(x.year_name, x.term_no), examName: x.name, date: x.exam_date,
      className: className(x.level, x.class_no), scores: byExam.get(x.id) ?? [],
    })),
  };
}

/** What each change does to the student now: the status it leaves, and whether a class must be named. */
const CHANGE_RULES: Record<ParsedInput<'students/change'>['change'], { status: string; needsClass: boolean; fromStatus?: string[] }> = {
  转入: { status: '在读', needsClass: true, fromStatus: ['转出', '毕业'] },
  转出: { status: '转出', needsClass: false, fromStatus: ['在读', '休学'] },
  休学: { status: '休学', needsClass: false, fromStatus: ['在读'] },
  复学: { status: '在读', needsClass: true, fromStatus: ['休学'] },
  分班调整: { status: '在读', needsClass: true, fromStatus: ['在读'] },
  留级: { status: '在读', needsClass: true, fromStatus: ['在读'] },
};

/**
 * Records a dated change: checks it makes sense for the student now (a 复学 needs a 休学 first, a class change
 * needs another class that runs this year, the date is not before the current stretch began), then updates
 * the student and the history in one transaction, audited.
 */
export function recordStudentChange(ctx: CoreContext, input: ParsedInput<'students/change'>): Student {
  const { db } = ctx;
  const before = requireStudent(ctx, input.studentId);
  const rule = CHANGE_RULES[input.change];
  const issues: FieldIssue[] = [];
  if (rule.fromStatus && !rule.fromStatus.includes(before.status)) {
    issues.push({ path: ['change'], key: 'students.changeNotNow', params: { change: input.change, status: before.status } });
  }
  if (rule.needsClass) {
    if (input.classId === null) issues.push({ path: ['classId'], key: 'required' });
    else {
      const running = db.prepare(
        'SELECT level FROM class_in_year WHERE class_id = ? AND active AND school_year_id = (SELECT id FROM school_year ORDER BY start_year DESC LIMIT 1)',
      ).get(input.classId) as { level: number } | undefined;
      if (!running) issues.push({ path: ['classId'], key: 'students.classNotRunning' });
      else if (input.change === '分班调整' && input.classId === before.classId) issues.push({ path: ['classId'], key: 'students.sameClass' });
      else if (input.change === '留级' && before.gradeLevel !== null && running.level >= before.gradeLevel) {
        issues.push({ path: ['classId'], key: 'students.repeatNeedsLowerGrade' });
      }
    }
  }
  const open = db.prepare('SELECT from_date FROM student_enrollment WHERE student_id = ? AND to_date IS NULL').get(input.studentId) as { from_date: string } | undefined;
  if (open && input.date < open.from_date) issues.push({ path: ['date'], key: 'students.changeBeforeStretch', params: { from: open.from_date } });
  if (issues.length) throw new AppError('VALIDATION', 'validation', undefined, issues);
  db.transaction(() => {
    const classId = rule.needsClass ? input.classId : before.classId;
    db.prepare('UPDATE student SET status = ?, class_id = ?, archived = CASE WHEN ? = \'转出\' THEN archived ELSE 0 END WHERE id = ?')
      .run(rule.status, classId, rule.status, input.studentId);
    syncEnrollment(db, input.studentId, input.date, input.change, input.note);
    ctx.audit('student', 'change', {
      entityId: String(input.studentId), summary: `学籍变动：${before.name} ${input.change}（${input.date}）`,
      before: { classId: before.classId, status: before.status }, after: { classId, status: rule.status, change: input.change, date: input.date },
    });
  })();
  return requireStudent(ctx, input.studentId);
}
