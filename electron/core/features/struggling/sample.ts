/**
 * Sample struggling-student files for the sample school: six students from four classes, deterministic (no
 * randomness: the n-th student by 学籍号), with causes, the six-in-place plan, tutoring, a home visit, a
 * stage review and one file of each closing status. Runs inside loadSampleSchool's transaction.
 */
import { SUBJECT_ALIASES } from '../../../../shared/domain/constants';
import { addDays } from '../../platform/sample-names';
import type { CoreContext } from '../../platform/context';
import { localDay } from './common';
import { insertFile } from './files';

interface SampleSpec {
  level: number; classNo: number; nth: number; subjects: string[];
  causes: [string, string][]; status: '帮扶中' | '已转化' | '继续帮扶'; tutoring: number;
}

const SPECS: SampleSpec[] = [
  { level: 7, classNo: 1, nth: 4, subjects: ['数学'], causes: [['知识基础', '小学分数运算不熟练，应用题审题困难'], ['学习习惯', '作业拖拉，订正不及时']], status: '帮扶中', tutoring: 4 },
  { level: 7, classNo: 1, nth: 17, subjects: ['英语', '语文'], causes: [['学习动机', '对英语缺乏兴趣，课堂参与少'], ['留守', '父母在外务工，由祖父母照看'], ['家庭', '祖父母年迈，作业无人督促']], status: '帮扶中', tutoring: 1 },
  { level: 7, classNo: 2, nth: 9, subjects: ['数学', '英语'], causes: [['学习方法/思维能力', '死记硬背，不会归纳'], ['心理', '考试焦虑明显，遇难题易放弃']], status: '继续帮扶', tutoring: 3 },
  { level: 8, classNo: 1, nth: 6, subjects: ['物理'], causes: [['知识基础', '力学概念混淆'], ['学习习惯', '上课注意力不集中']], status: '已转化', tutoring: 5 },
  { level: 8, classNo: 2, nth: 21, subjects: ['语文'], causes: [['学习习惯', '阅读量少，书写潦草']], status: '帮扶中', tutoring: 0 },
  { level: 9, classNo: 1, nth: 12, subjects: ['数学', '物理', '化学'], causes: [['知识基础', '初二函数内容基础薄弱'], ['学习动机', '对升学信心不足']], status: '已转化', tutoring: 6 },
];

export function addSampleStrugglingFiles(ctx: CoreContext, termId: number): void {
  const { db } = ctx;
  const term = db.prepare('SELECT start_date FROM term WHERE id = ?').get(termId) as { start_date: string } | undefined;
  if (!term) return;
  const today = localDay(ctx.now());
  // Entries never lie in the future: dates after today are pulled back to today.
  const day = (offset: number) => { const d = addDays(term.start_date, offset); return d > today ? today : d; };
  const subjectId = new Map((db.prepare('SELECT id, name FROM subject').all() as { id: number; name: string }[]).map((s) => [s.name, s.id]));
  const classRow = db.prepare('SELECT class_id AS id, head_teacher_id FROM class_in_term WHERE term_id = ? AND level = ? AND class_no = ? AND active');
  const nthStudent = db.prepare('SELECT id FROM student WHERE class_id = ? ORDER BY student_no LIMIT 1 OFFSET ?');
  const teacherOf = db.prepare('SELECT t.id, t.name FROM teaching_assignment a JOIN teacher t ON t.id = a.teacher_id WHERE a.term_id = ? AND a.class_id = ? AND a.subject_id = ? ORDER BY a.id LIMIT 1');
  const cause = db.prepare('INSERT INTO struggling_cause (file_id, dimension, note) VALUES (?, ?, ?)');
  const entry = db.prepare('INSERT INTO struggling_entry (file_id, kind, entry_date, who, way, content, minutes, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const plan = db.prepare(
    `UPDATE struggling_file SET goal = ?, measures = ?, plan_time = ?, plan_place = ?, plan_content = ?, plan_teacher = ?, plan_measures = ?,
       plan_check = ?, summary = ?, opened_on = ? WHERE id = ?`,
  );
  const close = db.prepare('UPDATE struggling_file SET status = ?, closed_on = ? WHERE id = ?');
  const history = db.prepare('INSERT INTO struggling_status (file_id, change_date, from_status, to_status, note, operator) VALUES (?, ?, ?, ?, ?, ?)');
  const now = ctx.now().toISOString();

  for (const s of SPECS) {
    const cls = classRow.get(termId, s.level, s.classNo) as { id: number; head_teacher_id: number | null } | undefined;
    const student = cls && (nthStudent.get(cls.id, s.nth) as { id: number } | undefined);
    if (!cls || !student) continue;
    // Everyday names (英语) map to the national list (外语(英语)).
    const subjects = s.subjects.map((n) => subjectId.get(n) ?? subjectId.get(SUBJECT_ALIASES[n] ?? '')).filter((x): x is number => x !== undefined);
    const teacher = subjects.length ? (teacherOf.get(termId, cls.id, subjects[0]) as { id: number; name: string } | undefined) : undefined;
    const fileId = insertFile(ctx, {
      termId, studentId: student.id, classId: cls.id, source: 'exam', examId: null, subjectIds: subjects,
      teacherId: teacher?.id ?? null, headTeacherId: cls.head_teacher_id,
    });
    const who = teacher?.name ?? null;
    const subjectText = s.subjects.join('、');
    plan.run(
      `${subjectText}期末达到及格线，作业按时完成`, `每周两次课后个别辅导；课堂多提问、作业面批；与家长每月沟通一次`,
      '每周二、四下午课后服务时段', '本班教室', `${subjectText}基础知识查漏补缺`, who, '面批作业、分层练习、同伴互助', '每月检查一次辅导记录与作业',
      s.status === '帮扶中' ? null : `本学期${subjectText}成绩稳步提高，学习习惯明显改善。`, day(14), fileId,
    );
    db.prepare('UPDATE struggling_status SET change_date = ? WHERE file_id = ?').run(day(14), fileId);
    for (const [dimension, note] of s.causes) cause.run(fileId, dimension, note);
    for (let k = 0; k < s.tutoring; k++) {
      entry.run(fileId, 'tutoring', day(16 + k * 7), who, null, `${s.subjects[k % s.subjects.length]}：错题讲解与同类题练习`, 40, k % 2 ? '能独立完成同类题' : '基本掌握', now);
    }
    if (s.tutoring >= 3) {
      entry.run(fileId, 'contact', day(30), who, '家访', '了解家庭学习环境，商定家庭作业督促办法', null, '家长表示配合，每晚检查作业', now);
      entry.run(fileId, 'review', day(60), null, null, '单元测验成绩较建档时提高', null, '继续巩固基础，增加综合题训练', now);
    }
    if (s.status !== '帮扶中') {
      const date = day(100);
      close.run(s.status, s.status === '已转化' ? date : null, fileId);
      history.run(fileId, date, '帮扶中', s.status, s.status === '已转化' ? '期中考试各科及格' : '有进步，仍需巩固', ctx.operator());
    }
  }
}
