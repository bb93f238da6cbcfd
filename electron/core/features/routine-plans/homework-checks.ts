/**
 * Homework-marking checks (作业批改检查) per teacher x subject x class and homework type, with findings from
 * the term's norms and load rules (checkHomework) computed on read, so a changed norm shows at once.
 */
import type Database from 'better-sqlite3';
import type { HomeworkCheck, HomeworkCheckDraft, HomeworkNorm, LoadRules, ParsedInput } from '../../../../shared/contract';
import { checkHomework, findNorm, perWeek } from '../../../../shared/domain/routine/homework';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { listAssignments } from '../assignments/service';
import {
  b01, bool, checkDateInTerm, checkFilters, checkOwner, deleteAudited, guardDuplicate, Issues, OWNER_COLS, OWNER_JOIN, ownerNames, termInfo,
  upsertAudited,
} from './common';
import { derivedScore, validateScoresAndFix } from './plan-checks';
import { getHomeworkNorms, getLoadRules, getRubric } from './standards';

type Row = Record<string, unknown>;
type CheckInput = ParsedInput<'routine-plans/saveHomeworkCheck'>;

function toCheck(r: Row, norms: HomeworkNorm[], rules: LoadRules): HomeworkCheck {
  const names = ownerNames(r);
  const base = {
    id: r.id as number, termId: r.term_id as number, teacherId: r.teacher_id as number, subjectId: r.subject_id as number, classId: r.class_id as number,
    checkDate: r.check_date as string, ...names, homeworkType: r.homework_type as HomeworkCheck['homeworkType'], weeksCovered: r.weeks_covered as number,
    classSize: (r.class_size as number) ?? null, booksChecked: (r.books_checked as number) ?? null, timesSet: (r.times_set as number) ?? null,
    timesMarked: (r.times_marked as number) ?? null, allMarked: bool(r.all_marked), onTime: bool(r.on_time), dateWritten: bool(r.date_written),
    commentsEncouraging: bool(r.comments_encouraging), commentsGuiding: bool(r.comments_guiding), corrections: bool(r.corrections),
    remarked: bool(r.remarked), tiered: bool(r.tiered), loadOk: bool(r.load_ok), minutesPerDay: (r.minutes_per_day as number) ?? null,
    itemScores: r.item_scores ? (JSON.parse(r.item_scores as string) as Record<string, number>) : null,
    score: (r.score as number) ?? null, grade: (r.grade as HomeworkCheck['grade']) ?? null, checker: (r.checker as string) ?? null,
    problems: (r.problems as string) ?? null,
    fixRequired: (r.fix_required as string) ?? null, fixStatus: r.fix_status as HomeworkCheck['fixStatus'],
    fixDoneDate: (r.fix_done_date as string) ?? null, fixNote: (r.fix_note as string) ?? null,
    createdAt: r.created_at as string, updatedAt: r.updated_at as string,
  };
  const norm = findNorm(norms, base.subjectId, names.gradeLevel, base.homeworkType);
  return { ...base, perWeek: perWeek(base.timesMarked, base.weeksCovered), flags: checkHomework(base, norm, names.gradeLevel, base.weeksCovered, rules) };
}

const SELECT = `SELECT o.*, ${OWNER_COLS} FROM homework_check o ${OWNER_JOIN}`;

export function listHomeworkChecks(ctx: CoreContext, q: ParsedInput<'routine-plans/listHomeworkChecks'>): HomeworkCheck[] {
  termInfo(ctx.db, q.termId);
  const norms = getHomeworkNorms(ctx.db, q.termId);
  const rules = getLoadRules(ctx.db, q.termId);
  const f = checkFilters(q, 'check_date');
  return (ctx.db.prepare(`${SELECT} WHERE ${f.where} ORDER BY o.check_date DESC, t.name, s.sort_order, c.level, c.class_no, o.homework_type`).all(...f.args) as Row[])
    .map((r) => toCheck(r, norms, rules));
}

function getHomeworkCheck(ctx: CoreContext, id: number): HomeworkCheck {
  const r = ctx.db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'notFound', { entity: 'homeworkCheck', id });
  return toCheck(r, getHomeworkNorms(ctx.db, r.term_id as number), getLoadRules(ctx.db, r.term_id as number));
}

function rosterSize(db: Database.Database, classId: number): number {
  return (db.prepare("SELECT COUNT(*) n FROM student WHERE class_id = ? AND archived = 0 AND status = '在读'").get(classId) as { n: number }).n;
}

function validateCheck(ctx: CoreContext, c: CheckInput, issues: Issues): void {
  const term = termInfo(ctx.db, c.termId);
  checkOwner(ctx.db, c, issues);
  checkDateInTerm(term, c.checkDate, 'checkDate', issues);
  const size = c.classSize ?? rosterSize(ctx.db, c.classId);
  if (c.booksChecked != null && size > 0 && c.booksChecked > size) issues.add('booksChecked', 'booksMoreThanClass', { checked: c.booksChecked, size });
  if (c.timesMarked != null && c.timesSet != null && c.timesMarked > c.timesSet) issues.add('timesMarked', 'markedMoreThanSet', { marked: c.timesMarked, set: c.timesSet });
  validateScoresAndFix(c, getRubric(ctx.db, c.termId, 'homeworkCheck'), issues);
  if (c.id !== undefined && !ctx.db.prepare('SELECT 1 FROM homework_check WHERE id = ?').get(c.id)) issues.add('id', 'notFound');
  const clash = ctx.db.prepare(
    'SELECT id FROM homework_check WHERE term_id = ? AND teacher_id = ? AND subject_id = ? AND class_id = ? AND check_date = ? AND homework_type = ? AND id IS NOT ?',
  ).get(c.termId, c.teacherId, c.subjectId, c.classId, c.checkDate, c.homeworkType, c.id ?? null);
  if (clash) issues.add('homeworkType', 'routineDuplicate');
}

function writeCheck(ctx: CoreContext, c: CheckInput, issues: Issues): number {
  const d = derivedScore(c, getRubric(ctx.db, c.termId, 'homeworkCheck'));
  const size = c.classSize ?? (rosterSize(ctx.db, c.classId) || null);
  const cols = {
    term_id: c.termId, teacher_id: c.teacherId, subject_id: c.subjectId, class_id: c.classId, check_date: c.checkDate, homework_type: c.homeworkType,
    weeks_covered: c.weeksCovered, class_size: size, books_checked: c.booksChecked, times_set: c.timesSet, times_marked: c.timesMarked,
    all_marked: b01(c.allMarked), on_time: b01(c.onTime), date_written: b01(c.dateWritten), comments_encouraging: b01(c.commentsEncouraging),
    comments_guiding: b01(c.commentsGuiding), corrections: b01(c.corrections), remarked: b01(c.remarked), tiered: b01(c.tiered), load_ok: b01(c.loadOk),
    minutes_per_day: c.minutesPerDay, item_scores: c.itemScores ? JSON.stringify(c.itemScores) : null, score: d.score, grade: d.grade,
    checker: c.checker, problems: c.problems, fix_required: c.fixRequired, fix_status: d.fixStatus, fix_done_date: c.fixDoneDate, fix_note: c.fixNote,
  };
  const label = (ctx.db.prepare('SELECT name FROM teacher WHERE id = ?').get(c.teacherId) as { name: string }).name;
  return guardDuplicate(issues, () => upsertAudited(ctx, 'homework_check', 'homeworkCheck', c.id, cols, `作业检查 ${label} ${c.homeworkType} ${c.checkDate}`));
}

export function saveHomeworkCheck(ctx: CoreContext, c: CheckInput): HomeworkCheck {
  const issues = new Issues();
  validateCheck(ctx, c, issues);
  issues.throwIfAny();
  return getHomeworkCheck(ctx, ctx.db.transaction(() => writeCheck(ctx, c, issues))());
}

export function saveHomeworkChecks(ctx: CoreContext, rows: CheckInput[]): HomeworkCheck[] {
  const issues = new Issues();
  const keys = new Map<string, number>();
  rows.forEach((c, i) => {
    validateCheck(ctx, c, issues.at(['rows', i]));
    const k = `${c.teacherId}:${c.subjectId}:${c.classId}:${c.checkDate}:${c.homeworkType}`;
    if (keys.has(k)) issues.add(['rows', i, 'homeworkType'], 'routineDuplicateRow', { row: keys.get(k)! + 1 });
    keys.set(k, i);
  });
  issues.throwIfAny();
  const ids = ctx.db.transaction(() => rows.map((c, i) => writeCheck(ctx, c, issues.at(['rows', i]))))();
  return ids.map((id) => getHomeworkCheck(ctx, id));
}

export function deleteHomeworkCheck(ctx: CoreContext, id: number): { id: number } {
  return ctx.db.transaction(() => deleteAudited(ctx, 'homework_check', 'homeworkCheck', id, (r) => `作业检查 ${r.check_date as string}`))();
}

/**
 * One draft per assignment whose subject has a norm for the class's grade (subjects without marked homework,
 * e.g. 体育, are left out), with the class size from the roster. Grades 1-2 default to 课堂作业.
 */
export function prefillHomeworkChecks(ctx: CoreContext, q: ParsedInput<'routine-plans/prefillHomeworkChecks'>): HomeworkCheckDraft[] {
  termInfo(ctx.db, q.termId);
  const norms = getHomeworkNorms(ctx.db, q.termId);
  const rules = getLoadRules(ctx.db, q.termId);
  const sizes = new Map(
    (ctx.db.prepare("SELECT class_id, COUNT(*) n FROM student WHERE archived = 0 AND status = '在读' GROUP BY class_id").all() as { class_id: number; n: number }[])
      .map((r) => [r.class_id, r.n]),
  );
  const existing = new Map(
    (ctx.db.prepare('SELECT id, teacher_id, subject_id, class_id, homework_type FROM homework_check WHERE term_id = ? AND check_date = ?').all(q.termId, q.date) as Row[])
      .map((r) => [`${r.teacher_id}:${r.subject_id}:${r.class_id}:${r.homework_type}`, r.id as number]),
  );
  return listAssignments(ctx.db, q.termId).flatMap((a) => {
    const type = q.homeworkType ?? (a.gradeLevel <= rules.noWrittenUpToGrade ? '课堂作业' : '家庭作业');
    const norm = findNorm(norms, a.subjectId, a.gradeLevel, type);
    if (!norm) return [];
    return [{
      assignmentId: a.id, termId: q.termId, teacherId: a.teacherId, subjectId: a.subjectId, classId: a.classId,
      teacherName: a.teacherName, subjectName: a.subjectName, className: a.className, gradeLevel: a.gradeLevel,
      checkDate: q.date, classSize: sizes.get(a.classId) ?? 0, homeworkType: type, normMinPerWeek: norm.minPerWeek,
      existingId: existing.get(`${a.teacherId}:${a.subjectId}:${a.classId}:${type}`) ?? null,
    }];
  });
}
