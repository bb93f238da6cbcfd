/**
 * Reads class timetables from Excel (this app's export or a hand-made office file) and matches every cell to a
 * teaching assignment of the term. Nothing is written here: the result is a preview with per-cell issues and
 * the planned lessons, which importCommit writes in one transaction.
 *
 * Tolerated: a title row above the header; days written 星期一 / 周一 / 一; periods 第1节 / 1 / 第一节 (with or
 * without a 上午/下午 column, numbering restarting in the afternoon); cells 语文 / 语文 王丽 / 语文\n王丽 /
 * 语文(王丽) / 语文王老师. Each sheet is read as the layout it looks like (one class with days across, or the
 * master grid with classes down), whichever layout was asked for.
 */
import type { ImportIssue, TimetableImportPreview } from '../../../../shared/contract';
import { SUBJECT_ALIASES, className } from '../../../../shared/domain/constants';
import { toHalfWidth } from '../../../../shared/domain/text';
import { AppError } from '../../../../shared/errors';
import { isSignatureFooter } from '../../platform/spreadsheet/issues';
import type { CoreContext } from '../../platform/context';
import { readAllSheets, type Cell } from '../../platform/spreadsheet/read';
import { cellText, parseClass, parseSmallNumber } from '../../platform/spreadsheet/values';
import { DAY_NAMES } from './print/data';
import { loadSettings } from './queries';
import { requireTerm } from '../../platform/query';

export interface PlannedLesson { classId: number; day: number; period: number; assignmentId: number }
export interface TimetableAnalysis {
  preview: TimetableImportPreview;
  lessons: PlannedLesson[];
  /** Classes found in the file: their timetables are replaced on commit. */
  classIds: number[];
}

interface Sheet { name: string; grid: Cell[][] }

const CN_DAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/** 星期一 / 周一 / 礼拜一 / 一 / 星期1 -> 1; Sunday -> 7 (outside any term, reported as badSlot). */
export function parseDay(text: string): number | null {
  const s = toHalfWidth(text).replace(/\s+/g, '');
  const m = /^(?:星期|周|礼拜)?([一二三四五六日天1-7])$/.exec(s);
  if (!m) return null;
  return CN_DAY[m[1]] ?? Number(m[1]);
}

/** 第1节 / 第一节 / 1 / 1节 / "第1节 08:00-08:45" -> 1. A bare time or text like 午休 is not a period. */
export function parsePeriodLabel(text: string): number | null {
  const first = toHalfWidth(text).trim().split(/\s+/)[0] ?? '';
  const m = /^(第)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})(节课?)?$/.exec(first);
  if (!m) return null;
  if (!m[1] && !m[3] && !/^\d+$/.test(m[2])) return null; // a lone 一 is a day, not a period
  const n = parseSmallNumber(m[2]);
  return n && n <= 14 ? n : null;
}

/** 语文 / 语文 王丽 / 语文(王丽) / 语文（王老师） -> subject text and optional teacher text. */
export function splitLessonText(text: string): { subject: string; teacher: string | null } {
  const s = toHalfWidth(text).replace(/\s+/g, ' ').trim();
  const paren = /^(.+?)\s*[([【]\s*(.+?)\s*[)\]】]$/.exec(s);
  if (paren) return { subject: paren[1], teacher: paren[2] };
  const [subject, ...rest] = s.split(' ');
  return { subject, teacher: rest.length ? rest.join('') : null };
}

const norm = (s: string) => toHalfWidth(s).replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/\s+/g, '').toUpperCase();

interface AssignmentRef { id: number; teacherName: string }

/** Everything the matcher needs, read once. */
function lookups(ctx: CoreContext, termId: number) {
  const classes = new Map<string, { id: number; name: string }>();
  for (const c of ctx.db.prepare('SELECT class_id AS id, level, class_no FROM class_in_term WHERE term_id = ? AND active').all(termId) as { id: number; level: number; class_no: number }[]) {
    classes.set(`${c.level}:${c.class_no}`, { id: c.id, name: className(c.level, c.class_no) });
  }
  const subjects = new Map<string, { id: number; name: string }>();
  for (const s of ctx.db.prepare('SELECT id, code, name, short_name FROM subject WHERE archived = 0 ORDER BY sort_order, id').all() as { id: number; code: string | null; name: string; short_name: string | null }[]) {
    for (const k of [s.name, s.short_name, s.code]) if (k && !subjects.has(norm(k))) subjects.set(norm(k), { id: s.id, name: s.name });
  }
  for (const [alias, name] of Object.entries(SUBJECT_ALIASES)) {
    const s = subjects.get(norm(name));
    if (s && !subjects.has(norm(alias))) subjects.set(norm(alias), s);
  }
  // Longest names first, for cells with no separator between subject and teacher (语文王丽).
  const subjectKeys = [...subjects.keys()].sort((a, b) => b.length - a.length);
  const assignments = new Map<string, AssignmentRef[]>();
  for (const a of ctx.db.prepare(
    `SELECT a.id, a.class_id, a.subject_id, t.name FROM teaching_assignment a JOIN teacher t ON t.id = a.teacher_id WHERE a.term_id = ? ORDER BY a.id`,
  ).all(termId) as { id: number; class_id: number; subject_id: number; name: string }[]) {
    const k = `${a.class_id}:${a.subject_id}`;
    const list = assignments.get(k) ?? [];
    list.push({ id: a.id, teacherName: a.name });
    assignments.set(k, list);
  }
  return { classes, subjects, subjectKeys, assignments };
}

type Lookups = ReturnType<typeof lookups>;

const CLASS_IN_TEXT = /(初[一二三]|[一二三四五六七八九1-9]年级?)\s*[(（]?\s*[0-9]{1,2}\s*[)）]?\s*班/g;

/** The class a sheet is about: from its name (七年级(1)班, 701, 7-1), else from a class name in its title rows. */
function classOfSheet(sheet: Sheet, headerRow: number, lk: Lookups): { id: number; name: string } | null {
  const tryText = (t: string) => {
    const p = parseClass(t);
    return p ? lk.classes.get(`${p.level}:${p.no}`) ?? null : null;
  };
  const byName = tryText(sheet.name.replace(/课程表|课表$/g, ''));
  if (byName) return byName;
  for (let r = 0; r < headerRow; r++) {
    for (const v of sheet.grid[r] ?? []) {
      for (const m of toHalfWidth(cellText(v)).matchAll(CLASS_IN_TEXT)) {
        const c = tryText(m[0]);
        if (c) return c;
      }
    }
  }
  return null;
}

interface Ctx {
  lk: Lookups;
  daysPerWeek: number;
  periodNos: Set<number>;
  issues: ImportIssue[];
  lessons: PlannedLesson[];
  /** classId -> sheet it was first read from, to catch a class appearing twice. */
  seenClass: Map<number, string>;
  classRows: Map<number, { name: string; lessons: number }>;
  /** Classes with a cell that could not be read: skipped whole (they keep their current timetable). */
  badClasses: Set<number>;
}

function issue(c: Ctx, sheet: string, row: number, column: string, key: string, params: Record<string, string | number> = {}, severity: ImportIssue['severity'] = 'error') {
  c.issues.push({ row, column, field: sheet, key, params: { sheet, ...params }, severity });
}

/** Matches one cell's text to an assignment of the class; records an issue and returns null when it cannot. */
function matchCell(c: Ctx, text: string, classId: number, at: { sheet: string; row: number; column: string }): number | null {
  const { lk } = c;
  let { subject, teacher } = splitLessonText(text);
  let found = lk.subjects.get(norm(subject));
  if (!found) {
    const whole = norm(text);
    const key = lk.subjectKeys.find((k) => whole.startsWith(k));
    if (key) { found = lk.subjects.get(key); subject = key; teacher = whole.slice(key.length) || null; }
  }
  if (!found) { issue(c, at.sheet, at.row, at.column, 'unknownSubject', { value: subject }); return null; }
  const options = lk.assignments.get(`${classId}:${found.id}`) ?? [];
  const className = c.classRows.get(classId)?.name ?? '';
  if (!options.length) { issue(c, at.sheet, at.row, at.column, 'noAssignment', { value: found.name, class: className }); return null; }
  const who = teacher ? teacher.replace(/(老师|老|师)$/, '') : '';
  const byTeacher = who ? options.filter((o) => o.teacherName === who || o.teacherName.startsWith(who)) : [];
  if (options.length === 1) {
    if (who && !byTeacher.length) issue(c, at.sheet, at.row, at.column, 'teacherMismatch', { value: teacher ?? '', teacher: options[0].teacherName }, 'warning');
    return options[0].id;
  }
  if (byTeacher.length === 1) return byTeacher[0].id;
  issue(c, at.sheet, at.row, at.column, 'ambiguous', {
    value: text, subject: found.name, teachers: options.map((o) => o.teacherName).join('、'),
  });
  return null;
}

function place(c: Ctx, classId: number, day: number, period: number, text: string, at: { sheet: string; row: number; column: string }) {
  if (day > c.daysPerWeek || !c.periodNos.has(period)) {
    issue(c, at.sheet, at.row, at.column, 'badSlot', { value: text, days: c.daysPerWeek, periods: c.periodNos.size });
    c.badClasses.add(classId);
    return;
  }
  const assignmentId = matchCell(c, text, classId, at);
  if (assignmentId === null) { c.badClasses.add(classId); return; }
  c.lessons.push({ classId, day, period, assignmentId });
  c.classRows.get(classId)!.lessons++;
}

function claimClass(c: Ctx, cls: { id: number; name: string }, sheet: string, row: number, column: string): boolean {
  const first = c.seenClass.get(cls.id);
  if (first !== undefined) {
    issue(c, sheet, row, column, 'duplicateClass', { value: cls.name, first });
    return false;
  }
  c.seenClass.set(cls.id, sheet);
  c.classRows.set(cls.id, { name: cls.name, lessons: 0 });
  return true;
}

/** Header row: the first of the top rows with at least two day names. Columns hold the day (carried right over blanks). */
function findDayHeader(grid: Cell[][]): { row: number; dayOf: Map<number, number> } | null {
  for (let r = 0; r < Math.min(grid.length, 8); r++) {
    const row = grid[r] ?? [];
    const dayOf = new Map<number, number>();
    let carry: number | null = null;
    for (let col = 0; col < row.length; col++) {
      const t = cellText(row[col] ?? null);
      const d = t ? parseDay(t) : null;
      if (d) carry = d;
      else if (t) carry = null;
      if (carry) dayOf.set(col, carry);
    }
    if (new Set(dayOf.values()).size >= 2) return { row: r, dayOf };
  }
  return null;
}

/** One class, days across, periods down. */
function readClassSheet(c: Ctx, sheet: Sheet, header: { row: number; dayOf: Map<number, number> }) {
  const firstDayCol = Math.min(...header.dayOf.keys());
  const cls = classOfSheet(sheet, header.row, c.lk);
  if (!cls) {
    issue(c, sheet.name, header.row + 1, '', 'unknownClass', { value: sheet.name });
    return;
  }
  if (!claimClass(c, cls, sheet.name, 1, '')) return;
  let last = 0;
  let offset = 0;
  for (let r = header.row + 1; r < sheet.grid.length; r++) {
    const row = sheet.grid[r] ?? [];
    let period: number | null = null;
    for (let col = 0; col < firstDayCol && period === null; col++) period = parsePeriodLabel(cellText(row[col] ?? null));
    if (period === null) continue; // 午休 / 大课间 rows, notes, blank rows
    // Afternoon numbering that restarts at 1 continues after the morning's last period.
    if (period + offset <= last && offset === 0) offset = last;
    period += offset;
    last = period;
    for (const [col, day] of header.dayOf) {
      const text = cellText(row[col] ?? null);
      if (!text) continue;
      place(c, cls.id, day, period, text, { sheet: sheet.name, row: r + 1, column: DAY_NAMES[day - 1] ?? `星期${day}` });
    }
  }
}

/** Classes down, day x period across under a day row and a period row. */
function readMasterSheet(c: Ctx, sheet: Sheet, header: { row: number; dayOf: Map<number, number> }, periodOf: Map<number, number>) {
  const firstSlotCol = Math.min(...periodOf.keys());
  for (let r = header.row + 2; r < sheet.grid.length; r++) {
    const row = sheet.grid[r] ?? [];
    let label = '';
    let cls: { id: number; name: string } | null = null;
    for (let col = firstSlotCol - 1; col >= 0 && !cls; col--) {
      const t = cellText(row[col] ?? null);
      if (!t) continue;
      label ||= t;
      const p = parseClass(t);
      cls = p ? c.lk.classes.get(`${p.level}:${p.no}`) ?? null : null;
    }
    const hasCells = [...periodOf.keys()].some((col) => cellText(row[col] ?? null));
    const texts = row.map((x) => cellText(x ?? null)).filter(Boolean);
    if (!cls && texts.length && isSignatureFooter(texts, [label])) {
      issue(c, sheet.name, r + 1, '', 'footerIgnored', { row: r + 1, text: texts.join(' ').slice(0, 60) }, 'notice');
      continue;
    }
    if (!cls) {
      if (label || hasCells) issue(c, sheet.name, r + 1, '班级', 'unknownClass', { value: label });
      continue;
    }
    if (!claimClass(c, cls, sheet.name, r + 1, '班级')) continue;
    for (const [col, period] of periodOf) {
      const text = cellText(row[col] ?? null);
      if (!text) continue;
      const day = header.dayOf.get(col)!;
      place(c, cls.id, day, period, text, { sheet: sheet.name, row: r + 1, column: `${DAY_NAMES[day - 1] ?? `星期${day}`}第${period}节` });
    }
  }
}

export function analyzeTimetableFile(ctx: CoreContext, input: { fileName: string; dataBase64: string; termId: number; layout: 'classes' | 'master' }): TimetableAnalysis {
  requireTerm(ctx.db, input.termId);
  const sheets = readAllSheets(input.fileName, Buffer.from(input.dataBase64, 'base64'));
  if (!sheets.length) throw new AppError('VALIDATION', 'import.emptyFile', { file: input.fileName });
  const settings = loadSettings(ctx.db, input.termId);
  const c: Ctx = {
    lk: lookups(ctx, input.termId), daysPerWeek: settings.daysPerWeek, periodNos: new Set(settings.periods.map((p) => p.no)),
    issues: [], lessons: [], seenClass: new Map(), classRows: new Map(), badClasses: new Set(),
  };
  for (const sheet of sheets) {
    const header = findDayHeader(sheet.grid);
    if (!header) {
      issue(c, sheet.name, 1, '', 'noTimetableGrid', {}, 'warning');
      continue;
    }
    // The master layout has a period row under the day row, with period labels under the day columns.
    const below = sheet.grid[header.row + 1] ?? [];
    const periodOf = new Map<number, number>();
    for (const col of header.dayOf.keys()) {
      const p = parsePeriodLabel(cellText(below[col] ?? null));
      if (p) periodOf.set(col, p);
    }
    if (periodOf.size >= 2) readMasterSheet(c, sheet, header, periodOf);
    else readClassSheet(c, sheet, header);
  }
  if (!c.classRows.size && !c.issues.some((i) => i.severity === 'error')) issue(c, sheets[0].name, 1, '', 'noTimetableFound');
  // A class's two lessons in one slot can only come from a file that lists a slot twice: keep the first.
  const seenSlot = new Set<string>();
  const lessons = c.lessons.filter((l) => {
    const k = `${l.classId}:${l.day}:${l.period}`;
    if (seenSlot.has(k)) return false;
    seenSlot.add(k);
    return true;
  });
  const errors = c.issues.filter((i) => i.severity === 'error').length;
  // Only a file with no timetable in it is refused as a whole; a class with an unreadable cell is skipped whole
  // (half a class's week would be worse than its old timetable) and the other classes still import.
  const fileErrors = c.issues.filter((i) => i.severity === 'error' && i.key === 'noTimetableFound').length;
  const classes = [...c.classRows].filter(([classId]) => !c.badClasses.has(classId)).map(([classId, r]) => ({ classId, name: r.name, lessons: r.lessons }));
  const kept = lessons.filter((l) => !c.badClasses.has(l.classId));
  return {
    preview: {
      layout: input.layout,
      sheets: sheets.map((s) => s.name),
      classes,
      issues: c.issues,
      counts: {
        lessons: kept.length, classes: classes.length, skippedClasses: c.badClasses.size, errors, fileErrors,
        warnings: c.issues.filter((i) => i.severity === 'warning').length,
      },
    },
    lessons: kept,
    classIds: classes.map((x) => x.classId),
  };
}
