/**
 * Workloads (教师课时, 教研组课时, 领导授课) and the substitution log (调课/代课/停课/补课).
 * A term without any placed lessons falls back to the planned periods of its teaching assignments, so the figures
 * are there before the timetable is built.
 */
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { addTitledSheet, type SheetColumn } from '../../platform/spreadsheet/sheet';
import type { FilePayload, GroupLoadRow, LeaderLoadRow, Substitution, WorkloadRow } from '../../../../shared/contract';
import { SubstitutionSchema } from '../../../../shared/contract';
import { className, LEADER_ROLES, TEACHER_ROLES, type TeacherRole } from '../../../../shared/domain/constants';
import { termEnd } from '../../../../shared/domain/timetable/taught';
import { groupStats, plannedPeriods, scheduledPeriods, yearTotal } from '../../../../shared/domain/timetable/workload';
import { compareZh } from '../../../../shared/domain/text';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { termLabel } from '../export/lists';
import type { HandlerMap } from '../../platform/handlers';
import { XLSX_MIME } from '../import/template';
import { requireTerm } from '../timetable/queries';
import { compactSchoolDay } from '../../../../shared/domain/dates';

interface TeacherInfo { id: number; name: string; subject: string | null; roles: TeacherRole[]; archived: number }

function teachers(db: Database.Database): Map<number, TeacherInfo> {
  const rows = db.prepare('SELECT t.id, t.name, s.name AS subject, t.roles, t.archived FROM teacher t LEFT JOIN subject s ON s.id = t.subject_id')
    .all() as { id: number; name: string; subject: string | null; roles: string; archived: number }[];
  return new Map(rows.map((r) => [r.id, { ...r, roles: (JSON.parse(r.roles) as TeacherRole[]).sort((a, b) => TEACHER_ROLES.indexOf(a) - TEACHER_ROLES.indexOf(b)) }]));
}

/** Weekly periods per teacher in a term: scheduled from lessons, planned from assignments, and which one counts. */
function termLoads(db: Database.Database, termId: number) {
  const assignments = db.prepare('SELECT teacher_id AS teacherId, weekly_periods AS weeklyPeriods FROM teaching_assignment WHERE term_id = ?')
    .all(termId) as { teacherId: number; weeklyPeriods: number }[];
  const lessons = db.prepare(`SELECT l.id, a.teacher_id AS teacherId, l.day, l.period, l.combined_key AS combinedKey
    FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id WHERE l.term_id = ?`)
    .all(termId) as { id: number; teacherId: number; day: number; period: number; combinedKey: string | null }[];
  const planned = plannedPeriods(assignments);
  const scheduled = scheduledPeriods(lessons);
  const hasTimetable = lessons.length > 0;
  return { planned, scheduled, hasTimetable, load: (t: number) => (hasTimetable ? scheduled.get(t) ?? 0 : planned.get(t) ?? 0) };
}

function workloadTeachers(db: Database.Database, termId: number): WorkloadRow[] {
  requireTerm(db, termId);
  const info = teachers(db);
  const { planned, scheduled } = termLoads(db, termId);
  const classRows = db.prepare(`SELECT DISTINCT a.teacher_id, g.level, c.class_no FROM teaching_assignment a JOIN class c ON c.id = a.class_id
    JOIN grade g ON g.id = c.grade_id WHERE a.term_id = ? ORDER BY g.level, c.class_no`).all(termId) as { teacher_id: number; level: number; class_no: number }[];
  const classes = new Map<number, string[]>();
  for (const r of classRows) classes.set(r.teacher_id, [...(classes.get(r.teacher_id) ?? []), className(r.level, r.class_no)]);
  const groupRows = db.prepare(`SELECT m.teacher_id, g.name FROM teaching_group_member m JOIN teaching_group g ON g.id = m.group_id
    WHERE g.archived = 0 ORDER BY g.kind DESC, g.name`).all() as { teacher_id: number; name: string }[];
  const groups = new Map<number, string[]>();
  for (const r of groupRows) groups.set(r.teacher_id, [...(groups.get(r.teacher_id) ?? []), r.name]);
  const ids = new Set([...planned.keys(), ...scheduled.keys(), ...[...info.values()].filter((t) => !t.archived).map((t) => t.id)]);
  return [...ids].flatMap((id) => {
    const t = info.get(id);
    if (!t) return [];
    return [{
      teacherId: id, teacherName: t.name, subjectName: t.subject, roles: t.roles, groupNames: groups.get(id) ?? [],
      planned: planned.get(id) ?? 0, scheduled: scheduled.get(id) ?? 0, classes: (classes.get(id) ?? []).join('、'),
    }];
  }).sort((a, b) => compareZh(a.subjectName ?? '', b.subjectName ?? '') || compareZh(a.teacherName, b.teacherName) || a.teacherId - b.teacherId);
}

function workloadGroups(db: Database.Database, termId: number): GroupLoadRow[] {
  requireTerm(db, termId);
  const { load } = termLoads(db, termId);
  const groups = db.prepare("SELECT id, name, kind FROM teaching_group WHERE archived = 0 ORDER BY kind DESC, name").all() as { id: number; name: string; kind: string }[];
  const members = db.prepare('SELECT group_id, teacher_id FROM teaching_group_member').all() as { group_id: number; teacher_id: number }[];
  return groups.map((g) => {
    const loads = members.filter((m) => m.group_id === g.id).map((m) => load(m.teacher_id));
    return { groupId: g.id, name: g.name, kind: g.kind, ...groupStats(loads) };
  });
}

function workloadLeaders(db: Database.Database, termId: number, minimum: number): LeaderLoadRow[] {
  const term = requireTerm(db, termId);
  const yearTerms = db.prepare('SELECT id, teaching_weeks FROM term WHERE school_year_id = ? ORDER BY term_no').all(term.school_year_id) as { id: number; teaching_weeks: number }[];
  const loads = new Map(yearTerms.map((t) => [t.id, termLoads(db, t.id)]));
  const leaders = [...teachers(db).values()].filter((t) => !t.archived && t.roles.some((r) => LEADER_ROLES.includes(r)));
  return leaders
    .map((t) => {
      const weekly = loads.get(termId)!.load(t.id);
      const total = yearTotal(yearTerms.map((yt) => ({ weekly: loads.get(yt.id)!.load(t.id), teachingWeeks: yt.teaching_weeks })));
      return { teacherId: t.id, teacherName: t.name, roles: t.roles, weekly, yearTotal: total, minimum, ok: total >= minimum };
    })
    .sort((a, b) => LEADER_ROLES.indexOf(a.roles.find((r) => LEADER_ROLES.includes(r))!) - LEADER_ROLES.indexOf(b.roles.find((r) => LEADER_ROLES.includes(r))!)
      || compareZh(a.teacherName, b.teacherName));
}

const addSheet = (wb: ExcelJS.Workbook, name: string, title: string, columns: SheetColumn[], rows: (string | number | null)[][]): void => {
  addTitledSheet(wb, name, title, columns, rows);
};

async function exportWorkload(ctx: CoreContext, termId: number): Promise<FilePayload> {
  const { db } = ctx;
  requireTerm(db, termId);
  const school = (db.prepare('SELECT name FROM school WHERE id = 1').get() as { name: string } | undefined)?.name ?? '';
  const term = termLabel(db, termId) ?? '';
  const heading = (what: string) => [school, term, what].filter(Boolean).join(' ');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiaowu Desk';
  addSheet(wb, '教师课时', heading('教师课时统计表'),
    [{ header: '序号', width: 6 }, { header: '姓名', width: 10 }, { header: '学科', width: 12 }, { header: '职务', width: 18 }, { header: '教研组/备课组', width: 26 },
      { header: '任教班级', width: 36 }, { header: '计划周课时', width: 11 }, { header: '课表周课时', width: 11 }],
    workloadTeachers(db, termId).map((r, i) => [i + 1, r.teacherName, r.subjectName, r.roles.join('、'), r.groupNames.join('、'), r.classes, r.planned, r.scheduled]));
  addSheet(wb, '教研组课时', heading('教研组课时统计表'),
    [{ header: '类别', width: 8 }, { header: '名称', width: 20 }, { header: '人数', width: 8 }, { header: '周课时合计', width: 11 }, { header: '人均', width: 8 }, { header: '最多', width: 8 }, { header: '最少', width: 8 }],
    workloadGroups(db, termId).map((g) => [g.kind, g.name, g.teachers, g.periods, g.average, g.max, g.min]));
  addSheet(wb, '领导授课', heading('领导授课情况统计表'),
    [{ header: '姓名', width: 10 }, { header: '职务', width: 20 }, { header: '周课时', width: 9 }, { header: '学年课时', width: 10 }, { header: '最低要求', width: 10 }, { header: '是否达标', width: 10 }],
    workloadLeaders(db, termId, 80).map((l) => [l.teacherName, l.roles.join('、'), l.weekly, l.yearTotal, l.minimum, l.ok ? '达标' : '未达标']));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const d = ctx.now();
  const stamp = compactSchoolDay(d);
  return { fileName: `${[school, term, '教师课时统计'].filter(Boolean).join('-')}-${stamp}.xlsx`, mime: XLSX_MIME, dataBase64: buf.toString('base64') };
}

// ---- substitutions ----

const SUB_SELECT = `SELECT s.id, s.term_id AS termId, s.date, s.period, s.class_id AS classId, g.level, c.class_no, s.subject_id AS subjectId,
    sub.name AS subjectName, s.kind, s.original_teacher_id AS originalTeacherId, ot.name AS originalTeacherName,
    s.substitute_teacher_id AS substituteTeacherId, st.name AS substituteTeacherName, s.swap_id AS swapId, s.reason
  FROM substitution s JOIN class c ON c.id = s.class_id JOIN grade g ON g.id = c.grade_id JOIN subject sub ON sub.id = s.subject_id
  LEFT JOIN teacher ot ON ot.id = s.original_teacher_id LEFT JOIN teacher st ON st.id = s.substitute_teacher_id`;
type SubRow = Omit<Substitution, 'className'> & { level: number; class_no: number };
const toSub = ({ level, class_no, ...r }: SubRow): Substitution => ({ ...r, className: className(level, class_no) });

function listSubstitutions(db: Database.Database, termId: number, from?: string, to?: string): Substitution[] {
  const where = ['s.term_id = ?'];
  const args: unknown[] = [termId];
  if (from) { where.push('s.date >= ?'); args.push(from); }
  if (to) { where.push('s.date <= ?'); args.push(to); }
  return (db.prepare(`${SUB_SELECT} WHERE ${where.join(' AND ')} ORDER BY s.date, s.period, g.level, c.class_no, s.id`).all(...args) as SubRow[]).map(toSub);
}

type SubInput = ReturnType<typeof SubstitutionSchema.parse>;

/** The teacher of a class's subject in the term (the first assignment), used to fill the swapped lesson's teacher. */
function teacherOf(db: Database.Database, termId: number, classId: number, subjectId: number): number | null {
  const r = db.prepare('SELECT teacher_id FROM teaching_assignment WHERE term_id = ? AND class_id = ? AND subject_id = ? ORDER BY id LIMIT 1')
    .get(termId, classId, subjectId) as { teacher_id: number } | undefined;
  return r?.teacher_id ?? null;
}

function saveSubstitution(ctx: CoreContext, input: SubInput): Substitution[] {
  const { db } = ctx;
  const term = requireTerm(db, input.termId);
  const end = termEnd(term.start_date, term.teaching_weeks);
  const issues: FieldIssue[] = [];
  const inTerm = (date: string, path: (string | number)[]) => {
    if (date < term.start_date || date > end) issues.push({ path, key: 'subDateOutsideTerm', params: { date, start: term.start_date, end } });
  };
  inTerm(input.date, ['date']);
  const exists = (table: string, id: number | null) => id == null || !!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  if (!exists('class', input.classId)) issues.push({ path: ['classId'], key: 'notFound' });
  if (!exists('subject', input.subjectId)) issues.push({ path: ['subjectId'], key: 'notFound' });
  if (!exists('teacher', input.originalTeacherId)) issues.push({ path: ['originalTeacherId'], key: 'notFound' });
  if (!exists('teacher', input.substituteTeacherId)) issues.push({ path: ['substituteTeacherId'], key: 'notFound' });
  if (input.originalTeacherId != null && input.originalTeacherId === input.substituteTeacherId) issues.push({ path: ['substituteTeacherId'], key: 'subSameTeacher' });
  if (input.kind === '代课' && input.substituteTeacherId == null) issues.push({ path: ['substituteTeacherId'], key: 'subSubstituteMissing' });
  const swap = input.kind === '调课' ? input.swapWith ?? null : null;
  if (input.kind === '调课' && !swap && input.id === undefined) issues.push({ path: ['swapWith'], key: 'subSwapMissing' });
  if (swap) {
    inTerm(swap.date, ['swapWith', 'date']);
    if (!exists('subject', swap.subjectId)) issues.push({ path: ['swapWith', 'subjectId'], key: 'notFound' });
    if (swap.teacherId != null && !exists('teacher', swap.teacherId)) issues.push({ path: ['swapWith', 'teacherId'], key: 'notFound' });
  }
  if (issues.length) throw new AppError('VALIDATION', 'validation', {}, issues);

  const originalTeacher = input.originalTeacherId ?? teacherOf(db, input.termId, input.classId, input.subjectId);
  const ins = db.prepare(`INSERT INTO substitution (term_id, date, period, class_id, subject_id, kind, original_teacher_id, substitute_teacher_id, swap_id, reason, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const at = ctx.now().toISOString();
  const ids = db.transaction(() => {
    let id = input.id;
    let partnerId: number | null = null;
    if (id !== undefined) {
      const before = db.prepare('SELECT * FROM substitution WHERE id = ? AND term_id = ?').get(id, input.termId) as { swap_id: number | null } | undefined;
      if (!before) throw new AppError('NOT_FOUND', 'notFound', { entity: 'substitution', id });
      db.prepare(`UPDATE substitution SET date = ?, period = ?, class_id = ?, subject_id = ?, kind = ?, original_teacher_id = ?, substitute_teacher_id = ?, reason = ? WHERE id = ?`)
        .run(input.date, input.period, input.classId, input.subjectId, input.kind, originalTeacher, input.substituteTeacherId, input.reason, id);
      partnerId = before.swap_id;
      if (swap && partnerId != null) {
        const swapTeacher = swap.teacherId ?? teacherOf(db, input.termId, input.classId, swap.subjectId);
        db.prepare('UPDATE substitution SET date = ?, period = ?, class_id = ?, subject_id = ?, original_teacher_id = ?, substitute_teacher_id = ?, reason = ? WHERE id = ?')
          .run(swap.date, swap.period, input.classId, swap.subjectId, swapTeacher, originalTeacher, input.reason, partnerId);
      }
      ctx.audit('substitution', 'update', { entityId: id, summary: `修改${input.kind}记录 ${input.date} 第${input.period}节`, before, after: input });
    } else {
      id = Number(ins.run(input.termId, input.date, input.period, input.classId, input.subjectId, input.kind, originalTeacher,
        input.substituteTeacherId ?? (swap ? swap.teacherId ?? teacherOf(db, input.termId, input.classId, swap.subjectId) : null), null, input.reason, at).lastInsertRowid);
      if (swap) {
        // The paired row: the other lesson moves into this one's slot; the two point at each other.
        const swapTeacher = swap.teacherId ?? teacherOf(db, input.termId, input.classId, swap.subjectId);
        partnerId = Number(ins.run(input.termId, swap.date, swap.period, input.classId, swap.subjectId, '调课', swapTeacher, originalTeacher, id, input.reason, at).lastInsertRowid);
        db.prepare('UPDATE substitution SET swap_id = ? WHERE id = ?').run(partnerId, id);
      }
      const cls = db.prepare('SELECT g.level, c.class_no FROM class c JOIN grade g ON g.id = c.grade_id WHERE c.id = ?').get(input.classId) as { level: number; class_no: number };
      ctx.audit('substitution', 'create', {
        entityId: id,
        summary: `${input.kind}：${className(cls.level, cls.class_no)} ${input.date} 第${input.period}节${swap ? ` 与 ${swap.date} 第${swap.period}节对调` : ''}`,
        after: input,
      });
    }
    return [id, partnerId].filter((x): x is number => x != null);
  })();
  return (db.prepare(`${SUB_SELECT} WHERE s.id IN (${ids.map(() => '?').join(',')}) ORDER BY s.id`).all(...ids) as SubRow[]).map(toSub);
}

export const workloadHandlers: HandlerMap<'workload/teachers' | 'workload/groups' | 'workload/leaders' | 'workload/exportXlsx' | 'substitutions/list' | 'substitutions/save' | 'substitutions/delete'> = {
  'workload/teachers': ({ termId }, ctx) => workloadTeachers(ctx.db, termId),
  'workload/groups': ({ termId }, ctx) => workloadGroups(ctx.db, termId),
  'workload/leaders': ({ termId, minimum }, ctx) => workloadLeaders(ctx.db, termId, minimum),
  'workload/exportXlsx': ({ termId }, ctx) => exportWorkload(ctx, termId),
  'substitutions/list': ({ termId, from, to }, ctx) => {
    requireTerm(ctx.db, termId);
    return listSubstitutions(ctx.db, termId, from, to);
  },
  'substitutions/save': (input, ctx) => saveSubstitution(ctx, input),
  'substitutions/delete': ({ id }, ctx) => {
    const { db } = ctx;
    const row = db.prepare('SELECT id, swap_id, kind, date, period FROM substitution WHERE id = ?').get(id) as { id: number; swap_id: number | null; kind: string; date: string; period: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'notFound', { entity: 'substitution', id });
    db.transaction(() => {
      // A swap is deleted as a pair: break the links first, then remove both rows.
      const partner = row.swap_id ?? (db.prepare('SELECT id FROM substitution WHERE swap_id = ?').get(id) as { id: number } | undefined)?.id ?? null;
      const ids = [id, ...(partner != null ? [partner] : [])];
      db.prepare(`UPDATE substitution SET swap_id = NULL WHERE id IN (${ids.map(() => '?').join(',')})`).run(...ids);
      db.prepare(`DELETE FROM substitution WHERE id IN (${ids.map(() => '?').join(',')})`).run(...ids);
      ctx.audit('substitution', 'delete', { entityId: id, summary: `删除${row.kind}记录 ${row.date} 第${row.period}节${partner != null ? '（含对调的另一节）' : ''}`, before: row });
    })();
    return { id };
  },
};
