/**
 * Generators of messy school spreadsheets, as real offices produce them: title rows, merged headers, header
 * name variants, 性别 as 1/2, full-width digits, 学籍号 stored as numbers, blank trailing rows, duplicates,
 * GBK CSV, Excel 97-2003 .xls. Used by the unit tests, the e2e tests and the benchmark.
 *
 * E2E use (tests/e2e): `writeE2eFixtures(dir)` writes two files for the sample school (it has 七年级(1)班 and
 * 七年级(2)班):
 *   - 学生名册-待整理.xlsx: title row, merged header, the 学籍号 column headed "编号(全国)" (auto-mapping does
 *     NOT recognise it, so the preview shows a missingColumn error for 学籍号 until the user maps that column
 *     by hand), and one duplicate student (the last row repeats row 4's 学籍号: after mapping, the preview
 *     shows "与第 4 行重复" and the import button stays disabled / commit is refused);
 *   - 学生名册-已整理.xlsx: the same file without the duplicate; after mapping "编号(全国)" -> 学籍号 it has no
 *     errors and imports E2E_STUDENT_COUNT students, whose names are in E2E_STUDENTS.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { idCheckChar } from '../../shared/domain/student-no';

export interface MessyStudent {
  studentNo: string; name: string; gender: '男' | '女'; birthDate: string; className: string;
  leftBehind?: boolean; migrant?: boolean;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '子涵欣怡梓萱思雨浩宇俊杰雨轩宇航一诺佳怡紫涵梓涵诗涵浩然子轩雨桐可馨晨曦博文嘉怡明轩思远欣然梦琪天佑志强建华秀英丽娟国庆海燕文静晓东';

/** Deterministic pseudo-random generator so fixtures are stable between runs. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Plausible students: G + 18-character ID-like number, Chinese names, birth dates 2011-2013. */
export function makeStudents(n: number, classes: string[] = ['七年级(1)班', '七年级(2)班'], seed = 7): MessyStudent[] {
  const rand = rng(seed);
  const pick = (s: string) => s[Math.floor(rand() * s.length)];
  const used = new Set<string>();
  const out: MessyStudent[] = [];
  for (let i = 0; i < n; i++) {
    let name: string;
    do name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.7 ? pick(GIVEN) : ''); while (used.has(name) && used.size < 5000);
    used.add(name);
    const y = 2011 + Math.floor(rand() * 3);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const ymd = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
    // G + a GB 11643 ID number with a valid check digit; region and sequence keep numbers unique.
    const body = `${String(seed).padStart(2, '0').slice(-2)}${String(101 + Math.floor(i / 1000)).padStart(4, '0')}${ymd}${String(i % 1000).padStart(3, '0')}`;
    out.push({
      studentNo: `G${body}${idCheckChar(body)}`,
      name, gender: rand() < 0.5 ? '男' : '女', birthDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      className: classes[i % classes.length], leftBehind: rand() < 0.1, migrant: rand() < 0.05,
    });
  }
  return out;
}

export interface MessyOptions {
  /** Title rows above the header (merged across the table). Default one title row. */
  titleRows?: string[];
  /** A two-row header: 学生信息 merged over 学籍号+姓名, 家庭情况 over the flags, 性别/出生日期/班级 merged over both rows. */
  mergedHeader?: boolean;
  /** Header texts per field (variants such as 学生编号, 学生姓名, 所在班级). */
  headers?: Partial<Record<'studentNo' | 'name' | 'gender' | 'birthDate' | 'className' | 'leftBehind' | 'migrant', string>>;
  genderAsNumber?: boolean;
  /** 学籍号 and dates typed with full-width digits (ＧＸ１２３...). */
  fullWidthDigits?: boolean;
  /** 学籍号 cells stored as numbers: digits only (the 'G' dropped). */
  studentNoAsNumber?: boolean;
  dateStyle?: 'iso' | 'dots' | 'cn' | 'slash' | 'date';
  /** Blank rows (cells holding '' as formatted-but-empty rows do) after the data. */
  trailingBlankRows?: number;
  /** Extra rows appended at the end repeating the 学籍号 of students[i] with another name. */
  duplicateOf?: number[];
  sheetName?: string;
  /** An empty sheet placed before the data sheet. */
  emptyFirstSheet?: boolean;
}

const FIELDS = ['studentNo', 'name', 'gender', 'birthDate', 'className', 'leftBehind', 'migrant'] as const;
const DEFAULT_HEADERS = { studentNo: '学籍号', name: '姓名', gender: '性别', birthDate: '出生日期', className: '班级', leftBehind: '留守儿童', migrant: '随迁子女' };

export function toFullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

function formatDate(iso: string, style: MessyOptions['dateStyle']): string | Date {
  const [y, m, d] = iso.split('-').map(Number);
  switch (style) {
    case 'dots': return `${y}.${m}.${d}`;
    case 'cn': return `${y}年${m}月${d}日`;
    case 'slash': return `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`;
    case 'date': return new Date(y, m - 1, d);
    default: return iso;
  }
}

/** The students table as an array of rows (what every format below writes), plus its merges. */
export function studentsAoa(students: MessyStudent[], opts: MessyOptions = {}): { aoa: unknown[][]; merges: XLSX.Range[] } {
  const h = { ...DEFAULT_HEADERS, ...opts.headers };
  const width = FIELDS.length;
  const aoa: unknown[][] = [];
  const merges: XLSX.Range[] = [];
  for (const t of opts.titleRows ?? ['XX县第一中学 2025-2026学年 学生花名册']) {
    merges.push({ s: { r: aoa.length, c: 0 }, e: { r: aoa.length, c: width - 1 } });
    aoa.push([t, ...Array(width - 1).fill(null)]);
  }
  if (opts.mergedHeader) {
    const r = aoa.length;
    aoa.push(['学生信息', null, h.gender, h.birthDate, h.className, '家庭情况', null]);
    aoa.push([h.studentNo, h.name, null, null, null, h.leftBehind, h.migrant]);
    merges.push({ s: { r, c: 0 }, e: { r, c: 1 } }, { s: { r, c: 5 }, e: { r, c: 6 } });
    for (const c of [2, 3, 4]) merges.push({ s: { r, c }, e: { r: r + 1, c } });
  } else {
    aoa.push(FIELDS.map((f) => h[f]));
  }
  const rowOf = (s: MessyStudent, name = s.name): unknown[] => {
    let no: unknown = s.studentNo;
    if (opts.studentNoAsNumber) no = Number(s.studentNo.replace(/\D/g, ''));
    else if (opts.fullWidthDigits) no = toFullWidth(s.studentNo);
    let date: unknown = formatDate(s.birthDate, opts.dateStyle);
    if (opts.fullWidthDigits && typeof date === 'string') date = toFullWidth(date);
    return [no, name, opts.genderAsNumber ? (s.gender === '男' ? 1 : 2) : s.gender, date, s.className, s.leftBehind ? '是' : '否', s.migrant ? '√' : ''];
  };
  for (const s of students) aoa.push(rowOf(s));
  for (const i of opts.duplicateOf ?? []) aoa.push(rowOf(students[i], students[i].name.slice(0, 1) + '小同'));
  for (let i = 0; i < (opts.trailingBlankRows ?? 0); i++) aoa.push(Array(width).fill(''));
  return { aoa, merges };
}

function workbook(aoa: unknown[][], merges: XLSX.Range[], opts: MessyOptions): XLSX.WorkBook {
  const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true });
  ws['!merges'] = merges;
  const wb = XLSX.utils.book_new();
  if (opts.emptyFirstSheet) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), '说明');
  XLSX.utils.book_append_sheet(wb, ws, opts.sheetName ?? '学生名册');
  return wb;
}

export function makeMessyStudentsXlsx(students: MessyStudent[], opts: MessyOptions = {}): Buffer {
  const { aoa, merges } = studentsAoa(students, opts);
  return XLSX.write(workbook(aoa, merges, opts), { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** Excel 97-2003 (BIFF8), as national student-registry systems still export. */
export function makeStudentsXls(students: MessyStudent[], opts: MessyOptions = {}): Buffer {
  const { aoa, merges } = studentsAoa(students, opts);
  return XLSX.write(workbook(aoa, merges, opts), { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

function csvText(students: MessyStudent[], opts: MessyOptions): string {
  const { aoa } = studentsAoa(students, { titleRows: [], ...opts, mergedHeader: false });
  const esc = (v: unknown) => {
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : v == null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return aoa.map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}

export function makeStudentsCsvUtf8(students: MessyStudent[], opts: MessyOptions & { bom?: boolean } = {}): Buffer {
  return Buffer.from((opts.bom ? '\uFEFF' : '') + csvText(students, opts), 'utf8');
}

/** What Chinese Excel's "CSV (逗号分隔)" saves: GBK bytes. */
export function makeStudentsCsvGbk(students: MessyStudent[], opts: MessyOptions = {}): Buffer {
  return iconv.encode(csvText(students, opts), 'gbk');
}

/** The benchmark's file: n students spread over the given classes, one title row, plain header. */
export function makeLargeStudentsXlsx(n: number, classes: string[]): Buffer {
  return makeMessyStudentsXlsx(makeStudents(n, classes, 11));
}

// ---- teachers and assignments ----

export interface MessyTeacher { staffNo: string; name: string; gender: '男' | '女'; subject: string; title?: string; roles?: string; backbone?: string }

export function makeTeachersXlsx(teachers: MessyTeacher[], opts: { titleRow?: string; headers?: Partial<Record<keyof MessyTeacher, string>> } = {}): Buffer {
  const h = { staffNo: '工号', name: '姓名', gender: '性别', subject: '任教学科', title: '职称', roles: '职务', backbone: '骨干教师', ...opts.headers };
  const keys = ['staffNo', 'name', 'gender', 'subject', 'title', 'roles', 'backbone'] as const;
  const aoa: unknown[][] = [];
  if (opts.titleRow) aoa.push([opts.titleRow]);
  aoa.push(keys.map((k) => h[k]));
  for (const t of teachers) aoa.push(keys.map((k) => t[k] ?? ''));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '教师');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

export interface MessyAssignment { teacher: string; className: string; subject: string; periods: number | string }

export function makeAssignmentsXlsx(rows: MessyAssignment[], headers = ['任课教师', '班级', '学科', '周课时']): Buffer {
  const aoa: unknown[][] = [['2025-2026学年第一学期 任课安排表'], headers, ...rows.map((r) => [r.teacher, r.className, r.subject, r.periods])];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '任课');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

// ---- the e2e fixture ----

export const E2E_CLASSES = ['七年级(1)班', '七年级(2)班'];
export const E2E_STUDENT_COUNT = 12;
export const E2E_STUDENTS = makeStudents(E2E_STUDENT_COUNT, E2E_CLASSES, 42);
/** The header auto-mapping does not know: the user must map it to 学籍号. */
export const E2E_UNRECOGNISED_HEADER = '编号(全国)';

export function makeE2eStudentsXlsx(opts: { withDuplicate: boolean }): Buffer {
  return makeMessyStudentsXlsx(E2E_STUDENTS, {
    titleRows: ['XX县第一中学 七年级学生名册（待整理）'],
    mergedHeader: true,
    headers: { studentNo: E2E_UNRECOGNISED_HEADER, name: '学生姓名' },
    genderAsNumber: true,
    trailingBlankRows: 3,
    duplicateOf: opts.withDuplicate ? [0] : [],
  });
}

/** Writes both e2e files into dir and returns their paths. */
export function writeE2eFixtures(dir: string): { messy: string; clean: string } {
  fs.mkdirSync(dir, { recursive: true });
  const messy = path.join(dir, '学生名册-待整理.xlsx');
  const clean = path.join(dir, '学生名册-已整理.xlsx');
  fs.writeFileSync(messy, makeE2eStudentsXlsx({ withDuplicate: true }));
  fs.writeFileSync(clean, makeE2eStudentsXlsx({ withDuplicate: false }));
  return { messy, clean };
}

// ---- a minimal school written with plain SQL (tests that must not depend on the school services) ----

interface SqlDb { prepare(sql: string): { run(...args: unknown[]): unknown }; transaction<T>(fn: () => T): () => T }

/**
 * School, 2025-2026 year with term 1 (set current), grades 7-8 with classes 七年级(1)(2)班 and 八年级(1)班,
 * the national subjects (if absent) and three teachers: 王丽华 (T001, 语文), 李建国 (T002, 数学), and two
 * teachers both named 张伟 (T003, T004) for the ambiguous-name case.
 */
export function seedMinimalSchool(db: SqlDb, subjects: { code: string; name: string; shortName: string; category: string; peArts: boolean }[]): { termId: number } {
  db.transaction(() => {
    db.prepare(`INSERT OR IGNORE INTO school (id, name, type) VALUES (1, 'XX县第一中学', '初中')`).run();
    db.prepare(`INSERT OR IGNORE INTO school_year (id, start_year, name) VALUES (1, 2025, '2025-2026学年')`).run();
    db.prepare(`INSERT OR IGNORE INTO term (id, school_year_id, term_no, start_date, teaching_weeks) VALUES (1, 1, 1, '2025-09-01', 20)`).run();
    db.prepare(`INSERT INTO setting (key, value) VALUES ('currentTermId', '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run();
    for (const level of [7, 8]) db.prepare('INSERT OR IGNORE INTO grade (level) VALUES (?)').run(level);
    for (const [level, no] of [[7, 1], [7, 2], [8, 1]]) {
      // A cohort class at this level in 2025-2026 (entered that year at that level).
      db.prepare('INSERT OR IGNORE INTO class (entry_year, entry_level, class_no) VALUES (2025, ?, ?)').run(level, no);
    }
    subjects.forEach((s, i) => db.prepare('INSERT OR IGNORE INTO subject (code, name, short_name, category, is_pe_arts, sort_order) VALUES (?, ?, ?, ?, ?, ?)')
      .run(s.code, s.name, s.shortName, s.category, s.peArts ? 1 : 0, i + 1));
    const t = db.prepare(`INSERT OR IGNORE INTO teacher (staff_no, name, gender, subject_id) VALUES (?, ?, ?, (SELECT id FROM subject WHERE name = ?))`);
    t.run('T001', '王丽华', '女', '语文');
    t.run('T002', '李建国', '男', '数学');
    t.run('T003', '张伟', '男', '外语(英语)');
    t.run('T004', '张伟', '男', '物理');
  })();
  return { termId: 1 };
}
