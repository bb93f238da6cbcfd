/**
 * FET interchange: the XML reader, import preview/commit on real files from Debian's fet-data package (read in
 * place, never copied into the repository), hand-made files for the mapping rules, export -> import round trip,
 * and, when FET's command line tool is installed, that fet-cl opens the exported file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { backupsDir } from '../../../electron/core/platform/backups';
import { readFet } from '../../../electron/core/features/fet/model';
import { decodeXmlBytes, parseXml, XmlSyntaxError } from '../../../electron/core/features/fet/xml';
import { isHardKind, type FetImportPreview } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { FET_EXAMPLES, toolsOk } from '../../helpers/system-tools';

const EXAMPLES = FET_EXAMPLES;
const hasFetData = toolsOk('tests/unit/fet/fet.test.ts', ['fet-data'], 'the tests on real FET files are skipped');
const hasFetCl = toolsOk('tests/unit/fet/fet.test.ts', ['fet-cl'], 'the check that FET opens exported files is skipped');

/** Real example files, chosen to cover old (5.x, forks) and new (6.x) formats, timetables and modes. */
const REAL = {
  hopwood: 'FET-5-official/United-Kingdom/Hopwood/Hopwood.fet', // 5.41.0, 6 days, 162 placed activities
  salem: 'FET-5-mornings-afternoons/Algeria-old-format/3/Lycee_Salem_2_data_and_timetable.fet', // 5.27.3-algeria11
  benahmed: 'FET-6-mornings-afternoons/Algeria/5-by-Benahmed-Abdelkrim/Benahmed_without_R+Q+inf_data_and_timetable.fet', // 6.4.0
  german: 'FET-6-official/Germany/secondary-school-1/using_subactivities_constraints/German_subact_constr.fet', // 6.0.0
  simple: 'FET-5-terms/1/simple.fet', // 5.42.2-mathmake
  hongkong: 'FET-5-official/Hong-Kong/secondary-school-2/FET-2020-07-30-SAMPLE_HK_6_period.fet', // 5.45.1, inactive activities
} as const;

let dir: string;
let core: Core;
let termId: number;

async function freshSchool(): Promise<void> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  core = await Core.open({ dataDir: dir, noDailyBackup: true });
}
beforeEach(freshSchool);
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function createSchool(): Promise<void> {
  await core.call('app/createSchool', { name: '测试中学', type: '初中' });
  termId = (await core.call('app/status', {})).currentTermId!;
}
const payload = (fileName: string, buf: Buffer | string) => ({
  fileName, dataBase64: (typeof buf === 'string' ? Buffer.from(buf, 'utf8') : buf).toString('base64'), termId,
});
const realFile = (rel: string) => payload(path.basename(rel), fs.readFileSync(path.join(EXAMPLES, rel)));
const preview = (p: ReturnType<typeof payload>) => core.call('fet/importPreview', p) as Promise<FetImportPreview>;
const count = (sql: string, ...args: unknown[]) => (core.context().db.prepare(sql).get(...args) as { n: number }).n;
const errorsOf = (p: FetImportPreview) => p.issues.filter((i) => i.severity === 'error');
async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try { await promise; } catch (e) { return e as AppError; }
  throw new Error('expected a rejection');
}

/** A small FET 6 file in the shape FET writes. */
function fetXml(opts: { days?: string[]; hours?: string[]; teachers: string[]; subjects: string[]; years: string; activities: string; constraints?: string }): string {
  const days = opts.days ?? ['星期一', '星期二', '星期三', '星期四', '星期五'];
  const hours = opts.hours ?? ['1', '2', '3', '4', '5', '6', '7', '8'];
  return `\ufeff<?xml version="1.0" encoding="UTF-8"?>
<!-- hand-made test file -->
<fet version="6.0.0">
<Mode>Official</Mode>
<Institution_Name>测试 &amp; 学校</Institution_Name>
<Comments><![CDATA[a <b> comment]]></Comments>
<Days_List><Number_of_Days>${days.length}</Number_of_Days>${days.map((d) => `<Day><Name>${d}</Name></Day>`).join('')}</Days_List>
<Hours_List><Number_of_Hours>${hours.length}</Number_of_Hours>${hours.map((h) => `<Hour><Name>${h}</Name></Hour>`).join('')}</Hours_List>
<Subjects_List>${opts.subjects.map((s) => `<Subject><Name>${s}</Name><Comments></Comments></Subject>`).join('')}</Subjects_List>
<Teachers_List>${opts.teachers.map((t) => `<Teacher><Name>${t}</Name></Teacher>`).join('')}</Teachers_List>
<Students_List>${opts.years}</Students_List>
<Activities_List>${opts.activities}</Activities_List>
<Time_Constraints_List><ConstraintBasicCompulsoryTime><Weight_Percentage>100</Weight_Percentage></ConstraintBasicCompulsoryTime>${opts.constraints ?? ''}</Time_Constraints_List>
</fet>`;
}
const activity = (id: number, teachers: string[], subject: string, students: string[], duration = 1, groupId = 0) =>
  `<Activity>${teachers.map((t) => `<Teacher>${t}</Teacher>`).join('')}<Subject>${subject}</Subject>${students.map((s) => `<Students>${s}</Students>`).join('')}` +
  `<Duration>${duration}</Duration><Total_Duration>${duration}</Total_Duration><Id>${id}</Id><Activity_Group_Id>${groupId}</Activity_Group_Id><Active>true</Active></Activity>`;
const placedAt = (id: number, day: string, hour: string, locked = false) =>
  `<ConstraintActivityPreferredStartingTime><Weight_Percentage>100</Weight_Percentage><Activity_Id>${id}</Activity_Id>` +
  `<Preferred_Day>${day}</Preferred_Day><Preferred_Hour>${hour}</Preferred_Hour><Permanently_Locked>${locked}</Permanently_Locked><Active>true</Active></ConstraintActivityPreferredStartingTime>`;

describe('XML reader', () => {
  it('handles the declaration, BOM, comments, CDATA, named and numeric entities, attributes', () => {
    const el = parseXml('\ufeff<?xml version="1.0"?>\n<!DOCTYPE fet>\n<fet version="6.0.0"><!-- c --><A x=\'1\'>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587;</A><B><![CDATA[<raw> & stuff]]></B><C/></fet>');
    expect(el.attrs.version).toBe('6.0.0');
    expect(el.children.map((c) => c.name)).toEqual(['A', 'B', 'C']);
    expect(el.children[0].text).toBe('a & b <c> "d" \'e\' 中文');
    expect(el.children[0].attrs.x).toBe('1');
    expect(el.children[1].text).toBe('<raw> & stuff');
  });

  it('decodes UTF-8 with and without BOM and UTF-16 LE', () => {
    const xml = '<fet><N>张伟</N></fet>';
    for (const buf of [Buffer.from(xml), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])]) {
      expect(parseXml(decodeXmlBytes(buf)).children[0].text).toBe('张伟');
    }
  });

  it('rejects malformed XML with the line', () => {
    expect(() => parseXml('<fet>\n<A></B>\n</fet>')).toThrow(XmlSyntaxError);
    expect(() => parseXml('<fet><A>')).toThrow(/not closed/);
    expect(() => parseXml('just text')).toThrow(XmlSyntaxError);
    try { parseXml('<fet>\n\n<A></B></fet>'); } catch (e) { expect((e as XmlSyntaxError).line).toBe(3); }
  });
});

describe('import: hand-made files', () => {
  beforeEach(createSchool);

  it('bad XML and non-FET files are one clear error', async () => {
    for (const [name, body] of [['broken.fet', '<fet><Days_List></fet>'], ['empty.fet', ''], ['other.fet', '<html><body/></html>']]) {
      const e = await rejection(preview(payload(name, body)));
      expect(e.code).toBe('IMPORT_INVALID');
      expect(e.key).toBe('fetUnreadable');
    }
  });

  it('maps grades, classes, aliases, combined lessons and several teachers; writes nothing on preview', async () => {
    // An existing teacher is matched by name.
    core.context().db.prepare("INSERT INTO teacher (name) VALUES ('王芳')").run();
    const xml = fetXml({
      teachers: ['王芳', '李强', '赵敏'],
      subjects: ['语文', '英语', '体育'],
      years: `<Year><Name>初一</Name><Group><Name>初一(1)班</Name><Subgroup><Name>初一1男</Name></Subgroup></Group><Group><Name>7.2</Name></Group></Year>
              <Year><Name>八年级</Name><Group><Name>801</Name></Group></Year><Year><Name>9年级</Name></Year>`,
      activities: [
        activity(1, ['王芳'], '语文', ['初一(1)班'], 1, 1), activity(2, ['王芳'], '语文', ['初一(1)班'], 2, 1),
        activity(3, ['李强'], '英语', ['7.2']),
        activity(4, ['赵敏', '李强'], '体育', ['初一(1)班', '7.2']), // combined lesson, two teachers
        activity(5, ['赵敏'], '体育', ['初一1男']), // subgroup -> its class
        activity(6, ['李强'], '英语', ['9年级']),
      ].join(''),
      constraints: placedAt(1, '星期一', '1', true) + placedAt(2, '星期二', '3') + placedAt(4, '星期三', '5'),
    });
    const p = await preview(payload('手工.fet', xml));
    expect(errorsOf(p)).toEqual([]);
    expect(p.hasTimetable).toBe(true);
    expect(p.classes.map((c) => c.name)).toEqual(['七年级(1)班', '七年级(2)班', '八年级(1)班', '九年级(1)班']);
    expect(p.teachers.find((t) => t.name === '王芳')!.teacherId).not.toBeNull();
    expect(p.subjects.find((s) => s.fetName === '英语')).toMatchObject({ name: '外语(英语)' });
    expect(p.subjects.every((s) => s.subjectId !== null)).toBe(true); // all national subjects
    expect(p.issues.find((i) => i.key === 'fetSeveralTeachers')).toMatchObject({ row: 4, column: 'Teacher', severity: 'warning' });
    expect(p.lessons).toBe(1 + 2 + 2);
    expect(count('SELECT COUNT(*) n FROM lesson')).toBe(0);
    expect(count('SELECT COUNT(*) n FROM class')).toBe(0);

    const r = await core.call('fet/importCommit', payload('手工.fet', xml));
    expect(r).toMatchObject({ teachersCreated: 2, subjectsCreated: 0, classesCreated: 4, lessons: 5 });
    const asg = core.context().db.prepare(
      `SELECT c.level, c.class_no, s.name subject, t.name teacher, a.weekly_periods w FROM teaching_assignment a JOIN class_in_term c ON c.class_id = a.class_id AND c.term_id = a.term_id JOIN subject s ON s.id = a.subject_id JOIN teacher t ON t.id = a.teacher_id ORDER BY c.level, c.class_no, s.name`,
    ).all();
    expect(asg).toEqual([
      { level: 7, class_no: 1, subject: '体育与健康', teacher: '赵敏', w: 2 },
      { level: 7, class_no: 1, subject: '语文', teacher: '王芳', w: 3 },
      { level: 7, class_no: 2, subject: '体育与健康', teacher: '赵敏', w: 1 },
      { level: 7, class_no: 2, subject: '外语(英语)', teacher: '李强', w: 1 },
      { level: 9, class_no: 1, subject: '外语(英语)', teacher: '李强', w: 1 },
    ]);
    const lessons = core.context().db.prepare('SELECT c.class_no, l.day, l.period, l.locked, l.combined_key FROM lesson l JOIN class c ON c.id = l.class_id ORDER BY l.day, l.period, c.class_no').all();
    expect(lessons).toEqual([
      { class_no: 1, day: 1, period: 1, locked: 1, combined_key: null },
      { class_no: 1, day: 2, period: 3, locked: 0, combined_key: null },
      { class_no: 1, day: 2, period: 4, locked: 0, combined_key: null }, // duration 2
      { class_no: 1, day: 3, period: 5, locked: 0, combined_key: 'FET-4' },
      { class_no: 2, day: 3, period: 5, locked: 0, combined_key: 'FET-4' },
    ]);
    expect(count("SELECT COUNT(*) n FROM audit_log WHERE entity = 'timetable' AND action = 'import'")).toBe(1);
    expect(count('SELECT COUNT(*) n FROM timetable_settings WHERE term_id = ?', termId)).toBe(1);
  });

  it('an activity with an unknown teacher is an error issue and commit refuses', async () => {
    const xml = fetXml({
      teachers: ['王芳'], subjects: ['语文'],
      years: '<Year><Name>七年级</Name><Group><Name>七年级(1)班</Name></Group></Year>',
      activities: activity(7, ['王芳'], '语文', ['七年级(1)班']) + activity(8, ['无名氏'], '语文', ['七年级(1)班']),
    });
    const p = await preview(payload('坏.fet', xml));
    expect(errorsOf(p)).toEqual([expect.objectContaining({ row: 8, column: 'Teacher', key: 'fetUnknownTeacher', params: expect.objectContaining({ name: '无名氏' }) })]);
    const e = await rejection(core.call('fet/importCommit', payload('坏.fet', xml)));
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.issues?.[0]).toMatchObject({ key: 'import.fetUnknownTeacher', path: [8, 'Teacher'] });
    expect(count('SELECT COUNT(*) n FROM teacher')).toBe(0);
  });

  it('saved settings with fewer days: lessons beyond them are reported and skipped', async () => {
    await core.call('timetable/saveSettings', {
      termId, daysPerWeek: 5, periods: [1, 2, 3, 4].map((no) => ({ no, part: 'morning' as const, start: `0${7 + no}:00` })), breaks: [], lessonMinutes: { primary: 40, middle: 45 },
    }).catch(() => {
      // The timetable core may not be in place yet: write the row the way it stores it.
      core.context().db.prepare('INSERT INTO timetable_settings (term_id, days_per_week, schedule) VALUES (?, 5, ?)')
        .run(termId, JSON.stringify({ periods: [1, 2, 3, 4].map((no) => ({ no, part: 'morning', start: `0${7 + no}:00` })), breaks: [] }));
    });
    const xml = fetXml({
      days: ['一', '二', '三', '四', '五', '六'], hours: ['1', '2', '3', '4', '5', '6'],
      teachers: ['王芳'], subjects: ['语文'],
      years: '<Year><Name>七年级</Name><Group><Name>七年级(1)班</Name></Group></Year>',
      activities: activity(1, ['王芳'], '语文', ['七年级(1)班']) + activity(2, ['王芳'], '语文', ['七年级(1)班']) + activity(3, ['王芳'], '语文', ['七年级(1)班']),
      constraints: placedAt(1, '一', '1') + placedAt(2, '六', '1') + placedAt(3, '二', '6'),
    });
    const p = await preview(payload('六天.fet', xml));
    expect(p.issues.find((i) => i.key === 'fetBeyondSettings')).toMatchObject({ params: { days: 6, periods: 6, savedDays: 5, savedPeriods: 4 } });
    expect(p.lessons).toBe(1);
  });
});

describe.skipIf(!hasFetData)('import: real files from fet-data', () => {
  beforeEach(createSchool);

  it('parses and previews old and new format files', async () => {
    const seen = new Set<string>();
    for (const rel of Object.values(REAL)) {
      const f = readFet(decodeXmlBytes(fs.readFileSync(path.join(EXAMPLES, rel))));
      seen.add(f.version.startsWith('6') ? 'new' : 'old');
      const p = await preview(realFile(rel));
      expect(errorsOf(p), rel).toEqual([]);
      expect(p.teachers.length + p.subjects.length, rel).toBeGreaterThan(0);
      expect(p.classes.length, rel).toBeGreaterThan(0);
      expect(p.version).toBe(f.version);
    }
    expect([...seen].sort()).toEqual(['new', 'old']);
    expect(count('SELECT COUNT(*) n FROM teacher')).toBe(0); // previews write nothing
  });

  it('reads placed times of *_data_and_timetable.fet, folding mornings/afternoons into days', async () => {
    const p = await preview(realFile(REAL.benahmed)); // 10 half-days x 6 hours in FET
    expect(p.hasTimetable).toBe(true);
    expect(p.grid).toEqual({ days: 5, periods: 12 });
    expect(p.placed).toBe(798);
    expect(p.lessons).toBeGreaterThan(0);
    const old = await preview(realFile(REAL.salem)); // old 5.27.3-algeria format
    expect(old.hasTimetable).toBe(true);
    expect(old.lessons).toBeGreaterThan(0);
  });

  it('commits one file into a fresh school with a backup, one audit entry and matching counts', async () => {
    const p = await preview(realFile(REAL.hopwood));
    const r = await core.call('fet/importCommit', realFile(REAL.hopwood));
    expect(r.teachersCreated).toBe(p.teachers.length);
    expect(r.classesCreated).toBe(p.classes.length);
    expect(r.lessons).toBe(p.lessons);
    expect(r.lessons).toBeGreaterThan(100);
    expect(count('SELECT COUNT(*) n FROM lesson WHERE term_id = ?', termId)).toBe(r.lessons);
    expect(count('SELECT COUNT(*) n FROM teaching_assignment WHERE term_id = ?', termId)).toBe(r.assignments);
    expect(count('SELECT COUNT(*) n FROM class')).toBe(r.classesCreated);
    expect(count("SELECT COUNT(*) n FROM audit_log WHERE entity = 'timetable' AND action = 'import'")).toBe(1);
    expect(fs.existsSync(path.join(backupsDir(dir), r.backup))).toBe(true);
    // Every lesson's assignment belongs to its class.
    expect(count('SELECT COUNT(*) n FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id WHERE a.class_id <> l.class_id')).toBe(0);
  });

  it('a file with more year groups than grades 1-9 is refused with one error', async () => {
    const p = await preview(realFile('FET-5-mornings-afternoons/Morocco-old-format/5/Sample-Morocco-2018_data_and_timetable.fet'));
    expect(errorsOf(p).map((i) => i.key)).toEqual(['fetTooManyYears']);
  });
});

// ---- export and round trip ----
interface Snapshot { assignments: string[]; lessons: string[] }
function snapshot(c: Core, term: number): Snapshot {
  const db = c.context().db;
  const assignments = (db.prepare(
    `SELECT c.level || '-' || c.class_no || '|' || s.name || '|' || t.name || '|' || a.weekly_periods AS k FROM teaching_assignment a
       JOIN class_in_term c ON c.class_id = a.class_id AND c.term_id = a.term_id JOIN subject s ON s.id = a.subject_id JOIN teacher t ON t.id = a.teacher_id
      WHERE a.term_id = ? AND a.weekly_periods > 0`,
  ).all(term) as { k: string }[]).map((r) => r.k).sort();
  const lessons = (db.prepare(
    `SELECT c.level || '-' || c.class_no || '|' || l.day || '|' || l.period || '|' || s.name || '|' || t.name || '|' || l.locked || '|' || (l.combined_key IS NOT NULL) AS k
       FROM lesson l JOIN teaching_assignment a ON a.id = l.assignment_id JOIN class_in_term c ON c.class_id = l.class_id AND c.term_id = l.term_id
       JOIN subject s ON s.id = a.subject_id JOIN teacher t ON t.id = a.teacher_id WHERE l.term_id = ?`,
  ).all(term) as { k: string }[]).map((r) => r.k).sort();
  return { assignments, lessons };
}

/** The sample school with its timetable, plus a locked lesson and a combined lesson (合班课) to carry across. */
async function sampleWithExtras(): Promise<number> {
  await core.call('app/loadSample', {});
  const term = (await core.call('app/status', {})).currentTermId!;
  const db = core.context().db;
  let n = count('SELECT COUNT(*) n FROM lesson WHERE term_id = ?', term);
  if (!n) {
    // No generated timetable yet: place each class's assignments row by row (no teacher clash needed for the round trip).
    const asg = db.prepare('SELECT id, class_id, weekly_periods FROM teaching_assignment WHERE term_id = ? ORDER BY class_id, id').all(term) as { id: number; class_id: number; weekly_periods: number }[];
    const ins = db.prepare('INSERT INTO lesson (term_id, class_id, day, period, assignment_id) VALUES (?, ?, ?, ?, ?)');
    const slot = new Map<number, number>();
    for (const a of asg) for (let i = 0; i < a.weekly_periods; i++) {
      const s = slot.get(a.class_id) ?? 0;
      if (s >= 40) break;
      ins.run(term, a.class_id, (s % 5) + 1, Math.floor(s / 5) + 1, a.id);
      slot.set(a.class_id, s + 1);
    }
    n = count('SELECT COUNT(*) n FROM lesson WHERE term_id = ?', term);
  }
  expect(n).toBeGreaterThan(100);
  db.prepare('UPDATE lesson SET locked = 1 WHERE id IN (SELECT id FROM lesson WHERE term_id = ? ORDER BY id LIMIT 5)').run(term);
  // 合班课: lesson L of class A by teacher X in subject S; class B of the same grade joins it at the same slot.
  const l = db.prepare(
    `SELECT l.id, l.day, l.period, l.class_id, a.teacher_id, a.subject_id, b.id AS b_id FROM lesson l
       JOIN teaching_assignment a ON a.id = l.assignment_id JOIN class c ON c.id = l.class_id
       JOIN class b ON b.entry_year = c.entry_year AND b.entry_level = c.entry_level AND b.id <> c.id
      WHERE l.term_id = ? AND l.locked = 0
        AND NOT EXISTS (SELECT 1 FROM teaching_assignment x WHERE x.term_id = l.term_id AND x.class_id = b.id AND x.subject_id = a.subject_id AND x.teacher_id = a.teacher_id)
      ORDER BY l.id LIMIT 1`,
  ).get(term) as { id: number; day: number; period: number; class_id: number; teacher_id: number; subject_id: number; b_id: number };
  const b = { id: l.b_id };
  const aB = Number(db.prepare('INSERT INTO teaching_assignment (term_id, teacher_id, class_id, subject_id, weekly_periods) VALUES (?, ?, ?, ?, 1)').run(term, l.teacher_id, b.id, l.subject_id).lastInsertRowid);
  db.prepare('DELETE FROM lesson WHERE term_id = ? AND class_id = ? AND day = ? AND period = ?').run(term, b.id, l.day, l.period);
  db.prepare("INSERT INTO lesson (term_id, class_id, day, period, assignment_id, combined_key) VALUES (?, ?, ?, ?, ?, 'HB1')").run(term, b.id, l.day, l.period, aB);
  db.prepare("UPDATE lesson SET combined_key = 'HB1' WHERE id = ?").run(l.id);
  return term;
}

describe('export', () => {
  it('writes a FET 6 file with days, hours, students, activities and placed times; import into an empty school reproduces it', async () => {
    const term = await sampleWithExtras();
    const before = snapshot(core, term);
    const file = await core.call('fet/export', { termId: term });
    expect(file.fileName).toMatch(/\.fet$/);
    const xml = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    const f = readFet(xml);
    expect(f.version).toMatch(/^6\./);
    expect(f.days).toEqual(['星期一', '星期二', '星期三', '星期四', '星期五']);
    expect(f.hours[0]).toMatch(/^\d\d:\d\d$/);
    expect(f.years.map((y) => y.name)).toEqual(['七年级', '八年级', '九年级']);
    expect(f.years[0].groups[0].name).toBe('七年级(1)班');
    expect(f.years[0].groups[0].students).toBeGreaterThan(0);
    expect(f.activities.every((a) => a.duration === 1 && a.active)).toBe(true);
    expect(f.activities.filter((a) => a.students.length === 2)).toHaveLength(1); // the 合班课
    expect(f.placed.filter((p) => p.locked)).toHaveLength(5);
    // The order of top-level elements follows FET's own files.
    const order = [...xml.matchAll(/^<([A-Z][A-Za-z_]+)>/gm)].map((m) => m[1]).filter((n, i, a) => a.indexOf(n) === i && n.endsWith('List') || n === 'Mode' || n === 'Institution_Name');
    expect(order).toEqual(['Mode', 'Institution_Name', 'Days_List', 'Hours_List', 'Subjects_List', 'Activity_Tags_List', 'Teachers_List', 'Students_List',
      'Activities_List', 'Buildings_List', 'Rooms_List', 'Time_Constraints_List', 'Space_Constraints_List']);
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });

    await freshSchool();
    await createSchool();
    const input = { fileName: file.fileName, dataBase64: file.dataBase64, termId };
    const p = await preview(input);
    expect(errorsOf(p)).toEqual([]);
    expect(p.subjects.every((s) => s.subjectId !== null)).toBe(true);
    await core.call('fet/importCommit', input);
    const after = snapshot(core, termId);
    expect(after.assignments).toEqual(before.assignments);
    expect(after.lessons).toEqual(before.lessons);
  });

  it.skipIf(!hasFetCl)('FET itself (fet-cl) opens the exported file, and its timetable output imports back', async () => {
    const term = await sampleWithExtras();
    // The school's hard rules off (they are exported since issue 13): with every other lesson pinned, the one lesson
    // the 合班课 displaced must have somewhere to go whatever the sample's timetable is (under the default 教研
    // half-days and daily maxima it may have none, and FET then searches past its time limit).
    const rules = (await core.call('scheduling/getRules', { termId: term })).rules.map((r) => (isHardKind(r.kind) ? { ...r, enabled: false } : r));
    await core.call('scheduling/saveRules', { termId: term, rules });
    const before = snapshot(core, term);
    const file = await core.call('fet/export', { termId: term });
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-fet-'));
    const input = path.join(work, 'school.fet');
    fs.writeFileSync(input, Buffer.from(file.dataBase64, 'base64'));
    execFileSync('fet-cl', [`--inputfile=${input}`, `--outputdir=${work}`, '--timelimitseconds=20'], { timeout: 60_000, stdio: 'pipe' });
    const log = fs.readFileSync(path.join(work, 'logs', 'file_open.log'), 'utf8');
    expect(log).toMatch(/Added 18 students groups/);
    expect(log).toMatch(/Added \d+ activities/);
    expect(fs.readFileSync(path.join(work, 'logs', 'result.txt'), 'utf8')).toMatch(/Simulation successful/);
    const generated = path.join(work, 'timetables', 'school', 'school_data_and_timetable.fet');
    expect(fs.existsSync(generated)).toBe(true);
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });

    await freshSchool();
    await createSchool();
    const r = await core.call('fet/importCommit', { fileName: 'school_data_and_timetable.fet', dataBase64: fs.readFileSync(generated).toString('base64'), termId });
    // The lesson class B gave up for the 合班课 left one period unplaced; FET placed it, everything else kept its slot.
    expect(r.lessons).toBe(before.lessons.length + 1);
    const after = snapshot(core, termId);
    expect(after.assignments).toEqual(before.assignments);
    const grid = (s: string[]) => s.map((k) => k.split('|').slice(0, 5).join('|')).sort();
    const afterGrid = new Set(grid(after.lessons));
    expect(grid(before.lessons).filter((k) => !afterGrid.has(k))).toEqual([]);
    fs.rmSync(work, { recursive: true, force: true });
  });
});
