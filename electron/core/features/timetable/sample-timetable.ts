/**
 * Timetables for the sample and generated schools: default settings for each term, the special rooms with their
 * subjects, and a generated conflict-free timetable from the term's teaching assignments. Runs inside the
 * caller's transaction.
 */
import type Database from 'better-sqlite3';
import type { SchoolType } from '../../../../shared/domain/constants';
import { generateTimetable } from '../../../../shared/domain/timetable/generate';
import { defaultSettings } from '../../../../shared/domain/timetable/settings';
import { writeSettings } from './queries';

/** Subjects by national code that go in the morning / afternoon, and the rooms their lessons need. */
const MORNING_CODES = ['YW', 'SX', 'YY', 'WL', 'HX'];
const AFTERNOON_CODES = ['TY', 'YYUE', 'MS', 'LD', 'ZH', 'DFKC', 'XBKC'];
/** Codes whose lessons are always placed in their room. Labs are linked to 物理/化学/生物 but used only for experiments. */
const ROOM_BOUND_CODES = new Set(['YYUE', 'MS', 'XX', 'TY']);

export interface SampleTimetableSummary { rooms: number; lessons: number; unplaced: number }

export function addSampleTimetable(db: Database.Database, opts: { termIds: number[]; schoolType: SchoolType; classCount: number }): SampleTimetableSummary {
  const subjects = new Map((db.prepare('SELECT id, code FROM subject WHERE code IS NOT NULL').all() as { id: number; code: string }[]).map((s) => [s.code, s.id]));
  const ids = (codes: string[]) => codes.flatMap((c) => (subjects.has(c) ? [subjects.get(c)!] : []));
  // One music room, art room and 18 classes' worth of playground per 20 classes, so a large school still fits.
  const scale = Math.max(1, Math.ceil(opts.classCount / 20));
  const numbered = (name: string, n: number) => (n === 1 ? [name] : Array.from({ length: n }, (_, i) => `${name}${i + 1}`));
  const plan: { name: string; kind: string; capacity: number; codes: string[] }[] = [
    ...numbered('音乐室', scale).map((name) => ({ name, kind: '音乐室', capacity: 1, codes: ['YYUE'] })),
    ...numbered('美术室', scale).map((name) => ({ name, kind: '美术室', capacity: 1, codes: ['MS'] })),
    ...numbered('微机室', 2).map((name) => ({ name, kind: '微机室', capacity: 1, codes: ['XX'] })),
    ...numbered('实验室', 2).map((name) => ({ name, kind: '实验室', capacity: 1, codes: ['WL', 'HX', 'SW'] })),
    { name: '操场', kind: '操场', capacity: 4 * scale, codes: ['TY'] },
  ];
  const insRoom = db.prepare('INSERT INTO room (name, kind, capacity) VALUES (?, ?, ?)');
  const link = db.prepare('INSERT INTO room_subject (room_id, subject_id) VALUES (?, ?)');
  const rooms = plan.map((r) => {
    const id = Number(insRoom.run(r.name, r.kind, r.capacity).lastInsertRowid);
    for (const sid of ids(r.codes)) link.run(id, sid);
    return { id, capacity: r.capacity, subjectIds: ids(r.codes.filter((c) => ROOM_BOUND_CODES.has(c))) };
  });

  const insLesson = db.prepare('INSERT INTO lesson (term_id, class_id, day, period, assignment_id, room_id) VALUES (?, ?, ?, ?, ?, ?)');
  let lessons = 0;
  let unplaced = 0;
  for (const termId of opts.termIds) {
    const settings = defaultSettings(termId, opts.schoolType);
    writeSettings(db, settings);
    const assignments = db.prepare(`SELECT id, class_id AS classId, teacher_id AS teacherId, subject_id AS subjectId, weekly_periods AS weeklyPeriods
      FROM teaching_assignment WHERE term_id = ? ORDER BY id`).all(termId) as { id: number; classId: number; teacherId: number; subjectId: number; weeklyPeriods: number }[];
    const result = generateTimetable({
      daysPerWeek: settings.daysPerWeek, periods: settings.periods, assignments, rooms: rooms.filter((r) => r.subjectIds.length),
      morningSubjectIds: ids(MORNING_CODES), afternoonSubjectIds: ids(AFTERNOON_CODES),
    });
    for (const l of result.lessons) insLesson.run(termId, l.classId, l.day, l.period, l.assignmentId, l.roomId);
    lessons += result.lessons.length;
    unplaced += result.unplaced.reduce((s, u) => s + u.missing, 0);
  }
  return { rooms: rooms.length, lessons, unplaced };
}
