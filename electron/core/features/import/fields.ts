/**
 * The fields each import kind understands, the header names real files use for them, header-row detection
 * and column mapping (automatic by alias, overridable by the user).
 */
import type { ImportField, ImportKind } from '../../../../shared/contract';
import { cleanCell } from '../../../../shared/domain/text';
import type { Cell } from '../../platform/spreadsheet/read';
import { cellText } from '../../platform/spreadsheet/values';

export interface FieldDef extends ImportField { aliases: string[] }

const f = (key: string, label: string, required: boolean, aliases: string[]): FieldDef => ({ key, label, required, aliases: [label, ...aliases] });

export const FIELD_DEFS: Record<ImportKind, FieldDef[]> = {
  students: [
    f('studentNo', '学籍号', true, ['学生编号', '全国学籍号', '学籍编号', '学号', '学籍辅号', '全国学籍号码', '学籍号码']),
    f('name', '姓名', true, ['学生姓名', '学生名称']),
    f('gender', '性别', false, ['学生性别']),
    f('birthDate', '出生日期', false, ['出生年月', '出生年月日', '生日']),
    f('className', '班级', false, ['所在班级', '班级名称', '班别', '年级班级']),
    f('gradeLevel', '年级', false, ['所在年级', '年级名称']),
    f('classNo', '班', false, ['班号', '班级号', '班次']),
    f('leftBehind', '留守儿童', false, ['是否留守儿童', '留守']),
    f('migrant', '随迁子女', false, ['是否随迁子女', '进城务工人员随迁子女', '随迁']),
    f('disability', '残疾', false, ['是否残疾', '残疾儿童', '残疾学生']),
    f('hardship', '家庭经济困难', false, ['是否家庭经济困难', '经济困难', '困难学生', '家庭困难']),
    f('note', '备注', false, []),
  ],
  teachers: [
    f('name', '姓名', true, ['教师姓名', '教职工姓名']),
    f('gender', '性别', false, []),
    f('staffNo', '工号', false, ['教职工号', '职工号', '教师编号', '教工号', '编号']),
    f('subject', '任教学科', false, ['学科', '主教学科', '任教科目', '所教学科']),
    f('title', '职称', false, ['专业技术职务', '职称等级']),
    f('degree', '学历', false, ['最高学历']),
    f('certificate', '教师资格', false, ['资格证', '教师资格证', '教师资格种类', '持证情况']),
    f('backboneLevel', '骨干教师', false, ['骨干', '骨干教师级别', '骨干级别']),
    f('roles', '职务', false, ['角色', '担任职务', '行政职务']),
    f('isPeArts', '体艺教师', false, ['是否体艺教师', '体育艺术教师']),
    f('phone', '电话', false, ['联系电话', '手机', '手机号', '手机号码']),
    f('birthDate', '出生日期', false, ['出生年月']),
    f('hireDate', '参加工作时间', false, ['参加工作日期', '参加工作年月', '工作时间']),
    f('note', '备注', false, []),
  ],
  assignments: [
    f('teacher', '任课教师', true, ['教师', '教师姓名', '姓名', '工号', '教职工号']),
    f('className', '班级', true, ['任教班级', '所在班级']),
    f('gradeLevel', '年级', false, []),
    f('classNo', '班', false, ['班号']),
    f('subject', '学科', true, ['任教学科', '科目', '课程']),
    f('weeklyPeriods', '周课时', true, ['每周课时', '课时', '周节数', '课时数']),
  ],
  // The rosters counties send after a training: one row per teacher.
  training: [
    f('teacher', '姓名', true, ['教师姓名', '学员姓名', '参训教师', '教职工姓名']),
    f('staffNo', '工号', false, ['教职工号', '职工号', '教师编号']),
    f('title', '培训项目', true, ['培训名称', '项目名称', '培训内容', '培训主题', '课程名称', '培训项目名称', '培训班名称']),
    f('level', '级别', false, ['培训级别', '培训类别', '培训层级', '层级', '类别']),
    f('dates', '起止日期', false, ['培训时间', '培训日期', '起止时间', '培训起止时间', '时间']),
    f('startDate', '开始日期', false, ['开始时间', '起始日期', '培训开始日期', '开班日期']),
    f('endDate', '结束日期', false, ['结束时间', '截止日期', '培训结束日期', '结业日期']),
    f('hours', '学时', true, ['培训学时', '学时数', '获得学时', '认定学时', '折算学时', '课时']),
    f('organiser', '主办单位', false, ['培训机构', '组织单位', '承办单位', '举办单位', '培训单位']),
    // A county roster lists every school's teachers, and the result of each.
    f('unit', '工作单位', false, ['单位', '学校', '所在学校', '任教学校', '学校名称', '单位名称']),
    f('result', '考核结果', false, ['是否合格', '结业情况', '考核情况', '培训结果', '成绩']),
    f('note', '备注', false, []),
  ],
};

/** Header text as compared with aliases: half-width, no spaces, no notes in brackets, no required marks. */
export function normHeader(v: Cell): string {
  return cleanCell(cellText(v))
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\s*＊:：]/g, '');
}

function aliasIndex(kind: ImportKind): Map<string, string> {
  const map = new Map<string, string>();
  for (const def of FIELD_DEFS[kind]) for (const a of def.aliases) if (!map.has(a)) map.set(a, def.key);
  return map;
}

/** Scores the first rows against the aliases; the row matching the most distinct fields is the header. */
export function findHeaderRow(kind: ImportKind, grid: Cell[][]): number {
  const aliases = aliasIndex(kind);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(grid.length, 10); r++) {
    const hit = new Set<string>();
    for (const v of grid[r] ?? []) {
      const key = aliases.get(normHeader(v ?? null));
      if (key) hit.add(key);
    }
    if (hit.size > bestScore) { bestScore = hit.size; best = r; }
  }
  if (best >= 0) return best;
  // Nothing recognised: take the first non-blank row so the user can map by hand.
  const first = grid.findIndex((row) => row.some((v) => cellText(v ?? null) !== ''));
  return Math.max(first, 0);
}

function colLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Header text per column; a blank header cell borrows the cell above (two-row headers), else "列 C". */
export function headerColumns(grid: Cell[][], headerRow: number): { index: number; header: string }[] {
  let width = 0;
  for (const row of grid) width = Math.max(width, row.length);
  const cols: { index: number; header: string }[] = [];
  for (let c = 0; c < width; c++) {
    let h = cellText(grid[headerRow]?.[c] ?? null);
    if (!h && headerRow > 0) h = cellText(grid[headerRow - 1]?.[c] ?? null);
    cols.push({ index: c, header: h || `列 ${colLetter(c)}` });
  }
  // Trailing columns without header and without any data are noise.
  while (cols.length && cols[cols.length - 1].header.startsWith('列 ') && !grid.some((row, r) => r > headerRow && cellText(row[cols.length - 1] ?? null) !== '')) cols.pop();
  return cols;
}

/**
 * Field -> column. Automatic by alias (first column wins), then the user's overrides: mapping a column to a
 * field takes it away from any field it was auto-mapped to; null unmaps.
 */
export function buildMapping(
  kind: ImportKind,
  columns: { index: number; header: string }[],
  override: Record<string, number | null> | undefined,
): Record<string, number | null> {
  const aliases = aliasIndex(kind);
  const mapping: Record<string, number | null> = {};
  for (const def of FIELD_DEFS[kind]) mapping[def.key] = null;
  for (const col of columns) {
    const key = aliases.get(normHeader(col.header));
    if (key && mapping[key] === null) mapping[key] = col.index;
  }
  if (override) {
    const valid = new Set(columns.map((c) => c.index));
    for (const [key, idx] of Object.entries(override)) {
      if (!(key in mapping)) continue;
      if (idx !== null && valid.has(idx)) for (const k of Object.keys(mapping)) if (mapping[k] === idx) mapping[k] = null;
      mapping[key] = idx !== null && valid.has(idx) ? idx : null;
    }
  }
  return mapping;
}
