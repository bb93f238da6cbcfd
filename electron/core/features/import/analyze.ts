/**
 * Turns a read sheet into a preview: per-row values, the action each row would take (insert/update) and
 * every problem by row and column. Commit runs the same analysis again and writes the `ops` it returns, so
 * what the user saw is what gets written. All lookups are loaded once into Maps (no per-row SELECT).
 */
import type Database from 'better-sqlite3';
import type { ImportIssue, ImportKind, ImportPreview, ImportPreviewRow } from '../../../../shared/contract';
import { STUDENT_NO_RE } from '../../../../shared/contract';
import { BACKBONE_LEVELS, TEACHER_ROLES, className, SUBJECT_ALIASES, type TeacherRole } from '../../../../shared/domain/constants';
import { toHalfWidth } from '../../../../shared/domain/text';
import { checkStudentNo } from '../../../../shared/domain/student-no';
import { buildMapping, FIELD_DEFS, findHeaderRow, headerColumns } from './fields';
import { findStudentId, studentIdsByNo, type StudentWrite } from '../students/service';
import { levelFromText, type TrainingOp } from '../training/service';
import { isSignatureFooter } from '../../platform/spreadsheet/issues';
import { newestSchoolYearId, schoolYearOfTerm } from '../../platform/query';
import type { Cell, ReadSheet } from '../../platform/spreadsheet/read';
import {
  cellText, parseClass, parseDate, parseFlag, parseGender, parsePeriods, parseStudentNo,
} from '../../platform/spreadsheet/values';

/** A student row as the import writes it (the students feature's StudentWrite). */
export type StudentOp = StudentWrite;
export interface TeacherOp {
  action: 'insert' | 'update'; id: number | null; staffNo: string | null; name: string; gender: string | null;
  birthDate: string | null; phone: string | null; subjectId: number | null; title: string | null; degree: string | null;
  certificate: string | null; certified: number | null; backboneLevel: string | null; roles: string | null;
  isPeArts: number | null; hireDate: string | null; note: string | null;
}
export interface AssignmentOp {
  action: 'insert' | 'update'; id: number | null; termId: number; teacherId: number; classId: number; subjectId: number; weeklyPeriods: number;
}
export type ImportOp = StudentOp | TeacherOp | AssignmentOp | TrainingOp;

export interface Analysis { preview: ImportPreview; ops: ImportOp[] }

/** Footer lines such as 制表人：张三 or 合计 are not data. */
const FOOTER_RE = /^(制表|填表|审核|负责人|校长签|备注|说明|注[:：]|合计|总计|小计)/;
/** Words of a signature footer (制表人：张三  审核：李四  日期：2025年9月1日), anywhere in a cell. */
/** One data row with access by field key. */
class Row {
  readonly values: Record<string, string> = {};
  hasError = false;
  constructor(private cells: Cell[], private mapping: Record<string, number | null>, readonly excelRow: number) {}
  mapped(field: string): boolean { return this.mapping[field] != null; }
  raw(field: string): Cell { const c = this.mapping[field]; return c == null ? null : (this.cells[c] ?? null); }
  text(field: string): string { return cellText(this.raw(field)); }
}

class Collector {
  readonly issues: ImportIssue[] = [];
  constructor(private kind: ImportKind, private columns: { index: number; header: string }[], private mapping: Record<string, number | null>) {}
  column(field: string): string {
    const c = this.mapping[field];
    const col = c == null ? undefined : this.columns.find((x) => x.index === c);
    return col?.header ?? FIELD_DEFS[this.kind].find((d) => d.key === field)?.label ?? field;
  }
  add(row: Row | null, field: string, key: string, params?: Record<string, string | number>, severity: ImportIssue['severity'] = 'error'): void {
    this.issues.push({ row: row?.excelRow ?? 0, column: this.column(field), field, key, params, severity });
    if (row && severity === 'error') row.hasError = true;
  }
}

interface Lookups { db: Database.Database; termId: number | null }

/** Fields that identify a record: a row with none of them filled is no data row (e.g. a signature footer). */
const IDENTIFYING: Record<ImportKind, string[]> = {
  students: ['studentNo', 'name'],
  teachers: ['name', 'staffNo'],
  assignments: ['teacher', 'className', 'subject'],
  training: ['teacher', 'staffNo', 'title'],
};

export function analyze(kind: ImportKind, sheet: ReadSheet, override: Record<string, number | null> | undefined, lk: Lookups): Analysis {
  const { grid } = sheet;
  const headerRow = findHeaderRow(kind, grid);
  const columns = headerColumns(grid, headerRow);
  const mapping = buildMapping(kind, columns, override);
  const out = new Collector(kind, columns, mapping);
  for (const def of FIELD_DEFS[kind]) if (def.required && mapping[def.key] == null) out.add(null, def.key, 'missingColumn', { field: def.label });
  // Students can be imported without a class, but it is rarely meant: say so.
  if (kind === 'students' && mapping.className == null && mapping.classNo == null) out.add(null, 'className', 'missingColumn', { field: '班级' }, 'warning');

  const rows: Row[] = [];
  const identifyingCols = (IDENTIFYING[kind] ?? []).map((f) => mapping[f]).filter((c): c is number => c != null);
  for (let r = headerRow + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const texts = cells.map((c) => cellText(c ?? null)).filter((t) => t !== '');
    if (!texts.length) continue;
    if (texts.length === 1 && FOOTER_RE.test(texts[0])) continue;
    if (isSignatureFooter(texts, identifyingCols.map((c) => cellText(cells[c] ?? null)))) {
      out.issues.push({ row: r + 1, column: '', field: '', key: 'footerIgnored', params: { text: texts.join(' ').slice(0, 60) }, severity: 'notice' });
      continue;
    }
    // A repeated header (files glued together) is skipped too.
    if (columns.every((col) => cellText(cells[col.index] ?? null) === col.header || cellText(cells[col.index] ?? null) === '')) continue;
    rows.push(new Row(cells, mapping, r + 1));
  }

  let ops: ImportOp[];
  if (kind === 'students') ops = analyzeStudents(rows, out, lk);
  else if (kind === 'teachers') ops = analyzeTeachers(rows, out, lk);
  else if (kind === 'training') ops = analyzeTraining(rows, out, lk);
  else ops = analyzeAssignments(rows, out, lk);

  const opByRow = new Map<number, ImportOp>();
  ops.forEach((op, i) => opByRow.set(rows[i].excelRow, op));
  const previewRows: ImportPreviewRow[] = rows.map((row, i) => ({
    row: row.excelRow,
    values: row.values,
    action: row.hasError ? 'skip' : ops[i].action,
    hasError: row.hasError,
  }));
  const count = (a: string) => previewRows.filter((p) => p.action === a).length;
  const errors = out.issues.filter((i) => i.severity === 'error').length;
  // Problems of the file itself (a required column missing) block the import; a bad row is only skipped.
  const fileErrors = out.issues.filter((i) => i.severity === 'error' && i.row === 0).length;
  return {
    preview: {
      kind, sheets: sheet.sheets, sheet: sheet.sheet, encoding: sheet.encoding, headerRow: headerRow + 1, columns,
      fields: FIELD_DEFS[kind].map(({ key, label, required }) => ({ key, label, required })),
      mapping, rows: previewRows, issues: out.issues,
      counts: {
        total: rows.length, insert: count('insert'), update: count('update'), skip: count('skip'), errors, fileErrors,
        warnings: out.issues.filter((i) => i.severity === 'warning').length, notices: out.issues.filter((i) => i.severity === 'notice').length,
      },
    },
    ops: ops.filter((_, i) => !rows[i].hasError),
  };
}

// ---------- shared checks ----------

/** The running classes of a school year by grade-number key (7-3). */
function classLookup(db: Database.Database, schoolYearId: number | null): Map<string, number> {
  const rows = db.prepare('SELECT class_id AS id, level, class_no AS no FROM class_in_year WHERE school_year_id = ? AND active').all(schoolYearId ?? -1) as { id: number; level: number; no: number }[];
  return new Map(rows.map((r) => [`${r.level}-${r.no}`, r.id]));
}

/** Reads the class from 班级 (or 年级 + 班). Returns undefined when no class column is mapped or the cell is blank. */
function readClass(row: Row, out: Collector, classes: Map<string, number>): number | null | undefined {
  const field = row.mapped('className') ? 'className' : 'classNo';
  if (!row.mapped(field)) return undefined;
  const text = row.text(field);
  if (!text) return undefined;
  const grade = row.mapped('gradeLevel') ? row.text('gradeLevel') : '';
  const parsed = parseClass(text, grade);
  const shown = grade && !/年级|^\d{3}$/.test(text) ? `${grade} ${text}` : text;
  const id = parsed ? classes.get(`${parsed.level}-${parsed.no}`) : undefined;
  if (!parsed || id === undefined) {
    row.values.className = shown;
    out.add(row, field, 'unknownClass', { value: shown });
    return null;
  }
  row.values.className = className(parsed.level, parsed.no);
  return id;
}

function readRequiredText(row: Row, out: Collector, field: string, max: number): string {
  const v = row.text(field);
  row.values[field] = v;
  if (!row.mapped(field)) return v; // reported once as missingColumn
  if (!v) out.add(row, field, 'required');
  else if (v.length > max) out.add(row, field, 'tooLong', { max });
  return v;
}

function readOptText(row: Row, out: Collector, field: string, max: number): string | null {
  const v = row.text(field);
  if (!v) return null;
  row.values[field] = v;
  if (v.length > max) { out.add(row, field, 'tooLong', { max }); return null; }
  return v;
}

function readGender(row: Row, out: Collector): string | null {
  const t = row.text('gender');
  if (!t) return null;
  const g = parseGender(row.raw('gender'));
  row.values.gender = g ?? t;
  if (!g) out.add(row, 'gender', 'badGender', { value: t });
  return g;
}

function readDate(row: Row, out: Collector, field: string): string | null {
  const raw = row.raw(field);
  const t = cellText(raw);
  if (!t) return null;
  const d = parseDate(raw);
  row.values[field] = d ?? t;
  if (!d) out.add(row, field, 'badDate', { value: t });
  return d;
}

/** A yes/no column: blank -> null (keep on update, no on insert). */
function readFlag(row: Row, out: Collector, field: string): number | null {
  const t = row.text(field);
  if (!t) return null;
  const v = parseFlag(row.raw(field));
  row.values[field] = v === undefined ? t : v ? '是' : '否';
  if (v === undefined) { out.add(row, field, 'badFlag', { value: t }, 'warning'); return null; }
  return v ? 1 : 0;
}

type SubjectRef = { id: number; name: string; peArts: number };
/** Finds a subject by name, short name, code or a common alias (英语 -> 外语(英语)). */
function subjectLookup(db: Database.Database): (text: string) => SubjectRef | undefined {
  const subs = db.prepare('SELECT id, code, name, short_name AS shortName, is_pe_arts AS peArts FROM subject WHERE archived = 0').all() as (SubjectRef & { code: string | null; shortName: string | null })[];
  const norm = (s: string) => toHalfWidth(s).replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/\s+/g, '').toUpperCase();
  const map = new Map<string, SubjectRef>();
  for (const s of subs) for (const k of [s.name, s.shortName, s.code]) if (k && !map.has(norm(k))) map.set(norm(k), s);
  for (const [alias, name] of Object.entries(SUBJECT_ALIASES)) {
    const s = map.get(norm(name));
    if (s && !map.has(norm(alias))) map.set(norm(alias), s);
  }
  return (text) => map.get(norm(text));
}

function readSubject(row: Row, out: Collector, field: string, findSubject: (t: string) => SubjectRef | undefined): SubjectRef | null | undefined {
  const t = row.text(field);
  if (!t) return undefined;
  const s = findSubject(t);
  row.values[field] = s?.name ?? t;
  if (!s) { out.add(row, field, 'unknownSubject', { value: t }); return null; }
  return s;
}

// ---------- students ----------

function analyzeStudents(rows: Row[], out: Collector, { db }: Lookups): StudentOp[] {
  const existing = studentIdsByNo(db);
  // Students join their class now: the classes of the newest school year.
  const classes = classLookup(db, newestSchoolYearId(db));
  const firstRowOf = new Map<string, number>();
  return rows.map((row) => {
    let studentNo = '';
    if (row.mapped('studentNo')) {
      const raw = row.raw('studentNo');
      if (cellText(raw) === '') out.add(row, 'studentNo', 'required');
      else {
        const r = parseStudentNo(raw, STUDENT_NO_RE);
        studentNo = r.value;
        if (!r.ok) out.add(row, 'studentNo', r.key, { value: r.value });
        else {
          const c = checkStudentNo(studentNo);
          if (c.prefixed) out.add(row, 'studentNo', 'studentNoPrefixed', { value: studentNo, normalized: c.value }, 'notice');
          if (c.badCheckDigit) out.add(row, 'studentNo', 'studentNoCheckDigit', { value: studentNo }, 'warning');
          studentNo = c.value;
          const first = firstRowOf.get(studentNo);
          if (first !== undefined) out.add(row, 'studentNo', 'duplicateInFile', { first, value: studentNo });
          else firstRowOf.set(studentNo, row.excelRow);
        }
      }
    }
    row.values.studentNo = studentNo;
    const name = readRequiredText(row, out, 'name', 30);
    const gender = readGender(row, out);
    const birthDate = readDate(row, out, 'birthDate');
    const classId = readClass(row, out, classes);
    const id = findStudentId(existing, studentNo);
    return {
      action: id ? 'update' : 'insert', id, studentNo, name, gender, birthDate, classId: classId ?? null,
      leftBehind: readFlag(row, out, 'leftBehind'), migrant: readFlag(row, out, 'migrant'),
      disability: readFlag(row, out, 'disability'), hardship: readFlag(row, out, 'hardship'),
      note: readOptText(row, out, 'note', 200),
    } satisfies StudentOp;
  });
}

// ---------- teachers ----------

const TITLE_RULES: [RegExp, string][] = [
  [/正高/, '正高级教师'], [/副高|高级/, '高级教师'], [/一级|中级/, '一级教师'], [/二级|初级/, '二级教师'], [/三级|员级/, '三级教师'], [/未定|无|见习|试用/, '未定级'],
];
const DEGREE_RULES: [RegExp, string][] = [
  [/研究生|硕士|博士/, '研究生'], [/本科|学士|大学/, '本科'], [/专科|大专/, '专科'], [/高中|中专|中师|职高/, '高中/中专'], [/其他|初中|小学/, '其他'],
];
const CERT_RULES: [RegExp, string][] = [
  [/小学/, '小学教师资格'], [/初中|初级中学/, '初中教师资格'], [/高中|高级中学/, '高中教师资格'], [/^(无|否|没有|未取得)$/, '无'],
];
const ROLE_ALIASES: Record<string, TeacherRole> = {
  教研组组长: '教研组长', 备课组组长: '备课组长', 教务主任: '教导主任', 教学主任: '教导主任', 教师: '任课教师', 任课: '任课教师', 科任教师: '任课教师',
};

function byRules(text: string, rules: [RegExp, string][]): string | null {
  for (const [re, v] of rules) if (re.test(text)) return v;
  return null;
}

function readChoice(row: Row, out: Collector, field: string, rules: [RegExp, string][]): string | null {
  const t = row.text(field);
  if (!t) return null;
  const v = byRules(t, rules);
  row.values[field] = v ?? t;
  if (!v) out.add(row, field, 'badValue', { value: t });
  return v;
}

/** 教师资格: a level (小学/初中/高中教师资格), 无, or just 是/否 in a 持证 column. */
function readCertificate(row: Row, out: Collector): { certificate: string | null; certified: number | null } {
  const t = row.text('certificate');
  if (!t) return { certificate: null, certified: null };
  const level = byRules(t, CERT_RULES);
  if (level) { row.values.certificate = level; return { certificate: level, certified: level === '无' ? 0 : 1 }; }
  const yes = parseFlag(t);
  row.values.certificate = yes === undefined ? t : yes ? '是' : '否';
  if (yes === undefined) { out.add(row, 'certificate', 'badValue', { value: t }); return { certificate: null, certified: null }; }
  return { certificate: yes ? null : '无', certified: yes ? 1 : 0 };
}

function analyzeTeachers(rows: Row[], out: Collector, { db }: Lookups): TeacherOp[] {
  const all = db.prepare('SELECT id, staff_no AS staffNo, name FROM teacher WHERE archived = 0').all() as { id: number; staffNo: string | null; name: string }[];
  const byStaff = new Map((db.prepare('SELECT id, staff_no AS staffNo FROM teacher WHERE staff_no IS NOT NULL').all() as { id: number; staffNo: string }[]).map((t) => [t.staffNo, t.id]));
  const byName = new Map<string, { id: number; staffNo: string | null }[]>();
  for (const t of all) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
  const subjects = subjectLookup(db);
  const firstRowOf = new Map<string, number>();
  return rows.map((row) => {
    const name = readRequiredText(row, out, 'name', 30);
    const staffNo = readOptText(row, out, 'staffNo', 30);
    const dupKey = staffNo ? `no:${staffNo}` : `name:${name}`;
    if (name || staffNo) {
      const first = firstRowOf.get(dupKey);
      if (first !== undefined) out.add(row, staffNo ? 'staffNo' : 'name', 'duplicateInFile', { first, value: staffNo ?? name });
      else firstRowOf.set(dupKey, row.excelRow);
    }
    // Match an existing teacher: by 工号, else by a unique name (that has no other 工号).
    let id: number | null = staffNo ? (byStaff.get(staffNo) ?? null) : null;
    if (id === null && name) {
      const same = (byName.get(name) ?? []).filter((t) => !staffNo || t.staffNo === null);
      if (same.length === 1) id = same[0].id;
      else if (same.length > 1) out.add(row, 'name', 'ambiguousTeacher', { value: name, count: same.length });
    }
    const subject = readSubject(row, out, 'subject', subjects);
    const { certificate, certified } = readCertificate(row, out);
    let backboneLevel: string | null = null;
    const bb = row.text('backboneLevel');
    if (bb) {
      const v = (BACKBONE_LEVELS as readonly string[]).find((l) => l !== '无' && bb.includes(l[0])) ?? (parseFlag(bb) === false ? '无' : null);
      row.values.backboneLevel = v ?? bb;
      if (!v) out.add(row, 'backboneLevel', 'badValue', { value: bb });
      backboneLevel = v;
    }
    let roles: string | null = null;
    const rolesText = row.text('roles');
    if (rolesText) {
      const list: TeacherRole[] = [];
      for (const part of rolesText.split(/[、,，/;；\s]+/).filter(Boolean)) {
        const role = (TEACHER_ROLES as readonly string[]).includes(part) ? (part as TeacherRole) : ROLE_ALIASES[part];
        if (!role) out.add(row, 'roles', 'badValue', { value: part });
        else if (!list.includes(role)) list.push(role);
      }
      if (!list.includes('任课教师')) list.push('任课教师'); // leaders teach too
      row.values.roles = list.join('、');
      roles = JSON.stringify(list);
    }
    const peFlag = row.mapped('isPeArts') ? readFlag(row, out, 'isPeArts') : null;
    return {
      action: id ? 'update' : 'insert', id, staffNo, name, gender: readGender(row, out), birthDate: readDate(row, out, 'birthDate'),
      phone: readOptText(row, out, 'phone', 30), subjectId: subject?.id ?? null,
      title: readChoice(row, out, 'title', TITLE_RULES), degree: readChoice(row, out, 'degree', DEGREE_RULES),
      certificate, certified, backboneLevel, roles,
      isPeArts: peFlag ?? (subject ? subject.peArts : null), hireDate: readDate(row, out, 'hireDate'), note: readOptText(row, out, 'note', 200),
    } satisfies TeacherOp;
  });
}

// ---------- assignments ----------

function analyzeAssignments(rows: Row[], out: Collector, { db, termId }: Lookups): AssignmentOp[] {
  const teachers = db.prepare('SELECT id, staff_no AS staffNo, name FROM teacher WHERE archived = 0').all() as { id: number; staffNo: string | null; name: string }[];
  const byStaff = new Map(teachers.filter((t) => t.staffNo).map((t) => [t.staffNo!, t]));
  const byName = new Map<string, { id: number; name: string }[]>();
  for (const t of teachers) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
  const classes = classLookup(db, termId ? schoolYearOfTerm(db, termId) : newestSchoolYearId(db));
  const subjects = subjectLookup(db);
  const existing = new Map(
    (db.prepare('SELECT id, class_id AS c, subject_id AS s, teacher_id AS t FROM teaching_assignment WHERE term_id = ?').all(termId ?? 0) as { id: number; c: number; s: number; t: number }[])
      .map((a) => [`${a.c}-${a.s}-${a.t}`, a.id]),
  );
  const firstRowOf = new Map<string, number>();
  return rows.map((row) => {
    let teacherId = 0;
    const tText = row.text('teacher').replace(/\s+/g, '');
    row.values.teacher = tText;
    if (row.mapped('teacher')) {
      if (!tText) out.add(row, 'teacher', 'required');
      else {
        const t = byStaff.get(tText);
        const named = byName.get(tText) ?? [];
        if (t) { teacherId = t.id; row.values.teacher = t.name; }
        else if (named.length === 1) teacherId = named[0].id;
        else if (named.length > 1) out.add(row, 'teacher', 'ambiguousTeacher', { value: tText, count: named.length });
        else out.add(row, 'teacher', 'unknownTeacher', { value: tText });
      }
    }
    const classId = readClass(row, out, classes);
    if (classId === undefined && (row.mapped('className') || row.mapped('classNo'))) out.add(row, row.mapped('className') ? 'className' : 'classNo', 'required');
    const subject = readSubject(row, out, 'subject', subjects);
    if (subject === undefined && row.mapped('subject')) out.add(row, 'subject', 'required');
    let periods = 0;
    if (row.mapped('weeklyPeriods')) {
      const t = row.text('weeklyPeriods');
      const p = parsePeriods(row.raw('weeklyPeriods'));
      row.values.weeklyPeriods = p === null ? t : String(p);
      if (!t) out.add(row, 'weeklyPeriods', 'required');
      else if (p === null) out.add(row, 'weeklyPeriods', 'badPeriods', { value: t });
      else periods = p;
    }
    const key = `${classId ?? 0}-${subject?.id ?? 0}-${teacherId}`;
    if (classId && subject && teacherId) {
      const first = firstRowOf.get(key);
      if (first !== undefined) out.add(row, 'teacher', 'duplicateInFile', { first, value: `${row.values.className} ${row.values.subject} ${row.values.teacher}` });
      else firstRowOf.set(key, row.excelRow);
    }
    const id = existing.get(key) ?? null;
    return { action: id ? 'update' : 'insert', id, termId: termId ?? 0, teacherId, classId: classId ?? 0, subjectId: subject?.id ?? 0, weeklyPeriods: periods } satisfies AssignmentOp;
  });
}

// ---------- training ----------

/** Dates written in a 培训时间 cell: 2025-07-10至2025-07-14, 2025.7.10-7.14, 2025年7月10日—14日, or one day. */
export function parseDateRange(text: string): { start: string; end: string } | null {
  const s = toHalfWidth(text).replace(/\s+/g, '');
  const full = [...s.matchAll(/(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?/g)];
  const ymd = (y: number, m: number, d: number) => parseDate(`${y}-${m}-${d}`);
  if (full.length >= 2) {
    const a = ymd(+full[0][1], +full[0][2], +full[0][3]);
    const b = ymd(+full[1][1], +full[1][2], +full[1][3]);
    return a && b ? { start: a, end: b } : null;
  }
  if (full.length !== 1) return null;
  const [y, m, d] = [+full[0][1], +full[0][2], +full[0][3]];
  const start = ymd(y, m, d);
  if (!start) return null;
  const rest = s.slice((full[0].index ?? 0) + full[0][0].length).replace(/^[-~～至到—–]+/, '');
  if (!rest) return { start, end: start };
  const md = /^(\d{1,2})[-./月](\d{1,2})日?$/.exec(rest);
  if (md) { const end = ymd(y, +md[1], +md[2]); return end ? { start, end } : null; }
  const dd = /^(\d{1,2})日?$/.exec(rest);
  if (dd) { const end = ymd(y, m, +dd[1]); return end ? { start, end } : null; }
  return null;
}

/** The school's name without the sample marker and spaces, for comparing with a roster's 工作单位. */
function schoolNameForMatch(db: Database.Database): string {
  const n = (db.prepare('SELECT name FROM school WHERE id = 1').get() as { name: string } | undefined)?.name ?? '';
  return n.replace(/[（(]示例数据[)）]/g, '').replace(/\s+/g, '');
}

/** 示例县第一中学 matches 示例县一中 only by containment: a roster's unit written in full or as the school's name. */
function sameSchool(unit: string, school: string): boolean {
  const u = toHalfWidth(unit).replace(/\s+/g, '');
  return u.includes(school) || school.includes(u);
}

function analyzeTraining(rows: Row[], out: Collector, { db }: Lookups): TrainingOp[] {
  const teachers = db.prepare('SELECT id, staff_no AS staffNo, name FROM teacher').all() as { id: number; staffNo: string | null; name: string }[];
  const byStaff = new Map(teachers.filter((t) => t.staffNo).map((t) => [t.staffNo!, t]));
  const byName = new Map<string, { id: number; name: string }[]>();
  for (const t of teachers) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
  const existing = new Map((db.prepare('SELECT id, teacher_id AS t, title, end_date AS e FROM training_entry').all() as { id: number; t: number; title: string; e: string }[])
    .map((r) => [`${r.t}|${r.title}|${r.e}`, r.id]));
  const firstRowOf = new Map<string, number>();
  const school = schoolNameForMatch(db);
  return rows.map((row) => {
    // Another school's teacher on the county's roster, or a course not passed: left out, said once per row.
    const unit = row.text('unit');
    if (unit && school && !sameSchool(unit, school)) {
      row.values.unit = unit;
      out.add(row, 'unit', 'otherSchool', { value: unit }, 'notice');
      row.hasError = true;
      row.values.teacher = row.text('teacher');
      row.values.title = row.text('title');
      return { action: 'insert', id: null, teacherId: 0, startDate: '', endDate: '', level: '校本', title: '', hours: 0, organiser: null, note: null } satisfies TrainingOp;
    }
    const result = row.text('result');
    if (result) {
      row.values.result = result;
      if (/不合格|未通过|未结业|未完成|缺考|未参加|否/.test(result) && !row.hasError) {
        out.add(row, 'result', 'notPassed', { value: result }, 'warning');
        row.hasError = true;
      }
    }
    // The teacher: by 工号 first, else by a unique name.
    let teacherId = 0;
    const name = row.text('teacher').replace(/\s+/g, '');
    const staffNo = row.text('staffNo');
    row.values.teacher = name;
    if (staffNo) row.values.staffNo = staffNo;
    const byNo = staffNo ? byStaff.get(staffNo) : undefined;
    if (byNo) {
      teacherId = byNo.id;
      if (name && name !== byNo.name) out.add(row, 'teacher', 'nameNotStaffNo', { value: name, staffNo, name: byNo.name });
    } else if (!name) out.add(row, 'teacher', 'required');
    else {
      const named = byName.get(name) ?? [];
      if (named.length === 1) teacherId = named[0].id;
      else if (named.length > 1) out.add(row, 'teacher', 'ambiguousTeacher', { value: name, count: named.length });
      else out.add(row, staffNo ? 'staffNo' : 'teacher', 'unknownTeacher', { value: staffNo ? `${name}（${staffNo}）` : name });
    }
    const title = readRequiredText(row, out, 'title', 100);
    // 级别: from its column, else from the programme's name (“国培计划”...).
    const levelText = row.text('level');
    const level = levelFromText(levelText) ?? (levelText ? null : levelFromText(title));
    row.values.level = level ?? levelText;
    if (!level) out.add(row, 'level', levelText ? 'badValue' : 'required', levelText ? { value: levelText } : undefined);
    // Dates: a 起止日期 cell, or separate start and end columns; one day is both.
    let start: string | null = null;
    let end: string | null = null;
    if (row.text('dates')) {
      // A real date cell (or its serial number) is one day; text is a range, one day, or a month (2025年7月).
      const raw = row.raw('dates');
      const single = raw instanceof Date || typeof raw === 'number' ? parseDate(raw) : null;
      const month = single ? null : /^\d{4}[-./年]\d{1,2}月?$/.test(toHalfWidth(row.text('dates')).replace(/\s+/g, '')) ? parseDate(row.text('dates')) : null;
      const r = single ? { start: single, end: single } : month ? { start: month, end: month } : parseDateRange(row.text('dates'));
      row.values.dates = r ? (r.start === r.end ? r.start : `${r.start}至${r.end}`) : row.text('dates');
      if (!r) out.add(row, 'dates', 'badDate', { value: row.text('dates') });
      else { start = r.start; end = r.end; }
    } else {
      start = readDate(row, out, 'startDate');
      end = readDate(row, out, 'endDate') ?? start;
      start = start ?? end;
      if (!start && !row.values.startDate && !row.values.endDate) out.add(row, row.mapped('dates') || !row.mapped('startDate') ? 'dates' : 'startDate', 'required');
    }
    if (start && end && end < start) out.add(row, row.mapped('dates') ? 'dates' : 'endDate', 'endBeforeStart', { value: `${start}至${end}` });
    let hours = 0;
    const ht = row.text('hours').replace(/学时|课时|小时/g, '');
    row.values.hours = ht;
    const hv = Number(ht);
    if (!ht) out.add(row, 'hours', 'required');
    else if (!Number.isFinite(hv) || hv <= 0 || hv > 1000) out.add(row, 'hours', 'badHours', { value: ht });
    else hours = Math.round(hv * 10) / 10;
    const key = `${teacherId}|${title}|${end}`;
    if (teacherId && title && end) {
      const first = firstRowOf.get(key);
      if (first !== undefined) out.add(row, 'teacher', 'duplicateInFile', { first, value: `${name} ${title}` });
      else firstRowOf.set(key, row.excelRow);
    }
    const id = existing.get(key) ?? null;
    return {
      action: id ? 'update' : 'insert', id, teacherId, startDate: start ?? '', endDate: end ?? '', level: level ?? '校本', title, hours,
      organiser: readOptText(row, out, 'organiser', 100), note: readOptText(row, out, 'note', 500),
    } satisfies TrainingOp;
  });
}
