/**
 * The term's timetabling data as the solver and the rule checks see it (自动排课 and the conflict list both read it): the term's grid, classes, assignments, rooms, unavailable
 * times, teaching groups with their members, the current lessons, and the rules (the defaults until saved).
 */
import type Database from 'better-sqlite3';
import { className } from '../../../../shared/domain/constants';
import { defaultRules, type Rule, type RuleContext } from '../../../../shared/domain/timetable/rules';
import type { RuleChecks } from '../../../../shared/domain/timetable/conflicts';
import { ruleChecks, type SchoolData } from '../../../../shared/domain/timetable/solver/problem';
import { loadSettings } from './queries';

/** `withLessons: false` leaves the current lessons out (the rule checks do not need them). */
export function loadSchoolData(db: Database.Database, termId: number, opts: { withLessons?: boolean } = {}): SchoolData {
  const settings = loadSettings(db, termId);
  const classes = (db.prepare('SELECT class_id AS id, level, class_no FROM class_in_term WHERE term_id = ? AND active ORDER BY level, class_no')
    .all(termId) as { id: number; level: number; class_no: number }[]).map((c) => ({ id: c.id, grade: c.level, name: className(c.level, c.class_no) }));
  const classIds = new Set(classes.map((c) => c.id));
  const assignments = (db.prepare(`SELECT id, class_id AS classId, teacher_id AS teacherId, subject_id AS subjectId, weekly_periods AS weekly
    FROM teaching_assignment WHERE term_id = ? AND weekly_periods > 0 ORDER BY id`).all(termId) as SchoolData['assignments']).filter((a) => classIds.has(a.classId));
  const teacherIds = new Set(assignments.map((a) => a.teacherId));
  const teachers = (db.prepare('SELECT id, name FROM teacher ORDER BY id').all() as { id: number; name: string }[]).filter((t) => teacherIds.has(t.id));
  const subjects = db.prepare('SELECT id, name, code FROM subject ORDER BY sort_order, id').all() as SchoolData['subjects'];
  const links = db.prepare('SELECT room_id, subject_id FROM room_subject').all() as { room_id: number; subject_id: number }[];
  const rooms = (db.prepare('SELECT id, name, capacity FROM room WHERE archived = 0 ORDER BY id').all() as { id: number; name: string; capacity: number }[])
    .map((r) => ({ ...r, subjectIds: links.filter((l) => l.room_id === r.id).map((l) => l.subject_id) }));
  const unavailable = db.prepare('SELECT teacher_id AS teacherId, day, period FROM teacher_unavailable WHERE term_id = ?').all(termId) as SchoolData['unavailable'];
  const members = db.prepare('SELECT group_id, teacher_id FROM teaching_group_member').all() as { group_id: number; teacher_id: number }[];
  const groups = (db.prepare(`SELECT g.id, g.kind, g.name, g.subject_id AS subjectId, gr.level AS grade FROM teaching_group g
      LEFT JOIN grade gr ON gr.id = g.grade_id
     WHERE g.archived = 0 AND g.school_year_id = (SELECT school_year_id FROM term WHERE id = ?) ORDER BY g.id`)
    .all(termId) as Omit<SchoolData['groups'][number], 'teacherIds'>[])
    .map((g) => ({ ...g, teacherIds: members.filter((m) => m.group_id === g.id).map((m) => m.teacher_id) }));
  const lessons = opts.withLessons === false ? [] : (db.prepare('SELECT class_id AS classId, day, period, assignment_id AS assignmentId, room_id AS roomId, locked, combined_key AS combinedKey FROM lesson WHERE term_id = ? ORDER BY class_id, day, period')
    .all(termId) as (Omit<SchoolData['lessons'][number], 'locked'> & { locked: number })[]).map((l) => ({ ...l, locked: l.locked === 1 }));
  return {
    daysPerWeek: settings.daysPerWeek,
    periods: settings.periods.map((p) => ({ no: p.no, part: p.part })),
    breaksAfter: settings.breaks.map((b) => b.afterPeriod).filter((n) => n > 0),
    classes, teachers, subjects, assignments, rooms, unavailable, groups, lessons,
  };
}

/**
 * What the default rules are made from. `roomSubjectIds`: subjects some room is linked to, closed rooms included
 * (closing the last 微机室 should not quietly drop the rule that 信息科技 needs one).
 */
export function ruleContext(data: SchoolData, roomSubjectIds = data.rooms.flatMap((r) => r.subjectIds)): RuleContext {
  const load = new Map<number, number>();
  for (const a of data.assignments) load.set(a.teacherId, (load.get(a.teacherId) ?? 0) + a.weekly);
  return {
    subjects: data.subjects,
    groups: data.groups.map((g) => ({ id: g.id, kind: g.kind, name: g.name, subjectId: g.subjectId, teacherLoads: g.teacherIds.map((t) => load.get(t) ?? 0) })),
    daysPerWeek: data.daysPerWeek,
    periods: data.periods,
    roomSubjectIds: [...new Set(roomSubjectIds)],
  };
}

interface RuleRow { id: number; kind: Rule['kind']; scope: Rule['scope']; scope_id: number | null; params: string; weight: number; enabled: number }

/** The term's saved rules, or the defaults when none are saved (`saved` tells which). */
export function loadRules(db: Database.Database, termId: number, data: SchoolData = loadSchoolData(db, termId)): { rules: Rule[]; saved: boolean } {
  const rows = db.prepare('SELECT id, kind, scope, scope_id, params, weight, enabled FROM timetable_rule WHERE term_id = ? ORDER BY sort_order, id').all(termId) as RuleRow[];
  if (!rows.length) {
    const linked = (db.prepare('SELECT DISTINCT subject_id FROM room_subject').all() as { subject_id: number }[]).map((r) => r.subject_id);
    return { rules: defaultRules(ruleContext(data, linked)), saved: false };
  }
  return {
    saved: true,
    rules: rows.map((r) => {
      let params = {};
      try { params = JSON.parse(r.params) as object; } catch { /* a damaged row keeps its kind with no parameters */ }
      return { id: r.id, kind: r.kind, scope: r.scope, scopeId: r.scope_id, params, weight: r.weight, enabled: r.enabled === 1 };
    }),
  };
}

/**
 * The rule checks of the conflict list and the printouts (fixed events, daily maxima) for a term: from its saved
 * rules only. The defaults guide a generation, but a school that never saved rules (one upgraded from before
 * issue 13, or that timetables by hand) does not see conflicts or 班会 cells for rules it never set.
 */
export function loadRuleChecks(db: Database.Database, termId: number): RuleChecks {
  if (!db.prepare('SELECT 1 FROM timetable_rule WHERE term_id = ? LIMIT 1').get(termId)) return { blocked: [], dailyMax: [] };
  const data = loadSchoolData(db, termId, { withLessons: false });
  return ruleChecks(data, loadRules(db, termId, data).rules);
}
