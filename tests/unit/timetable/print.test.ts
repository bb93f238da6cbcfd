/** Timetable printouts as HTML: the right names in the right day/period cells, filters, breaks, master layout. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { paginate } from '../../../electron/core/features/timetable/print/master';
import { surnameOf } from '../../../electron/core/features/timetable/print/data';
import { seedTimetableSchool, TT_SUBJECTS, type TtSeeded } from './print-fixture';

let dir: string;
let core: Core;
let seeded: TtSeeded;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  core = await Core.open({ dataDir: dir, noDailyBackup: true });
  seeded = seedTimetableSchool(core.context().db, 2);
});
afterAll(async () => {
  await core?.close(); // closed before its folder goes (Windows cannot delete an open database)
  fs.rmSync(dir, { recursive: true, force: true });
});

const html = async (reportId: string, params: Record<string, unknown> = {}) =>
  (await core.call('reports/html', { reportId, params: { termId: seeded.termId, ...params } })).html;

/** The text of every slot cell of each page: pages[i].get('day:period') = visible text. */
function slotTexts(doc: string): Map<string, string>[] {
  return doc.split('<section class="sheet">').slice(1).map((page) => {
    const m = new Map<string, string>();
    for (const x of page.matchAll(/<td class="slot[^"]*" data-day="(\d)" data-period="(\d+)">(.*?)<\/td>/g)) {
      m.set(`${x[1]}:${x[2]}`, x[3].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    }
    return m;
  });
}
const shortOf = new Map(TT_SUBJECTS.map(([, name, short]) => [name, short]));

describe('class timetables HTML', () => {
  it('puts each lesson\'s subject and teacher in its day/period cell, one page per class', async () => {
    const pages = slotTexts(await html('class-timetables'));
    expect(pages).toHaveLength(seeded.classIds.length);
    seeded.classIds.forEach((classId, i) => {
      const exp = seeded.expected.get(classId)!;
      expect(pages[i].size).toBe(5 * 8);
      for (let d = 1; d <= 5; d++) {
        for (let p = 1; p <= 8; p++) {
          const e = exp.get(`${d}:${p}`);
          const got = pages[i].get(`${d}:${p}`)!;
          if (!e) { expect(got, `empty ${d}:${p}`).toBe(''); continue; }
          const subject = e[0].length > 4 ? shortOf.get(e[0])! : e[0];
          expect(got.startsWith(`${subject} ${e[1]}`), `class ${classId} ${d}:${p} = ${got}`).toBe(true);
        }
      }
    });
  });

  it('shows the header, class, head teacher, effective date, breaks and clock times', async () => {
    const doc = await html('class-timetables', { classIds: [seeded.classIds[0]], effectiveFrom: '2025-09-08' });
    expect(doc).toContain('青山县第一中学');
    expect(doc).toContain('2025-2026学年第一学期');
    expect(doc).toContain('七年级(1)班课程表');
    expect(doc).toContain(`班主任：${seeded.teacherNames[0]}`);
    expect(doc).toContain('自 2025-09-08 起执行');
    for (const b of ['早读', '大课间', '午休']) expect(doc).toContain(b);
    expect(doc).toContain('08:00-08:45'); // middle-school lesson length (45 min)
    expect(doc).toMatch(/size: A4 landscape/);
    expect(doc).toContain('上午');
    expect(doc).toContain('下午');
    // The room of the music lesson is printed in its cell.
    expect(doc).toContain('音乐室');
  });

  it('defaults the effective date to the term start and filters by grade', async () => {
    const doc = await html('class-timetables', { gradeLevels: [8] });
    expect(doc).toContain('自 2025-09-01 起执行');
    expect(doc).toContain('八年级(1)班');
    expect(doc).not.toContain('七年级(1)班');
    expect(slotTexts(doc)).toHaveLength(2);
  });

  it('uses primary lesson lengths for primary grades and the saved settings (6 days)', async () => {
    const db = core.context().db;
    db.prepare(`INSERT INTO timetable_settings (term_id, days_per_week, schedule) VALUES (1, 6, ?)`).run(JSON.stringify({
      periods: [{ no: 1, part: 'morning', start: '08:10' }, { no: 2, part: 'afternoon', start: '14:30' }],
      breaks: [{ name: '眼保健操', afterPeriod: 1, start: '09:00', end: '09:05' }],
      lessonMinutes: { primary: 40, middle: 50 },
    }));
    try {
      const doc = await html('class-timetables', { classIds: [seeded.classIds[0]] });
      expect(doc).toContain('星期六');
      expect(doc).toContain('08:10-09:00');
      expect(doc).toContain('眼保健操');
      expect(slotTexts(doc)[0].size).toBe(6 * 2);
    } finally {
      db.prepare('DELETE FROM timetable_settings').run();
    }
  });
});

describe('teacher and room timetables HTML', () => {
  it('prints one page per teacher with class + subject cells and the weekly total', async () => {
    const name = seeded.teacherNames[1]; // 数学 teacher of 七年级(1)班
    const teacherId = (core.context().db.prepare('SELECT id FROM teacher WHERE name = ?').get(name) as { id: number }).id;
    const doc = await html('teacher-timetables', { teacherIds: [teacherId] });
    const pages = slotTexts(doc);
    expect(pages).toHaveLength(1);
    const exp = [...seeded.expected.get(seeded.classIds[0])!].filter(([, v]) => v[1] === name);
    expect(exp.length).toBe(5);
    for (const [slot] of exp) expect(pages[0].get(slot)).toBe('七(1)班 数学');
    expect(doc).toContain('周课时：<b>5</b> 节');
    expect(doc).toContain(`${name}老师课程表`);
  });

  it('lists many classes sharing a room slot compactly in one cell', async () => {
    const db = core.context().db;
    const moved = db.prepare(`UPDATE lesson SET room_id = 1 WHERE day = 1 AND period = 1`).run().changes;
    try {
      const cell = slotTexts(await html('room-timetables'))[0].get('1:1')!;
      expect(moved).toBe(6);
      expect(cell).toMatch(new RegExp(`^七\\(1\\) 七\\(2\\) 八\\(1\\) 八\\(2\\) 九\\(1\\) 九\\(2\\) .*（6个班）$`));
    } finally {
      db.prepare(`UPDATE lesson SET room_id = NULL WHERE day = 1 AND period = 1 AND room_id = 1 AND assignment_id NOT IN
        (SELECT a.id FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id WHERE s.name = '音乐')`).run();
    }
  });

  it('prints the music room with the classes that use it', async () => {
    const pages = slotTexts(await html('room-timetables'));
    expect(pages).toHaveLength(1);
    const filled = [...pages[0].values()].filter(Boolean);
    expect(filled).toHaveLength(seeded.classIds.length);
    expect(filled.every((t) => /^[七八九]\(\d\)班 音乐 /.test(t))).toBe(true);
  });
});

describe('master timetable HTML', () => {
  it('is A3 landscape with classes down and 40 slot columns of short names and surnames', async () => {
    const doc = await html('master-timetable');
    expect(doc).toMatch(/size: A3 landscape/);
    const row = /<tr[^>]*><td class="cls">七\(1\)班<\/td>(.*?)<\/tr>/.exec(doc)![1];
    const cells = [...row.matchAll(/<td class="s[^"]*">(.*?)<\/td>/g)].map((m) => m[1].replace(/<span class="t">(.*?)<\/span>/, ' $1'));
    expect(cells).toHaveLength(40);
    const exp = seeded.expected.get(seeded.classIds[0])!;
    const [subject, teacher] = exp.get('2:1')!; // day 2 period 1 = column 8
    // The surname, or surname + initial where another teacher in the printout shares it.
    const printed = cells[8].split(' ')[1];
    expect(cells[8].split(' ')[0]).toBe(shortOf.get(subject));
    expect([surnameOf(teacher), Array.from(teacher).slice(0, 2).join(''), teacher]).toContain(printed);
    expect(teacher.startsWith(printed)).toBe(true);
    // Nothing printed below 8pt.
    const sizes = [...doc.matchAll(/font-size:\s*([\d.]+)pt/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
    // Grade separators: the first row of grades 8 and 9 has the thick rule.
    expect(doc.match(/class="grade-first"/g)).toHaveLength(2);
  });

  it('can leave out teachers, and pages keep grades together unless a grade is taller than a page', async () => {
    expect(await html('master-timetable', { showTeachers: false })).not.toContain('class="t"');
    const cls = (level: number, n: number) => Array.from({ length: n }, () => ({ level }));
    expect(paginate([...cls(7, 10), ...cls(8, 10), ...cls(9, 10)], 25).map((p) => p.length)).toEqual([20, 10]);
    expect(paginate([...cls(7, 30), ...cls(8, 4)], 25).map((p) => p.length)).toEqual([25, 9]);
  });

  it('catalogue lists the four timetable reports with their paper', async () => {
    const cat = await core.call('reports/catalogue', {});
    const byId = new Map(cat.map((r) => [r.id, r]));
    expect(byId.get('class-timetables')).toMatchObject({ paper: 'A4', landscape: true });
    expect(byId.get('teacher-timetables')).toMatchObject({ paper: 'A4', landscape: true });
    expect(byId.get('room-timetables')).toMatchObject({ paper: 'A4', landscape: true });
    expect(byId.get('master-timetable')).toMatchObject({ paper: 'A3', landscape: true });
  });
});
