/**
 * Two school years of history before the sample's current year, so that trends across years, the
 * transformation rate by term and last year's class names have something to show: the two cohorts that have
 * graduated since (毕业, archived, still in history), every cohort's classes at their grade then, enrollment
 * stretches with a few transfers in and out, teaching assignments, timetables, routine records, monthly checks,
 * exams (期中 and 期末 for each grade, with class and student trends) and struggling-student files opened,
 * carried and transformed.
 *
 * It runs after the current year is built (its own random stream, so the current year is the same as without
 * history) and writes the past the way the app would have: past terms lock only when the next call comes.
 */
import type { Gender } from '../../../../shared/domain/constants';
import { addDaysIso } from '../../../../shared/domain/dates';
import { termMonths } from '../../../../shared/domain/routine/monthly';
import type { CoreContext } from '../../platform/context';
import { addDays, makeStudentNo, Rng, uniqueNameMaker } from '../../platform/sample-names';
import { startMonth } from '../monthly-check/service';
import { addSampleRoutineMonthly } from '../monthly-check/service';
import { addSampleRoutinePlans } from '../routine-plans/service';

export interface SampleHistorySummary { years: number; terms: number[]; graduates: number; exams: number; scores: number; files: number; transfers: number }

interface PastTerm { id: number; yearId: number; startYear: number; termNo: 1 | 2; start: string; weeks: number }
interface ClassRow { id: number; level: number; classNo: number; entryYear: number }

const EXAM_SUBJECTS: { name: string; fullMarks: number; fromLevel: number }[] = [
  { name: '语文', fullMarks: 120, fromLevel: 1 }, { name: '数学', fullMarks: 120, fromLevel: 1 },
  { name: '外语(英语)', fullMarks: 120, fromLevel: 1 }, { name: '物理', fullMarks: 100, fromLevel: 8 }, { name: '化学', fullMarks: 100, fromLevel: 9 },
];
const GRADE_PREFIX: Record<number, string> = { 7: '七年级', 8: '八年级', 9: '九年级' };

/** `years` school years before the current one (the sample's countyCode and seed give stable names). */
export function addSampleHistory(ctx: CoreContext, opts: { currentYearId: number; countyCode: string; seed: number; years?: number }): SampleHistorySummary {
  const { db } = ctx;
  const rng = new Rng(opts.seed + 7);
  const years = opts.years ?? 2;
  const cur = db.prepare('SELECT start_year FROM school_year WHERE id = ?').get(opts.currentYearId) as { start_year: number };
  const curTerm1 = db.prepare('SELECT id FROM term WHERE school_year_id = ? AND term_no = 1').get(opts.currentYearId) as { id: number };
  const curTerm2 = db.prepare('SELECT id FROM term WHERE school_year_id = ? AND term_no = 2').get(opts.currentYearId) as { id: number };
  const now = ctx.now().toISOString();

  // School years and terms.
  const terms: PastTerm[] = [];
  for (let k = years; k >= 1; k--) {
    const startYear = cur.start_year - k;
    const yearId = Number(db.prepare('INSERT INTO school_year (start_year, name) VALUES (?, ?)').run(startYear, `${startYear}-${startYear + 1}学年`).lastInsertRowid);
    for (const [termNo, start] of [[1, `${startYear}-09-01`], [2, `${startYear + 1}-02-${17 + (startYear % 5)}`]] as const) {
      const id = Number(db.prepare('INSERT INTO term (school_year_id, term_no, start_date, teaching_weeks) VALUES (?, ?, ?, 20)').run(yearId, termNo, start).lastInsertRowid);
      terms.push({ id, yearId, startYear, termNo, start, weeks: 20 });
    }
  }
  const yearIds = [...new Set(terms.map((t) => t.yearId))];
  const startOf = new Map(terms.map((t) => [t.yearId, t.startYear]));

  // Graduated cohorts: the classes that were in grade 9 (and 8) in those years, now archived with their end year.
  const currentClasses = db.prepare('SELECT class_id AS id, level, class_no AS classNo, entry_year AS entryYear FROM class_in_year WHERE school_year_id = ? ORDER BY level, class_no')
    .all(opts.currentYearId) as ClassRow[];
  const perGrade = Math.max(...currentClasses.map((c) => c.classNo));
  const graduated: ClassRow[] = [];
  for (let k = 1; k <= years; k++) {
    const entryYear = cur.start_year - 2 - k; // in grade 9 in the year cur - k
    for (let no = 1; no <= perGrade; no++) {
      const id = Number(db.prepare('INSERT INTO class (entry_year, entry_level, class_no, end_year, archived) VALUES (?, 7, ?, ?, 1)')
        .run(entryYear, no, entryYear + 2).lastInsertRowid);
      graduated.push({ id, level: 0, classNo: no, entryYear });
    }
  }
  const allClasses = [...currentClasses, ...graduated];
  /** The class at (level, no) in a past year. */
  const classAt = (startYear: number, level: number, no: number) => allClasses.find((c) => c.entryYear === startYear - (level - 7) && c.classNo === no)!;

  // Head teachers, groups and assignments of the past years follow the grade (循环): the teacher who has grade L
  // class n now had grade L class n then.
  const heads = new Map((db.prepare('SELECT class_id, head_teacher_id FROM class_year WHERE school_year_id = ?').all(opts.currentYearId) as { class_id: number; head_teacher_id: number | null }[]).map((r) => [r.class_id, r.head_teacher_id]));
  const setHead = db.prepare('INSERT INTO class_year (class_id, school_year_id, head_teacher_id) VALUES (?, ?, ?)');
  for (const y of yearIds) for (const c of currentClasses) setHead.run(classAt(startOf.get(y)!, c.level, c.classNo).id, y, heads.get(c.id) ?? null);
  const groups = db.prepare('SELECT id, kind, name, subject_id, grade_id, leader_id FROM teaching_group WHERE school_year_id = ? ORDER BY id').all(opts.currentYearId) as
    { id: number; kind: string; name: string; subject_id: number | null; grade_id: number | null; leader_id: number | null }[];
  for (const y of yearIds) {
    for (const g of groups) {
      const gid = Number(db.prepare('INSERT INTO teaching_group (school_year_id, kind, name, subject_id, grade_id, leader_id) VALUES (?, ?, ?, ?, ?, ?)')
        .run(y, g.kind, g.name, g.subject_id, g.grade_id, g.leader_id).lastInsertRowid);
      db.prepare('INSERT INTO teaching_group_member (group_id, teacher_id) SELECT ?, teacher_id FROM teaching_group_member WHERE group_id = ?').run(gid, g.id);
    }
    db.prepare('INSERT OR IGNORE INTO teacher_year (teacher_id, school_year_id, roles) SELECT id, ?, roles FROM teacher').run(y);
  }
  for (const t of terms) {
    const source = t.termNo === 1 ? curTerm1.id : curTerm2.id;
    const asg = db.prepare('SELECT a.id, a.teacher_id, a.subject_id, a.weekly_periods, c.level, c.class_no FROM teaching_assignment a JOIN class_in_term c ON c.class_id = a.class_id AND c.term_id = a.term_id WHERE a.term_id = ?')
      .all(source) as { id: number; teacher_id: number; subject_id: number; weekly_periods: number; level: number; class_no: number }[];
    const mapped = new Map<number, number>();
    const ins = db.prepare('INSERT INTO teaching_assignment (term_id, teacher_id, class_id, subject_id, weekly_periods) VALUES (?, ?, ?, ?, ?)');
    for (const a of asg) mapped.set(a.id, Number(ins.run(t.id, a.teacher_id, classAt(t.startYear, a.level, a.class_no).id, a.subject_id, a.weekly_periods).lastInsertRowid));
    db.prepare('INSERT INTO timetable_settings (term_id, days_per_week, schedule) SELECT ?, days_per_week, schedule FROM timetable_settings WHERE term_id = ?').run(t.id, source);
    const lessons = db.prepare('SELECT day, period, assignment_id, room_id FROM lesson WHERE term_id = ?').all(source) as { day: number; period: number; assignment_id: number; room_id: number | null }[];
    const insLesson = db.prepare('INSERT INTO lesson (term_id, class_id, day, period, assignment_id, room_id) SELECT ?, class_id, ?, ?, id, ? FROM teaching_assignment WHERE id = ?');
    for (const l of lessons) insLesson.run(t.id, l.day, l.period, l.room_id, mapped.get(l.assignment_id));
  }

  // Students: the graduated cohorts' (new names), everyone's stretches, a few transfers in and out.
  const studentName = uniqueNameMaker(rng, 0.85);
  const usedNos = new Set(db.prepare('SELECT student_no FROM student').pluck().all() as string[]);
  const insStudent = db.prepare(`INSERT INTO student (student_no, name, gender, birth_date, class_id, status, archived) VALUES (?, ?, ?, ?, ?, ?, 1)`);
  const insStretch = db.prepare('INSERT INTO student_enrollment (student_id, school_year_id, class_id, from_date, to_date, start_change, end_change) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const yearOfStart = new Map(terms.map((t) => [t.startYear, t.yearId]));
  yearOfStart.set(cur.start_year, opts.currentYearId);
  const yearEnd = (startYear: number) => `${startYear + 1}-08-31`;
  const newStudent = (c: ClassRow, status: string) => {
    const gender: Gender = rng.chance(0.52) ? '男' : '女';
    const birth = addDays(`${c.entryYear - 13}-09-01`, rng.int(0, 364));
    return Number(insStudent.run(makeStudentNo(rng, opts.countyCode, birth, gender, usedNos), studentName(gender), gender, birth, c.id, status).lastInsertRowid);
  };
  let graduates = 0;
  for (const c of graduated) {
    for (let k = 0; k < 48 + rng.int(0, 5); k++) {
      const id = newStudent(c, '毕业');
      graduates++;
      for (let y = Math.max(c.entryYear, cur.start_year - years); y <= c.entryYear + 2; y++) {
        insStretch.run(id, yearOfStart.get(y), c.id, `${y}-09-01`, yearEnd(y), y === c.entryYear ? '入学' : '升级', y === c.entryYear + 2 ? '毕业' : '升级');
      }
    }
  }
  // Current students: a stretch for each past year of their cohort (buildSchool wrote the current year's).
  const current = db.prepare(`SELECT s.id, s.class_id, c.entry_year FROM student s JOIN class c ON c.id = s.class_id WHERE s.archived = 0 ORDER BY s.id`)
    .all() as { id: number; class_id: number; entry_year: number }[];
  const transfersIn = new Set<number>();
  for (const s of current) if (s.entry_year < cur.start_year && rng.chance(0.012)) transfersIn.add(s.id);
  for (const s of current) {
    const first = Math.max(s.entry_year, cur.start_year - years);
    const transferYear = transfersIn.has(s.id) ? cur.start_year - 1 : null;
    for (let y = first; y < cur.start_year; y++) {
      if (transferYear !== null && y < transferYear) continue;
      const from = transferYear === y ? `${y + 1}-03-0${2 + rng.int(0, 6)}` : `${y}-09-01`;
      insStretch.run(s.id, yearOfStart.get(y), s.class_id, from, yearEnd(y), transferYear === y ? '转入' : y === s.entry_year ? '入学' : '升级', '升级');
    }
  }
  // Transfers out last year: students who left mid-year (archived, 转出).
  let transfersOut = 0;
  for (const c of currentClasses.filter((x) => x.entryYear < cur.start_year).slice(0, 5)) {
    const id = newStudent(c, '转出');
    const y = cur.start_year - 1;
    for (let yy = Math.max(c.entryYear, cur.start_year - years); yy <= y; yy++) {
      insStretch.run(id, yearOfStart.get(yy), c.id, `${yy}-09-01`, yy === y ? `${y}-11-${10 + transfersOut}` : yearEnd(yy), yy === c.entryYear ? '入学' : '升级', yy === y ? '转出' : '升级');
    }
    transfersOut++;
  }

  // Routine records, monthly checks (two months a term) and observations, as each past term had them.
  for (const t of terms) {
    addSampleRoutinePlans(ctx, t.id);
    addSampleRoutineMonthly(ctx, t.id);
    for (const month of termMonths(t.start, t.weeks).slice(1, 3)) startMonth(ctx, t.id, month);
  }

  // Exams: 期中 and 期末 for each grade every past term. A student's score = ability + the class's drift over
  // time (some classes improve, some slip) + noise, so class and grade trends across years show something.
  const subjectId = new Map((db.prepare('SELECT id, name FROM subject').all() as { id: number; name: string }[]).map((s) => [s.name, s.id]));
  const gradeId = new Map((db.prepare('SELECT id, level FROM grade').all() as { id: number; level: number }[]).map((g) => [g.level, g.id]));
  const ability = new Map<number, number>();
  const abilityOf = (id: number) => { let a = ability.get(id); if (a === undefined) { a = (rng.next() + rng.next() + rng.next() - 1.5) * 0.9; ability.set(id, a); } return a; };
  const drift = new Map<number, number>();
  const driftOf = (classId: number) => { let d = drift.get(classId); if (d === undefined) { d = (rng.next() - 0.5) * 0.06; drift.set(classId, d); } return d; };
  const members = db.prepare(
    `SELECT student_id FROM student_enrollment WHERE class_id = ? AND school_year_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date >= ?) ORDER BY student_id`,
  );
  const insExam = db.prepare(`INSERT INTO exam (term_id, name, kind, exam_date, mode, created_at) VALUES (?, ?, ?, ?, 'score', ?)`);
  const insExamGrade = db.prepare('INSERT INTO exam_grade (exam_id, grade_id) VALUES (?, ?)');
  const insExamSubject = db.prepare('INSERT INTO exam_subject (exam_id, subject_id, full_marks, sort_order) VALUES (?, ?, ?, ?)');
  const insExamStudent = db.prepare('INSERT INTO exam_student (exam_id, student_id, class_id) VALUES (?, ?, ?)');
  const insScore = db.prepare('INSERT INTO score (exam_id, student_id, subject_id, score, absent) VALUES (?, ?, ?, ?, ?)');
  let exams = 0;
  let scores = 0;
  terms.forEach((t, ti) => {
    for (const [kind, week] of [['期中', 9], ['期末', 19]] as const) {
      const date = addDaysIso(t.start, week * 7 + 2);
      for (const level of [7, 8, 9]) {
        const examId = Number(insExam.run(t.id, `${GRADE_PREFIX[level]}${kind}考试`, kind, date, now).lastInsertRowid);
        exams++;
        insExamGrade.run(examId, gradeId.get(level));
        const subjects = EXAM_SUBJECTS.filter((s) => s.fromLevel <= level && subjectId.has(s.name));
        subjects.forEach((s, i) => insExamSubject.run(examId, subjectId.get(s.name), s.fullMarks, i));
        for (let no = 1; no <= perGrade; no++) {
          const c = classAt(t.startYear, level, no);
          const time = ti * 2 + (kind === '期末' ? 1 : 0);
          for (const sid of members.pluck().all(c.id, t.yearId, date, date) as number[]) {
            insExamStudent.run(examId, sid, c.id);
            for (const s of subjects) {
              const absent = rng.chance(0.004);
              const rate = 0.68 + 0.21 * abilityOf(sid) + driftOf(c.id) * time + (rng.next() - 0.5) * 0.16 - (level - 7) * 0.02;
              insScore.run(examId, sid, subjectId.get(s.name), absent ? null : Math.max(0, Math.min(s.fullMarks, Math.round(rate * s.fullMarks))), absent ? 1 : 0);
              scores++;
            }
          }
        }
      }
    }
  });

  // Struggling-student files: opened after each term's 期中, most transformed within the term, some carried
  // into the next term (继续帮扶) and transformed there; none stays open into the current year.
  let files = 0;
  const insFile = db.prepare(
    `INSERT INTO struggling_file (term_id, student_id, class_id, source, subject_ids, teacher_id, head_teacher_id, goal, measures, status, opened_on,
       closed_on, created_at, updated_at, carried_from_id, carried_on) VALUES (?, ?, ?, 'exam', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insStatus = db.prepare('INSERT INTO struggling_status (file_id, change_date, from_status, to_status, note, operator) VALUES (?, ?, ?, ?, ?, ?)');
  const insEntry = db.prepare(`INSERT INTO struggling_entry (file_id, kind, entry_date, who, way, content, minutes, result, created_at) VALUES (?, 'tutoring', ?, ?, '个别辅导', ?, 30, ?, ?)`);
  const weakest = db.prepare(
    `SELECT es.student_id, es.class_id, AVG(sc.score) AS avg FROM exam e JOIN exam_student es ON es.exam_id = e.id JOIN score sc ON sc.exam_id = e.id AND sc.student_id = es.student_id
      JOIN student s ON s.id = es.student_id WHERE e.term_id = ? AND e.kind = '期中' AND s.archived = 0 GROUP BY es.student_id ORDER BY avg LIMIT 6`,
  );
  const math = subjectId.get('数学')!;
  const teacherOf = db.prepare('SELECT teacher_id FROM teaching_assignment WHERE term_id = ? AND class_id = ? AND subject_id = ? LIMIT 1');
  let carried: { id: number; student: number; classId: number }[] = [];
  for (const t of terms) {
    const end = addDaysIso(t.start, t.weeks * 7 - 3);
    const opened = addDaysIso(t.start, 9 * 7 + 6);
    const open = (student: number, classId: number, from: number | null) => {
      const teacher = (teacherOf.get(t.id, classId, math) as { teacher_id: number } | undefined)?.teacher_id ?? null;
      const head = (db.prepare('SELECT head_teacher_id AS h FROM class_in_term WHERE class_id = ? AND term_id = ?').get(classId, t.id) as { h: number | null }).h;
      const last = t === terms[terms.length - 1];
      // The last past term closes everything: transformed, so nothing is open when the current year begins.
      const status = from !== null || last || rng.chance(0.7) ? '已转化' : '继续帮扶';
      const id = Number(insFile.run(t.id, student, classId, JSON.stringify([math]), teacher, head, '数学期末成绩达到及格线', '每周两次课后辅导，作业面批',
        status, from !== null ? t.start : opened, status === '已转化' ? end : null, now, now, from, status === '继续帮扶' ? addDaysIso(end, 7) : null).lastInsertRowid);
      insStatus.run(id, from !== null ? t.start : opened, null, from !== null ? '继续帮扶' : '帮扶中', null, '示例');
      if (status === '已转化') insStatus.run(id, end, from !== null ? '继续帮扶' : '帮扶中', '已转化', '期末成绩达标', '示例');
      for (let w = 1; w <= 6; w++) insEntry.run(id, addDaysIso(from !== null ? t.start : opened, w * 7), '数学教师', '错题订正与同类题练习', w > 3 ? '有进步' : '基本掌握', now);
      files++;
      return { id, status };
    };
    const next: typeof carried = [];
    for (const f of carried) open(f.student, f.classId, f.id);
    for (const w of weakest.all(t.id) as { student_id: number; class_id: number }[]) {
      if (carried.some((f) => f.student === w.student_id)) continue;
      const r = open(w.student_id, w.class_id, null);
      if (r.status === '继续帮扶') next.push({ id: r.id, student: w.student_id, classId: (db.prepare('SELECT class_id FROM student WHERE id = ?').get(w.student_id) as { class_id: number }).class_id });
    }
    carried = next;
  }
  return { years, terms: terms.map((t) => t.id), graduates, exams, scores, files, transfers: transfersIn.size + transfersOut };
}
