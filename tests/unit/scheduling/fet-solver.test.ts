/**
 * Our generator and FET on each other's ground: (a) the sample school exported for FET without placements carries
 * the rules as FET constraints, and FET's timetable (when fet-cl is installed) read back has no hard violation by
 * our scorer nor any conflict by the conflict engine; (b) FET's own example files that use only constraints we
 * have (basic compulsory, min days between activities = spreadWeek, teacher not available times) imported into a
 * fresh school and solved by our generator with no hard violation and no conflict.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { fetSolutionLessons, solveWithFet } from '../../../electron/core/features/fet/fet-cl';
import { readFet } from '../../../electron/core/features/fet/model';
import { childrenNamed, child, childText, decodeXmlBytes, parseXml } from '../../../electron/core/features/fet/xml';
import { loadRules, loadSchoolData } from '../../../electron/core/features/scheduling/service';
import { isHardKind, type Rule } from '../../../shared/domain/timetable/rules';
import { buildProblem, solutionLessons } from '../../../shared/domain/timetable/solver/problem';
import { scoreLessons } from '../../../shared/domain/timetable/solver/score';
import { solve } from '../../../shared/domain/timetable/solver/search';
import { check, countsOk } from './fixture';
import { FET_EXAMPLES, toolsOk } from '../../helpers/system-tools';

const EXAMPLES = FET_EXAMPLES;
const hasFetData = toolsOk('tests/unit/scheduling/fet-solver.test.ts', ['fet-data'], 'the FET examples are not solved');
const fetCl = toolsOk('tests/unit/scheduling/fet-solver.test.ts', ['fet-cl'], 'FET solving of the export is skipped');

let dir: string;
let core: Core;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  core = await Core.open({ dataDir: dir, noDailyBackup: true });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const tags = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1]);
const count = (xml: string, name: string) => tags(xml, name).length;

describe('FET export without placements', () => {
  it('translates the rules; fet-cl solves it and its timetable has no hard violation by our scorer', { timeout: 60_000 }, async () => {
    await core.call('app/loadSample', {});
    const termId = (await core.call('app/status', {})).currentTermId!;
    const db = core.context().db;
    // Two teachers unavailable on Monday morning, a combined lesson (合班课) of two classes, three locked lessons.
    const teachers = db.prepare('SELECT DISTINCT teacher_id AS t FROM teaching_assignment WHERE term_id = ? ORDER BY teacher_id LIMIT 2').all(termId) as { t: number }[];
    for (const { t } of teachers) for (const p of [1, 2, 3, 4]) db.prepare('INSERT INTO teacher_unavailable (term_id, teacher_id, day, period) VALUES (?, ?, 1, ?)').run(termId, t, p);
    const data0 = loadSchoolData(db, termId);
    const pair = data0.assignments.flatMap((a) => data0.assignments.filter((b) => b.id > a.id && b.teacherId === a.teacherId && b.subjectId === a.subjectId && b.classId !== a.classId
      && data0.classes.find((c) => c.id === a.classId)!.grade === data0.classes.find((c) => c.id === b.classId)!.grade && a.weekly <= 2).map((b) => [a, b]))[0];
    expect(pair).toBeDefined();
    const rules: Rule[] = [...loadRules(db, termId, data0).rules, { kind: 'combinedClasses', scope: 'school', scopeId: null, params: { count: 1, assignmentIds: pair.map((a) => a.id) }, weight: 100, enabled: true }];
    const ins = db.prepare('INSERT INTO timetable_rule (term_id, sort_order, kind, scope, scope_id, params, weight, enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    rules.forEach((r, i) => ins.run(termId, i, r.kind, r.scope, r.scopeId, JSON.stringify(r.params), r.weight, r.enabled ? 1 : 0));
    const data = loadSchoolData(db, termId);
    expect(loadRules(db, termId, data).saved).toBe(true);

    const file = await core.call('fet/export', { termId, placements: 'none' });
    const xml = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    expect(count(xml, 'ConstraintActivityPreferredStartingTime')).toBe(0);
    // One not-available constraint per teacher: the two unavailable ones and every 教研组 member (教研 half-days).
    const notAvailable = tags(xml, 'ConstraintTeacherNotAvailableTimes').map((c) => /<Teacher>(.*)<\/Teacher>/.exec(c)![1]);
    expect(new Set(notAvailable).size).toBe(notAvailable.length);
    const jiaoyan = new Set(data.groups.filter((g) => g.kind === '教研组' && rules.some((r) => r.kind === 'fixedEvent' && r.scope === 'group' && r.scopeId === g.id)).flatMap((g) => g.teacherIds));
    expect(notAvailable.length).toBe(new Set([...jiaoyan, ...teachers.map((t) => t.t)].filter((t) => data.teachers.some((x) => x.id === t))).size);
    // 班会 (school fixed event): each year not available on Friday's last period.
    const students = tags(xml, 'ConstraintStudentsSetNotAvailableTimes');
    expect(students.map((c) => /<Students>(.*)<\/Students>/.exec(c)![1])).toEqual(['七年级', '八年级', '九年级']);
    expect(students[0]).toMatch(/<Day>星期五<\/Day>\s*<Hour>[^<]+<\/Hour>/);
    // Double periods: Duration 2 activities, as many as our problem has, never starting before a break.
    const { problem } = buildProblem(data, rules, { keep: 'none' });
    const f = readFet(xml);
    expect(f.activities.length).toBe(problem.activities.length);
    expect(f.activities.filter((a) => a.duration === 2).length).toBe(problem.activities.filter((a) => a.length === 2).length);
    expect(f.activities.filter((a) => a.students.length === 2)).toHaveLength(1);
    const starts = tags(xml, 'ConstraintActivitiesPreferredStartingTimes');
    expect(starts).toHaveLength(1);
    expect(starts[0]).toMatch(/<Duration>2<\/Duration>/);
    // 8 periods with breaks after 2 and 4 (4 is also lunch): a double starts at 1, 3, 5, 6 or 7, on 5 days.
    expect(data.breaksAfter).toEqual([2, 4]);
    expect(count(starts[0], 'Preferred_Starting_Time')).toBe(5 * 5);
    // Daily maximum, rooms (操场 of capacity 4 is four FET rooms), soft rules.
    expect(count(xml, 'ConstraintStudentsActivityTagMaxHoursDaily')).toBeGreaterThan(0);
    expect(f.rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['操场-1', '操场-2', '操场-3', '操场-4']));
    expect(tags(xml, 'ConstraintSubjectPreferredRooms').some((c) => c.includes('<Preferred_Room>操场-4</Preferred_Room>'))).toBe(true);
    expect(count(xml, 'ConstraintMinDaysBetweenActivities')).toBeGreaterThan(100);
    expect(count(xml, 'ConstraintActivitiesPreferredTimeSlots')).toBe(5); // 语数英 mornings, 体育 twice
    expect(tags(xml, 'ConstraintTeachersMaxHoursDaily')[0]).toMatch(/<Weight_Percentage>30<\/Weight_Percentage>/);

    // 'locked' places exactly the locked lessons.
    db.prepare('UPDATE lesson SET locked = 1 WHERE id IN (SELECT id FROM lesson WHERE term_id = ? AND assignment_id NOT IN (?, ?) ORDER BY id LIMIT 3)').run(termId, pair[0].id, pair[1].id);
    const lockedXml = Buffer.from((await core.call('fet/export', { termId, placements: 'locked' })).dataBase64, 'base64').toString('utf8');
    const placed = tags(lockedXml, 'ConstraintActivityPreferredStartingTime');
    expect(placed).toHaveLength(3);
    expect(placed.every((c) => c.includes('<Permanently_Locked>true</Permanently_Locked>'))).toBe(true);

    if (!fetCl) return;
    const run = solveWithFet(xml, 30)!;
    expect(run.complete, run.log).toBe(true);
    const lessons = fetSolutionLessons(run.solution!, data);
    expect(countsOk(data, lessons)).toBe(true);
    const score = scoreLessons(data, rules, lessons);
    expect(score.hard).toEqual({ classClash: 0, teacherClash: 0, roomOver: 0, notAllowed: 0, dailyMax: 0, unplaced: 0 });
    expect(check(data, rules, lessons)).toEqual([]);
  });
});

/**
 * FET's examples with no constraint beyond basic compulsory, min days between activities (our spreadWeek) and
 * teacher not available times (which the import does not read: inserted here from the file).
 */
const EXAMPLE_FILES = [
  'FET-5-official/United-Kingdom/Hopwood/Hopwood.fet',
  'FET-5-official/Brazil/3/ACHILES-MANHA.fet',
  'FET-5-official/Brazil/2/EEBLJ-Noturno.fet',
];

describe.skipIf(!hasFetData)('FET examples solved by our generator', () => {
  for (const rel of EXAMPLE_FILES) {
    it(`${path.basename(rel)}: imported, solved with no hard violation and no conflict`, { timeout: 30_000 }, async () => {
      await core.call('app/createSchool', { name: '测试中学', type: '初中' });
      const termId = (await core.call('app/status', {})).currentTermId!;
      const bytes = fs.readFileSync(path.join(EXAMPLES, rel));
      await core.call('fet/importCommit', { fileName: path.basename(rel), dataBase64: bytes.toString('base64'), termId });
      const db = core.context().db;
      // The file's teacher not-available times (FET's days and hours are the school's days and periods in order).
      const text = decodeXmlBytes(bytes);
      const fet = readFet(text);
      const root = parseXml(text);
      const teacherId = (name: string) => (db.prepare('SELECT id FROM teacher WHERE name = ?').get(name) as { id: number } | undefined)?.id;
      const ins = db.prepare('INSERT OR IGNORE INTO teacher_unavailable (term_id, teacher_id, day, period) VALUES (?, ?, ?, ?)');
      let unavailable = 0;
      for (const c of childrenNamed(child(root, 'Time_Constraints_List'), 'ConstraintTeacherNotAvailableTimes')) {
        if (childText(c, 'Active') === 'false') continue;
        const t = teacherId(childText(c, 'Teacher') || childText(c, 'Teacher_Name'));
        if (t === undefined) continue;
        for (const s of childrenNamed(c, 'Not_Available_Time')) {
          const day = fet.days.indexOf(childText(s, 'Day')) + 1;
          const period = fet.hours.indexOf(childText(s, 'Hour')) + 1;
          if (day > 0 && period > 0) unavailable += ins.run(termId, t, day, period).changes;
        }
      }
      if (!rel.includes('Hopwood')) expect(unavailable).toBeGreaterThan(0);

      const data = loadSchoolData(db, termId);
      expect(data.assignments.length).toBeGreaterThan(10);
      // The school's soft defaults apply; its hard defaults are a Chinese school's (班会, two lessons a day, 作文) and
      // not in the file, so they are left out.
      const rules = loadRules(db, termId, data).rules.filter((r) => !isHardKind(r.kind) || r.kind === 'needsRoom');
      const { problem, meta } = buildProblem(data, rules, { keep: 'none' });
      // One seed: the search kicks itself out of a valley (EEBLJ-Noturno, full class weeks and 208 not-available
      // teacher slots, stalled at 2 hard violations on seed 1 before kicks were added).
      const result = solve(problem, { seed: 1, maxIterations: 400_000, patience: 20_000, timeLimitMs: 20_000, fromStart: false });
      expect(result.hard).toBe(0);
      const lessons = solutionLessons(problem, meta, result);
      expect(countsOk(data, lessons)).toBe(true);
      expect(scoreLessons(data, rules, lessons).hardTotal).toBe(0);
      expect(check(data, rules, lessons)).toEqual([]);
    });
  }
});
