/**
 * FET export: a term's school data as a .fet file that FET 6 opens. Element order, indentation and the version
 * attribute mirror FET 6.0.0's own files (fet-data's FET-6-official examples). Years are grades, groups are
 * classes; the activities of one assignment share an Activity_Group_Id (the first one's id) and a Total_Duration;
 * a combined lesson (合班课) is one activity with several classes. The term's timetabling rules become FET
 * constraints (rules-to-fet.ts). Each activity's <Comments> names its assignments (`assignments=12,13`, one per
 * class) and each room's the room id (`room=7`), so FET's result reads back into our lessons (fet-cl.ts).
 *
 * `placements` says what of the current timetable goes along:
 * - 'all' (the default): the timetable as it is. Every lesson is one activity of duration 1 and placed lessons
 *   become ConstraintActivityPreferredStartingTime at 100% (locked ones Permanently_Locked), which is how FET itself
 *   records a timetable in *_data_and_timetable.fet. Double periods stay two activities here (the lessons are
 *   placed already, and a hand-made timetable may have split them).
 * - 'locked': only the locked lessons are placed; the rest is built as for 'none'.
 * - 'none': nothing placed; the activities are those our solver places (problem.ts): combined lessons of the
 *   combinedClasses rules, then per assignment its double periods (Duration 2) and single lessons.
 */
import type { FilePayload } from '../../../../shared/contract';
import type { Rule } from '../../../../shared/domain/timetable/rules';
import type { SchoolData } from '../../../../shared/domain/timetable/solver/problem';
import { AppError } from '../../../../shared/errors';
import { GRADE_NAMES, className } from '../../../../shared/domain/constants';
import type { CoreContext } from '../../platform/context';
import { loadTerm } from '../../platform/report/header';
import { DAY_NAMES, loadSettings } from '../timetable/service';
import { loadRules, loadSchoolData } from '../scheduling/service';
import { escapeXml } from './xml';
import { schoolName } from '../../platform/query';
import { rulesToFet, type FetExportActivity } from './rules-to-fet';

export const FET_VERSION = '6.0.0';
export const FET_MIME = 'application/xml';

export type FetPlacements = 'none' | 'locked' | 'all';
export interface FetExportOptions { placements?: FetPlacements }
export interface FetExport {
  file: FilePayload;
  xml: string;
  /** FET activity id -> our assignments (one per class; also in the activity's <Comments>). */
  activityAssignments: Map<number, number[]>;
  /** FET room name -> our room id (a room of capacity N is N FET rooms). */
  roomIds: Map<string, number>;
}

interface AssignmentRow { id: number; class_id: number; subject: string; subject_id: number; teacher_id: number; weekly_periods: number }
interface LessonRow { class_id: number; day: number; period: number; assignment_id: number; locked: number; combined_key: string | null }
interface Activity extends FetExportActivity {
  teachers: string[]; subject: string; students: string[]; groupId: number; totalDuration: number;
  place: { day: number; period: number; locked: boolean } | null;
}

/** Unique display names: a second 张伟 becomes 张伟(2) so FET can tell them apart. */
function uniqueNames<T extends { id: number; name: string }>(rows: T[]): Map<number, string> {
  const used = new Map<string, number>();
  const out = new Map<number, string>();
  for (const r of rows) {
    const n = (used.get(r.name) ?? 0) + 1;
    used.set(r.name, n);
    out.set(r.id, n === 1 ? r.name : `${r.name}(${n})`);
  }
  return out;
}

export function exportFet(ctx: CoreContext, termId: number, opts: FetExportOptions = {}): FilePayload {
  return buildFetExport(ctx, termId, opts).file;
}

export function buildFetExport(ctx: CoreContext, termId: number, opts: FetExportOptions = {}): FetExport {
  const mode = opts.placements ?? 'all';
  const db = ctx.db;
  const term = loadTerm(ctx, termId);
  if (!term) throw new AppError('NOT_FOUND', 'termNotFound', { id: termId });
  const school = schoolName(db);
  const settings = loadSettings(ctx.db, termId);
  const days = DAY_NAMES.slice(0, settings.daysPerWeek);
  const periods = [...settings.periods].sort((a, b) => a.no - b.no);
  // Hour names are the start times; FET needs them unique.
  const hourNames = periods.map((p, i, all) => (all.findIndex((q) => q.start === p.start) === i ? p.start : `${p.start} (${p.no})`));

  const assignments = db.prepare(
    `SELECT a.id, a.class_id, s.name AS subject, a.subject_id, a.teacher_id, a.weekly_periods
       FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id
      WHERE a.term_id = ? ORDER BY a.class_id, s.sort_order, s.id, a.teacher_id`,
  ).all(termId) as AssignmentRow[];
  const lessons = db.prepare(
    'SELECT class_id, day, period, assignment_id, locked, combined_key FROM lesson WHERE term_id = ? ORDER BY day, period, class_id',
  ).all(termId) as LessonRow[];

  const classes = db.prepare(
    `SELECT c.class_id AS id, c.level, c.class_no,
            (SELECT COUNT(*) FROM student st WHERE st.class_id = c.class_id AND st.archived = 0 AND st.status = '在读') AS students
       FROM class_in_term c
      WHERE c.term_id = ? AND (c.active OR c.class_id IN (SELECT class_id FROM teaching_assignment WHERE term_id = ?))
      ORDER BY c.level, c.class_no`,
  ).all(termId, termId) as { id: number; level: number; class_no: number; students: number }[];
  const classNames = new Map(classes.map((c) => [c.id, className(c.level, c.class_no)]));

  const usedTeacherIds = new Set(assignments.map((a) => a.teacher_id));
  const teacherRows = (db.prepare('SELECT id, name, archived FROM teacher ORDER BY id').all() as { id: number; name: string; archived: number }[])
    .filter((t) => !t.archived || usedTeacherIds.has(t.id));
  const teacherNames = uniqueNames(teacherRows);
  const usedSubjects = new Set(assignments.map((a) => a.subject));
  const subjects = (db.prepare('SELECT name, archived FROM subject ORDER BY sort_order, id').all() as { name: string; archived: number }[])
    .filter((s) => !s.archived || usedSubjects.has(s.name)).map((s) => s.name);
  const subjectNames = new Map((db.prepare('SELECT id, name FROM subject').all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
  const subjectName = (id: number) => subjectNames.get(id)!;

  // ---- activities ----
  const byAssignment = new Map<number, LessonRow[]>();
  for (const l of lessons) {
    if (l.day > days.length || l.period > periods.length) continue; // outside the week the settings define
    const list = byAssignment.get(l.assignment_id) ?? [];
    list.push(l);
    byAssignment.set(l.assignment_id, list);
  }
  const assignmentById = new Map(assignments.map((a) => [a.id, a]));
  const data = loadSchoolData(db, termId);
  const { rules } = loadRules(db, termId, data);
  let activities: Activity[] = [];
  let nextId = 1;
  if (mode === 'all') {
    // Combined lessons: same combined_key, slot, teacher and subject across classes -> one activity.
    const combined = new Map<string, LessonRow[]>();
    for (const l of lessons) {
      if (!l.combined_key || l.day > days.length || l.period > periods.length) continue;
      const a = assignmentById.get(l.assignment_id);
      if (!a) continue;
      const key = `${l.combined_key}|${l.day}|${l.period}|${a.teacher_id}|${a.subject}`;
      combined.set(key, [...(combined.get(key) ?? []), l]);
    }
    const consumed = new Set<LessonRow>();
    const combinedCount = new Map<number, number>();
    for (const group of combined.values()) {
      const classIds = [...new Set(group.map((l) => l.class_id))];
      if (classIds.length < 2) continue;
      const a = assignmentById.get(group[0].assignment_id)!;
      activities.push({
        id: nextId++, teachers: [teacherNames.get(a.teacher_id)!], subject: a.subject, subjectId: a.subject_id,
        students: classIds.map((id) => classNames.get(id)!), groupId: 0, totalDuration: 1, duration: 1,
        classIds, assignments: classIds.map((c) => group.find((l) => l.class_id === c)!.assignment_id),
        place: { day: group[0].day, period: group[0].period, locked: group.some((l) => !!l.locked) },
      });
      for (const l of group) {
        consumed.add(l);
        combinedCount.set(l.assignment_id, (combinedCount.get(l.assignment_id) ?? 0) + 1);
      }
    }
    for (const a of assignments) {
      const placed = (byAssignment.get(a.id) ?? []).filter((l) => !consumed.has(l));
      const count = Math.max(a.weekly_periods - (combinedCount.get(a.id) ?? 0), placed.length);
      if (count <= 0) continue;
      const first = nextId;
      for (let i = 0; i < count; i++) {
        const l = placed[i];
        activities.push({
          id: nextId++, teachers: [teacherNames.get(a.teacher_id)!], subject: a.subject, subjectId: a.subject_id, students: [classNames.get(a.class_id)!],
          classIds: [a.class_id], assignments: [a.id], duration: 1, groupId: count > 1 ? first : 0, totalDuration: count,
          place: l ? { day: l.day, period: l.period, locked: !!l.locked } : null,
        });
      }
    }
  } else activities = solverActivities(data, rules, mode, { teacher: (id) => teacherNames.get(id)!, subject: subjectName, className: (id) => classNames.get(id)! });

  const yearName = (level: number) => GRADE_NAMES[level] ?? `${level}年级`;
  const translated = rulesToFet(data, rules, activities, {
    days, hours: hourNames, teacher: (id) => teacherNames.get(id), subject: (id) => subjectNames.get(id), className: (id) => classNames.get(id), yearName,
  });

  // ---- the file ----
  const x = escapeXml;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  push('<?xml version="1.0" encoding="UTF-8"?>', '', `<fet version="${FET_VERSION}">`, '', '<Mode>Official</Mode>', '');
  push(`<Institution_Name>${x(school)}</Institution_Name>`, '');
  push(`<Comments>${x(`教务台账导出 ${school} ${term.label}`)}</Comments>`, '');
  push('<Days_List>', `<Number_of_Days>${days.length}</Number_of_Days>`);
  for (const d of days) push('<Day>', `\t<Name>${x(d)}</Name>`, '</Day>');
  push('</Days_List>', '');
  push('<Hours_List>', `<Number_of_Hours>${hourNames.length}</Number_of_Hours>`);
  for (const h of hourNames) push('<Hour>', `\t<Name>${x(h)}</Name>`, '</Hour>');
  push('</Hours_List>', '');
  push('<Subjects_List>');
  for (const s of subjects) push('<Subject>', `\t<Name>${x(s)}</Name>`, '\t<Comments></Comments>', '</Subject>');
  push('</Subjects_List>', '');
  push('<Activity_Tags_List>');
  for (const t of translated.tags) push('<Activity_Tag>', `\t<Name>${x(t)}</Name>`, '\t<Printable>true</Printable>', '\t<Comments></Comments>', '</Activity_Tag>');
  push('</Activity_Tags_List>', '');
  push('<Teachers_List>');
  for (const t of teacherRows) {
    push('<Teacher>', `\t<Name>${x(teacherNames.get(t.id)!)}</Name>`, '\t<Target_Number_of_Hours>0</Target_Number_of_Hours>',
      '\t<Qualified_Subjects>', '\t</Qualified_Subjects>', '\t<Comments></Comments>', '</Teacher>');
  }
  push('</Teachers_List>', '');
  push('<Students_List>');
  const levels = [...new Set(classes.map((c) => c.level))];
  for (const level of levels) {
    const inGrade = classes.filter((c) => c.level === level);
    push('<Year>', `\t<Name>${x(yearName(level))}</Name>`,
      `\t<Number_of_Students>${inGrade.reduce((s, c) => s + c.students, 0)}</Number_of_Students>`, '\t<Comments></Comments>',
      '\t<Number_of_Categories>0</Number_of_Categories>', '\t<Separator> </Separator>');
    for (const c of inGrade) {
      push('\t<Group>', `\t\t<Name>${x(classNames.get(c.id)!)}</Name>`, `\t\t<Number_of_Students>${c.students}</Number_of_Students>`,
        '\t\t<Comments></Comments>', '\t</Group>');
    }
    push('</Year>');
  }
  push('</Students_List>', '');
  push('<Activities_List>');
  for (const a of activities) {
    push('<Activity>', ...a.teachers.map((t) => `\t<Teacher>${x(t)}</Teacher>`), `\t<Subject>${x(a.subject)}</Subject>`,
      ...(translated.activityTags.get(a.id) ?? []).map((t) => `\t<Activity_Tag>${x(t)}</Activity_Tag>`),
      ...a.students.map((s) => `\t<Students>${x(s)}</Students>`),
      `\t<Duration>${a.duration}</Duration>`, `\t<Total_Duration>${a.totalDuration}</Total_Duration>`, `\t<Id>${a.id}</Id>`,
      `\t<Activity_Group_Id>${a.groupId}</Activity_Group_Id>`, '\t<Active>true</Active>', `\t<Comments>assignments=${a.assignments.join(',')}</Comments>`, '</Activity>');
  }
  push('</Activities_List>', '');
  push('<Buildings_List>', '</Buildings_List>', '');
  push('<Rooms_List>');
  // FET counts room capacity in students and holds one activity per room at a time; our capacity counts classes,
  // so a room holding N classes is N FET rooms, each large enough for any (combined) lesson.
  for (const r of translated.rooms) {
    push('<Room>', `\t<Name>${x(r.name)}</Name>`, '\t<Building></Building>', '\t<Capacity>1000</Capacity>',
      '\t<Virtual>false</Virtual>', `\t<Comments>room=${r.roomId}</Comments>`, '</Room>');
  }
  push('</Rooms_List>', '');
  push('<Time_Constraints_List>', '<ConstraintBasicCompulsoryTime>', '\t<Weight_Percentage>100</Weight_Percentage>',
    '\t<Active>true</Active>', '\t<Comments></Comments>', '</ConstraintBasicCompulsoryTime>');
  for (const a of activities) {
    if (!a.place) continue;
    push('<ConstraintActivityPreferredStartingTime>', '\t<Weight_Percentage>100</Weight_Percentage>', `\t<Activity_Id>${a.id}</Activity_Id>`,
      `\t<Preferred_Day>${x(days[a.place.day - 1])}</Preferred_Day>`, `\t<Preferred_Hour>${x(hourNames[a.place.period - 1])}</Preferred_Hour>`,
      `\t<Permanently_Locked>${a.place.locked ? 'true' : 'false'}</Permanently_Locked>`, '\t<Active>true</Active>', '\t<Comments></Comments>',
      '</ConstraintActivityPreferredStartingTime>');
  }
  push(...translated.time);
  push('</Time_Constraints_List>', '');
  push('<Space_Constraints_List>', '<ConstraintBasicCompulsorySpace>', '\t<Weight_Percentage>100</Weight_Percentage>',
    '\t<Active>true</Active>', '\t<Comments></Comments>', '</ConstraintBasicCompulsorySpace>');
  push(...translated.space);
  push('</Space_Constraints_List>', '');
  push('</fet>', '');

  const safe = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');
  const xml = out.join('\n');
  return {
    file: { fileName: `${safe(school || '学校')}-${safe(term.label)}.fet`, mime: FET_MIME, dataBase64: Buffer.from(xml, 'utf8').toString('base64') },
    xml,
    activityAssignments: new Map(activities.map((a) => [a.id, a.assignments])),
    roomIds: new Map(translated.rooms.map((r) => [r.name, r.roomId])),
  };
}

/**
 * The activities our solver would place (problem.ts with keep 'none' / 'locked'): locked lessons placed (a locked
 * combined lesson one activity), then the combined lessons of the combinedClasses rules, then per assignment its
 * double periods and single lessons, one Activity_Group_Id per assignment.
 */
function solverActivities(data: SchoolData, rules: Rule[], mode: 'none' | 'locked', names: { teacher: (id: number) => string; subject: (id: number) => string; className: (id: number) => string }): Activity[] {
  const D = data.daysPerWeek;
  const P = data.periods.length;
  const byId = new Map(data.assignments.map((a) => [a.id, a]));
  const gradeOf = new Map(data.classes.map((c) => [c.id, c.grade]));
  const remaining = new Map(data.assignments.map((a) => [a.id, a.weekly]));
  const out: Activity[] = [];
  let nextId = 1;
  const add = (ids: number[], duration: 1 | 2, place: Activity['place'], groupId = 0, totalDuration = duration as number) => {
    const as = ids.map((id) => byId.get(id)!);
    out.push({
      id: nextId++, assignments: ids, classIds: as.map((a) => a.classId), subjectId: as[0].subjectId, duration,
      teachers: [...new Set(as.map((a) => a.teacherId))].map(names.teacher), subject: names.subject(as[0].subjectId),
      students: as.map((a) => names.className(a.classId)), groupId, totalDuration, place,
    });
  };
  if (mode === 'locked') {
    const groups = new Map<string, SchoolData['lessons']>();
    for (const l of data.lessons) {
      const a = byId.get(l.assignmentId);
      if (!l.locked || !a || l.day > D || l.period > P) continue;
      const key = l.combinedKey ? `k:${l.combinedKey}:${l.day}:${l.period}:${a.teacherId}:${a.subjectId}` : `l:${l.classId}:${l.day}:${l.period}`;
      groups.set(key, [...(groups.get(key) ?? []), l]);
    }
    for (const g of groups.values()) {
      add(g.map((l) => l.assignmentId), 1, { day: g[0].day, period: g[0].period, locked: true });
      for (const l of g) remaining.set(l.assignmentId, remaining.get(l.assignmentId)! - 1);
    }
  }
  for (const r of rules) {
    if (r.kind !== 'combinedClasses' || !r.enabled) continue;
    const ids = (r.params.assignmentIds ?? []).filter((id) => byId.has(id));
    if (ids.length < 2) continue;
    const n = Math.min(r.params.count ?? 1, ...ids.map((id) => remaining.get(id)!));
    for (let k = 0; k < n; k++) add(ids, 1, null);
    for (const id of ids) remaining.set(id, remaining.get(id)! - n);
  }
  for (const a of data.assignments) {
    let left = remaining.get(a.id)!;
    if (left <= 0) continue;
    const rule = rules.find((r) => r.kind === 'doublePeriods' && r.enabled && r.scopeId === a.subjectId
      && (!(r.params.grades ?? []).length || r.params.grades!.includes(gradeOf.get(a.classId)!)));
    const doubles = rule ? Math.min(rule.params.count ?? 0, Math.floor(left / 2)) : 0;
    const total = left;
    const count = doubles + (left - doubles * 2);
    const groupId = count > 1 ? nextId : 0;
    for (let k = 0; k < doubles; k++) add([a.id], 2, null, groupId, total);
    left -= doubles * 2;
    for (let k = 0; k < left; k++) add([a.id], 1, null, groupId, total);
  }
  return out;
}
