/**
 * The school's curriculum standard (课程设置表) in curriculum_standard / curriculum_total, with its source note
 * in the setting table. Seeded from the shipped default on first use for the grades the school has.
 */
import type Database from 'better-sqlite3';
import type { CurriculumStandard, ParsedInput } from '../../../../shared/contract';
import { gradeLevelsFor, NATIONAL_SUBJECTS, type SchoolType } from '../../../../shared/domain/constants';
import { nationalName } from '../../../../shared/domain/timetable/compliance';
import { DEFAULT_CURRICULUM_SOURCE, defaultCurriculum } from '../../../../shared/domain/timetable/default-curriculum';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';

export const SOURCE_SETTING = 'curriculum.source';
const SOURCE_MAX = 200;

export interface SchoolSubject { id: number; name: string; shortName: string | null; code: string | null; sortOrder: number }

export function schoolSubjects(db: Database.Database, includeArchived = false): SchoolSubject[] {
  return db
    .prepare(`SELECT id, name, short_name AS shortName, code, sort_order AS sortOrder FROM subject ${includeArchived ? '' : 'WHERE archived = 0'} ORDER BY sort_order, id`)
    .all() as SchoolSubject[];
}

/**
 * Finds the school's subject for a name as a spreadsheet or the national list spells it: the exact name, an
 * alias (英语 -> 外语(英语)), or the national subject's code (a school that renamed 外语(英语) to 英语).
 */
export function subjectResolver(subjects: SchoolSubject[]): (name: string) => SchoolSubject | null {
  const byName = new Map<string, SchoolSubject>();
  for (const s of subjects) {
    byName.set(s.name, s);
    if (!byName.has(nationalName(s.name))) byName.set(nationalName(s.name), s);
    const national = NATIONAL_SUBJECTS.find((n) => n.code === s.code);
    if (national && !byName.has(national.name)) byName.set(national.name, s);
  }
  return (name) => byName.get(name) ?? byName.get(nationalName(name)) ?? null;
}

/** Grade levels the school teaches: its grade rows, else what its type implies. */
export function schoolGradeLevels(db: Database.Database): number[] {
  const levels = (db.prepare('SELECT level FROM grade ORDER BY level').all() as { level: number }[]).map((r) => r.level);
  if (levels.length) return levels;
  const school = db.prepare('SELECT type FROM school WHERE id = 1').get() as { type: SchoolType } | undefined;
  return school ? gradeLevelsFor(school.type) : [];
}

export function readStandard(ctx: CoreContext): CurriculumStandard {
  const totals = ctx.db.prepare('SELECT grade_level AS level, weekly_total AS total FROM curriculum_total ORDER BY grade_level').all() as { level: number; total: number }[];
  const rows = ctx.db
    .prepare(
      `SELECT cs.grade_level AS level, cs.subject_id AS subjectId, s.name AS subjectName, cs.weekly_periods AS periods
         FROM curriculum_standard cs JOIN subject s ON s.id = cs.subject_id ORDER BY cs.grade_level, s.sort_order, s.id`,
    )
    .all() as { level: number; subjectId: number; subjectName: string; periods: number }[];
  return {
    source: ctx.getSetting(SOURCE_SETTING) ?? DEFAULT_CURRICULUM_SOURCE,
    grades: totals.map((t) => ({
      ...t,
      subjects: rows.filter((r) => r.level === t.level).map(({ subjectId, subjectName, periods }) => ({ subjectId, subjectName, periods })),
    })),
  };
}

type Grades = { level: number; total: number; subjects: { subjectId: number; periods: number }[] }[];

/** Replaces the rows of the given grades (the others stay). Call inside a transaction. */
function writeGrades(db: Database.Database, grades: Grades): void {
  const delS = db.prepare('DELETE FROM curriculum_standard WHERE grade_level = ?');
  const delT = db.prepare('DELETE FROM curriculum_total WHERE grade_level = ?');
  const insT = db.prepare('INSERT INTO curriculum_total (grade_level, weekly_total) VALUES (?, ?)');
  const insS = db.prepare('INSERT INTO curriculum_standard (grade_level, subject_id, weekly_periods) VALUES (?, ?, ?)');
  for (const g of grades) {
    delS.run(g.level);
    delT.run(g.level);
    insT.run(g.level, g.total);
    for (const s of g.subjects) insS.run(g.level, s.subjectId, s.periods);
  }
}

/** The default table for these grades mapped onto the school's subjects; names it cannot map are returned. */
export function defaultGrades(db: Database.Database, levels: number[]): { grades: Grades; skipped: string[] } {
  const resolve = subjectResolver(schoolSubjects(db));
  const skipped = new Set<string>();
  const grades = defaultCurriculum(levels).map((g) => ({
    level: g.level,
    total: g.total,
    subjects: g.subjects.flatMap((s) => {
      const hit = resolve(s.name);
      if (!hit) { skipped.add(s.name); return []; }
      return [{ subjectId: hit.id, periods: s.periods }];
    }),
  }));
  return { grades, skipped: [...skipped] };
}

function defaultSource(skipped: string[]): string {
  const note = skipped.length ? `（本校科目表中没有：${skipped.join('、')}，未列入）` : '';
  return (DEFAULT_CURRICULUM_SOURCE + note).slice(0, SOURCE_MAX);
}

/** curriculum/get: the standard, seeding the default for grades of the school that have none yet. */
export function getStandard(ctx: CoreContext): CurriculumStandard {
  const have = new Set((ctx.db.prepare('SELECT grade_level AS l FROM curriculum_total').all() as { l: number }[]).map((r) => r.l));
  const missing = schoolGradeLevels(ctx.db).filter((l) => !have.has(l));
  if (missing.length) {
    ctx.db.transaction(() => {
      const { grades, skipped } = defaultGrades(ctx.db, missing);
      writeGrades(ctx.db, grades);
      // The first seeding names the source; later grades added to an edited standard keep the office's note.
      if (!have.size) ctx.setSetting(SOURCE_SETTING, defaultSource(skipped));
      ctx.audit('curriculum', 'seed', { summary: `载入默认课程标准：${missing.join('、')} 年级`, after: { levels: missing, skipped } });
    })();
  }
  return readStandard(ctx);
}

/** curriculum/resetDefault: every grade of the school back to the shipped default, in one transaction. */
export function resetStandard(ctx: CoreContext): CurriculumStandard {
  const before = readStandard(ctx);
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM curriculum_standard').run();
    ctx.db.prepare('DELETE FROM curriculum_total').run();
    const { grades, skipped } = defaultGrades(ctx.db, schoolGradeLevels(ctx.db));
    writeGrades(ctx.db, grades);
    ctx.setSetting(SOURCE_SETTING, defaultSource(skipped));
    ctx.audit('curriculum', 'reset', { summary: '课程标准恢复默认', before, after: { skipped } });
  })();
  return readStandard(ctx);
}

/**
 * Problems of a standard before it is written: unknown subjects, a grade twice, subjects not summing to the total.
 * Paths name the field only (the grade is in the params): the UI shows a grade-by-subject grid, not rows.
 */
export function validateStandard(db: Database.Database, input: { grades: Grades }): FieldIssue[] {
  const known = new Set(schoolSubjects(db, true).map((s) => s.id));
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  input.grades.forEach((g) => {
    if (seen.has(g.level)) issues.push({ path: ['grades', 'level'], key: 'curriculum.duplicateGrade', params: { grade: g.level } });
    seen.add(g.level);
    const subjects = new Set<number>();
    g.subjects.forEach((s) => {
      if (!known.has(s.subjectId)) issues.push({ path: ['grades', 'subjectId'], key: 'curriculum.unknownSubjectId', params: { id: s.subjectId } });
      if (subjects.has(s.subjectId)) issues.push({ path: ['grades', 'subjectId'], key: 'curriculum.duplicateSubject', params: { grade: g.level, id: s.subjectId } });
      subjects.add(s.subjectId);
    });
    const sum = g.subjects.reduce((n, s) => n + s.periods, 0);
    if (sum !== g.total) issues.push({ path: ['grades', 'total'], key: 'curriculum.totalMismatch', params: { grade: g.level, total: g.total, sum } });
  });
  return issues;
}

/** curriculum/save: replaces the whole standard (grades not sent are removed) and the source note. */
export function saveStandard(ctx: CoreContext, input: ParsedInput<'curriculum/save'>): CurriculumStandard {
  const issues = validateStandard(ctx.db, input);
  if (issues.length) throw new AppError('VALIDATION', 'curriculum.invalid', { count: issues.length }, issues);
  const before = readStandard(ctx);
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM curriculum_standard').run();
    ctx.db.prepare('DELETE FROM curriculum_total').run();
    writeGrades(ctx.db, input.grades);
    ctx.setSetting(SOURCE_SETTING, input.source || DEFAULT_CURRICULUM_SOURCE);
    ctx.audit('curriculum', 'save', { summary: `保存课程标准（${input.grades.length} 个年级）`, before, after: input });
  })();
  return readStandard(ctx);
}

/** Writes imported grades (replacing only those grades) with a new source note. */
export function writeImported(ctx: CoreContext, grades: Grades, source: string, fileName: string): CurriculumStandard {
  const before = readStandard(ctx);
  ctx.db.transaction(() => {
    writeGrades(ctx.db, grades);
    ctx.setSetting(SOURCE_SETTING, source.slice(0, SOURCE_MAX));
    ctx.audit('curriculum', 'import', { summary: `从 Excel 导入课程标准：${fileName}`, before, after: { fileName, grades } });
  })();
  return readStandard(ctx);
}
