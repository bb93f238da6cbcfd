/**
 * The bench's school with N school years of history (1, 5, 10): the large school (60 classes, 3,000 students,
 * 250 teachers) as the current year, and before it N-1 years of the same school as a school accumulates them:
 * a graduated cohort of 1,000 students per year, every student's stretches, teaching assignments per term, 4 exams
 * a term for each grade over 7-9 subjects (~2 million score rows at 10 years), 20 observations per teacher a
 * term (~100 thousand) and a monthly check sheet per teacher and month (~25 thousand). Plain inserts in one
 * transaction: this is data volume for the figures, not a demo.
 */
import type Database from 'better-sqlite3';
import { addDaysIso } from '../shared/domain/dates';
import type { CoreContext } from '../electron/core/platform/context';
import { generateLargeSchool, type GeneratedSchoolSummary } from '../electron/core/features/app/sample-school';
import { Rng } from '../electron/core/platform/sample-names';

export interface HistorySchool extends GeneratedSchoolSummary { years: number; scores: number; observations: number; sheets: number; pastTermIds: number[] }

const EXAMS: { kind: string; name: string; week: number }[] = [
  { kind: '月考', name: '第一次月考', week: 4 }, { kind: '期中', name: '期中考试', week: 9 },
  { kind: '月考', name: '第二次月考', week: 14 }, { kind: '期末', name: '期末考试', week: 19 },
];
const SUBJECTS: { name: string; fullMarks: number; from: number }[] = [
  { name: '语文', fullMarks: 120, from: 7 }, { name: '数学', fullMarks: 120, from: 7 }, { name: '外语(英语)', fullMarks: 120, from: 7 },
  { name: '道德与法治', fullMarks: 100, from: 7 }, { name: '历史', fullMarks: 100, from: 7 }, { name: '地理', fullMarks: 100, from: 7 },
  { name: '生物学', fullMarks: 100, from: 7 }, { name: '物理', fullMarks: 100, from: 8 }, { name: '化学', fullMarks: 100, from: 9 },
];
const GRADE = { 7: '七年级', 8: '八年级', 9: '九年级' } as Record<number, string>;

export function generateHistorySchool(ctx: CoreContext, years: number): HistorySchool {
  const school = generateLargeSchool(ctx, { classes: 60, students: 3000, teachers: 250 });
  const { db } = ctx;
  const rng = new Rng(years * 101 + 7);
  const stats = { scores: 0, observations: 0, sheets: 0 };
  const pastTermIds: number[] = [];
  db.transaction(() => {
    const cur = db.prepare('SELECT y.id, y.start_year FROM term t JOIN school_year y ON y.id = t.school_year_id WHERE t.id = ?').get(school.currentTermId) as { id: number; start_year: number };
    const curTerms = db.prepare('SELECT id, term_no, start_date FROM term WHERE school_year_id = ? ORDER BY term_no').all(cur.id) as { id: number; term_no: number; start_date: string }[];
    const perGrade = 20;
    const now = new Date(0).toISOString();
    // Classes of every cohort that was in school in the history years (the current three exist).
    const classOf = new Map<string, number>();
    for (const c of db.prepare('SELECT id, entry_year, class_no FROM class').all() as { id: number; entry_year: number; class_no: number }[]) classOf.set(`${c.entry_year}:${c.class_no}`, c.id);
    const insClass = db.prepare('INSERT INTO class (entry_year, entry_level, class_no, end_year, archived) VALUES (?, 7, ?, ?, 1)');
    for (let e = cur.start_year - years - 1; e < cur.start_year - 2; e++) {
      for (let no = 1; no <= perGrade; no++) classOf.set(`${e}:${no}`, Number(insClass.run(e, no, e + 2).lastInsertRowid));
    }
    const classAt = (startYear: number, level: number, no: number) => classOf.get(`${startYear - (level - 7)}:${no}`)!;
    // Students of the graduated cohorts: 50 a class, archived with status 毕业.
    const insStudent = db.prepare(`INSERT INTO student (student_no, name, gender, class_id, status, archived) VALUES (?, ?, ?, ?, '毕业', 1)`);
    let serial = 0;
    for (let e = cur.start_year - years - 1; e < cur.start_year - 2; e++) {
      for (let no = 1; no <= perGrade; no++) {
        for (let k = 0; k < 50; k++) insStudent.run(`H${e}${String(++serial).padStart(7, '0')}`, `历届学生${serial}`, k % 2 ? '男' : '女', classOf.get(`${e}:${no}`));
      }
    }
    const studentsOf = new Map<number, number[]>();
    for (const s of db.prepare('SELECT id, class_id FROM student ORDER BY id').all() as { id: number; class_id: number }[]) {
      studentsOf.set(s.class_id, [...(studentsOf.get(s.class_id) ?? []), s.id]);
    }
    const subjectId = new Map((db.prepare('SELECT id, name FROM subject').all() as { id: number; name: string }[]).map((s) => [s.name, s.id]));
    const gradeId = new Map((db.prepare('SELECT id, level FROM grade').all() as { id: number; level: number }[]).map((g) => [g.level, g.id]));
    const teachers = db.prepare('SELECT id FROM teacher WHERE archived = 0 ORDER BY id').pluck().all() as number[];

    const insYear = db.prepare('INSERT INTO school_year (start_year, name) VALUES (?, ?)');
    const insTerm = db.prepare('INSERT INTO term (school_year_id, term_no, start_date, teaching_weeks) VALUES (?, ?, ?, 20)');
    const insStretch = db.prepare('INSERT INTO student_enrollment (student_id, school_year_id, class_id, from_date, to_date, start_change, end_change) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insHead = db.prepare('INSERT INTO class_year (class_id, school_year_id, head_teacher_id) SELECT ?, ?, head_teacher_id FROM class_year WHERE class_id = ? AND school_year_id = ?');
    const insAsg = db.prepare('INSERT INTO teaching_assignment (term_id, teacher_id, class_id, subject_id, weekly_periods) VALUES (?, ?, ?, ?, ?)');
    const insExam = db.prepare(`INSERT INTO exam (term_id, name, kind, exam_date, mode, created_at) VALUES (?, ?, ?, ?, 'score', ?)`);
    const insExamGrade = db.prepare('INSERT INTO exam_grade (exam_id, grade_id) VALUES (?, ?)');
    const insExamSubject = db.prepare('INSERT INTO exam_subject (exam_id, subject_id, full_marks, sort_order) VALUES (?, ?, ?, ?)');
    const insExamStudent = db.prepare('INSERT INTO exam_student (exam_id, student_id, class_id) VALUES (?, ?, ?)');
    const insScore = db.prepare('INSERT INTO score (exam_id, student_id, subject_id, score, absent) VALUES (?, ?, ?, ?, 0)');
    const insObs = db.prepare(`INSERT INTO observation (term_id, date, period, class_id, subject_id, teacher_id, observer_id, kind, score_goal, score_content,
      score_method, score_participation, score_effect, score_skill, total, level, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '推门课', 9, 18, 17, 13, 18, 8, ?, ?, ?, ?)`);
    const insCheck = db.prepare(`INSERT INTO monthly_check (term_id, month, rubric, started_at) VALUES (?, ?, '{"items":[],"bands":[]}', ?)`);
    const insSheet = db.prepare(`INSERT INTO monthly_sheet (check_id, teacher_id, weekly_periods, observations_done, scores, total, grade, updated_at) VALUES (?, ?, 14, 2, '{}', ?, ?, ?)`);

    /** A term's records: assignments (from the current term of the same number), exams, observations, sheets. */
    const fillTerm = (termId: number, startYear: number, termNo: number, start: string, withAssignments: boolean) => {
      const source = curTerms.find((x) => x.term_no === termNo)!.id;
      const asg = db.prepare(`SELECT a.teacher_id, a.subject_id, a.weekly_periods, c.level, c.class_no FROM teaching_assignment a
        JOIN class_in_term c ON c.class_id = a.class_id AND c.term_id = a.term_id WHERE a.term_id = ?`).all(source) as
        { teacher_id: number; subject_id: number; weekly_periods: number; level: number; class_no: number }[];
      if (withAssignments) for (const a of asg) insAsg.run(termId, a.teacher_id, classAt(startYear, a.level, a.class_no), a.subject_id, a.weekly_periods);
      for (const ex of EXAMS) {
        const date = addDaysIso(start, ex.week * 7 + 2);
        for (const level of [7, 8, 9]) {
          const examId = Number(insExam.run(termId, `${GRADE[level]}${ex.name}`, ex.kind, date, now).lastInsertRowid);
          insExamGrade.run(examId, gradeId.get(level));
          const subjects = SUBJECTS.filter((s) => s.from <= level && subjectId.has(s.name));
          subjects.forEach((s, i) => insExamSubject.run(examId, subjectId.get(s.name), s.fullMarks, i));
          for (let no = 1; no <= perGrade; no++) {
            const classId = classAt(startYear, level, no);
            for (const sid of studentsOf.get(classId) ?? []) {
              insExamStudent.run(examId, sid, classId);
              for (const s of subjects) {
                insScore.run(examId, sid, subjectId.get(s.name), Math.round(s.fullMarks * (0.45 + 0.5 * rng.next())));
                stats.scores++;
              }
            }
          }
        }
      }
      for (const t of teachers) {
        for (let k = 0; k < 20; k++) {
          const observed = teachers[(teachers.indexOf(t) + 1 + k) % teachers.length];
          insObs.run(termId, addDaysIso(start, 7 + k * 6), 1 + (k % 7), classAt(startYear, 7 + (k % 3), 1 + (k % perGrade)), subjectId.get('语文'), observed, t, 83, '良', now, now);
          stats.observations++;
        }
      }
      for (let m = 0; m < 5; m++) {
        const month = addDaysIso(start, m * 31 + 3).slice(0, 7);
        const checkId = Number(insCheck.run(termId, month, now).lastInsertRowid);
        for (const t of teachers) { insSheet.run(checkId, t, 80 + (t % 20), t % 5 ? '良' : '优', now); stats.sheets++; }
      }
    };

    // The current year gets its term records too (1 year = the current year only).
    for (const t of curTerms) fillTerm(t.id, cur.start_year, t.term_no, t.start_date, false);
    for (let k = 1; k < years; k++) {
      const startYear = cur.start_year - k;
      const yearId = Number(insYear.run(startYear, `${startYear}-${startYear + 1}学年`).lastInsertRowid);
      for (let no = 1; no <= perGrade; no++) {
        for (const level of [7, 8, 9]) {
          const classId = classAt(startYear, level, no);
          // Head teachers follow the grade (the current year's head of this grade and number).
          insHead.run(classId, yearId, classAt(cur.start_year, level, no), cur.id);
          for (const sid of studentsOf.get(classId) ?? []) {
            const entry = startYear - (level - 7);
            insStretch.run(sid, yearId, classId, `${startYear}-09-01`, `${startYear + 1}-08-31`, entry === startYear ? '入学' : '升级', level === 9 ? '毕业' : '升级');
          }
        }
      }
      for (const [termNo, start] of [[1, `${startYear}-09-01`], [2, `${startYear + 1}-02-20`]] as const) {
        const termId = Number(insTerm.run(yearId, termNo, start).lastInsertRowid);
        pastTermIds.push(termId);
        fillTerm(termId, startYear, termNo, start, true);
      }
    }
  })();
  return { ...school, years, ...stats, pastTermIds };
}

/** Row counts for the record (what a figure at this size measured). */
export function historyCounts(db: Database.Database): Record<string, number> {
  const n = (t: string) => (db.prepare(`SELECT COUNT(*) n FROM ${t}`).get() as { n: number }).n;
  return { score: n('score'), observation: n('observation'), monthly_sheet: n('monthly_sheet'), student: n('student'), class: n('class') };
}

/**
 * Mentor pairs and the training register of the history school: 40 pairs in the current year (mentor and
 * apprentice of one subject, 10 activities each) and, for every teacher, 5 training entries a year over all the
 * history years (12,500 rows at 10 years), so the programme and the indicators read a realistic register.
 */
export function addHistoryMentorsTraining(db: Database.Database, years: number): { pairs: number; entries: number } {
  const rng = new Rng(years * 31 + 5);
  const cur = db.prepare('SELECT y.id, y.start_year FROM school_year y ORDER BY y.start_year DESC LIMIT 1').get() as { id: number; start_year: number };
  const terms = db.prepare('SELECT id, start_date FROM term WHERE school_year_id = ? ORDER BY term_no').all(cur.id) as { id: number; start_date: string }[];
  const teachers = db.prepare('SELECT id, subject_id FROM teacher WHERE archived = 0 ORDER BY id').all() as { id: number; subject_id: number | null }[];
  const now = new Date(0).toISOString();
  let pairs = 0;
  let entries = 0;
  db.transaction(() => {
    const insPair = db.prepare(`INSERT INTO mentor_pair (mentor_id, apprentice_id, subject_id, start_date, end_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '进行中', ?, ?)`);
    const insDuty = db.prepare('INSERT INTO mentor_pair_duty (pair_id, key, per, target) VALUES (?, ?, ?, ?)');
    const insAct = db.prepare('INSERT INTO mentor_activity (pair_id, term_id, kind, date, title, score, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const end = addDaysIso(terms[terms.length - 1].start_date, 140);
    for (let i = 0; i + 1 < teachers.length && pairs < 40; i += 6) {
      const [m, a] = [teachers[i], teachers[i + 1]];
      const id = Number(insPair.run(m.id, a.id, m.subject_id, terms[0].start_date, end, now, now).lastInsertRowid);
      for (const [key, per, target] of [['mentorObserves', 'term', 7], ['apprenticeObserves', 'term', 7], ['reportLessons', 'term', 2], ['reflections', 'term', 4], ['guidance', 'term', 4], ['papers', 'year', 1]] as const) insDuty.run(id, key, per, target);
      for (let k = 0; k < 10; k++) insAct.run(id, terms[0].id, (['guidance', 'reflection', 'reportLesson'] as const)[k % 3], addDaysIso(terms[0].start_date, 7 + k * 9), `活动${k + 1}`, k % 3 === 2 ? rng.int(70, 95) : null, now);
      pairs++;
    }
    const insEntry = db.prepare(`INSERT INTO training_entry (teacher_id, start_date, end_date, level, title, hours, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const levels = ['国培', '省培', '市培', '县培', '校本'] as const;
    for (let y = cur.start_year - years + 1; y <= cur.start_year; y++) {
      for (const t of teachers) {
        for (let k = 0; k < 5; k++) {
          const s = `${y + 1}-0${1 + k}-1${k}`;
          insEntry.run(t.id, s, addDaysIso(s, 2), levels[k], `培训${y}-${k}`, rng.pick([6, 12, 24, 30]), now);
          entries++;
        }
      }
    }
  })();
  db.prepare("INSERT OR REPLACE INTO setting (key, value) VALUES ('training.settings', ?)").run(JSON.stringify({ cycleStart: `${cur.start_year - 4}-09-01`, requiredHours: 360 }));
  return { pairs, entries };
}
