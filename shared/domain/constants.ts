/** Domain constants from ../shared/domain.md. Chinese values are stored as-is in the database. */

export const SCHOOL_TYPES = ['小学', '初中', '九年一贯制'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

export const TEACHER_ROLES = ['校长', '副校长', '教导主任', '教研组长', '备课组长', '班主任', '任课教师'] as const;
export type TeacherRole = (typeof TEACHER_ROLES)[number];
/** Roles that make a teacher a member of the leadership (班子成员), who must also teach. */
export const LEADER_ROLES: readonly TeacherRole[] = ['校长', '副校长', '教导主任'];

export const TEACHER_TITLES = ['正高级教师', '高级教师', '一级教师', '二级教师', '三级教师', '未定级'] as const;
export const BACKBONE_LEVELS = ['无', '县级', '市级', '省级'] as const;
export const DEGREES = ['研究生', '本科', '专科', '高中/中专', '其他'] as const;
export const CERTIFICATES = ['小学教师资格', '初中教师资格', '高中教师资格', '无'] as const;

export const GROUP_KINDS = ['教研组', '备课组'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const STUDENT_STATUSES = ['在读', '转出', '休学', '毕业'] as const;

/** Grade names 1..9 as printed on forms. */
export const GRADE_NAMES: Record<number, string> = {
  1: '一年级', 2: '二年级', 3: '三年级', 4: '四年级', 5: '五年级', 6: '六年级',
  7: '七年级', 8: '八年级', 9: '九年级',
};

export function className(gradeLevel: number, classNo: number): string {
  return `${GRADE_NAMES[gradeLevel] ?? gradeLevel + '年级'}(${classNo})班`;
}

/** Grades a school of this type teaches. */
export function gradeLevelsFor(type: SchoolType): number[] {
  if (type === '小学') return [1, 2, 3, 4, 5, 6];
  if (type === '初中') return [7, 8, 9];
  return [1, 2, 3, 4, 5, 6, 7, 8, 9];
}

/**
 * The national subject list (义务教育课程方案 2022). `peArts` marks subjects whose teachers count as
 * PE/arts teachers for the equity indicator (>= 0.9 per 100 students).
 */
export const NATIONAL_SUBJECTS: { code: string; name: string; shortName: string; category: string; peArts: boolean }[] = [
  { code: 'DF', name: '道德与法治', shortName: '道法', category: '国家课程', peArts: false },
  { code: 'YW', name: '语文', shortName: '语文', category: '国家课程', peArts: false },
  { code: 'SX', name: '数学', shortName: '数学', category: '国家课程', peArts: false },
  { code: 'YY', name: '外语(英语)', shortName: '英语', category: '国家课程', peArts: false },
  { code: 'LS', name: '历史', shortName: '历史', category: '国家课程', peArts: false },
  { code: 'DL', name: '地理', shortName: '地理', category: '国家课程', peArts: false },
  { code: 'KX', name: '科学', shortName: '科学', category: '国家课程', peArts: false },
  { code: 'WL', name: '物理', shortName: '物理', category: '国家课程', peArts: false },
  { code: 'HX', name: '化学', shortName: '化学', category: '国家课程', peArts: false },
  { code: 'SW', name: '生物学', shortName: '生物', category: '国家课程', peArts: false },
  { code: 'XX', name: '信息科技', shortName: '信息', category: '国家课程', peArts: false },
  { code: 'TY', name: '体育与健康', shortName: '体育', category: '国家课程', peArts: true },
  { code: 'YYUE', name: '音乐', shortName: '音乐', category: '国家课程(艺术)', peArts: true },
  { code: 'MS', name: '美术', shortName: '美术', category: '国家课程(艺术)', peArts: true },
  { code: 'LD', name: '劳动', shortName: '劳动', category: '国家课程', peArts: false },
  { code: 'ZH', name: '综合实践活动', shortName: '综合', category: '国家课程', peArts: false },
  { code: 'DFKC', name: '地方课程', shortName: '地方', category: '地方课程', peArts: false },
  { code: 'XBKC', name: '校本课程', shortName: '校本', category: '校本课程', peArts: false },
];

/** Names a spreadsheet may use for a subject, mapped to the national name. */
export const SUBJECT_ALIASES: Record<string, string> = {
  '道法': '道德与法治', '思想品德': '道德与法治', '政治': '道德与法治', '品德': '道德与法治',
  '英语': '外语(英语)', '外语': '外语(英语)',
  '生物': '生物学', '信息技术': '信息科技', '信息': '信息科技', '计算机': '信息科技',
  '体育': '体育与健康', '综合实践': '综合实践活动',
};
