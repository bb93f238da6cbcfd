/**
 * The teacher indicators of 县域义务教育优质均衡发展督导评估 (教督〔2017〕6号) that the school's teacher records
 * decide, for one school year. Pure: the screen, the printout and the inspection dossier all read this.
 *
 * Ratios per 100 students are compared exactly, in integers: "x per 100 >= 4.2" is count x 1000 >= 42 x
 * students, so 42 teachers for 1,000 students is met, 41 is not (no floating-point edge).
 *
 * A nine-year school (九年一贯制) has a primary and a middle part with different standards. Its degree standard
 * is the student-weighted one, (4.2 x primary + 5.3 x middle students) / 100 teachers, and a teacher counts
 * as "above the required degree" with 专科 or higher when teaching only primary grades, with 本科 or higher
 * when teaching any middle grade (the stricter rule where the teacher's part is mixed).
 */
import type { SchoolType } from '../constants';

export const INDICATOR_KEYS = ['degree', 'backbone', 'peArts', 'certified', 'training'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export const INDICATOR_LABEL: Record<IndicatorKey, string> = {
  degree: '每百名学生拥有高于规定学历教师数',
  backbone: '每百名学生拥有县级及以上骨干教师数',
  peArts: '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
  certified: '教师持证上岗率',
  training: '教师5年360学时培训完成率',
};

const PRIMARY_DEGREES = ['研究生', '本科', '专科'];
const MIDDLE_DEGREES = ['研究生', '本科'];
const BACKBONE = ['县级', '市级', '省级'];

export interface IndicatorTeacher {
  id: number; name: string;
  degree: string | null; backboneLevel: string | null; isPeArts: boolean; certified: boolean;
  /** Teaches at least one class of grade 7-9 in the year (decides the degree rule in a nine-year school). */
  teachesMiddle: boolean;
  /** The training cycle's figures on the reference day; null when training is not tracked. */
  training: { hours: number; required: number; due: number } | null;
}

export interface IndicatorInput {
  schoolType: SchoolType;
  /** Students of grades 1-6 and 7-9 on the year's roll. */
  primaryStudents: number;
  middleStudents: number;
  teachers: readonly IndicatorTeacher[];
}

export interface IndicatorRow {
  key: IndicatorKey; label: string;
  /** 4.2 / 5.3 / 1 / 0.9 per 100, or 100 (%). */
  standard: number; unit: 'per100' | 'percent';
  standardText: string;
  /** Teachers counted / the denominator (students, or teachers). */
  count: number; denominator: number;
  /** The figure, rounded to 2 decimals for display (per 100, or percent). */
  value: number | null;
  /** true met, false not met, null cannot be decided (no students, or missing data that could change it). */
  met: boolean | null;
  /** The teachers behind the figure (counted ones), and those who are not (for percent indicators: who fails). */
  teachers: { id: number; name: string; detail: string }[];
  shortfalls: { id: number; name: string; detail: string }[];
  /** Missing data that prevents or weakens the figure. */
  missing: { id: number; name: string; field: string }[];
  /** How many more teachers the standard needs (per-100 indicators), 0 when met. */
  needed: number;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

function degreeRule(t: IndicatorTeacher, type: SchoolType): string[] {
  if (type === '小学') return PRIMARY_DEGREES;
  if (type === '初中') return MIDDLE_DEGREES;
  return t.teachesMiddle ? MIDDLE_DEGREES : PRIMARY_DEGREES;
}

/** A per-100 indicator: met when count x 1000 >= tenths x students (tenths: 42 for 4.2). */
function per100(key: IndicatorKey, counted: IndicatorTeacher[], students: number, tenthsTimesStudents: number, standard: number, missing: IndicatorRow['missing'], detail: (t: IndicatorTeacher) => string): IndicatorRow {
  const count = counted.length;
  const metNow = students > 0 && count * 1000 >= tenthsTimesStudents;
  // Teachers with missing data could still lift the figure: undecided unless already met.
  const met = students === 0 ? null : metNow ? true : missing.length && (count + missing.length) * 1000 >= tenthsTimesStudents ? null : false;
  const needed = metNow || students === 0 ? 0 : Math.ceil(tenthsTimesStudents / 1000) - count;
  return {
    key, label: INDICATOR_LABEL[key], standard, unit: 'per100', standardText: `≥ ${standard}`,
    count, denominator: students, value: students > 0 ? r2((count * 100) / students) : null, met,
    teachers: counted.map((t) => ({ id: t.id, name: t.name, detail: detail(t) })), shortfalls: [], missing, needed,
  };
}

function percent(key: IndicatorKey, teachers: readonly IndicatorTeacher[], ok: (t: IndicatorTeacher) => boolean | null, detail: (t: IndicatorTeacher) => string, missingField: string): IndicatorRow {
  const counted = teachers.filter((t) => ok(t) === true);
  const failing = teachers.filter((t) => ok(t) === false);
  const missing = teachers.filter((t) => ok(t) === null).map((t) => ({ id: t.id, name: t.name, field: missingField }));
  const n = teachers.length;
  const met = n === 0 ? null : failing.length ? false : missing.length ? null : true;
  return {
    key, label: INDICATOR_LABEL[key], standard: 100, unit: 'percent', standardText: '100%',
    count: counted.length, denominator: n, value: n ? r2((counted.length * 100) / n) : null, met,
    teachers: counted.map((t) => ({ id: t.id, name: t.name, detail: detail(t) })),
    shortfalls: failing.map((t) => ({ id: t.id, name: t.name, detail: detail(t) })), missing, needed: 0,
  };
}

export function teacherIndicators(input: IndicatorInput): IndicatorRow[] {
  const { teachers, schoolType: type } = input;
  const P = input.primaryStudents;
  const M = input.middleStudents;
  const students = P + M;
  // Degree standard in tenths x students: 42 per primary student, 53 per middle student.
  const degreeTenths = type === '小学' ? 42 * students : type === '初中' ? 53 * students : 42 * P + 53 * M;
  const degreeStd = type === '小学' ? 4.2 : type === '初中' ? 5.3 : students ? r2(degreeTenths / (10 * students)) : 4.2;
  const noDegree = teachers.filter((t) => !t.degree).map((t) => ({ id: t.id, name: t.name, field: 'degree' }));
  const degreeOk = teachers.filter((t) => t.degree && degreeRule(t, type).includes(t.degree));
  return [
    per100('degree', degreeOk, students, degreeTenths, degreeStd, noDegree, (t) => t.degree ?? ''),
    per100('backbone', teachers.filter((t) => t.backboneLevel && BACKBONE.includes(t.backboneLevel)), students, 10 * students, 1, [], (t) => `${t.backboneLevel}骨干`),
    per100('peArts', teachers.filter((t) => t.isPeArts), students, 9 * students, 0.9, [], () => '体育/艺术'),
    percent('certified', teachers, (t) => t.certified, (t) => (t.certified ? '持证' : '未持证'), 'certified'),
    percent('training', teachers, (t) => (t.training ? t.training.hours >= t.training.due : null),
      (t) => (t.training ? `${t.training.hours} / ${t.training.required} 学时（应达 ${t.training.due}）` : ''), 'training'),
  ];
}
