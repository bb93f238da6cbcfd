/**
 * Sample records for the demo school: observations across the first months of the term (each observer near
 * their quota pace, observed lessons taken from the timetable) and teaching-research activities of every 教研组
 * (about two a month, most members attending). Deterministic and fast: prepared statements, one transaction.
 */
import type { CoreContext } from '../../platform/context';
import { addDays, Rng } from '../../platform/sample-names';
import { OBSERVATION_ITEMS, OBSERVATION_KINDS, levelForTotal, observationTotal, type ObservationScores } from '../../../../shared/domain/routine/observation';
import { quotaFor } from '../../../../shared/domain/routine/quota';
import { weekdayOf } from '../../../../shared/domain/timetable/taught';
import { groupMembership, loadTerm, todayOf } from '../../platform/staff';
import { roleQuotas } from '../observations/service';

const COMMENTS = ['目标明确，环节清晰，学生参与度高', '重难点把握准确，板书设计合理', '注重启发引导，课堂气氛活跃', '教学语言规范，时间分配合理'];
const SUGGESTIONS = ['小组合作可再给足时间', '练习的层次性可以再加强', '关注后排学生的参与', '课堂小结可以由学生完成'];
const TOPICS = ['单元复习课', '新授：概念引入', '习题讲评', '实验探究', '阅读指导'];
const RESEARCH_TOPICS = ['新课标学习与解读', '单元整体教学设计研讨', '作业设计与“双减”落实', '公开课评议', '期中质量分析', '学困生转化经验交流'];

export function addSampleRoutineMonthly(ctx: CoreContext, termId: number): { observations: number; activities: number } {
  const { db } = ctx;
  const term = loadTerm(db, termId);
  const rng = new Rng(termId * 7919 + 20250901);
  // Up to today when today is inside the term, else the first ten weeks (a demo of a term in progress).
  const today = todayOf(ctx.now());
  const tenWeeks = addDays(term.startDate, 10 * 7 - 1);
  const until = today >= term.startDate && today <= term.endDate ? today : tenWeeks;
  const days: string[] = [];
  for (let d = term.startDate; d <= until; d = addDays(d, 1)) if (weekdayOf(d) <= 5) days.push(d);
  if (!days.length) return { observations: 0, activities: 0 };
  const share = days.length / (term.weeks * 5);

  const lessons = db.prepare(
    `SELECT l.day, l.period, l.class_id, a.subject_id, a.teacher_id FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id WHERE l.term_id = ?`,
  ).all(termId) as { day: number; period: number; class_id: number; subject_id: number; teacher_id: number }[];
  const daysByWeekday = new Map<number, string[]>();
  for (const d of days) { const w = weekdayOf(d); daysByWeekday.set(w, [...(daysByWeekday.get(w) ?? []), d]); }
  const teachers = db.prepare(
    `SELECT DISTINCT t.id, t.roles FROM teacher t JOIN teaching_assignment a ON a.teacher_id = t.id WHERE a.term_id = ? AND t.archived = 0`,
  ).all(termId) as { id: number; roles: string }[];
  const q = roleQuotas(db, termId);
  const now = ctx.now().toISOString();
  let observations = 0;
  let activities = 0;
  db.transaction(() => {
    const ins = db.prepare(
      `INSERT INTO observation (term_id, date, period, class_id, subject_id, teacher_id, observer_id, topic, kind, score_goal, score_content, score_method,
        score_participation, score_effect, score_skill, total, level, comments, suggestions, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const t of teachers) {
      const quota = quotaFor(JSON.parse(t.roles || '[]'), q, null).quota;
      // Most keep pace, some lag behind (so the progress view has at-risk and short people).
      const pace = rng.weighted([[1.15, 6], [0.95, 3], [0.55, 1]] as const);
      const n = Math.round(quota * share * pace);
      // Draw lessons until n observations are made (a teacher does not observe their own lessons).
      for (let k = 0, tries = 0; k < n && tries < n * 20; tries++) {
        const l = rng.pick(lessons);
        if (!l || l.teacher_id === t.id) continue;
        const dates = daysByWeekday.get(l.day);
        if (!dates?.length) continue;
        k++;
        const scores: ObservationScores = {};
        for (const it of OBSERVATION_ITEMS) scores[it.key] = Math.max(0, it.max - rng.int(0, Math.ceil(it.max * 0.3)));
        const total = observationTotal(scores)!;
        ins.run(termId, rng.pick(dates), l.period, l.class_id, l.subject_id, l.teacher_id, t.id, rng.pick(TOPICS),
          rng.weighted([[OBSERVATION_KINDS[0], 6], [OBSERVATION_KINDS[1], 2], [OBSERVATION_KINDS[4], 2], [OBSERVATION_KINDS[3], 1]] as const),
          scores.goal, scores.content, scores.method, scores.participation, scores.effect, scores.skill, total, levelForTotal(total),
          rng.pick(COMMENTS), rng.pick(SUGGESTIONS), now, now);
        observations++;
      }
    }

    const mem = groupMembership(db, termId);
    const insAct = db.prepare('INSERT INTO research_activity (term_id, group_id, date, topic, host_id, location, minutes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insAtt = db.prepare('INSERT INTO research_attendance (activity_id, teacher_id) VALUES (?, ?)');
    const leaders = new Map((db.prepare('SELECT id, leader_id FROM teaching_group').all() as { id: number; leader_id: number | null }[]).map((g) => [g.id, g.leader_id]));
    for (const g of mem.groups.values()) {
      if (g.kind !== '教研组' || !g.memberIds.length) continue;
      // Every other week on the group's fixed weekday.
      const weekday = rng.int(1, 5);
      const dates = (daysByWeekday.get(weekday) ?? []).filter((_, i) => i % 2 === 1);
      for (const date of dates) {
        const topic = rng.pick(RESEARCH_TOPICS);
        const host = leaders.get(g.id) ?? rng.pick(g.memberIds);
        const id = Number(insAct.run(termId, g.id, date, topic, host, '教研活动室', `围绕“${topic}”开展研讨，形成改进意见。`, now, now).lastInsertRowid);
        for (const m of g.memberIds) if (m === host || rng.chance(0.9)) insAtt.run(id, m);
        activities++;
      }
    }
    ctx.audit('routineMonthly', 'loadSample', { entityId: termId, summary: `示例听课记录 ${observations} 条、教研活动 ${activities} 次` });
  })();
  return { observations, activities };
}
