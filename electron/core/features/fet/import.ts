/**
 * FET import: a .fet file -> teachers, subjects, grades and classes, teaching assignments and (when the file
 * holds a generated timetable) lessons. `analyzeFet` builds the preview and the write plan without touching the
 * database; `commitFet` writes the plan in one transaction.
 *
 * Mapping: FET years -> grades (七年级 / 初一 / 7年级 / Grade 7), groups -> classes (七年级(3)班, 7.3, 701), a year
 * without groups -> one class. Names that are not Chinese grades/classes get the next free grade or class number,
 * with a warning, so foreign files (fet-data's examples) still import. Subgroups belong to their group's class.
 * An activity becomes one teaching assignment per class x subject x teacher (weekly periods = sum of durations);
 * a placed activity becomes a lesson per class and hour it covers, several classes sharing one combined_key (合班课).
 * In FET's mornings-afternoons mode every real day is two FET "days"; they are folded back into one day whose
 * afternoon periods follow the morning ones.
 */
import type Database from 'better-sqlite3';
import type { FetImportPreview, ImportIssue, TimetableSettings } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { GRADE_NAMES, SUBJECT_ALIASES, className, gradeLevelsFor, type SchoolType } from '../../../../shared/domain/constants';
import { toHalfWidth } from '../../../../shared/domain/text';
import { defaultSettings, validateSettings } from '../../../../shared/domain/timetable/settings';
import type { CoreContext } from '../../platform/context';
import { parseClass, parseGradeLevel } from '../../platform/spreadsheet/values';
import { writeSettings } from '../timetable/service';
import { requireTerm, schoolType as schoolTypeOf, schoolYearOfTerm } from '../../platform/query';
import { insertCohortClass } from '../../platform/classes';
import { readFet, type FetActivity, type FetFile } from './model';
import { XmlSyntaxError, decodeXmlBytes } from './xml';

const MAX_DAYS = 6;
const MAX_PERIODS = 14;
const MAX_WEEKLY = 40;
const NAME_MAX = 30;
/** Warnings beyond this many are summarised in one line so a foreign file does not flood the preview. */
const MAX_WARNINGS = 300;

export interface PlannedClass { key: string; level: number; no: number; name: string; fetNames: string[]; classId: number | null; archived: boolean }
interface PlannedAssignment { key: string; classKey: string; subject: string; teacher: string; periods: number; id: number | null }
interface PlannedLesson { classKey: string; day: number; period: number; assignmentKey: string; locked: boolean; combinedKey: string | null }
interface PlannedSettings { daysPerWeek: 5 | 6; settings: TimetableSettings }

export interface FetPlan {
  preview: FetImportPreview;
  termId: number;
  grades: number[];
  classes: PlannedClass[];
  /** School subject name -> existing id or null (create). */
  subjects: Map<string, number | null>;
  /** Teacher name -> existing id or null (create); value also carries the main subject for new teachers. */
  teachers: Map<string, { id: number | null; mainSubject: string | null }>;
  assignments: PlannedAssignment[];
  lessons: PlannedLesson[];
  /** Classes whose existing lessons in the term are replaced by the file's. */
  replaceLessonsOf: string[];
  settings: PlannedSettings | null;
}

const clean = (s: string) => toHalfWidth(s).replace(/\s+/g, ' ').trim();
const cut = (s: string) => (s.length > NAME_MAX ? s.slice(0, NAME_MAX) : s);

/** Reads the upload; anything that is not a readable FET file is one clear error. */
export function readUpload(dataBase64: string): FetFile {
  try {
    const text = decodeXmlBytes(Buffer.from(dataBase64, 'base64'));
    if (!text.trim()) throw new Error('empty file');
    return readFet(text);
  } catch (e) {
    const line = e instanceof XmlSyntaxError ? e.line : 0;
    throw new AppError('IMPORT_INVALID', 'fetUnreadable', { detail: (e as Error).message.slice(0, 200), line });
  }
}

/** How the file's day/hour grid maps onto the school's week (null when it cannot). */
interface Grid { days: number; periods: number; hoursPerDay: number; foldMornings: boolean }
export function gridOf(f: FetFile): Grid | null {
  const nd = f.days.length;
  const nh = f.hours.length;
  if (!nd || !nh) return null;
  // FET 6 says so with <Mode>; the 5.27.3-algeria/-morocco/-ma forks used the same layout without saying it.
  const fold = nd % 2 === 0 && nd > MAX_DAYS &&
    (f.mode === 'Mornings_Afternoons' || (!f.mode && /algeria|morocco|-ma\d/i.test(f.version)));
  const days = fold ? nd / 2 : nd;
  const periods = fold ? nh * 2 : nh;
  if (days > MAX_DAYS || periods > MAX_PERIODS) return null;
  return { days, periods, hoursPerDay: nh, foldMornings: fold };
}

function slotOf(grid: Grid, dayIndex: number, hourIndex: number): { day: number; period: number } {
  if (grid.foldMornings) return { day: Math.floor(dayIndex / 2) + 1, period: (dayIndex % 2) * grid.hoursPerDay + hourIndex + 1 };
  return { day: dayIndex + 1, period: hourIndex + 1 };
}

interface Issues { list: ImportIssue[]; warnings: number; add(i: Omit<ImportIssue, 'field'> & { field?: string }): void }
function issueList(): Issues {
  const me: Issues = {
    list: [],
    warnings: 0,
    add(i) {
      if (i.severity === 'warning' && ++me.warnings > MAX_WARNINGS) return;
      me.list.push({ field: i.column, ...i });
    },
  };
  return me;
}

/** Years/groups -> classes. Returns the classes and a lookup from any students-set name to its class keys. */
function planClasses(f: FetFile, db: Database.Database, termId: number, schoolType: SchoolType, issues: Issues) {
  const classes = new Map<string, PlannedClass>();
  const setToKeys = new Map<string, string[]>();
  const usedNos = new Map<number, Set<number>>();
  const take = (level: number, no: number) => {
    if (!usedNos.has(level)) usedNos.set(level, new Set());
    usedNos.get(level)!.add(no);
  };
  const nextNo = (level: number) => {
    let no = 1;
    while (usedNos.get(level)?.has(no)) no++;
    return no;
  };
  const addClass = (level: number, no: number, fetName: string): string => {
    const key = `${level}-${no}`;
    take(level, no);
    const c = classes.get(key);
    if (c) { if (!c.fetNames.includes(fetName)) c.fetNames.push(fetName); }
    else classes.set(key, { key, level, no, name: className(level, no), fetNames: [fetName], classId: null, archived: false });
    return key;
  };
  const link = (setName: string, keys: string[]) => {
    const cur = setToKeys.get(setName) ?? [];
    for (const k of keys) if (!cur.includes(k)) cur.push(k);
    setToKeys.set(setName, cur);
  };

  // Pass 1: what the names say.
  const years = f.years.map((y) => {
    const name = clean(y.name);
    const groups = y.groups.map((g) => {
      const gname = clean(g.name);
      return { raw: g, name: gname, parsed: parseClass(gname) ?? (parseGradeLevel(name) ? parseClass(gname, name) : null) };
    });
    let level = parseGradeLevel(name);
    const own = groups.length ? null : parseClass(name);
    if (!level && own) level = own.level;
    if (!level) {
      const counts = new Map<number, number>();
      for (const g of groups) if (g.parsed) counts.set(g.parsed.level, (counts.get(g.parsed.level) ?? 0) + 1);
      level = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    }
    for (const g of groups) if (g.parsed) take(g.parsed.level, g.parsed.no);
    if (own) take(own.level, own.no);
    return { raw: y, name, groups, level, own };
  });
  // Pass 2: grades for years whose names say nothing, in file order, preferring the school's own grades.
  const usedLevels = new Set(years.map((y) => y.level).filter((l): l is number => !!l));
  const spare = [...gradeLevelsFor(schoolType), 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((l, i, a) => a.indexOf(l) === i && !usedLevels.has(l));
  const unmapped: string[] = [];
  for (const y of years) {
    if (y.level) continue;
    const level = spare.shift();
    if (!level) {
      unmapped.push(y.name);
      continue;
    }
    y.level = level;
    issues.add({ row: 0, column: 'Year', key: 'fetYearAsGrade', params: { year: y.name, grade: GRADE_NAMES[level] }, severity: 'warning' });
  }
  if (unmapped.length) {
    issues.add({ row: 0, column: 'Year', key: 'fetTooManyYears', params: { count: unmapped.length, years: unmapped.slice(0, 5).join('、') }, severity: 'error' });
  }
  // Sets of those years are left out quietly: the one error above already explains why.
  const unmappedSets = new Set<string>();
  // Pass 3: the classes.
  for (const y of years) {
    if (!y.level) {
      unmappedSets.add(y.raw.name);
      for (const g of y.raw.groups) { unmappedSets.add(g.name); for (const sg of g.subgroups) unmappedSets.add(sg); }
      continue;
    }
    if (!y.groups.length) {
      const level = y.own?.level ?? y.level;
      const no = y.own?.no ?? nextNo(level);
      const key = addClass(level, no, y.name);
      if (!y.own) issues.add({ row: 0, column: 'Year', key: 'fetGroupAsClass', params: { group: y.name, className: className(level, no) }, severity: 'warning' });
      link(y.raw.name, [key]);
      continue;
    }
    const keys: string[] = [];
    const numbered: string[] = [];
    for (const g of y.groups) {
      let key: string;
      if (g.parsed) key = addClass(g.parsed.level, g.parsed.no, g.name);
      else {
        const no = setToKeys.has(g.raw.name) ? null : nextNo(y.level);
        if (no === null) { keys.push(...setToKeys.get(g.raw.name)!); continue; } // same group listed under two years
        key = addClass(y.level, no, g.name);
        numbered.push(className(y.level, no));
      }
      keys.push(key);
      link(g.raw.name, [key]);
      // A subgroup shared by several groups stays with the first.
      for (const s of g.raw.subgroups) if (!setToKeys.has(s)) link(s, [key]);
    }
    link(y.raw.name, keys);
    // One line per year: the preview's class list shows which FET group became which class.
    if (numbered.length) {
      issues.add({ row: 0, column: 'Group', key: 'fetGroupsNumbered', params: { year: y.name, count: numbered.length, first: numbered[0], last: numbered[numbered.length - 1] }, severity: 'warning' });
    }
  }

  // The classes of the term's school year (archived ones too: grade and number name one class a year).
  const existing = db.prepare('SELECT class_id AS id, level, class_no, 1 - active AS archived FROM class_in_term WHERE term_id = ? AND in_year').all(termId) as
    { id: number; level: number; class_no: number; archived: number }[];
  const byKey = new Map(existing.map((r) => [`${r.level}-${r.class_no}`, r]));
  for (const c of classes.values()) {
    const e = byKey.get(c.key);
    if (!e) continue;
    c.classId = e.id;
    c.archived = !!e.archived;
    if (e.archived) issues.add({ row: 0, column: 'Group', key: 'fetClassArchived', params: { className: c.name }, severity: 'warning' });
  }
  const ordered = [...classes.values()].sort((a, b) => a.level - b.level || a.no - b.no);
  for (const k of setToKeys.keys()) unmappedSets.delete(k);
  return { classes: ordered, setToKeys, unmappedSets };
}

/** FET subject -> school subject name (existing by name, short name or alias) and its id. */
function planSubjects(f: FetFile, db: Database.Database) {
  const rows = db.prepare('SELECT id, name, short_name FROM subject').all() as { id: number; name: string; short_name: string | null }[];
  const byName = new Map<string, { id: number; name: string }>();
  for (const r of rows) byName.set(r.name, r);
  for (const r of rows) if (r.short_name && !byName.has(r.short_name)) byName.set(r.short_name, r);
  const fetToSchool = new Map<string, string>();
  const schoolIds = new Map<string, number | null>();
  const names = [...f.subjects, ...f.activities.map((a) => a.subject)].filter(Boolean);
  for (const raw of names) {
    if (fetToSchool.has(raw)) continue;
    const name = clean(raw);
    const alias = SUBJECT_ALIASES[name];
    const hit = byName.get(name) ?? (alias ? byName.get(alias) : undefined);
    const schoolName = hit ? hit.name : cut(alias ?? name);
    fetToSchool.set(raw, schoolName);
    if (!schoolIds.has(schoolName)) schoolIds.set(schoolName, hit?.id ?? byName.get(schoolName)?.id ?? null);
  }
  return { fetToSchool, schoolIds };
}

function planTeachers(f: FetFile, db: Database.Database) {
  const rows = db.prepare('SELECT id, name FROM teacher ORDER BY archived, id').all() as { id: number; name: string }[];
  const byName = new Map<string, number>();
  for (const r of rows) if (!byName.has(r.name)) byName.set(r.name, r.id);
  const fetToSchool = new Map<string, string>();
  for (const raw of [...f.teachers, ...f.activities.flatMap((a) => a.teachers)]) {
    if (!raw || fetToSchool.has(raw)) continue;
    fetToSchool.set(raw, cut(clean(raw)));
  }
  return { fetToSchool, byName };
}

function savedGrid(db: Database.Database, termId: number): { days: number; periods: number } | null {
  const row = db.prepare('SELECT days_per_week, schedule FROM timetable_settings WHERE term_id = ?').get(termId) as
    { days_per_week: number; schedule: string } | undefined;
  if (!row) return null;
  let periods = MAX_PERIODS;
  try {
    const s = JSON.parse(row.schedule) as { periods?: unknown[] };
    if (Array.isArray(s.periods) && s.periods.length) periods = s.periods.length;
  } catch { /* unreadable schedule: only the day count is trusted */ }
  return { days: row.days_per_week, periods };
}

/** Settings for a term that has none yet, shaped to the file's grid; clock times from hour names like 08:00. */
function settingsFor(termId: number, schoolType: SchoolType, f: FetFile, grid: Grid): TimetableSettings {
  const base = defaultSettings(termId, schoolType);
  const daysPerWeek = grid.days === 6 ? 6 : 5;
  const times = grid.foldMornings ? null : f.hours.map((h) => /^(\d{1,2}):(\d{2})/.exec(h.trim())).map((m) => (m ? `${m[1].padStart(2, '0')}:${m[2]}` : null));
  const morningCount = grid.foldMornings ? grid.hoursPerDay : Math.min(4, Math.ceil(grid.periods / 2));
  const build = (useNames: boolean): TimetableSettings => {
    const periods: TimetableSettings['periods'] = [];
    for (let i = 0; i < grid.periods; i++) {
      const named = useNames ? times?.[i] : null;
      const fallback = base.periods[i]?.start ?? addMinutes(periods[i - 1]?.start ?? '07:05', 55);
      const start = named ?? fallback;
      const part = named ? (start < '12:00' ? 'morning' : 'afternoon') : i < morningCount ? 'morning' : 'afternoon';
      periods.push({ no: i + 1, part, start });
    }
    const breaks = base.breaks.filter((b) => b.afterPeriod < periods.length);
    return { termId, daysPerWeek, periods, breaks, lessonMinutes: base.lessonMinutes };
  };
  for (const useNames of [true, false]) {
    let s = build(useNames);
    if (validateSettings(s).length) s = { ...s, breaks: [] };
    if (!validateSettings(s).length) return s;
  }
  return { ...build(false), breaks: [] };
}

function addMinutes(hhmm: string, add: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const t = Math.min(h * 60 + m + add, 23 * 60 + 59);
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

export function analyzeFet(ctx: CoreContext, input: { fileName: string; dataBase64: string; termId: number }): FetPlan {
  const db = ctx.db;
  requireTerm(db, input.termId, { key: 'import.noTerm' });
  const f = readUpload(input.dataBase64);
  const schoolType = schoolTypeOf(db);
  const issues = issueList();

  const { classes, setToKeys, unmappedSets } = planClasses(f, db, input.termId, schoolType, issues);
  const classByKey = new Map(classes.map((c) => [c.key, c]));
  const subj = planSubjects(f, db);
  const teach = planTeachers(f, db);

  // Activities -> assignments.
  const knownTeachers = new Set(f.teachers);
  const knownSubjects = new Set(f.subjects);
  const assignments = new Map<string, PlannedAssignment>();
  const activityPlan = new Map<number, { act: FetActivity; classKeys: string[]; teacher: string; subject: string }>();
  let inactive = 0;
  const teacherSubjects = new Map<string, Map<string, number>>();
  for (const a of f.activities) {
    if (!a.active) { inactive++; continue; }
    let bad = false;
    for (const t of a.teachers) {
      if (knownTeachers.has(t)) continue;
      issues.add({ row: a.id, column: 'Teacher', key: 'fetUnknownTeacher', params: { name: t, id: a.id }, severity: 'error' });
      bad = true;
    }
    if (!a.subject) { issues.add({ row: a.id, column: 'Subject', key: 'fetNoSubject', params: { id: a.id }, severity: 'error' }); bad = true; }
    else if (!knownSubjects.has(a.subject)) {
      issues.add({ row: a.id, column: 'Subject', key: 'fetUnknownSubject', params: { name: a.subject, id: a.id }, severity: 'error' });
      bad = true;
    }
    const classKeys: string[] = [];
    for (const s of a.students) {
      const keys = setToKeys.get(s);
      if (!keys && unmappedSets.has(s)) { bad = true; continue; }
      if (!keys) { issues.add({ row: a.id, column: 'Students', key: 'fetUnknownStudents', params: { name: s, id: a.id }, severity: 'error' }); bad = true; continue; }
      for (const k of keys) if (!classKeys.includes(k)) classKeys.push(k);
    }
    if (bad) continue;
    if (!a.teachers.length) { issues.add({ row: a.id, column: 'Teacher', key: 'fetNoTeacher', params: { id: a.id }, severity: 'warning' }); continue; }
    if (!classKeys.length) { issues.add({ row: a.id, column: 'Students', key: 'fetNoStudents', params: { id: a.id }, severity: 'warning' }); continue; }
    const teacher = teach.fetToSchool.get(a.teachers[0])!;
    const subject = subj.fetToSchool.get(a.subject)!;
    if (a.teachers.length > 1) {
      issues.add({ row: a.id, column: 'Teacher', key: 'fetSeveralTeachers', params: { id: a.id, teachers: a.teachers.join('、'), used: teacher }, severity: 'warning' });
    }
    const ts = teacherSubjects.get(teacher) ?? new Map<string, number>();
    ts.set(subject, (ts.get(subject) ?? 0) + a.duration);
    teacherSubjects.set(teacher, ts);
    for (const ck of classKeys) {
      const key = `${ck}|${subject}|${teacher}`;
      const cur = assignments.get(key) ?? { key, classKey: ck, subject, teacher, periods: 0, id: null };
      cur.periods += a.duration;
      assignments.set(key, cur);
    }
    activityPlan.set(a.id, { act: a, classKeys, teacher, subject });
  }
  if (inactive) issues.add({ row: 0, column: 'Active', key: 'fetInactiveSkipped', params: { count: inactive }, severity: 'warning' });
  for (const as of assignments.values()) {
    if (as.periods > MAX_WEEKLY) {
      issues.add({ row: 0, column: 'Duration', key: 'fetTooManyPeriods', params: { className: classByKey.get(as.classKey)!.name, subject: as.subject, teacher: as.teacher, periods: as.periods, max: MAX_WEEKLY }, severity: 'error' });
    }
  }

  // Existing assignments are matched by term x class x subject x teacher and get the file's weekly periods.
  const existingAssignment = db.prepare(
    `SELECT a.id FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id JOIN teacher t ON t.id = a.teacher_id
      WHERE a.term_id = ? AND a.class_id = ? AND s.name = ? AND t.id = ?`,
  );
  for (const as of assignments.values()) {
    const cls = classByKey.get(as.classKey)!;
    const teacherId = teach.byName.get(as.teacher);
    if (cls.classId && teacherId) {
      const r = existingAssignment.get(input.termId, cls.classId, as.subject, teacherId) as { id: number } | undefined;
      as.id = r?.id ?? null;
    }
  }

  // Placed times -> lessons.
  const grid = gridOf(f);
  const saved = savedGrid(db, input.termId);
  const lessons: PlannedLesson[] = [];
  let settings: PlannedSettings | null = null;
  let placedActivities = 0;
  if (f.placed.length) {
    if (!grid) {
      issues.add({ row: 0, column: 'Days_List', key: 'fetGridTooLarge', params: { days: f.days.length, hours: f.hours.length }, severity: 'warning' });
    } else {
      let limit = { days: grid.days, periods: grid.periods };
      if (saved) {
        if (grid.days > saved.days || grid.periods > saved.periods) {
          issues.add({ row: 0, column: 'Days_List', key: 'fetBeyondSettings', params: { days: grid.days, periods: grid.periods, savedDays: saved.days, savedPeriods: saved.periods }, severity: 'warning' });
        }
        limit = { days: Math.min(grid.days, saved.days), periods: Math.min(grid.periods, saved.periods) };
      } else {
        const s = settingsFor(input.termId, schoolType, f, grid);
        settings = { daysPerWeek: s.daysPerWeek, settings: s };
        issues.add({ row: 0, column: 'Days_List', key: 'fetSettingsAdjusted', params: { days: s.daysPerWeek, periods: s.periods.length }, severity: 'warning' });
      }
      const dayIndex = new Map<string, number>();
      f.days.forEach((d, i) => { if (!dayIndex.has(d)) dayIndex.set(d, i); });
      const hourIndex = new Map<string, number>();
      f.hours.forEach((h, i) => { if (!hourIndex.has(h)) hourIndex.set(h, i); });
      const taken = new Set<string>();
      const seenActivity = new Set<number>();
      let beyond = 0;
      for (const p of f.placed) {
        const plan = activityPlan.get(p.activityId);
        if (!plan) {
          if (!f.activities.some((a) => a.id === p.activityId)) {
            issues.add({ row: p.activityId, column: 'ConstraintActivityPreferredStartingTime', key: 'fetUnknownActivity', params: { id: p.activityId }, severity: 'warning' });
          }
          continue;
        }
        if (seenActivity.has(p.activityId)) continue; // a second 100% constraint on the same activity
        const di = dayIndex.get(p.day);
        const hi = hourIndex.get(p.hour);
        if (di === undefined || hi === undefined) {
          issues.add({ row: p.activityId, column: 'ConstraintActivityPreferredStartingTime', key: 'fetUnknownSlot', params: { id: p.activityId, day: p.day, hour: p.hour }, severity: 'warning' });
          continue;
        }
        seenActivity.add(p.activityId);
        placedActivities++;
        const start = slotOf(grid, di, hi);
        const combinedKey = plan.classKeys.length > 1 ? `FET-${plan.act.id}` : null;
        for (let k = 0; k < plan.act.duration; k++) {
          const period = start.period + k;
          if (start.day > limit.days || period > limit.periods) { beyond++; continue; }
          for (const ck of plan.classKeys) {
            const cell = `${ck}|${start.day}|${period}`;
            if (taken.has(cell)) {
              issues.add({ row: p.activityId, column: 'ConstraintActivityPreferredStartingTime', key: 'fetSlotTaken', params: { id: p.activityId, className: classByKey.get(ck)!.name, day: start.day, period }, severity: 'warning' });
              continue;
            }
            taken.add(cell);
            lessons.push({ classKey: ck, day: start.day, period, assignmentKey: `${ck}|${plan.subject}|${plan.teacher}`, locked: p.locked, combinedKey });
          }
        }
      }
      if (beyond) issues.add({ row: 0, column: 'ConstraintActivityPreferredStartingTime', key: 'fetLessonsBeyondGrid', params: { count: beyond }, severity: 'warning' });
    }
  }

  // Existing lessons of the classes that receive a timetable are replaced.
  const replaceLessonsOf = [...new Set(lessons.map((l) => l.classKey))];
  const countLessons = db.prepare('SELECT COUNT(*) AS n FROM lesson WHERE term_id = ? AND class_id = ?');
  for (const ck of replaceLessonsOf) {
    const cls = classByKey.get(ck)!;
    if (!cls.classId) continue;
    const n = (countLessons.get(input.termId, cls.classId) as { n: number }).n;
    if (n) issues.add({ row: 0, column: 'Activities_List', key: 'fetReplacesLessons', params: { className: cls.name, count: n }, severity: 'warning' });
  }

  // New teachers get the subject they teach most as their main subject.
  const teachers = new Map<string, { id: number | null; mainSubject: string | null }>();
  for (const name of teach.fetToSchool.values()) {
    const counts = [...(teacherSubjects.get(name) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    teachers.set(name, { id: teach.byName.get(name) ?? null, mainSubject: counts[0]?.[0] ?? null });
  }
  if (issues.warnings > MAX_WARNINGS) {
    issues.list.push({ row: 0, column: '', field: '', key: 'fetMoreWarnings', params: { count: issues.warnings - MAX_WARNINGS }, severity: 'warning' });
  }

  const subjectRows = [...subj.fetToSchool].map(([fetName, name]) => ({ name, subjectId: subj.schoolIds.get(name) ?? null, ...(fetName !== name ? { fetName } : {}) }));
  const preview: FetImportPreview = {
    fileName: input.fileName,
    version: f.version,
    hasTimetable: f.placed.length > 0,
    grid: grid ? { days: grid.days, periods: grid.periods } : null,
    teachers: [...teachers].map(([name, t]) => ({ name, teacherId: t.id })),
    subjects: subjectRows.filter((s, i) => subjectRows.findIndex((x) => x.name === s.name && x.fetName === s.fetName) === i),
    classes: classes.map((c) => ({ name: c.name, classId: c.classId, fetNames: c.fetNames })),
    activities: activityPlan.size,
    placed: placedActivities,
    assignments: assignments.size,
    lessons: lessons.length,
    issues: issues.list,
  };
  const grades = [...new Set(classes.map((c) => c.level))].sort((a, b) => a - b);
  return {
    preview, termId: input.termId, grades, classes, subjects: subj.schoolIds, teachers,
    assignments: [...assignments.values()], lessons, replaceLessonsOf, settings,
  };
}

export interface FetCommitCounts { teachersCreated: number; subjectsCreated: number; classesCreated: number; assignments: number; lessons: number }

/** Writes a plan; the caller runs it inside one transaction. */
export function writePlan(db: Database.Database, plan: FetPlan): FetCommitCounts {
  const termId = plan.termId;
  // Grades and classes.
  const gradeId = new Map<number, number>();
  const selGrade = db.prepare('SELECT id FROM grade WHERE level = ?');
  const insGrade = db.prepare('INSERT INTO grade (level) VALUES (?)');
  for (const level of plan.grades) {
    const r = selGrade.get(level) as { id: number } | undefined;
    gradeId.set(level, r ? r.id : Number(insGrade.run(level).lastInsertRowid));
  }
  const yearId = schoolYearOfTerm(db, termId)!;
  const classId = new Map<string, number>();
  let classesCreated = 0;
  for (const c of plan.classes) {
    if (c.classId) { classId.set(c.key, c.classId); continue; }
    classId.set(c.key, insertCohortClass(db, yearId, c.level, c.no));
    classesCreated++;
  }
  // Subjects.
  const subjectId = new Map<string, number>();
  let subjectsCreated = 0;
  let sort = (db.prepare('SELECT COALESCE(MAX(sort_order), 0) AS m FROM subject').get() as { m: number }).m;
  const insSubject = db.prepare('INSERT INTO subject (name, short_name, sort_order) VALUES (?, ?, ?)');
  for (const [name, id] of plan.subjects) {
    if (id) { subjectId.set(name, id); continue; }
    subjectId.set(name, Number(insSubject.run(name, name.slice(0, 10), ++sort).lastInsertRowid));
    subjectsCreated++;
  }
  // Teachers.
  const teacherId = new Map<string, number>();
  let teachersCreated = 0;
  const insTeacher = db.prepare('INSERT INTO teacher (name, subject_id) VALUES (?, ?)');
  for (const [name, t] of plan.teachers) {
    if (t.id) { teacherId.set(name, t.id); continue; }
    teacherId.set(name, Number(insTeacher.run(name, t.mainSubject ? subjectId.get(t.mainSubject) ?? null : null).lastInsertRowid));
    teachersCreated++;
  }
  // Assignments.
  const insAssignment = db.prepare('INSERT INTO teaching_assignment (term_id, teacher_id, class_id, subject_id, weekly_periods) VALUES (?, ?, ?, ?, ?)');
  const updAssignment = db.prepare('UPDATE teaching_assignment SET weekly_periods = ? WHERE id = ?');
  const assignmentId = new Map<string, number>();
  for (const a of plan.assignments) {
    if (a.id) { updAssignment.run(a.periods, a.id); assignmentId.set(a.key, a.id); continue; }
    const id = insAssignment.run(termId, teacherId.get(a.teacher)!, classId.get(a.classKey)!, subjectId.get(a.subject)!, a.periods).lastInsertRowid;
    assignmentId.set(a.key, Number(id));
  }
  // Lessons: the file's timetable replaces the term's lessons of those classes.
  const delLessons = db.prepare('DELETE FROM lesson WHERE term_id = ? AND class_id = ?');
  for (const ck of plan.replaceLessonsOf) delLessons.run(termId, classId.get(ck)!);
  const insLesson = db.prepare('INSERT INTO lesson (term_id, class_id, day, period, assignment_id, locked, combined_key) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const l of plan.lessons) {
    insLesson.run(termId, classId.get(l.classKey)!, l.day, l.period, assignmentId.get(l.assignmentKey)!, l.locked ? 1 : 0, l.combinedKey);
  }
  if (plan.settings) writeSettings(db, plan.settings.settings);
  return { teachersCreated, subjectsCreated, classesCreated, assignments: plan.assignments.length, lessons: plan.lessons.length };
}
