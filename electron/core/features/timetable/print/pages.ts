/**
 * 班级课程表, 教师课程表 and 专用教室课程表: one class / teacher / room per A4 landscape page, all in one
 * document, with the school header, term, "自 YYYY-MM-DD 起执行" and the shared weekly grid.
 */
import type { TimetableSettings } from '../../../../../shared/contract';
import { compareZh } from '../../../../../shared/domain/text';
import type { CoreContext } from '../../../platform/context';
import { loadHeader, type ReportHeaderData, type ReportParams } from '../../../platform/report/header';
import { documentShell, esc, producedLine, reportTitle, schoolHeader } from '../../../platform/report/layout';
import { groupBy, loadTimetable, slotKey, timesFor, type TtClass, type TtLesson } from './data';
import { type CellItem, TIMETABLE_GRID_CSS, timetablePage, weekGrid } from './grid';
import { loadRuleChecks } from '../school-data';

export const CLASS_TIMETABLES_TITLE = '班级课程表';
export const TEACHER_TIMETABLES_TITLE = '教师课程表';
export const ROOM_TIMETABLES_TITLE = '专用教室课程表';
export const TIMETABLE_PAGE_SETUP = { paper: 'A4', landscape: true } as const;

/** What every timetable printout shares: header, settings, effective date and the selected classes' lessons. */
export interface TimetableBase {
  header: ReportHeaderData;
  settings: TimetableSettings | null;
  effectiveFrom: string | null;
}

function loadBase(ctx: CoreContext, params: ReportParams) {
  const header = loadHeader(ctx, params.termId);
  if (!header.term) return { header, settings: null, effectiveFrom: null, classes: [] as TtClass[], lessons: [] as TtLesson[] };
  const data = loadTimetable(ctx, header.term.id);
  return { header, settings: data.settings, effectiveFrom: params.effectiveFrom ?? data.termStart, classes: data.classes, lessons: data.lessons };
}

function effectiveLine(d: string | null): string {
  return d ? `自 ${esc(d)} 起执行` : '';
}

function emptyDoc(title: string, header: ReportHeaderData, css: string): string {
  const body = `<section class="sheet">${schoolHeader(header.schoolName, header.term?.label ?? null)}${reportTitle(title)}<div class="empty">（无课程表）</div></section>`;
  return documentShell({ title, setup: TIMETABLE_PAGE_SETUP, body, css });
}

function bySlot<T extends { day: number; period: number }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = slotKey(r.day, r.period);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

// ---------- 班级课程表 ----------

export interface ClassTimetablesData extends TimetableBase {
  /** events: the fixed events (班会...) of the 排课规则 at the class's free slots, by slotKey. */
  classes: (TtClass & { lessons: TtLesson[]; events: Map<string, string> })[];
}

/** Fixed events of the 排课规则 per class or per teacher (a group's 教研 half-day), by slotKey, for the printouts. */
function eventsBy(ctx: CoreContext, termId: number | undefined, who: 'classId' | 'teacherId'): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  if (termId === undefined) return out;
  for (const b of loadRuleChecks(ctx.db, termId).blocked) {
    const id = b[who];
    if (id == null) continue;
    let m = out.get(id);
    if (!m) { m = new Map(); out.set(id, m); }
    m.set(slotKey(b.day, b.period), b.name);
  }
  return out;
}

export function loadClassTimetables(ctx: CoreContext, params: ReportParams): ClassTimetablesData {
  const base = loadBase(ctx, params);
  const wantIds = params.classIds ? new Set(params.classIds) : null;
  const wantLevels = params.gradeLevels ? new Set(params.gradeLevels) : null;
  const classes = base.classes.filter((c) => (!wantIds || wantIds.has(c.id)) && (!wantLevels || wantLevels.has(c.level)));
  const byClass = groupBy(base.lessons, (l) => l.classId);
  const events = eventsBy(ctx, base.header.term?.id, 'classId');
  return { ...base, classes: classes.map((c) => ({ ...c, lessons: byClass.get(c.id) ?? [], events: events.get(c.id) ?? new Map<string, string>() })) };
}

export function renderClassTimetables(data: ClassTimetablesData): string {
  const { header, settings } = data;
  if (!settings || !data.classes.length) return emptyDoc(CLASS_TIMETABLES_TITLE, header, TIMETABLE_GRID_CSS);
  const pages = data.classes.map((c) => {
    const slots = bySlot(c.lessons);
    const times = new Map(timesFor(settings, [c.level]).map((t) => [t.no, t.label]));
    const grid = weekGrid({
      settings,
      timeLabel: (no) => times.get(no) ?? '',
      items: (day, period) => {
        const here = slots.get(slotKey(day, period)) ?? [];
        const event = c.events.get(slotKey(day, period));
        if (!here.length && event) return [{ main: event }];
        return here.map((l): CellItem => ({
          main: l.subjectName.length > 4 ? l.subjectShort : l.subjectName,
          sub: l.teacherName,
          room: l.roomName,
        }));
      },
    });
    return timetablePage({
      header: schoolHeader(header.schoolName, header.term?.label ?? null),
      title: `${c.name}课程表`,
      info: [`班级：<b>${esc(c.name)}</b>`, `班主任：${esc(c.headTeacher ?? '')}`, effectiveLine(data.effectiveFrom)],
      grid,
      footer: producedLine(header.producedAt),
    });
  });
  return documentShell({ title: CLASS_TIMETABLES_TITLE, setup: TIMETABLE_PAGE_SETUP, body: pages.join('\n'), css: TIMETABLE_GRID_CSS });
}

// ---------- 教师课程表 ----------

export interface TeacherPage {
  id: number; name: string; subjects: string[]; weekly: number; lessons: (TtLesson & { className: string; level: number })[];
  /** The teacher's fixed events (a teaching group's 教研 half-day), by slotKey. */
  events: Map<string, string>;
}
export interface TeacherTimetablesData extends TimetableBase { teachers: TeacherPage[] }

export function loadTeacherTimetables(ctx: CoreContext, params: ReportParams): TeacherTimetablesData {
  const base = loadBase(ctx, params);
  const classOf = new Map(base.classes.map((c) => [c.id, c]));
  const want = params.teacherIds ? new Set(params.teacherIds) : null;
  const order = new Map((ctx.db.prepare(
    `SELECT t.id, COALESCE(s.sort_order, 999) AS so FROM teacher t LEFT JOIN subject s ON s.id = t.subject_id`,
  ).all() as { id: number; so: number }[]).map((r) => [r.id, r.so]));
  const byTeacher = groupBy(base.lessons.filter((l) => classOf.has(l.classId) && (!want || want.has(l.teacherId))), (l) => l.teacherId);
  const events = eventsBy(ctx, base.header.term?.id, 'teacherId');
  const teachers: TeacherPage[] = [...byTeacher.entries()].map(([id, ls]) => ({
    id,
    events: events.get(id) ?? new Map<string, string>(),
    name: ls[0].teacherName,
    subjects: [...new Set(ls.map((l) => l.subjectName))],
    // A combined lesson (合班课) is one period for the teacher however many classes sit in it.
    weekly: new Set(ls.map((l) => slotKey(l.day, l.period))).size,
    lessons: ls.map((l) => ({ ...l, className: classOf.get(l.classId)!.shortName, level: classOf.get(l.classId)!.level })),
  }));
  teachers.sort((a, b) => (order.get(a.id) ?? 999) - (order.get(b.id) ?? 999) || compareZh(a.name, b.name));
  return { header: base.header, settings: base.settings, effectiveFrom: base.effectiveFrom, teachers };
}

export function renderTeacherTimetables(data: TeacherTimetablesData): string {
  const { header, settings } = data;
  if (!settings || !data.teachers.length) return emptyDoc(TEACHER_TIMETABLES_TITLE, header, TIMETABLE_GRID_CSS);
  const pages = data.teachers.map((t) => {
    const slots = bySlot(t.lessons);
    const times = new Map(timesFor(settings, t.lessons.map((l) => l.level)).map((x) => [x.no, x.label]));
    const grid = weekGrid({
      settings,
      timeLabel: (no) => times.get(no) ?? '',
      items: (day, period) => {
        const here = slots.get(slotKey(day, period)) ?? [];
        const event = t.events.get(slotKey(day, period));
        if (!here.length && event) return [{ main: event }];
        // Classes of one combined lesson share a cell line: 七(1)班 七(2)班 体育.
        return [...groupBy(here, (l) => l.subjectName).values()].map((ls): CellItem => ({
          dense: ls.length > 2,
          main: ls.map((l) => l.className).join(' '),
          sub: ls[0].subjectName,
          room: ls[0].roomName,
        }));
      },
    });
    return timetablePage({
      header: schoolHeader(header.schoolName, header.term?.label ?? null),
      title: `${t.name}老师课程表`,
      info: [`教师：<b>${esc(t.name)}</b>`, `任教学科：${esc(t.subjects.join('、'))}`, `周课时：<b>${t.weekly}</b> 节`, effectiveLine(data.effectiveFrom)],
      grid,
      footer: producedLine(header.producedAt),
    });
  });
  return documentShell({ title: TEACHER_TIMETABLES_TITLE, setup: TIMETABLE_PAGE_SETUP, body: pages.join('\n'), css: TIMETABLE_GRID_CSS });
}

// ---------- 专用教室课程表 ----------

export interface RoomPage { id: number; name: string; kind: string; capacity: number; lessons: (TtLesson & { className: string; level: number })[] }
export interface RoomTimetablesData extends TimetableBase { rooms: RoomPage[] }

export function loadRoomTimetables(ctx: CoreContext, params: ReportParams): RoomTimetablesData {
  const base = loadBase(ctx, params);
  const classOf = new Map(base.classes.map((c) => [c.id, c]));
  const want = params.roomIds ? new Set(params.roomIds) : null;
  const rooms = (ctx.db.prepare('SELECT id, name, kind, capacity, archived FROM room ORDER BY kind, name').all() as
    { id: number; name: string; kind: string; capacity: number; archived: number }[])
    .filter((r) => (want ? want.has(r.id) : !r.archived));
  const byRoom = groupBy(base.lessons.filter((l) => l.roomId !== null && classOf.has(l.classId)), (l) => l.roomId!);
  // A room without a lesson would print a whole empty page: left out unless asked for.
  const shown = params.includeEmptyRooms ? rooms : rooms.filter((r) => byRoom.has(r.id));
  return {
    header: base.header, settings: base.settings, effectiveFrom: base.effectiveFrom,
    rooms: shown.map((r) => ({
      id: r.id, name: r.name, kind: r.kind, capacity: r.capacity,
      lessons: (byRoom.get(r.id) ?? []).map((l) => ({ ...l, className: classOf.get(l.classId)!.shortName, level: classOf.get(l.classId)!.level })),
    })),
  };
}

export function renderRoomTimetables(data: RoomTimetablesData): string {
  const { header, settings } = data;
  if (!settings || !data.rooms.length) return emptyDoc(ROOM_TIMETABLES_TITLE, header, TIMETABLE_GRID_CSS);
  const pages = data.rooms.map((r) => {
    const slots = bySlot(r.lessons);
    const times = new Map(timesFor(settings, r.lessons.length ? r.lessons.map((l) => l.level) : [7]).map((x) => [x.no, x.label]));
    const grid = weekGrid({
      settings,
      timeLabel: (no) => times.get(no) ?? '',
      items: (day, period) => {
        const here = slots.get(slotKey(day, period)) ?? [];
        if (here.length <= 2) return here.map((l): CellItem => ({ main: l.className, sub: `${l.subjectShort} ${l.teacherName}` }));
        // A shared room (操场) can hold a dozen classes at once: list them compactly so the row keeps its height.
        return [{
          dense: true,
          main: here.map((l) => l.className.replace(/班$/, '')).join(' '),
          sub: [...new Set(here.map((l) => l.subjectShort))].join('、') + `（${here.length}个班）`,
        }];
      },
    });
    return timetablePage({
      header: schoolHeader(header.schoolName, header.term?.label ?? null),
      title: `${r.name}课程表`,
      info: [`教室：<b>${esc(r.name)}</b>`, `类型：${esc(r.kind)}`, `容纳班级：${r.capacity}`, `周课时：<b>${r.lessons.length}</b> 节`, effectiveLine(data.effectiveFrom)],
      grid,
      footer: producedLine(header.producedAt),
    });
  });
  return documentShell({ title: ROOM_TIMETABLES_TITLE, setup: TIMETABLE_PAGE_SETUP, body: pages.join('\n'), css: TIMETABLE_GRID_CSS });
}
