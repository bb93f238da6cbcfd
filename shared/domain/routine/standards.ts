/**
 * Check standards for the teaching routine: the default rubrics (教案检查, 作业批改检查, 月查总表), grade bands,
 * default homework-marking norms and the national load rules. Pure data and arithmetic.
 */
import type { GradeBand, GradeLabel, LoadRules, Rubric, RubricKind } from '../../contract/routine-plans';

/** 优 >= 90, 良 >= 80, 合格 >= 60, 不合格 below. */
export const DEFAULT_BANDS: GradeBand[] = [
  { label: '优', min: 90 },
  { label: '良', min: 80 },
  { label: '合格', min: 60 },
  { label: '不合格', min: 0 },
];

const item = (key: string, name: string, maxScore: number, description: string) => ({ key, name, maxScore, description });

const DEFAULT_ITEMS: Record<RubricKind, Rubric['items']> = {
  planCheck: [
    item('quantity', '备课数量', 20, '课时数达到进度要求，超前一周备课'),
    item('objectives', '教学目标', 10, '目标明确、具体、可检测'),
    item('keyPoints', '重难点', 10, '重点突出，难点把握准确'),
    item('process', '教学过程', 25, '环节完整，师生活动清楚，详略得当'),
    item('homeworkDesign', '作业设计', 10, '作业精选、分层，总量适当'),
    item('secondRound', '二次备课', 15, '结合学情修改补充，有个人批注'),
    item('reflection', '教学反思', 10, '课后及时反思，有实效'),
  ],
  homeworkCheck: [
    item('amount', '布置量', 15, '作业量适当，符合“双减”时长要求'),
    item('frequency', '批改次数', 20, '批改次数达到学科规定'),
    item('fullMarking', '全批全改', 15, '全批全改，无漏批'),
    item('timely', '批改及时', 15, '及时批改，注明批改日期'),
    item('comments', '激励性评语', 10, '有激励性、指导性评语'),
    item('corrections', '订正与二次批改', 15, '学生及时订正，教师二次批改'),
    item('tiered', '分层作业', 10, '有分层或弹性作业'),
  ],
  monthlySheet: [
    item('plans', '备课', 25, '教案数量与质量、超前备课、集体备课'),
    item('teaching', '上课', 20, '按课表上课，不随意调课，课堂常规'),
    item('homework', '作业批改', 20, '作业布置与批改'),
    item('observation', '听课', 15, '听课节数达到要求，有评议'),
    item('research', '教研活动', 10, '按时参加教研与集体备课活动'),
    item('tutoring', '学困生辅导', 10, '有辅导计划与记录'),
  ],
};

export function defaultRubric(kind: RubricKind): Rubric {
  return { kind, mode: 'bands', items: DEFAULT_ITEMS[kind].map((i) => ({ ...i })), bands: DEFAULT_BANDS.map((b) => ({ ...b })) };
}

/** The grade a score earns: the band with the highest min the score reaches (no band reached: the lowest label). */
export function gradeFor(score: number, bands: GradeBand[] = DEFAULT_BANDS): GradeLabel {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  for (const b of sorted) if (score >= b.min) return b.label;
  return sorted.length ? sorted[sorted.length - 1].label : '不合格';
}

export function rubricMax(rubric: Rubric): number {
  return rubric.items.reduce((s, i) => s + i.maxScore, 0);
}

/**
 * Total of the item scores on a 0-100 scale (scaled when the items' maxima do not sum to 100), rounded to one
 * decimal. Scores above an item's max count as the max. `complete` is false when an item has no score.
 */
export function scoreRubric(rubric: Rubric, scores: Record<string, number>): { total: number; complete: boolean; unknownKeys: string[] } {
  const max = rubricMax(rubric);
  let sum = 0;
  let complete = true;
  for (const i of rubric.items) {
    const v = scores[i.key];
    if (v == null || Number.isNaN(v)) { complete = false; continue; }
    sum += Math.min(Math.max(v, 0), i.maxScore);
  }
  const keys = new Set(rubric.items.map((i) => i.key));
  const unknownKeys = Object.keys(scores).filter((k) => !keys.has(k));
  const total = max > 0 ? Math.round((sum * 100 / max) * 10) / 10 : 0;
  return { total, complete, unknownKeys };
}

/** Problems with a rubric as i18n keys under errors (path inside the rubric). */
export function validateRubric(rubric: Rubric): { path: (string | number)[]; key: string; params?: Record<string, string | number> }[] {
  const issues: { path: (string | number)[]; key: string; params?: Record<string, string | number> }[] = [];
  const seen = new Set<string>();
  rubric.items.forEach((i, n) => {
    if (seen.has(i.key)) issues.push({ path: ['items', n, 'key'], key: 'rubricDuplicateKey', params: { key: i.key } });
    seen.add(i.key);
  });
  const max = rubricMax(rubric);
  if (Math.abs(max - 100) > 0.001) issues.push({ path: ['items'], key: 'rubricWeightsNot100', params: { sum: Math.round(max * 100) / 100 } });
  if (rubric.mode === 'bands') {
    const labels = new Set<string>();
    rubric.bands.forEach((b, n) => {
      if (labels.has(b.label)) issues.push({ path: ['bands', n, 'label'], key: 'bandDuplicate', params: { label: b.label } });
      labels.add(b.label);
    });
    if (!rubric.bands.length) issues.push({ path: ['bands'], key: 'bandsMissing' });
    // Higher labels need higher minimums: 优 > 良 > 合格 > 不合格.
    const order: GradeLabel[] = ['优', '良', '合格', '不合格'];
    const byRank = [...rubric.bands].sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
    for (let k = 1; k < byRank.length; k++) {
      if (byRank[k].min >= byRank[k - 1].min) {
        issues.push({ path: ['bands', rubric.bands.indexOf(byRank[k]), 'min'], key: 'bandOrder', params: { label: byRank[k].label, higher: byRank[k - 1].label } });
      }
    }
  }
  return issues;
}

export const DEFAULT_LOAD_RULES: LoadRules = {
  noWrittenUpToGrade: 2,
  writtenTypes: ['家庭作业', '作文', '练习册'],
  primaryMaxMinutes: 60,
  middleMaxMinutes: 90,
};

/** Default homework norms by subject name (the school's subject is resolved by the caller). */
export interface DefaultNorm { subject: string; gradeFrom: number; gradeTo: number; homeworkType: '作文' | '课堂作业' | null; minPerWeek: number; maxPerWeek: number | null; note: string }
export const DEFAULT_HOMEWORK_NORMS: DefaultNorm[] = [
  { subject: '语文', gradeFrom: 3, gradeTo: 9, homeworkType: '作文', minPerWeek: 1, maxPerWeek: 1, note: '作文每周一次（大作文隔周、小练笔穿插）' },
  { subject: '语文', gradeFrom: 1, gradeTo: 9, homeworkType: null, minPerWeek: 2, maxPerWeek: 3, note: '作文以外每周批改2-3次；一二年级仅课堂作业' },
  { subject: '数学', gradeFrom: 1, gradeTo: 9, homeworkType: null, minPerWeek: 2, maxPerWeek: 3, note: '每周批改2-3次；一二年级仅课堂作业' },
  { subject: '外语(英语)', gradeFrom: 3, gradeTo: 9, homeworkType: null, minPerWeek: 2, maxPerWeek: 3, note: '每周批改2-3次' },
  { subject: '物理', gradeFrom: 8, gradeTo: 9, homeworkType: null, minPerWeek: 2, maxPerWeek: 2, note: '每周批改2次' },
  { subject: '化学', gradeFrom: 9, gradeTo: 9, homeworkType: null, minPerWeek: 2, maxPerWeek: 2, note: '每周批改2次' },
  { subject: '生物学', gradeFrom: 7, gradeTo: 8, homeworkType: null, minPerWeek: 1, maxPerWeek: null, note: '每周至少批改1次' },
  { subject: '道德与法治', gradeFrom: 7, gradeTo: 9, homeworkType: null, minPerWeek: 1, maxPerWeek: null, note: '每周至少批改1次' },
  { subject: '历史', gradeFrom: 7, gradeTo: 9, homeworkType: null, minPerWeek: 1, maxPerWeek: null, note: '每周至少批改1次' },
  { subject: '地理', gradeFrom: 7, gradeTo: 8, homeworkType: null, minPerWeek: 1, maxPerWeek: null, note: '每周至少批改1次' },
  { subject: '科学', gradeFrom: 3, gradeTo: 6, homeworkType: null, minPerWeek: 1, maxPerWeek: null, note: '每周至少批改1次' },
];
