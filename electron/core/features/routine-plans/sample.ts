/**
 * Sample routine records for the sample school: one month of plan checks and homework checks, a few lesson
 * plans and the month's collective preparation sessions. Deterministic (seeded) and written with prepared
 * statements in the caller's transaction; one audit line sums it up.
 */
import { aheadOf, expectedPeriods, teachingWeekOf } from '../../../../shared/domain/routine/plan-check';
import { findNorm } from '../../../../shared/domain/routine/homework';
import { gradeFor, scoreRubric } from '../../../../shared/domain/routine/standards';
import type { Rubric } from '../../../../shared/contract';
import type { CoreContext } from '../../platform/context';
import { Rng } from '../../platform/sample-names';
import { listAssignments } from '../assignments/service';
import { addDays, termInfo } from './common';
import { getHomeworkNorms, getLoadRules, getStandards } from './standards';

const TOPICS: Record<string, string[]> = {
  语文: ['春', '济南的冬天', '雨的四季', '《论语》十二章', '秋天的怀念', '散步', '咏雪', '陈太丘与友期'],
  数学: ['有理数的加法', '有理数的减法', '整式的加减', '一元一次方程', '解方程——去括号', '实际问题与方程', '几何图形', '直线、射线、线段'],
  '外语(英语)': ['Unit 1 Section A', 'Unit 1 Section B', 'Unit 2 Section A', 'Unit 2 Section B', 'Unit 3 Grammar Focus', 'Unit 3 Writing'],
  物理: ['声音的产生与传播', '声音的特性', '温度', '熔化和凝固', '光的直线传播', '光的反射'],
  化学: ['物质的变化和性质', '走进化学实验室', '空气', '氧气', '分子和原子', '水的组成'],
};
const CHECKERS = ['教导处', '教务处', '分管副校长'];
const PLAN_COMMENTS = ['备课认真，环节完整，重难点突出', '教学目标具体，二次备课有个人思考', '教案详实，反思有深度', '环节较完整，反思偏少', '部分课时为简案，需补充教学过程'];
const PLAN_FIXES = ['补齐本周教案，下周复查', '补写教学反思', '简案改为详案，补充教学过程设计'];
const HW_PROBLEMS = ['批改次数不足', '未注明批改日期', '缺少激励性评语', '订正后未二次批改'];

function scores(rng: Rng, rubric: Rubric, quality: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of rubric.items) out[i.key] = Math.max(0, Math.min(i.maxScore, Math.round(i.maxScore * (quality + (rng.next() - 0.5) * 0.12))));
  return out;
}

/** Adds the sample month for the term; returns counts. Call inside the sample school's transaction. */
export function addSampleRoutinePlans(ctx: CoreContext, termId: number): { planChecks: number; homeworkChecks: number; lessonPlans: number; collectivePreps: number } {
  const { db } = ctx;
  const rng = new Rng(20250915);
  const term = termInfo(db, termId);
  const standards = getStandards(ctx, termId);
  const planRubric = standards.rubrics.find((r) => r.kind === 'planCheck')!;
  const hwRubric = standards.rubrics.find((r) => r.kind === 'homeworkCheck')!;
  const norms = getHomeworkNorms(db, termId);
  const rules = getLoadRules(db, termId);
  const stamp = ctx.now().toISOString();
  const today = stamp.slice(0, 10);

  // The check date: the last Friday on or before today, kept inside the term and at least four weeks in.
  let checkDate = [today, term.endDate].sort()[0];
  if (checkDate < addDays(term.startDate, 25)) checkDate = addDays(term.startDate, 25);
  while (new Date(checkDate + 'T00:00:00Z').getUTCDay() !== 5) checkDate = addDays(checkDate, -1);
  const month = checkDate.slice(0, 7);
  const currentWeek = teachingWeekOf(term.startDate, term.teachingWeeks, checkDate) ?? term.teachingWeeks;

  const assignments = listAssignments(db, termId).filter((a) => TOPICS[a.subjectName] && a.weeklyPeriods > 0);
  const sizes = new Map((db.prepare("SELECT class_id, COUNT(*) n FROM student WHERE archived = 0 GROUP BY class_id").all() as { class_id: number; n: number }[]).map((r) => [r.class_id, r.n]));

  // Plan checks: one per assignment of the main subjects; most teachers a week ahead, a few behind.
  const insPlanCheck = db.prepare(
    `INSERT INTO plan_check (term_id, teacher_id, subject_id, class_id, check_date, weekly_periods, periods_expected, periods_planned, detail_level,
       second_round_count, reflections_count, item_scores, score, grade, checker, comment, fix_required, fix_status, fix_done_date, fix_note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let planChecks = 0;
  for (const a of assignments) {
    const expected = expectedPeriods(a.weeklyPeriods, term.startDate, term.teachingWeeks, checkDate);
    const behind = rng.chance(0.12);
    const planned = Math.max(0, expected + (behind ? -rng.int(1, a.weeklyPeriods) : a.weeklyPeriods * rng.int(1, 2)));
    const ahead = aheadOf(planned, expected, a.weeklyPeriods, a.weeklyPeriods * term.teachingWeeks);
    const quality = ahead.notAhead ? 0.62 + rng.next() * 0.15 : 0.8 + rng.next() * 0.18;
    const items = scores(rng, planRubric, quality);
    const total = scoreRubric(planRubric, items).total;
    const needsFix = ahead.notAhead || total < 80;
    const fixDone = needsFix && rng.chance(0.4);
    insPlanCheck.run(
      termId, a.teacherId, a.subjectId, a.classId, checkDate, a.weeklyPeriods, expected, planned, rng.chance(0.85) ? '详案' : '简案',
      Math.round(planned * (0.3 + rng.next() * 0.5)), Math.max(0, Math.round(planned * (0.4 + rng.next() * 0.5))), JSON.stringify(items), total,
      gradeFor(total, planRubric.bands), rng.pick(CHECKERS), needsFix ? PLAN_COMMENTS[3 + rng.int(0, 1)] : PLAN_COMMENTS[rng.int(0, 2)],
      needsFix ? rng.pick(PLAN_FIXES) : null, needsFix ? (fixDone ? 'done' : 'open') : 'none', fixDone ? addDays(checkDate, 3) : null,
      fixDone ? '已补齐，复查合格' : null, stamp, stamp,
    );
    planChecks++;
  }

  // Homework checks: the month's marking (4 weeks) per assignment with a norm; essays as well for 语文.
  const insHw = db.prepare(
    `INSERT INTO homework_check (term_id, teacher_id, subject_id, class_id, check_date, homework_type, weeks_covered, class_size, books_checked,
       times_set, times_marked, all_marked, on_time, date_written, comments_encouraging, comments_guiding, corrections, remarked, tiered, load_ok,
       minutes_per_day, item_scores, score, grade, checker, problems, fix_required, fix_status, fix_done_date, fix_note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 4, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let homeworkChecks = 0;
  for (const a of assignments) {
    const types = a.subjectName === '语文' && a.gradeLevel >= 3 ? (['家庭作业', '作文'] as const) : ([a.gradeLevel <= rules.noWrittenUpToGrade ? '课堂作业' : '家庭作业'] as const);
    for (const type of types) {
      const norm = findNorm(norms, a.subjectId, a.gradeLevel, type);
      if (!norm) continue;
      const weak = rng.chance(0.15);
      const need = Math.ceil(norm.minPerWeek * 4);
      const marked = weak ? Math.max(1, need - rng.int(1, 3)) : need + rng.int(0, Math.round(norm.minPerWeek));
      const set = marked + (weak ? rng.int(1, 2) : rng.int(0, 1));
      const size = sizes.get(a.classId) ?? 50;
      const books = rng.chance(0.6) ? size : Math.min(size, 10 + rng.int(0, 5));
      const quality = weak ? 0.62 + rng.next() * 0.15 : 0.8 + rng.next() * 0.18;
      const items = scores(rng, hwRubric, quality);
      const total = scoreRubric(hwRubric, items).total;
      const problem = weak ? HW_PROBLEMS[0] : total < 85 ? rng.pick(HW_PROBLEMS.slice(1)) : null;
      const fixDone = problem != null && rng.chance(0.4);
      insHw.run(
        termId, a.teacherId, a.subjectId, a.classId, checkDate, type, size, books, set, marked, weak ? 0 : 1, rng.chance(0.9) ? 1 : 0,
        rng.chance(0.8) ? 1 : 0, rng.chance(0.85) ? 1 : 0, rng.chance(0.7) ? 1 : 0, rng.chance(0.9) ? 1 : 0, rng.chance(0.7) ? 1 : 0,
        rng.chance(0.5) ? 1 : 0, 1, type === '作文' ? null : (a.gradeLevel >= 7 ? 15 : 10) + rng.int(0, 10), JSON.stringify(items), total,
        gradeFor(total, hwRubric.bands), rng.pick(CHECKERS), problem, problem ? `针对“${problem}”限期整改` : null,
        problem ? (fixDone ? 'done' : 'open') : 'none', fixDone ? addDays(checkDate, 5) : null, fixDone ? '已整改' : null, stamp, stamp,
      );
      homeworkChecks++;
    }
  }

  // Lesson plans: the first class of one teacher per main subject, weeks around the check.
  const insPlan = db.prepare(
    `INSERT INTO lesson_plan (term_id, teacher_id, subject_id, class_id, topic, lesson_type, periods, week, date, objectives, key_points,
       difficult_points, aids, process, board_design, homework_design, reflection, second_round, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let lessonPlans = 0;
  const seen = new Set<string>();
  for (const a of assignments) {
    if (seen.has(a.subjectName)) continue;
    seen.add(a.subjectName);
    TOPICS[a.subjectName].slice(0, 5).forEach((topic, i) => {
      const week = Math.max(1, currentWeek - 2 + Math.floor(i / 2));
      const date = addDays(term.startDate, (week - 1) * 7 + (i % 2) * 2);
      const past = date <= checkDate;
      insPlan.run(
        termId, a.teacherId, a.subjectId, a.classId, topic, i === 4 ? '练习' : '新授', i === 2 ? 2 : 1, week, date,
        `1. 理解《${topic}》的主要内容。\n2. 掌握本课的基本知识与方法。\n3. 培养合作探究的习惯。`,
        `${topic}的核心概念`, `运用${topic}的知识解决问题`, '多媒体课件、学案',
        '一、情境导入（5分钟）\n二、新知探究（20分钟）\n三、巩固练习（10分钟）\n四、课堂小结（5分钟）',
        `${topic}\n要点一\n要点二`, '基础题：课本练习；提高题：学案拓展（选做）',
        past ? '学生参与积极，练习环节时间略紧，下节课调整。' : null, rng.chance(0.6) ? '结合本班学情，增加一道分层练习。' : null, stamp, stamp,
      );
      lessonPlans++;
    });
  }

  // Collective preparation: each 备课组 meets weekly in the check month up to the check date.
  const groups = db.prepare(`SELECT id, name, leader_id FROM teaching_group WHERE kind = '备课组' AND archived = 0
    AND school_year_id = (SELECT school_year_id FROM term WHERE id = ?) ORDER BY id`).all(termId) as { id: number; name: string; leader_id: number | null }[];
  const memberStmt = db.prepare('SELECT teacher_id FROM teaching_group_member WHERE group_id = ? ORDER BY teacher_id');
  const insPrep = db.prepare(
    `INSERT INTO collective_prep (term_id, group_id, date, fixed_time, place, content, topic, lead_teacher_id, outcome, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insAtt = db.prepare('INSERT INTO collective_prep_attendee (prep_id, teacher_id) VALUES (?, ?)');
  let collectivePreps = 0;
  const weekdayNames = ['一', '二', '三', '四', '五'];
  groups.forEach((g, gi) => {
    const members = (memberStmt.all(g.id) as { teacher_id: number }[]).map((r) => r.teacher_id);
    if (!members.length) return;
    const weekday = gi % 5; // Monday..Friday, spread over the week
    let d = `${month}-01`;
    while ((new Date(d + 'T00:00:00Z').getUTCDay() + 6) % 7 !== weekday) d = addDays(d, 1);
    for (let n = 0; d <= checkDate && d.slice(0, 7) === month; d = addDays(d, 7), n++) {
      if (d < term.startDate) continue;
      const lead = members[n % members.length];
      const prepId = Number(insPrep.run(
        termId, g.id, d, `每周${weekdayNames[weekday]}下午第7节`, '年级备课室', `第${(teachingWeekOf(term.startDate, term.teachingWeeks, d) ?? 1) + 1}周教学内容`,
        `${g.name.replace('备课组', '')}第${(teachingWeekOf(term.startDate, term.teachingWeeks, d) ?? 1) + 1}周单元备课`, lead,
        '统一了教学进度与重难点，确定了分层作业设计。', stamp, stamp,
      ).lastInsertRowid);
      for (const t of members) if (t === lead || !rng.chance(0.08)) insAtt.run(prepId, t);
      collectivePreps++;
    }
  });

  ctx.audit('routine', 'loadSample', {
    entityId: termId,
    summary: `载入示例教学常规记录：教案检查 ${planChecks} 条、作业检查 ${homeworkChecks} 条、教案 ${lessonPlans} 篇、集体备课 ${collectivePreps} 次`,
  });
  return { planChecks, homeworkChecks, lessonPlans, collectivePreps };
}
