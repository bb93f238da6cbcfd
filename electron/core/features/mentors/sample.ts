/**
 * Sample mentor pairs for the sample school: in 语文, 数学, 外语(英语) and 物理 the newest teacher is paired with a
 * backbone (else the most senior) teacher of the subject for the current school year, with the default duties
 * and an activity log up to today (nothing dated in the future). Mutual observations are observation records:
 * none is added here, but a few of the mentor's (and the apprentice's) sample observations are moved onto a real
 * lesson of the other in the timetable, so each observer's count (the monthly check's figure) stays the same.
 * Runs inside loadSampleSchool's transaction.
 */
import { DEFAULT_DUTIES } from '../../../../shared/domain/mentors/duties';
import { weekdayOf } from '../../../../shared/domain/timetable/taught';
import type { CoreContext } from '../../platform/context';
import { schoolYearOfTerm, schoolYearSpan } from '../../platform/query';
import { addDays } from '../../platform/sample-names';
import { todayOf } from '../../platform/staff';
import { termOfDate } from './activities';

const SUBJECTS = ['语文', '数学', '外语(英语)', '物理'];
const GOALS = [
  '一年内站稳讲台：熟悉课标与教材，独立完成单元教学设计，课堂教学达到“良”以上。',
  '提高课堂驾驭能力与作业设计水平，学期末上一节合格的汇报课。',
  '形成规范的听说教学流程，能独立命制单元测试题。',
  '掌握实验教学规范，能独立组织分组实验，撰写一篇教学案例。',
];

export function addSampleMentors(ctx: CoreContext, termId: number): void {
  const { db } = ctx;
  const yearId = schoolYearOfTerm(db, termId);
  if (!yearId) return;
  const span = schoolYearSpan(db, yearId);
  const today = todayOf(ctx.now());
  const now = ctx.now().toISOString();
  const bySubject = db.prepare(
    `SELECT t.id, t.backbone_level FROM teacher t JOIN subject s ON s.id = t.subject_id WHERE s.name = ? AND t.archived = 0 ORDER BY t.hire_date, t.id`,
  );
  const subjectId = db.prepare('SELECT id FROM subject WHERE name = ?');
  const insPair = db.prepare(`INSERT INTO mentor_pair (mentor_id, apprentice_id, subject_id, start_date, end_date, goals, status, signed_on, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, '进行中', ?, ?, ?)`);
  const insDuty = db.prepare('INSERT INTO mentor_pair_duty (pair_id, key, per, target) VALUES (?, ?, ?, ?)');
  const insAct = db.prepare('INSERT INTO mentor_activity (pair_id, term_id, kind, date, title, score, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const lessonsOf = db.prepare(
    `SELECT l.day, l.period, l.class_id, a.subject_id FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id
     WHERE l.term_id = ? AND a.teacher_id = ? ORDER BY l.day, l.period, l.class_id`,
  );
  const observationsBy = db.prepare('SELECT id, date FROM observation WHERE term_id = ? AND observer_id = ? AND date <= ? ORDER BY date, id');
  const retarget = db.prepare('UPDATE observation SET teacher_id = ?, class_id = ?, subject_id = ?, period = ?, date = ? WHERE id = ?');
  /** Moves up to n of the observer's observations onto lessons of the observed teacher on the same week. */
  const moveObservations = (observerId: number, teacherId: number, n: number) => {
    const lessons = lessonsOf.all(termId, teacherId) as { day: number; period: number; class_id: number; subject_id: number }[];
    if (!lessons.length) return;
    const own = observationsBy.all(termId, observerId, today) as { id: number; date: string }[];
    own.slice(0, n).forEach((o, k) => {
      const l = lessons[k % lessons.length];
      // The lesson's weekday in the week of the observation's date (Monday-based), never after today.
      const date = addDays(o.date, l.day - weekdayOf(o.date));
      if (date <= today && date >= span.from) retarget.run(teacherId, l.class_id, l.subject_id, l.period, date, o.id);
    });
  };
  SUBJECTS.forEach((name, i) => {
    const teachers = bySubject.all(name) as { id: number; backbone_level: string }[];
    if (teachers.length < 2) return;
    const apprentice = teachers[teachers.length - 1];
    const mentor = teachers.find((t) => t.backbone_level !== '无' && t.id !== apprentice.id) ?? teachers[0];
    const sid = (subjectId.get(name) as { id: number } | undefined)?.id ?? null;
    const pairId = Number(insPair.run(mentor.id, apprentice.id, sid, span.from, span.to, GOALS[i], addDays(span.from, 6), now, now).lastInsertRowid);
    for (const d of DEFAULT_DUTIES) insDuty.run(pairId, d.key, d.per, d.target);
    // Mutual observations, fewer for the later pairs (the programme has pairs on track and pairs behind).
    moveObservations(mentor.id, apprentice.id, 7 - 2 * i);
    moveObservations(apprentice.id, mentor.id, 6 - 2 * i);
    // A log that thins out for the later pairs, so the programme has pairs on track and pairs behind.
    const log: [number, string, string, number | null][] = [
      [9, 'guidance', '制订师徒结对学期计划，指导第一单元教学设计', null],
      [16, 'reflection', '第一单元教学反思', null],
      [23, 'guidance', '共同备课：作业设计与分层', null],
      [30, 'reflection', '课堂提问的有效性反思', null],
      [37, 'guidance', '评课：导入环节与时间分配', null],
      [41, 'reportLesson', '汇报课（第一次）', 78 + i * 4],
      [58, 'reflection', '汇报课后的反思', null],
      [72, 'guidance', '期中质量分析与改进', null],
    ];
    for (const [offset, kind, title, score] of log.slice(0, log.length - i * 2)) {
      const date = addDays(span.from, offset);
      if (date > today) continue;
      const tid = termOfDate(db, date);
      if (tid) insAct.run(pairId, tid, kind, date, title, score, null, now);
    }
  });
}
