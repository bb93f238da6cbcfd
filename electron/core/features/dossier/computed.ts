/**
 * The figures the app computes for an indicator, per school year (teacher indicators, training) or term
 * (courses, homework checks) of the inspection's period. Each reads the function its own page shows, so the
 * dossier, the readiness view and the feature pages agree.
 */
import type { ComputedValue, IndicatorRow } from '../../../../shared/contract';
import { COMPUTED_LABEL } from '../../../../shared/domain/dossier/computed';
import type { ComputedKey } from '../../../../shared/domain/dossier/frameworks';
import type { CoreContext } from '../../platform/context';
import { todayOf } from '../../platform/staff';
import { runCompliance } from '../curriculum/service';
import { listHomeworkChecks } from '../routine-plans/service';
import { yearIndicators } from '../training/service';
import { periodYears } from './period';

type Row = ComputedValue['rows'][number];

const allMet = (rows: Row[]): boolean | null => (rows.some((r) => r.met === false) ? false : rows.length && rows.every((r) => r.met === true) ? true : null);

function teacherRows(ctx: CoreContext, key: Exclude<ComputedKey, 'curriculum' | 'homework'>, yearIds: number[], memo: Map<number, IndicatorRow[]>): Row[] {
  return periodYears(ctx.db, yearIds, todayOf(ctx.now())).map((y) => {
    if (!memo.has(y.id)) memo.set(y.id, yearIndicators(ctx, y.id).rows);
    const r = memo.get(y.id)!.find((x) => x.key === key)!;
    const unit = r.unit === 'percent' ? '%' : ' 人';
    return {
      period: y.name,
      value: r.value === null ? '无法计算' : `${r.value.toFixed(2)}${unit}`,
      standard: r.standardText,
      met: r.met,
      detail: r.unit === 'percent' ? `${r.count} / ${r.denominator} 人` : `${r.count} 名教师 / ${r.denominator} 名学生`,
    };
  });
}

function curriculumRows(ctx: CoreContext, yearIds: number[]): Row[] {
  return periodYears(ctx.db, yearIds, todayOf(ctx.now())).flatMap((y) => y.terms.map((t) => {
    const run = runCompliance(ctx, { termId: t.id, basis: 'timetable' });
    const classes = run.result.classes;
    const ok = classes.filter((c) => c.status === 'ok').length;
    return {
      period: t.name, value: classes.length ? `${ok} / ${classes.length} 个班` : '无课表', standard: '全部班级开齐开足',
      met: classes.length ? ok === classes.length : null,
      detail: classes.length ? (ok === classes.length ? '按课表统计，全部开齐开足' : `未开齐开足：${classes.filter((c) => c.status !== 'ok').map((c) => c.className).slice(0, 6).join('、')}${classes.length - ok > 6 ? ' 等' : ''}`) : '该学期没有课表',
    };
  }));
}

function homeworkRows(ctx: CoreContext, yearIds: number[]): Row[] {
  return periodYears(ctx.db, yearIds, todayOf(ctx.now())).flatMap((y) => y.terms.map((t) => {
    const checks = listHomeworkChecks(ctx, { termId: t.id });
    const over = checks.filter((c) => c.flags.some((f) => f.key === 'overLoad')).length;
    return {
      period: t.name, value: `检查 ${checks.length} 次，超量 ${over} 次`, standard: '无过重课业负担',
      met: checks.length ? over === 0 : null,
      detail: checks.length ? `${new Set(checks.map((c) => c.teacherId)).size} 名教师、${new Set(checks.map((c) => c.classId)).size} 个班` : '该学期没有作业检查记录',
    };
  }));
}

/** One indicator's figure over the period. `memo` shares the year's teacher indicators between keys. */
export function computeValue(ctx: CoreContext, key: ComputedKey, yearIds: number[], memo = new Map<number, IndicatorRow[]>()): ComputedValue {
  const rows = key === 'curriculum' ? curriculumRows(ctx, yearIds) : key === 'homework' ? homeworkRows(ctx, yearIds) : teacherRows(ctx, key, yearIds, memo);
  const met = allMet(rows);
  const failing = rows.filter((r) => r.met === false);
  const shown = failing.length ? failing : rows.slice(-1);
  const summary = shown.map((r) => `${r.period} ${r.value}（${r.standard}）`).join('；') || '无数据';
  return { key, label: COMPUTED_LABEL[key], rows, met, summary };
}
