/**
 * The sample school's inspection: the built-in 2017 framework over all its school years, the visit six weeks
 * ahead, the three teacher indicators and the courses already written up, so the readiness view shows what a
 * clerk sees a month before the visit (some complete, most still missing, the training figure below standard).
 */
import { addDaysIso } from '../../../../shared/domain/dates';
import type { CoreContext } from '../../platform/context';
import { todayOf } from '../../platform/staff';
import { saveInspection } from './inspections';

const SELF_TEXT: Record<string, string> = {
  '一-1': '我校专任教师学历全部达到国家规定，本科及以上学历教师逐年增加，每百名学生拥有高于规定学历教师数连续三个学年达到标准。',
  '一-2': '学校重视骨干教师培养，县级以上骨干教师按学科均衡分布，每百名学生拥有县级以上骨干教师数达到标准。',
  '一-3': '体育、音乐、美术专任教师配备齐全，每百名学生拥有体育、艺术专任教师数达到标准。',
  '三-7': '学校严格执行国家课程方案，按课表开齐开足各门课程，综合实践活动每周安排，教务处每学期检查开课情况。',
};

export function addSampleInspection(ctx: CoreContext): void {
  const today = todayOf(ctx.now());
  const yearIds = (ctx.db.prepare('SELECT id FROM school_year ORDER BY start_year').all() as { id: number }[]).map((y) => y.id);
  const id = saveInspection(ctx, {
    name: `${today.slice(0, 4)}年县域义务教育优质均衡发展督导评估（示例）`, visitDate: addDaysIso(today, 42), schoolYearIds: yearIds,
    framework: { kind: 'builtin', key: 'quality-2017' },
  });
  const set = ctx.db.prepare('UPDATE inspection_indicator SET self_text = ? WHERE inspection_id = ? AND code = ?');
  for (const [code, text] of Object.entries(SELF_TEXT)) set.run(text, id, code);
  ctx.db.prepare('UPDATE inspection SET overall_text = ? WHERE id = ?').run(
    '我校以创建义务教育优质均衡发展学校为契机，对照评估指标逐项自查。\n学校资源配置达到标准，课程开齐开足，作业管理规范；教师培训按五年周期推进，个别教师学时进度偏慢，已制订补学计划。',
    id,
  );
}
