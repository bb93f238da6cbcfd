/** A small middle school with a full timetable, inserted with plain SQL, for the timetable print and Excel tests. */
import type Database from 'better-sqlite3';
import { insertTestClass } from '../../helpers/classes';

export const TT_SUBJECTS: [code: string, name: string, short: string, periods: number][] = [
  ['YW', '语文', '语文', 6], ['SX', '数学', '数学', 5], ['YY', '外语(英语)', '英语', 5], ['DF', '道德与法治', '道法', 2],
  ['LS', '历史', '历史', 2], ['DL', '地理', '地理', 2], ['SW', '生物学', '生物', 2], ['TY', '体育与健康', '体育', 3],
  ['YYUE', '音乐', '音乐', 1], ['MS', '美术', '美术', 1], ['XX', '信息科技', '信息', 1], ['ZH', '综合实践活动', '综合', 2],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '欧阳'];
const GIVEN = ['丽', '建国', '晓红', '静', '志强', '海燕', '文博', '秀英', '明', '思远', '春梅', '国华'];

export interface TtSeeded {
  termId: number;
  classIds: number[];
  /** classId -> "day:period" -> [subject name, teacher name] */
  expected: Map<number, Map<string, [string, string]>>;
  teacherNames: string[];
  roomId: number;
}

/**
 * classesPerGrade classes in each of grades 7-9. Each class has one teacher per subject; class 1 of grade 7 has
 * two 体育 teachers (so matching a 体育 cell needs the teacher's name). Lessons fill the week in a rotating order.
 */
export function seedTimetableSchool(db: Database.Database, classesPerGrade = 2, opts: { days?: 5 | 6 } = {}): TtSeeded {
  return db.transaction((): TtSeeded => {
    db.prepare(`INSERT INTO school (id, name, type) VALUES (1, '青山县第一中学', '初中')`).run();
    db.prepare(`INSERT INTO school_year (id, start_year, name) VALUES (1, 2025, '2025-2026学年')`).run();
    db.prepare(`INSERT INTO term (id, school_year_id, term_no, start_date) VALUES (1, 1, 1, '2025-09-01')`).run();
    db.prepare(`INSERT INTO setting (key, value) VALUES ('currentTermId', '1')`).run();
    const subj = db.prepare('INSERT INTO subject (id, code, name, short_name, sort_order) VALUES (?, ?, ?, ?, ?)');
    TT_SUBJECTS.forEach(([code, name, short], i) => subj.run(i + 1, code, name, short, i + 1));
    const teacherIns = db.prepare('INSERT INTO teacher (name, subject_id) VALUES (?, ?)');
    const asgIns = db.prepare('INSERT INTO teaching_assignment (term_id, teacher_id, class_id, subject_id, weekly_periods) VALUES (1, ?, ?, ?, ?)');
    const lessonIns = db.prepare('INSERT INTO lesson (term_id, class_id, day, period, assignment_id, room_id) VALUES (1, ?, ?, ?, ?, ?)');
    db.prepare(`INSERT INTO room (id, name, kind, capacity) VALUES (1, '音乐室', '音乐室', 1)`).run();
    const teacherNames: string[] = [];
    let tn = 0;
    const newTeacher = (subjectId: number) => {
      const name = SURNAMES[tn % SURNAMES.length] + GIVEN[Math.floor(tn / SURNAMES.length) % GIVEN.length];
      tn++;
      teacherNames.push(name);
      return Number(teacherIns.run(name, subjectId).lastInsertRowid);
    };
    const days = opts.days ?? 5;
    const classIds: number[] = [];
    const expected = new Map<number, Map<string, [string, string]>>();
    for (const level of [7, 8, 9]) {
      db.prepare('INSERT INTO grade (id, level) VALUES (?, ?)').run(level, level);
      for (let no = 1; no <= classesPerGrade; no++) {
        const ci = classIds.length;
        const teachers = TT_SUBJECTS.map((_, si) => newTeacher(si + 1));
        const classId = insertTestClass(db, { level, classNo: no, headTeacherId: teachers[0] });
        classIds.push(classId);
        const slots: { asg: number; subject: string; teacher: string; room: number | null }[] = [];
        TT_SUBJECTS.forEach(([, name, , periods], si) => {
          const split = ci === 0 && name === '体育与健康';
          const asg = Number(asgIns.run(teachers[si], classId, si + 1, split ? 2 : periods).lastInsertRowid);
          const tname = teacherNames[teachers[si] - 1];
          for (let k = 0; k < (split ? 2 : periods); k++) slots.push({ asg, subject: name, teacher: tname, room: name === '音乐' ? 1 : null });
          if (split) {
            const t2 = newTeacher(si + 1);
            const asg2 = Number(asgIns.run(t2, classId, si + 1, 1).lastInsertRowid);
            slots.push({ asg: asg2, subject: name, teacher: teacherNames[t2 - 1], room: null });
          }
        });
        // Rotate the order per class so cells differ between classes; 34 lessons over days x 8 slots.
        const rot = (ci * 5) % slots.length;
        const order = [...slots.slice(rot), ...slots.slice(0, rot)];
        const exp = new Map<string, [string, string]>();
        order.forEach((s, i) => {
          const day = (i % days) + 1;
          const period = Math.floor(i / days) + 1;
          lessonIns.run(classId, day, period, s.asg, s.room);
          exp.set(`${day}:${period}`, [s.subject, s.teacher]);
        });
        expected.set(classId, exp);
      }
    }
    return { termId: 1, classIds, expected, teacherNames, roomId: 1 };
  })();
}
