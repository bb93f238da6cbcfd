/**
 * Timetabling rules (排课规则): the constraints the generator honours, kept per term as rows of (kind, scope,
 * params, weight). Hard kinds are never broken; soft kinds carry a weight 0-100 (0 = off). A row scoped to the
 * school is the default; rows scoped to a subject, grade, class, teacher or teaching group override it, the most
 * specific winning (class > teacher > subject > grade > group > school).
 *
 * The defaults (what a new term's constraints page shows) follow common practice in Chinese schools and
 * domain.md: at most two lessons of a subject a day; 作文 as a double period of 语文 from grade 3 and a double
 * period of 美术 where a class has two; 班会 on Friday's last period; each 教研组 a weekly 教研 half-day where its
 * teachers can spare one; 语数英 in the morning; 体育 neither first thing nor right after lunch; teachers at most
 * 4 lessons a day, 3 in a row.
 */

export const RULE_SCOPES = ['school', 'grade', 'group', 'subject', 'teacher', 'class'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];

export const HARD_RULE_KINDS = ['subjectDailyMax', 'doublePeriods', 'fixedEvent', 'combinedClasses', 'needsRoom'] as const;
export const SOFT_RULE_KINDS = [
  'morningSubject', 'spreadWeek', 'avoidFirstAfternoon', 'avoidFirstMorning', 'teacherDailyMax', 'teacherMaxConsecutive',
  'teacherGaps', 'classBalance', 'commonPrep', 'teacherWish',
] as const;
export const RULE_KINDS = [...HARD_RULE_KINDS, ...SOFT_RULE_KINDS] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface RuleParams {
  /** subjectDailyMax, teacherDailyMax, teacherMaxConsecutive. */
  max?: number;
  /** doublePeriods: double periods a week per class; combinedClasses: combined lessons a week. */
  count?: number;
  /** doublePeriods: the grades it applies to (empty = all). */
  grades?: number[];
  /** spreadWeek: lessons of a subject fewer than this many days apart count as bunched (1 = same day only). */
  minDays?: number;
  /** fixedEvent: its name (班会, 升旗, 教研活动...), day (1-based) and periods (1-based). */
  name?: string;
  day?: number;
  periods?: number[];
  /** combinedClasses: the assignments taught together (same subject, different classes). */
  assignmentIds?: number[];
  /** teacherWish: slots the teacher would rather not teach. */
  slots?: { day: number; period: number }[];
}

export interface Rule {
  id?: number;
  kind: RuleKind;
  scope: RuleScope;
  /** The subject, grade level, class, teacher or group id; null for the school. */
  scopeId: number | null;
  params: RuleParams;
  /** Soft rules: 0-100 (0 = off). Hard rules: 100. */
  weight: number;
  enabled: boolean;
}

export const isHardKind = (k: RuleKind) => (HARD_RULE_KINDS as readonly string[]).includes(k);

/** Which scopes each kind accepts (the page offers these; validation refuses others). */
export const KIND_SCOPES: Record<RuleKind, readonly RuleScope[]> = {
  subjectDailyMax: ['school', 'subject', 'class'],
  doublePeriods: ['subject'],
  fixedEvent: ['school', 'grade', 'group'],
  combinedClasses: ['school'],
  needsRoom: ['subject'],
  morningSubject: ['subject'],
  spreadWeek: ['school', 'subject', 'class'],
  avoidFirstAfternoon: ['subject'],
  avoidFirstMorning: ['subject'],
  teacherDailyMax: ['school', 'teacher'],
  teacherMaxConsecutive: ['school', 'teacher'],
  teacherGaps: ['school', 'teacher'],
  classBalance: ['school', 'grade', 'class'],
  commonPrep: ['school', 'group'],
  teacherWish: ['teacher'],
};

/** Kinds whose school row is the default the others override (the rest are lists of rows). */
export const DEFAULTED_KINDS: readonly RuleKind[] = [
  'subjectDailyMax', 'spreadWeek', 'teacherDailyMax', 'teacherMaxConsecutive', 'teacherGaps', 'classBalance', 'commonPrep',
];

export interface RuleContext {
  subjects: { id: number; code: string | null; name: string }[];
  groups: { id: number; kind: '教研组' | '备课组'; name: string; subjectId: number | null; teacherLoads: number[] }[];
  daysPerWeek: number;
  periods: { no: number; part: 'morning' | 'afternoon' }[];
  /** Subjects some room is linked to. */
  roomSubjectIds: number[];
}

const SPECIFICITY: Record<RuleScope, number> = { class: 5, teacher: 4, subject: 3, grade: 2, group: 1, school: 0 };

/** The rule of `kind` that applies to a lesson: the most specific enabled row whose scope matches. */
export function resolveRule(rules: Rule[], kind: RuleKind, at: { classId?: number; teacherId?: number; subjectId?: number; grade?: number; groupIds?: number[] }): Rule | null {
  let best: Rule | null = null;
  for (const r of rules) {
    if (r.kind !== kind || !r.enabled) continue;
    const match = r.scope === 'school'
      || (r.scope === 'class' && r.scopeId === at.classId)
      || (r.scope === 'teacher' && r.scopeId === at.teacherId)
      || (r.scope === 'subject' && r.scopeId === at.subjectId)
      || (r.scope === 'grade' && r.scopeId === at.grade)
      || (r.scope === 'group' && r.scopeId != null && (at.groupIds ?? []).includes(r.scopeId));
    if (match && (!best || SPECIFICITY[r.scope] > SPECIFICITY[best.scope])) best = r;
  }
  return best;
}

/** The school's default rules for a term. */
export function defaultRules(ctx: RuleContext): Rule[] {
  const byCode = new Map(ctx.subjects.filter((s) => s.code).map((s) => [s.code!, s.id]));
  const rules: Rule[] = [];
  const add = (kind: RuleKind, scope: RuleScope, scopeId: number | null, params: RuleParams, weight: number) =>
    rules.push({ kind, scope, scopeId, params, weight: isHardKind(kind) ? 100 : weight, enabled: true });
  add('subjectDailyMax', 'school', null, { max: 2 }, 100);
  // 音乐, 美术, 信息科技 and 体育 are taught in their rooms (音乐室, 美术室, 微机室, 操场); labs only for experiments.
  for (const code of ['YYUE', 'MS', 'XX', 'TY']) if (byCode.has(code) && ctx.roomSubjectIds.includes(byCode.get(code)!)) add('needsRoom', 'subject', byCode.get(code)!, {}, 100);
  if (byCode.has('YW')) add('doublePeriods', 'subject', byCode.get('YW')!, { count: 1, grades: [3, 4, 5, 6, 7, 8, 9], name: '作文' }, 100);
  if (byCode.has('MS')) add('doublePeriods', 'subject', byCode.get('MS')!, { count: 1, grades: [], name: '美术' }, 100);
  const P = ctx.periods.length;
  add('fixedEvent', 'school', null, { name: '班会', day: ctx.daysPerWeek === 6 ? 6 : 5, periods: [P] }, 100);
  // 教研 half-days: Tuesday to Thursday afternoons in turn, for groups whose busiest teacher can spare a half-day.
  const afternoon = ctx.periods.filter((p) => p.part === 'afternoon').map((p) => p.no);
  const slots = ctx.daysPerWeek * P;
  let turn = 0;
  for (const g of ctx.groups.filter((x) => x.kind === '教研组')) {
    const busiest = Math.max(0, ...g.teacherLoads);
    if (!afternoon.length || busiest > slots - afternoon.length - 8) continue;
    add('fixedEvent', 'group', g.id, { name: '教研活动', day: 2 + (turn++ % 3), periods: afternoon }, 100);
  }
  for (const code of ['YW', 'SX', 'YY']) if (byCode.has(code)) add('morningSubject', 'subject', byCode.get(code)!, {}, 30);
  add('spreadWeek', 'school', null, { minDays: 1 }, 20);
  if (byCode.has('TY')) {
    add('avoidFirstAfternoon', 'subject', byCode.get('TY')!, {}, 60);
    add('avoidFirstMorning', 'subject', byCode.get('TY')!, {}, 40);
  }
  add('teacherDailyMax', 'school', null, { max: 4 }, 30);
  add('teacherMaxConsecutive', 'school', null, { max: 3 }, 30);
  add('teacherGaps', 'school', null, {}, 2);
  add('classBalance', 'school', null, {}, 5);
  add('commonPrep', 'school', null, {}, 20);
  return rules;
}

export interface RuleIssue { path: (string | number)[]; key: string; params?: Record<string, string | number> }

/** Problems with a rule set (keys under errors.*), each with its row and field. */
export function validateRules(rules: Rule[], ctx: { daysPerWeek: number; periodCount: number }): RuleIssue[] {
  const issues: RuleIssue[] = [];
  rules.forEach((r, i) => {
    const at = (field: string, key: string, params: Record<string, string | number> = {}) => issues.push({ path: ['rules', i, field], key, params: { row: i + 1, ...params } });
    if (!KIND_SCOPES[r.kind].includes(r.scope)) at('scope', 'ruleScopeNotAllowed');
    if (r.scope !== 'school' && r.scopeId == null) at('scopeId', 'required');
    const p = r.params;
    if ((r.kind === 'subjectDailyMax' || r.kind === 'teacherDailyMax' || r.kind === 'teacherMaxConsecutive') && !(Number.isInteger(p.max) && p.max! >= 1 && p.max! <= 14)) at('max', 'ruleMaxRange');
    if (r.kind === 'doublePeriods' && !(Number.isInteger(p.count) && p.count! >= 1 && p.count! <= 5)) at('count', 'ruleCountRange');
    if (r.kind === 'combinedClasses') {
      if (!(Number.isInteger(p.count) && p.count! >= 1 && p.count! <= 10)) at('count', 'ruleCountRange');
      if (!p.assignmentIds || p.assignmentIds.length < 2) at('assignmentIds', 'ruleCombinedTwo');
    }
    if (r.kind === 'spreadWeek' && !(Number.isInteger(p.minDays) && p.minDays! >= 1 && p.minDays! <= 3)) at('minDays', 'ruleMinDaysRange');
    if (r.kind === 'fixedEvent') {
      if (!p.name?.trim()) at('name', 'required');
      if (!(Number.isInteger(p.day) && p.day! >= 1 && p.day! <= ctx.daysPerWeek)) at('day', 'ruleDayRange', { max: ctx.daysPerWeek });
      if (!p.periods?.length || p.periods.some((q) => !Number.isInteger(q) || q < 1 || q > ctx.periodCount)) at('periods', 'rulePeriodRange', { max: ctx.periodCount });
    }
    if (r.kind === 'teacherWish' && (p.slots ?? []).some((s) => s.day < 1 || s.day > ctx.daysPerWeek || s.period < 1 || s.period > ctx.periodCount)) {
      at('slots', 'rulePeriodRange', { max: ctx.periodCount });
    }
    if (!isHardKind(r.kind) && !(Number.isFinite(r.weight) && r.weight >= 0 && r.weight <= 100)) at('weight', 'ruleWeightRange');
  });
  return issues;
}
