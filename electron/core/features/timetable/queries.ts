/**
 * Timetable reads shared by the handlers (and by the printouts, Excel and FET modules): settings with defaults,
 * lessons joined with names, rooms and unavailable times (the conflict index cache is conflict-cache.ts).
 */
import type Database from 'better-sqlite3';
import type { Lesson, Room, TimetableSettings, Unavailable } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import type { IndexLesson } from '../../../../shared/domain/timetable/conflicts';
import { defaultSettings } from '../../../../shared/domain/timetable/settings';
import { schoolType } from '../../platform/query';

export const DAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "七年级(1)班 周一第3节" */
export function cellLabel(cls: string, day: number, period: number): string {
  return `${cls} ${DAY_NAMES[day] ?? `第${day}天`}第${period}节`;
}

/** The term's settings, or the default day for the school's type when none are saved. */
export function loadSettings(db: Database.Database, termId: number): TimetableSettings {
  const row = db.prepare('SELECT days_per_week, schedule FROM timetable_settings WHERE term_id = ?').get(termId) as
    { days_per_week: number; schedule: string } | undefined;
  const fallback = defaultSettings(termId, schoolType(db));
  if (!row) return fallback;
  // A damaged schedule (bad JSON, missing parts) falls back part by part to the default day, on screen and on paper alike.
  try {
    const s = JSON.parse(row.schedule) as Partial<TimetableSettings>;
    return {
      termId,
      daysPerWeek: row.days_per_week === 6 ? 6 : 5,
      periods: Array.isArray(s.periods) && s.periods.length ? s.periods : fallback.periods,
      breaks: Array.isArray(s.breaks) ? s.breaks : fallback.breaks,
      lessonMinutes: s.lessonMinutes ?? fallback.lessonMinutes,
    };
  } catch {
    return { ...fallback, daysPerWeek: row.days_per_week === 6 ? 6 : 5 };
  }
}

export function writeSettings(db: Database.Database, s: TimetableSettings): void {
  db.prepare(`INSERT INTO timetable_settings (term_id, days_per_week, schedule) VALUES (?, ?, ?)
    ON CONFLICT(term_id) DO UPDATE SET days_per_week = excluded.days_per_week, schedule = excluded.schedule`)
    .run(s.termId, s.daysPerWeek, JSON.stringify({ periods: s.periods, breaks: s.breaks, lessonMinutes: s.lessonMinutes }));
}

interface LessonRow {
  id: number; term_id: number; class_id: number; level: number; class_no: number; day: number; period: number;
  assignment_id: number; subject_id: number; subject_name: string; short_name: string | null; teacher_id: number;
  teacher_name: string; room_id: number | null; room_name: string | null; locked: number; combined_key: string | null;
}
const LESSON_SELECT = `
  SELECT l.id, l.term_id, l.class_id, ct.level, ct.class_no, l.day, l.period, l.assignment_id, a.subject_id,
         s.name AS subject_name, s.short_name, a.teacher_id, t.name AS teacher_name, l.room_id, r.name AS room_name,
         l.locked, l.combined_key
  FROM lesson l
  JOIN class_in_term ct ON ct.class_id = l.class_id AND ct.term_id = l.term_id
  JOIN teaching_assignment a ON a.id = l.assignment_id
  JOIN subject s ON s.id = a.subject_id
  JOIN teacher t ON t.id = a.teacher_id
  LEFT JOIN room r ON r.id = l.room_id`;

function toLesson(r: LessonRow): Lesson {
  return {
    id: r.id, termId: r.term_id, classId: r.class_id, className: className(r.level, r.class_no), gradeLevel: r.level,
    day: r.day, period: r.period, assignmentId: r.assignment_id, subjectId: r.subject_id, subjectName: r.subject_name,
    subjectShort: r.short_name || r.subject_name, teacherId: r.teacher_id, teacherName: r.teacher_name,
    roomId: r.room_id, roomName: r.room_name, locked: r.locked === 1, combinedKey: r.combined_key,
  };
}

/** Every lesson of the term with names, ordered by grade, class, day, period. */
export function listLessons(db: Database.Database, termId: number): Lesson[] {
  const rows = db.prepare(`${LESSON_SELECT} WHERE l.term_id = ? ORDER BY ct.level, ct.class_no, l.day, l.period`).all(termId) as LessonRow[];
  return rows.map(toLesson);
}

export function lessonsByIds(db: Database.Database, ids: number[]): Lesson[] {
  if (ids.length === 0) return [];
  const out: Lesson[] = [];
  // SQLite limits bound parameters; 500 at a time is well inside it.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.prepare(`${LESSON_SELECT} WHERE l.id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as LessonRow[];
    out.push(...rows.map(toLesson));
  }
  return out.sort((a, b) => a.gradeLevel - b.gradeLevel || a.className.localeCompare(b.className) || a.day - b.day || a.period - b.period);
}

export function toIndexLesson(l: Lesson): IndexLesson {
  return {
    id: l.id, classId: l.classId, day: l.day, period: l.period, teacherId: l.teacherId, subjectId: l.subjectId,
    assignmentId: l.assignmentId, roomId: l.roomId, combinedKey: l.combinedKey,
    className: l.className, teacherName: l.teacherName, subjectName: l.subjectShort,
  };
}

export function listRooms(db: Database.Database, includeArchived = true): Room[] {
  const rooms = db.prepare(`SELECT id, name, kind, capacity, archived FROM room ${includeArchived ? '' : 'WHERE archived = 0'} ORDER BY kind, name`)
    .all() as { id: number; name: string; kind: Room['kind']; capacity: number; archived: number }[];
  const links = db.prepare('SELECT rs.room_id, rs.subject_id, s.name FROM room_subject rs JOIN subject s ON s.id = rs.subject_id ORDER BY s.sort_order, s.id')
    .all() as { room_id: number; subject_id: number; name: string }[];
  return rooms.map((r) => {
    const mine = links.filter((x) => x.room_id === r.id);
    return { id: r.id, name: r.name, kind: r.kind, capacity: r.capacity, archived: r.archived === 1, subjectIds: mine.map((x) => x.subject_id), subjectNames: mine.map((x) => x.name) };
  });
}

export function listUnavailable(db: Database.Database, termId: number): Unavailable[] {
  return db.prepare(`SELECT u.id, u.teacher_id AS teacherId, t.name AS teacherName, u.day, u.period, u.reason
    FROM teacher_unavailable u JOIN teacher t ON t.id = u.teacher_id WHERE u.term_id = ? ORDER BY t.name, u.day, u.period`)
    .all(termId) as Unavailable[];
}
