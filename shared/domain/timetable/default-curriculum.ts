/**
 * The default curriculum standard (课程设置表) shipped with the app: required weekly periods per grade and
 * subject, built from the 2022 national plan (义务教育课程方案（2022年版）) with the per-grade split of a
 * typical province's table. Provinces differ, so this is only a starting point the office edits or replaces
 * with its own province's table (curriculum/importPreview).
 *
 * Grades 7-9 match the sample school's MIDDLE_SCHOOL_PERIODS, so the sample school is compliant by default.
 */

/** Shown in the UI and on the printed report until the office writes its own note. */
export const DEFAULT_CURRICULUM_SOURCE =
  '默认标准：依据《义务教育课程方案（2022年版）》课时比例，参照某省义务教育课程设置表（示例），请按本省文件核对修改';

/** Weekly totals of the national plan: 26 in grades 1-2, 30 in grades 3-6, 34 in grades 7-9. */
export const NATIONAL_WEEKLY_TOTALS: Record<number, number> = { 1: 26, 2: 26, 3: 30, 4: 30, 5: 30, 6: 30, 7: 34, 8: 34, 9: 34 };

/** New-teaching weeks a school year: 35, and 33 in grade 9 (the 中考 term is shorter). */
export function teachingWeeksOf(gradeLevel: number): number {
  return gradeLevel === 9 ? 33 : 35;
}

/**
 * Weekly periods per subject (names as in NATIONAL_SUBJECTS) for grades 1..9, index 0 = grade 1.
 * 劳动 1 in every grade; 信息科技 grades 3-8; 外语 from grade 3; 科学 in primary; 物理 from grade 8,
 * 化学 in grade 9; 生物学 and 地理 in grades 7-8.
 */
export const DEFAULT_WEEKLY_PERIODS: Record<string, readonly number[]> = {
  //                 1  2  3  4  5  6  7  8  9
  '道德与法治':     [2, 2, 2, 2, 2, 2, 2, 2, 2],
  '语文':           [8, 8, 7, 6, 6, 6, 6, 5, 5],
  '数学':           [4, 4, 4, 4, 4, 4, 5, 5, 6],
  '外语(英语)':     [0, 0, 2, 2, 2, 2, 5, 4, 4],
  '科学':           [1, 1, 2, 2, 2, 2, 0, 0, 0],
  '物理':           [0, 0, 0, 0, 0, 0, 0, 3, 3],
  '化学':           [0, 0, 0, 0, 0, 0, 0, 0, 3],
  '生物学':         [0, 0, 0, 0, 0, 0, 2, 2, 0],
  '历史':           [0, 0, 0, 0, 0, 0, 2, 2, 2],
  '地理':           [0, 0, 0, 0, 0, 0, 2, 2, 0],
  '信息科技':       [0, 0, 1, 1, 1, 1, 1, 1, 0],
  '体育与健康':     [4, 4, 3, 3, 3, 3, 3, 3, 4],
  '音乐':           [2, 2, 2, 2, 2, 2, 1, 1, 1],
  '美术':           [2, 2, 2, 2, 2, 2, 1, 1, 1],
  '劳动':           [1, 1, 1, 1, 1, 1, 1, 1, 1],
  '综合实践活动':   [1, 1, 2, 2, 2, 2, 1, 1, 1],
  '地方课程':       [0, 0, 1, 1, 1, 1, 1, 0, 1],
  '校本课程':       [1, 1, 1, 2, 2, 2, 1, 1, 0],
};

export interface DefaultGrade { level: number; total: number; subjects: { name: string; periods: number }[] }

/** The default table for the given grades (all nine if omitted); subjects with 0 periods are left out. */
export function defaultCurriculum(levels: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9]): DefaultGrade[] {
  return levels
    .filter((l) => NATIONAL_WEEKLY_TOTALS[l] !== undefined)
    .map((level) => ({
      level,
      total: NATIONAL_WEEKLY_TOTALS[level],
      subjects: Object.entries(DEFAULT_WEEKLY_PERIODS)
        .map(([name, byGrade]) => ({ name, periods: byGrade[level - 1] }))
        .filter((s) => s.periods > 0),
    }));
}

/**
 * The nine-year shares of the national plan (percent of all periods over grades 1-9), as subject groups.
 * Information for the office: the check reports them, it does not fail a class on them.
 */
export const NINE_YEAR_SHARES: { group: string; subjects: readonly string[]; min: number; max: number }[] = [
  { group: '语文', subjects: ['语文'], min: 20, max: 22 },
  { group: '数学', subjects: ['数学'], min: 13, max: 15 },
  { group: '外语', subjects: ['外语(英语)'], min: 6, max: 8 },
  { group: '道德与法治', subjects: ['道德与法治'], min: 6, max: 8 },
  { group: '科学/理化生', subjects: ['科学', '物理', '化学', '生物学'], min: 8, max: 10 },
  { group: '历史+地理', subjects: ['历史', '地理'], min: 3, max: 4 },
  { group: '信息科技', subjects: ['信息科技'], min: 1, max: 3 },
  { group: '体育与健康', subjects: ['体育与健康'], min: 10, max: 11 },
  { group: '艺术', subjects: ['音乐', '美术', '艺术'], min: 9, max: 11 },
  { group: '劳动+综合实践+地方+校本', subjects: ['劳动', '综合实践活动', '地方课程', '校本课程'], min: 14, max: 18 },
];
