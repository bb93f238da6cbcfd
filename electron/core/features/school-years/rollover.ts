/**
 * The new school year (学年升级). A plan is computed first (the preview lists every change, nothing written);
 * the commit takes a backup and then applies the same plan in one transaction, so undo = that backup.
 *
 * Cohorts move up by arithmetic (no class row changes): only the top grade is closed (毕业), the entry grade's
 * classes are created, and the year's facts are written for the new year: enrollment stretches, head
 * teachers, teaching groups, teaching assignments (跟班走 or 循环), timetable settings, check standards,
 * observation quotas, and open struggling-student files (继续帮扶).
 */
import type Database from 'better-sqlite3';
import type { ParsedInput, RolloverLine, RolloverPreview, RolloverResult } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import { cohortName, entryLevelFor, topLevelFor } from '../../../../shared/domain/cohort';
import { addDaysIso } from '../../../../shared/domain/dates';
import { termEnd } from '../../../../shared/domain/timetable/taught';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { newestSchoolYearId, schoolType } from '../../platform/query';
import { refreshTermLocks } from '../../platform/term-lock';
import { schoolDay } from '../../../../shared/domain/dates';
import { carryStrugglingFiles, copyTermRows, countTermRows, openFilesToCarry, type OpenFile } from './carry';

type Input = ParsedInput<'school-years/rollover'>;

interface YearClass { id: number; level: number; classNo: number; entryYear: number; head: number | null }
interface SourceAssignment { classId: number; teacherId: number; subjectId: number; periods: number }

/** Everything the roll-over will write, computed without writing. */
interface Plan {
  preview: RolloverPreview;
  fromYearId: number;
  /** The term whose assignments and settings are carried (the old year's last term that has assignments). */
  sourceTermId: number | null;
  continuing: YearClass[];
  graduating: YearClass[];
  entryNos: number[];
  entryLevel: number;
  assignments: { target: { existing: number } | { entryNo: number }; teacherId: number; subjectId: number; periods: number }[];
  students: { continuing: number[]; graduating: number[] };
  files: OpenFile[];
}

const TABLES_COPIED = { settings: ['timetable_settings', 'teacher_unavailable'], standards: ['routine_standard'], quotas: ['observation_quota', 'observation_quota_override'] };

function yearClasses(db: Database.Database, yearId: number): YearClass[] {
  return (db.prepare(
    `SELECT class_id AS id, level, class_no AS classNo, entry_year AS entryYear, head_teacher_id AS head FROM class_in_year
      WHERE school_year_id = ? AND active ORDER BY level, class_no`,
  ).all(yearId) as YearClass[]);
}

export function planRollover(ctx: CoreContext, input: Input): Plan {
  const { db } = ctx;
  const fromYearId = newestSchoolYearId(db);
  if (fromYearId === null) throw new AppError('VALIDATION', 'noSchoolYear');
  const from = db.prepare('SELECT start_year, name FROM school_year WHERE id = ?').get(fromYearId) as { start_year: number; name: string };
  const blockers: RolloverPreview['blockers'] = [];
  if (input.startYear !== from.start_year + 1) blockers.push({ key: 'schoolYears.notNextYear', params: { year: from.start_year + 1 } });
  if (db.prepare('SELECT 1 FROM school_year WHERE start_year = ?').get(input.startYear)) blockers.push({ key: 'schoolYears.yearExists', params: { year: input.startYear } });
  const t1End = termEnd(input.term1Start, input.term1Weeks);
  if (!input.term1Start.startsWith(String(input.startYear))) blockers.push({ key: 'schoolYears.term1OutsideYear', params: { year: input.startYear } });
  if (input.term2Start <= t1End) blockers.push({ key: 'schoolYears.term2BeforeTerm1End', params: { end: t1End } });
  const lastTerm = db.prepare('SELECT id, start_date, teaching_weeks FROM term WHERE school_year_id = ? ORDER BY term_no DESC LIMIT 1').get(fromYearId) as
    { id: number; start_date: string; teaching_weeks: number } | undefined;
  if (lastTerm && input.term1Start <= lastTerm.start_date) blockers.push({ key: 'schoolYears.term1BeforeOldYear', params: { date: lastTerm.start_date } });

  const type = schoolType(db);
  const top = topLevelFor(type);
  const entryLevel = entryLevelFor(type);
  const classes = yearClasses(db, fromYearId);
  const continuing = classes.filter((c) => c.level < top);
  const graduating = classes.filter((c) => c.level >= top);
  const entryNos = Array.from({ length: input.entryClasses }, (_, i) => i + 1);

  // The source of assignments and settings: the old year's last term that has assignments.
  const sourceTermId = (db.prepare(
    `SELECT t.id FROM term t WHERE t.school_year_id = ? AND EXISTS (SELECT 1 FROM teaching_assignment a WHERE a.term_id = t.id)
      ORDER BY t.term_no DESC LIMIT 1`,
  ).get(fromYearId) as { id: number } | undefined)?.id ?? lastTerm?.id ?? null;

  const students = {
    continuing: db.prepare(
      `SELECT s.id FROM student s WHERE s.status = '在读' AND s.archived = 0 AND s.class_id IN (SELECT value FROM json_each(?))`,
    ).pluck().all(JSON.stringify(continuing.map((c) => c.id))) as number[],
    graduating: db.prepare(
      `SELECT s.id FROM student s WHERE s.status = '在读' AND s.archived = 0 AND s.class_id IN (SELECT value FROM json_each(?))`,
    ).pluck().all(JSON.stringify(graduating.map((c) => c.id))) as number[],
  };

  // Assignments: each new class takes the subjects and periods its grade had last year (the class at that grade
  // and number), and a teacher by the rule: 跟班走 = who taught this cohort the subject (the top grade's
  // teachers go round to the entry grade), 循环 = who taught the subject at this grade and number.
  const assignments: Plan['assignments'] = [];
  if (sourceTermId !== null && input.assignmentRule !== '不复制') {
    const src = db.prepare('SELECT class_id AS classId, teacher_id AS teacherId, subject_id AS subjectId, weekly_periods AS periods FROM teaching_assignment WHERE term_id = ? ORDER BY id')
      .all(sourceTermId) as SourceAssignment[];
    const byClass = new Map<number, SourceAssignment[]>();
    for (const a of src) byClass.set(a.classId, [...(byClass.get(a.classId) ?? []), a]);
    const at = new Map(classes.map((c) => [`${c.level}:${c.classNo}`, c]));
    const teacherOf = (classId: number | undefined, subjectId: number) => (classId === undefined ? undefined : byClass.get(classId)?.find((a) => a.subjectId === subjectId)?.teacherId);
    const plan = (newLevel: number, classNo: number, cohortClassId: number | undefined, target: Plan['assignments'][number]['target']) => {
      const template = at.get(`${newLevel}:${classNo}`) ?? at.get(`${newLevel}:1`);
      for (const t of template ? byClass.get(template.id) ?? [] : []) {
        const teacherId = input.assignmentRule === '循环' ? t.teacherId : teacherOf(cohortClassId, t.subjectId) ?? t.teacherId;
        assignments.push({ target, teacherId, subjectId: t.subjectId, periods: t.periods });
      }
    };
    for (const c of continuing) plan(c.level + 1, c.classNo, c.id, { existing: c.id });
    for (const no of entryNos) plan(entryLevel, no, graduating.find((g) => g.classNo === no)?.id, { entryNo: no });
  }

  const files = input.carryStrugglingFiles ? openFilesToCarry(db).filter((f) => !students.graduating.includes(f.studentId)) : [];
  const groups = input.copyGroups ? db.prepare('SELECT name FROM teaching_group WHERE school_year_id = ? AND archived = 0 ORDER BY id').pluck().all(fromYearId) as string[] : [];
  const toYear = `${input.startYear}-${input.startYear + 1}学年`;
  // Mentor pairs run over dates, so nothing is copied: pairs whose period reaches into the new year go on;
  // running pairs that end before it are closed (已结束).
  const pairs = db.prepare(`SELECT p.end_date >= ? AS goes_on, m.name || '—' || a.name AS label FROM mentor_pair p
    JOIN teacher m ON m.id = p.mentor_id JOIN teacher a ON a.id = p.apprentice_id WHERE p.status = '进行中' ORDER BY p.id`).all(input.term1Start) as { goes_on: number; label: string }[];
  const count = (tables: string[]) => (sourceTermId === null ? 0 : tables.reduce((n, t) => n + countTermRows(db, t, sourceTermId), 0));
  const lines: RolloverLine[] = [
    { key: 'createYear', count: 1, examples: [toYear, `${input.term1Start} / ${input.term2Start}`] },
    { key: 'promoteClasses', count: continuing.length, examples: continuing.slice(0, 3).map((c) => `${cohortName(c.entryYear, c.classNo)}：${className(c.level, c.classNo)} → ${className(c.level + 1, c.classNo)}`) },
    { key: 'promoteStudents', count: students.continuing.length, examples: [] },
    { key: 'graduateClasses', count: graduating.length, examples: graduating.slice(0, 3).map((c) => `${cohortName(c.entryYear, c.classNo)}（${className(c.level, c.classNo)}）`) },
    { key: 'graduateStudents', count: students.graduating.length, examples: [] },
    { key: 'createEntryClasses', count: entryNos.length, examples: entryNos.slice(0, 3).map((n) => `${className(entryLevel, n)}（${cohortName(input.startYear, n)}）`) },
    { key: 'headTeachers', count: continuing.filter((c) => c.head !== null).length + (input.assignmentRule === '跟班走' ? entryNos.filter((n) => graduating.some((g) => g.classNo === n && g.head !== null)).length : 0), examples: [] },
    { key: 'groups', count: groups.length, examples: groups.slice(0, 3) },
    { key: 'assignments', count: assignments.length, examples: [input.assignmentRule] },
    { key: 'timetableSettings', count: input.copyTimetableSettings ? count(TABLES_COPIED.settings) : 0, examples: [] },
    { key: 'standards', count: input.copyStandards ? count(TABLES_COPIED.standards) : 0, examples: [] },
    { key: 'quotas', count: input.copyQuotas ? count(TABLES_COPIED.quotas) : 0, examples: [] },
    { key: 'strugglingFiles', count: files.length, examples: files.slice(0, 3).map((f) => f.studentName) },
    { key: 'mentorPairs', count: pairs.filter((p) => p.goes_on).length, examples: pairs.filter((p) => p.goes_on).slice(0, 3).map((p) => p.label) },
    { key: 'mentorPairsEnding', count: pairs.filter((p) => !p.goes_on).length, examples: pairs.filter((p) => !p.goes_on).slice(0, 3).map((p) => p.label) },
    { key: 'teacherRoles', count: (db.prepare('SELECT COUNT(*) AS n FROM teacher WHERE archived = 0').get() as { n: number }).n, examples: [] },
  ];
  const cohorts: RolloverPreview['cohorts'] = [];
  const byCohort = new Map<number, YearClass[]>();
  for (const c of classes) byCohort.set(c.entryYear, [...(byCohort.get(c.entryYear) ?? []), c]);
  const studentsIn = db.prepare(`SELECT COUNT(*) AS n FROM student WHERE status = '在读' AND archived = 0 AND class_id IN (SELECT value FROM json_each(?))`);
  for (const [entryYear, cs] of [...byCohort].sort((a, b) => a[0] - b[0])) {
    const level = cs[0].level;
    cohorts.push({
      entryYear, fromLevel: level, toLevel: level >= top ? null : level + 1, classes: cs.length, graduates: level >= top,
      students: (studentsIn.get(JSON.stringify(cs.map((c) => c.id))) as { n: number }).n,
    });
  }
  if (entryNos.length) cohorts.push({ entryYear: input.startYear, fromLevel: null, toLevel: entryLevel, classes: entryNos.length, students: 0, graduates: false });
  return {
    preview: { fromYear: from.name, toYear, lines, blockers, cohorts },
    fromYearId, sourceTermId, continuing, graduating, entryNos, entryLevel, assignments, students, files,
  };
}

/** Applies a plan with no blockers, in the caller's transaction. Returns the new year and its term ids. */
function applyRollover(ctx: CoreContext, input: Input, plan: Plan): { yearId: number; termIds: number[] } {
  const { db } = ctx;
  const now = ctx.now().toISOString();
  const from = db.prepare('SELECT start_year FROM school_year WHERE id = ?').get(plan.fromYearId) as { start_year: number };
  const yearId = Number(db.prepare('INSERT INTO school_year (start_year, name) VALUES (?, ?)').run(input.startYear, plan.preview.toYear).lastInsertRowid);
  const insTerm = db.prepare('INSERT INTO term (school_year_id, term_no, start_date, teaching_weeks) VALUES (?, ?, ?, ?)');
  const term1 = Number(insTerm.run(yearId, 1, input.term1Start, input.term1Weeks).lastInsertRowid);
  const term2 = Number(insTerm.run(yearId, 2, input.term2Start, input.term2Weeks).lastInsertRowid);
  const oldYearEnd = addDaysIso(input.term1Start, -1);

  // Graduation: the top grade's classes end this year; their students leave with 毕业 (archived, still in history).
  const endClass = db.prepare('UPDATE class SET end_year = ?, archived = 1 WHERE id = ?');
  for (const c of plan.graduating) endClass.run(from.start_year, c.id);
  const closeStretch = db.prepare(`UPDATE student_enrollment SET to_date = ?, end_change = ? WHERE student_id = ? AND to_date IS NULL`);
  for (const id of plan.students.graduating) {
    closeStretch.run(oldYearEnd, '毕业', id);
    db.prepare(`UPDATE student SET status = '毕业', archived = 1 WHERE id = ?`).run(id);
  }
  // Promotion: the class stays, the year changes; each student gets the new year's stretch in the same class.
  const openStretch = db.prepare(`INSERT INTO student_enrollment (student_id, school_year_id, class_id, from_date, start_change)
    SELECT id, ?, class_id, ?, '升级' FROM student WHERE id = ?`);
  for (const id of plan.students.continuing) {
    closeStretch.run(oldYearEnd, '升级', id);
    openStretch.run(yearId, input.term1Start, id);
  }
  // Head teachers stay with their class; entry classes get the graduating class's (跟班走) or none.
  const setHead = db.prepare('INSERT INTO class_year (class_id, school_year_id, head_teacher_id) VALUES (?, ?, ?)');
  for (const c of plan.continuing) setHead.run(c.id, yearId, c.head);
  const entryIds = new Map<number, number>();
  const insClass = db.prepare('INSERT INTO class (entry_year, entry_level, class_no) VALUES (?, ?, ?)');
  for (const no of plan.entryNos) {
    const id = Number(insClass.run(input.startYear, plan.entryLevel, no).lastInsertRowid);
    entryIds.set(no, id);
    const head = input.assignmentRule === '跟班走' ? plan.graduating.find((g) => g.classNo === no)?.head ?? null : null;
    setHead.run(id, yearId, head);
  }
  // The closing year's roles are kept (teacher.roles goes on as "now").
  db.prepare(`INSERT OR REPLACE INTO teacher_year (teacher_id, school_year_id, roles) SELECT id, ?, roles FROM teacher WHERE archived = 0`).run(plan.fromYearId);
  if (input.copyGroups) {
    const groups = db.prepare('SELECT id, kind, name, subject_id, grade_id, leader_id FROM teaching_group WHERE school_year_id = ? AND archived = 0 ORDER BY id')
      .all(plan.fromYearId) as { id: number; kind: string; name: string; subject_id: number | null; grade_id: number | null; leader_id: number | null }[];
    const ins = db.prepare('INSERT INTO teaching_group (school_year_id, kind, name, subject_id, grade_id, leader_id) VALUES (?, ?, ?, ?, ?, ?)');
    const members = db.prepare('INSERT INTO teaching_group_member (group_id, teacher_id) SELECT ?, m.teacher_id FROM teaching_group_member m JOIN teacher t ON t.id = m.teacher_id WHERE m.group_id = ? AND t.archived = 0');
    for (const g of groups) members.run(Number(ins.run(yearId, g.kind, g.name, g.subject_id, g.grade_id, g.leader_id).lastInsertRowid), g.id);
  }
  const insAsg = db.prepare('INSERT OR IGNORE INTO teaching_assignment (term_id, teacher_id, class_id, subject_id, weekly_periods) VALUES (?, ?, ?, ?, ?)');
  for (const a of plan.assignments) {
    const classId = 'existing' in a.target ? a.target.existing : entryIds.get(a.target.entryNo)!;
    insAsg.run(term1, a.teacherId, classId, a.subjectId, a.periods);
  }
  if (plan.sourceTermId !== null) {
    const copy = (tables: string[]) => { for (const t of tables) for (const term of [term1, term2]) copyTermRows(db, t, plan.sourceTermId!, term); };
    if (input.copyTimetableSettings) copy(TABLES_COPIED.settings);
    if (input.copyStandards) copy(TABLES_COPIED.standards);
    if (input.copyQuotas) copy(TABLES_COPIED.quotas);
  }
  carryStrugglingFiles(db, plan.files, term1, input.term1Start, now);
  db.prepare(`UPDATE mentor_pair SET status = '已结束', updated_at = ? WHERE status = '进行中' AND end_date < ?`).run(now, input.term1Start);
  ctx.setSetting('currentTermId', String(term1));
  ctx.audit('schoolYear', 'rollover', {
    entityId: String(yearId), summary: `学年升级：${plan.preview.fromYear} → ${plan.preview.toYear}`,
    after: { input, lines: plan.preview.lines.map((l) => ({ key: l.key, count: l.count })) },
  });
  return { yearId, termIds: [term1, term2] };
}

export function rolloverPreview(ctx: CoreContext, input: Input): RolloverPreview {
  return planRollover(ctx, input).preview;
}

/** Backup, then the whole roll-over in one transaction; a blocker refuses it with nothing written. */
export async function rollover(ctx: CoreContext, input: Input): Promise<RolloverResult> {
  const plan = planRollover(ctx, input);
  if (plan.preview.blockers.length) {
    const b = plan.preview.blockers[0];
    throw new AppError('VALIDATION', b.key, b.params, plan.preview.blockers.map((x) => ({ path: [x.key.includes('term2') ? 'term2Start' : x.key.includes('term1') ? 'term1Start' : 'startYear'], key: x.key, params: x.params })));
  }
  const backupFile = await ctx.backup('pre-rollover');
  // Core runs one call at a time, so nothing changed since the plan was made: it is applied as previewed.
  const { yearId, termIds } = ctx.db.transaction(() => applyRollover(ctx, input, plan))();
  refreshTermLocks(ctx.db, schoolDay(ctx.now()));
  return { schoolYearId: yearId, termIds, backupFile, lines: plan.preview.lines };
}
