/**
 * Timetables for the sample and generated schools: default settings for each term, the special rooms with their
 * subjects, and a timetable made by the automatic timetabler (自动排课) under the school's default rules, with a
 * fixed seed so every machine gets the same sample. Runs inside the caller's transaction.
 */
import type Database from 'better-sqlite3';
import type { SchoolType } from '../../../../shared/domain/constants';
import { defaultRules } from '../../../../shared/domain/timetable/rules';
import { solveOptionsFor } from '../../../../shared/domain/timetable/solver/options';
import { buildProblem, solutionLessons, type GeneratedLesson, type SchoolData } from '../../../../shared/domain/timetable/solver/problem';
import { solve } from '../../../../shared/domain/timetable/solver/search';
import { defaultSettings } from '../../../../shared/domain/timetable/settings';
import { writeSettings } from './queries';
import { loadSchoolData, ruleContext } from './school-data';

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
  // Which of these subjects must use their rooms is a rule (needsRoom: 音乐, 美术, 信息科技, 体育; labs only for experiments).
  const rooms = plan.map((r) => {
    const id = Number(insRoom.run(r.name, r.kind, r.capacity).lastInsertRowid);
    for (const sid of ids(r.codes)) link.run(id, sid);
    return id;
  });

  const insLesson = db.prepare('INSERT INTO lesson (term_id, class_id, day, period, assignment_id, room_id, locked, combined_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  let lessons = 0;
  let unplaced = 0;
  // Both terms of the sample year have the same teaching plan: the first term is solved, the others take its
  // lessons (mapped by class, subject and teacher); a term whose plan differs is solved on its own.
  let solved: { termId: number; lessons: GeneratedLesson[] } | null = null;
  for (const termId of opts.termIds) {
    writeSettings(db, defaultSettings(termId, opts.schoolType));
    const data = loadSchoolData(db, termId);
    let placed: GeneratedLesson[] | null = solved ? copyLessons(db, solved, data) : null;
    if (!placed) {
      const { problem, meta } = buildProblem(data, defaultRules(ruleContext(data)), { keep: 'none' });
      const result = solve(problem, solveOptionsFor('quick', problem.activities.length, 1));
      placed = solutionLessons(problem, meta, result);
      unplaced += result.hard;
      solved = { termId, lessons: placed };
    }
    for (const l of placed) insLesson.run(termId, l.classId, l.day, l.period, l.assignmentId, l.roomId, l.locked ? 1 : 0, l.combinedKey);
    lessons += placed.length;
  }
  return { rooms: rooms.length, lessons, unplaced };
}

/** A solved term's lessons for another term with the same plan, or null when the plans differ. */
function copyLessons(db: Database.Database, from: { termId: number; lessons: GeneratedLesson[] }, to: SchoolData): GeneratedLesson[] | null {
  const key = (a: { classId: number; subjectId: number; teacherId: number; weekly: number }) => `${a.classId}:${a.subjectId}:${a.teacherId}:${a.weekly}`;
  const source = db.prepare('SELECT id, class_id AS classId, subject_id AS subjectId, teacher_id AS teacherId, weekly_periods AS weekly FROM teaching_assignment WHERE term_id = ?')
    .all(from.termId) as { id: number; classId: number; subjectId: number; teacherId: number; weekly: number }[];
  const target = new Map(to.assignments.map((a) => [key(a), a.id]));
  if (source.length !== to.assignments.length || source.some((a) => !target.has(key(a)))) return null;
  const map = new Map(source.map((a) => [a.id, target.get(key(a))!]));
  return from.lessons.map((l) => ({ ...l, assignmentId: map.get(l.assignmentId)! }));
}
