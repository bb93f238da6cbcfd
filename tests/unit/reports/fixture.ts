/** Test data for the report tests, inserted with plain SQL (the school services are separate). */
import type Database from 'better-sqlite3';
import { insertTestClass } from '../../helpers/classes';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '欧阳'];
const GIVEN = ['子涵', '欣怡', '浩然', '梓萱', '宇轩', '雨桐', '俊杰', '诗涵', '博文', '佳怡', '明', '婷', '思远', '一诺', '晨曦', '嘉懿', '子墨', '若曦', '天佑'];

/** A plausible, unique-enough name for student number i. */
export function studentName(i: number): string {
  return SURNAMES[i % SURNAMES.length] + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length];
}

export interface SeedOptions {
  /** Students per class, one entry per class (grade 7, 8, 9 ... cycling class numbers). */
  classSizes: number[];
  /** Names to put first in the first class (e.g. a name with '<'). */
  specialNames?: string[];
}

export interface Seeded { termId: number; classIds: number[]; firstClassStudent: string }

export function seedSchool(db: Database.Database, opts: SeedOptions): Seeded {
  const tx = db.transaction((): Seeded => {
    db.prepare(`INSERT INTO school (id, name, type) VALUES (1, '青山县第一中学', '初中')`).run();
    db.prepare(`INSERT INTO school_year (id, start_year, name) VALUES (1, 2025, '2025-2026学年')`).run();
    db.prepare(`INSERT INTO term (id, school_year_id, term_no, start_date) VALUES (1, 1, 1, '2025-09-01')`).run();
    for (const level of [7, 8, 9]) db.prepare('INSERT INTO grade (id, level) VALUES (?, ?)').run(level, level);
    const subj = db.prepare('INSERT INTO subject (id, code, name, is_pe_arts, sort_order) VALUES (?, ?, ?, ?, ?)');
    subj.run(1, 'YW', '语文', 0, 1);
    subj.run(2, 'SX', '数学', 0, 2);
    subj.run(3, 'TY', '体育与健康', 1, 3);
    const teacher = db.prepare(
      `INSERT INTO teacher (id, staff_no, name, gender, subject_id, title, degree, certificate, certified, backbone_level, roles, is_pe_arts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    teacher.run(1, 'T001', '周建国', '男', 2, '高级教师', '本科', '初中教师资格', 1, '市级', '["教导主任","任课教师"]', 0);
    teacher.run(2, 'T002', '林晓红', '女', 1, '一级教师', '本科', '初中教师资格', 1, '县级', '["班主任","任课教师"]', 0);
    teacher.run(3, 'T003', '马<强>', '男', 3, '二级教师', '专科', null, 0, '无', '["任课教师"]', 1);
    teacher.run(4, 'T004', '陈静', '女', 1, '一级教师', '研究生', '初中教师资格', 1, '无', '["班主任","教研组长","任课教师"]', 0);
    teacher.run(5, 'T005', '已离职', '女', 1, null, null, null, 1, '无', '["任课教师"]', 0);
    db.prepare('UPDATE teacher SET archived = 1 WHERE id = 5').run();

    const stu = db.prepare(
      `INSERT INTO student (student_no, name, gender, birth_date, class_id, left_behind) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const asg = db.prepare('INSERT INTO teaching_assignment (term_id, teacher_id, class_id, subject_id, weekly_periods) VALUES (1, ?, ?, ?, ?)');
    const classIds: number[] = [];
    let n = 0;
    let firstClassStudent = '';
    opts.classSizes.forEach((size, ci) => {
      const level = 7 + (ci % 3);
      const no = Math.floor(ci / 3) + 1;
      const id = ci + 1;
      insertTestClass(db, { id, level, classNo: no, headTeacherId: ci % 2 === 0 ? 2 : 4 });
      classIds.push(id);
      asg.run(1, id, 2, 5);
      asg.run(ci % 2 === 0 ? 2 : 4, id, 1, 6);
      for (let s = 0; s < size; s++) {
        const special = ci === 0 ? opts.specialNames?.[s] : undefined;
        const name = special ?? studentName(n);
        if (ci === 0 && s === 0) firstClassStudent = name;
        const birth = `2012-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
        stu.run(`G3607232012${10000000 + n}`, name, n % 2 ? '女' : '男', birth, id, n % 5 === 0 ? 1 : 0);
        n++;
      }
    });
    return { termId: 1, classIds, firstClassStudent };
  });
  return tx();
}
