/**
 * Workloads (教师课时, 教研组课时, 领导授课).
 * A term without any placed lessons falls back to the planned periods of its teaching assignments, so the figures
 * are there before the timetable is built.
 */
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { addTitledSheet, type SheetColumn } from '../../platform/spreadsheet/sheet';
import type { FilePayload, GroupLoadRow, LeaderLoadRow, WorkloadRow } from '../../../../shared/contract';
import { className, LEADER_ROLES, TEACHER_ROLES, type TeacherRole } from '../../../../shared/domain/constants';
import { groupStats, plannedPeriods, scheduledPeriods, yearTotal } from '../../../../shared/domain/timetable/workload';
import { compareZh } from '../../../../shared/domain/text';
import type { CoreContext } from '../../platform/context';
import type { HandlerMap } from '../../platform/handlers';
import type { FeatureMethod } from '../../../../shared/contract';
import { XLSX_MIME } from '../../platform/serving';
import { requireTerm, schoolName } from '../../platform/query';
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
  const classRows = db.prepare(`SELECT DISTINCT a.teacher_id, c.level, c.class_no FROM teaching_assignment a
    JOIN class_in_term c ON c.class_id = a.class_id AND c.term_id = a.term_id WHERE a.term_id = ? ORDER BY c.level, c.class_no`).all(termId) as { teacher_id: number; level: number; class_no: number }[];
  const classes = new Map<number, string[]>();
  for (const r of classRows) classes.set(r.teacher_id, [...(classes.get(r.teacher_id) ?? []), className(r.level, r.class_no)]);
  const groupRows = db.prepare(`SELECT m.teacher_id, g.name FROM teaching_group_member m JOIN teaching_group g ON g.id = m.group_id
    WHERE g.archived = 0 AND g.school_year_id = (SELECT school_year_id FROM term WHERE id = ?) ORDER BY g.kind DESC, g.name`).all(termId) as { teacher_id: number; name: string }[];
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
  const groups = db.prepare(`SELECT id, name, kind FROM teaching_group WHERE archived = 0 AND school_year_id = (SELECT school_year_id FROM term WHERE id = ?)
    ORDER BY kind DESC, name`).all(termId) as { id: number; name: string; kind: string }[];
  const members = db.prepare('SELECT group_id, teacher_id FROM teaching_group_member').all() as { group_id: number; teacher_id: number }[];
  return groups.map((g) => {
    const loads = members.filter((m) => m.group_id === g.id).map((m) => load(m.teacher_id));
    return { groupId: g.id, name: g.name, kind: g.kind, ...groupStats(loads) };
  });
}

function workloadLeaders(db: Database.Database, termId: number, minimum: number): LeaderLoadRow[] {
  const term = requireTerm(db, termId);
  const yearTerms = db.prepare('SELECT id, teaching_weeks FROM term WHERE school_year_id = ? ORDER BY term_no').all(term.schoolYearId) as { id: number; teaching_weeks: number }[];
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
  const term = requireTerm(db, termId).name;
  const school = schoolName(db);
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

export const workloadHandlers: HandlerMap<FeatureMethod<'workload'>> = {
  'workload/teachers': ({ termId }, ctx) => workloadTeachers(ctx.db, termId),
  'workload/groups': ({ termId }, ctx) => workloadGroups(ctx.db, termId),
  'workload/leaders': ({ termId, minimum }, ctx) => workloadLeaders(ctx.db, termId, minimum),
  'workload/exportXlsx': ({ termId }, ctx) => exportWorkload(ctx, termId),
};
