/** The conflict engine: each kind appears and clears, combined lessons are exempt, incremental == full rebuild. */
import { describe, expect, it } from 'vitest';
import { ConflictIndex, type IndexEdit, type IndexInput, type IndexLesson } from '../../../shared/domain/timetable/conflicts';
import { defaultSettings, periodTimes, validateSettings } from '../../../shared/domain/timetable/settings';

let nextId = 1;
const lesson = (classId: number, day: number, period: number, teacherId: number, assignmentId: number, extra: Partial<IndexLesson> = {}): IndexLesson => ({
  id: nextId++, classId, day, period, teacherId, subjectId: 1, assignmentId, roomId: null, combinedKey: null, ...extra,
});
const ids = (index: ConflictIndex) => index.list().map((c) => c.id);

describe('ConflictIndex', () => {
  it('finds a teacher clash and clears it when one lesson moves', () => {
    const a = lesson(1, 1, 3, 12, 100);
    const b = lesson(2, 1, 3, 12, 200);
    const index = new ConflictIndex({ lessons: [a, b] });
    expect(ids(index)).toEqual(['teacherClash:t12:d1p3']);
    const c = index.list()[0];
    expect(c.classIds).toEqual([1, 2]);
    expect(c.lessonIds.sort()).toEqual([a.id, b.id].sort());
    expect(index.conflictsAt(2, 1, 3).map((x) => x.kind)).toEqual(['teacherClash']);
    expect(index.conflictsAt(2, 1, 4)).toEqual([]);
    // Move class 2's lesson to period 4 (two cell edits).
    index.apply([{ classId: 2, day: 1, period: 3, lesson: null }, { classId: 2, day: 1, period: 4, lesson: b }]);
    expect(ids(index)).toEqual([]);
  });

  it('exempts a combined lesson only when every lesson shares the same key', () => {
    const index = new ConflictIndex({ lessons: [lesson(1, 2, 5, 7, 1, { combinedKey: 'PE-A' }), lesson(2, 2, 5, 7, 2, { combinedKey: 'PE-A' })] });
    expect(ids(index)).toEqual([]);
    index.apply([{ classId: 3, day: 2, period: 5, lesson: lesson(3, 2, 5, 7, 3) }]);
    expect(ids(index)).toEqual(['teacherClash:t7:d2p5']);
    index.apply([{ classId: 3, day: 2, period: 5, lesson: lesson(3, 2, 5, 7, 3, { combinedKey: 'PE-B' }) }]);
    expect(ids(index)).toEqual(['teacherClash:t7:d2p5']);
    index.apply([{ classId: 3, day: 2, period: 5, lesson: lesson(3, 2, 5, 7, 3, { combinedKey: 'PE-A' }) }]);
    expect(ids(index)).toEqual([]);
  });

  it('counts classes against room capacity, a combined lesson once', () => {
    const rooms = [{ id: 9, capacity: 2, name: '操场' }];
    const index = new ConflictIndex({
      rooms,
      lessons: [lesson(1, 1, 1, 1, 1, { roomId: 9 }), lesson(2, 1, 1, 2, 2, { roomId: 9 })],
    });
    expect(ids(index)).toEqual([]);
    index.apply([{ classId: 3, day: 1, period: 1, lesson: lesson(3, 1, 1, 3, 3, { roomId: 9 }) }]);
    expect(ids(index)).toEqual(['roomOverCapacity:r9:d1p1']);
    expect(index.list()[0].params).toMatchObject({ room: '操场', count: 3, capacity: 2 });
    // Classes 2 and 3 become one combined lesson: two units again.
    index.apply([
      { classId: 2, day: 1, period: 1, lesson: lesson(2, 1, 1, 2, 2, { roomId: 9, combinedKey: 'K' }) },
      { classId: 3, day: 1, period: 1, lesson: lesson(3, 1, 1, 3, 3, { roomId: 9, combinedKey: 'K' }) },
    ]);
    expect(ids(index)).toEqual([]);
  });

  it('flags a lesson in a slot the teacher marked unavailable', () => {
    const index = new ConflictIndex({ lessons: [], unavailable: [{ teacherId: 5, day: 3, period: 2 }] });
    index.apply([{ classId: 1, day: 3, period: 2, lesson: lesson(1, 3, 2, 5, 1) }]);
    expect(ids(index)).toEqual(['teacherUnavailable:t5:d3p2']);
    index.apply([{ classId: 1, day: 3, period: 2, lesson: null }]);
    expect(ids(index)).toEqual([]);
  });

  it('flags more lessons than the weekly periods, and tracks periods still to place', () => {
    const index = new ConflictIndex({ lessons: [lesson(1, 1, 1, 1, 50)], assignments: [{ id: 50, weeklyPeriods: 2 }] });
    expect(index.remaining(50)).toBe(1);
    index.apply([{ classId: 1, day: 2, period: 1, lesson: lesson(1, 2, 1, 1, 50) }]);
    expect(index.remaining(50)).toBe(0);
    expect(ids(index)).toEqual([]);
    index.apply([{ classId: 1, day: 3, period: 1, lesson: lesson(1, 3, 1, 1, 50) }]);
    expect(ids(index)).toEqual(['overAssigned:a50']);
    const c = index.get('overAssigned:a50')!;
    expect(c.day).toBeNull();
    expect(c.params).toMatchObject({ placed: 3, weekly: 2 });
    expect(index.conflictsAt(1, 3, 1).map((x) => x.id)).toEqual(['overAssigned:a50']);
    index.apply([{ classId: 1, day: 1, period: 1, lesson: null }]);
    expect(ids(index)).toEqual([]);
  });

  it('re-evaluates only the buckets an edit touched', () => {
    const lessons: IndexLesson[] = [];
    for (let c = 1; c <= 20; c++) for (let p = 1; p <= 8; p++) lessons.push(lesson(c, 1, p, c * 10 + p, c * 100 + p));
    const index = new ConflictIndex({ lessons });
    expect(index.lastEvaluated.length).toBeGreaterThan(100);
    const moved = index.lessonAt(3, 1, 2)!;
    index.apply([{ classId: 3, day: 1, period: 2, lesson: null }, { classId: 3, day: 2, period: 2, lesson: moved }]);
    expect(index.lastEvaluated.sort()).toEqual([`a${moved.assignmentId}`, `t${moved.teacherId}:d1p2`, `t${moved.teacherId}:d2p2`].sort());
    // With rules: also the class cell that holds a fixed event and the subject's two days (daily maximum), nothing else.
    const ruled = new ConflictIndex({ lessons, blocked: [{ classId: 3, day: 2, period: 2, name: '班会' }], dailyMax: [{ classId: 3, subjectId: 1, max: 8 }] });
    const again = ruled.lessonAt(3, 1, 2)!;
    ruled.apply([{ classId: 3, day: 1, period: 2, lesson: null }, { classId: 3, day: 2, period: 2, lesson: again }]);
    expect(ruled.lastEvaluated.sort()).toEqual([
      `a${again.assignmentId}`, `t${again.teacherId}:d1p2`, `t${again.teacherId}:d2p2`, 'c3:d2p2', 'm3:s1:d1', 'm3:s1:d2',
    ].sort());
    expect(ruled.list().map((c) => c.id)).toEqual(['fixedEvent:c3:d2p2']);
  });

  it('reports a lesson in a fixed event of its class or its teacher, and a subject over its daily maximum', () => {
    const blocked = [{ classId: 1, day: 5, period: 8, name: '班会' }, { teacherId: 9, day: 2, period: 5, name: '教研活动' }];
    const meeting = lesson(1, 5, 8, 4, 10);
    const research = lesson(2, 2, 5, 9, 20);
    const index = new ConflictIndex({ lessons: [meeting, research, lesson(3, 2, 5, 8, 30)], blocked });
    expect(ids(index).sort()).toEqual(['fixedEvent:c1:d5p8', 'fixedEvent:t9:d2p5']);
    expect(index.get('fixedEvent:c1:d5p8')!.params.event).toBe('班会');
    expect(index.conflictsAt(2, 2, 5).map((c) => c.kind)).toEqual(['fixedEvent']);
    index.apply([{ classId: 1, day: 5, period: 8, lesson: null }, { classId: 1, day: 5, period: 7, lesson: meeting }]);
    expect(ids(index)).toEqual(['fixedEvent:t9:d2p5']);

    const dailyMax = [{ classId: 4, subjectId: 1, max: 2 }];
    const day = new ConflictIndex({ lessons: [lesson(4, 3, 1, 1, 40), lesson(4, 3, 2, 1, 40)], dailyMax });
    expect(ids(day)).toEqual([]);
    day.apply([{ classId: 4, day: 3, period: 6, lesson: lesson(4, 3, 6, 1, 40) }]);
    expect(ids(day)).toEqual(['dailyMax:m4:s1:d3']);
    expect(day.get('dailyMax:m4:s1:d3')!.params).toMatchObject({ count: 3, max: 2, day: 3 });
    day.apply([{ classId: 4, day: 3, period: 2, lesson: null }]);
    expect(ids(day)).toEqual([]);
  });

  it('gives the same list incrementally as a full rebuild over random edit sequences', () => {
    // A small seeded PRNG (mulberry32) so a failure can be replayed.
    let seed = 20250901;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (n: number) => Math.floor(rand() * n);
    const base: Omit<IndexInput, 'lessons'> = {
      rooms: [{ id: 1, capacity: 1 }, { id: 2, capacity: 2 }],
      unavailable: [{ teacherId: 1, day: 1, period: 1 }, { teacherId: 2, day: 2, period: 3 }, { teacherId: 3, day: 3, period: 2 }],
      assignments: Array.from({ length: 12 }, (_, i) => ({ id: i + 1, weeklyPeriods: 1 + (i % 3) })),
      blocked: [{ classId: 2, day: 1, period: 2, name: '班会' }, { teacherId: 3, day: 2, period: 1, name: '教研活动' }],
      dailyMax: [1, 2, 3, 4, 5, 6].flatMap((classId) => [{ classId, subjectId: 1, max: 1 }, { classId, subjectId: 2, max: 2 }]),
    };
    const randomLesson = (classId: number, day: number, period: number): IndexLesson => {
      const assignmentId = 1 + int(12);
      return lesson(classId, day, period, 1 + (assignmentId % 4), assignmentId, {
        subjectId: 1 + (assignmentId % 2),
        roomId: rand() < 0.4 ? 1 + int(2) : null,
        combinedKey: rand() < 0.2 ? ['X', 'Y'][int(2)] : null,
      });
    };
    for (let run = 0; run < 30; run++) {
      const index = new ConflictIndex({ ...base, lessons: [] });
      for (let step = 0; step < 40; step++) {
        const edits: IndexEdit[] = [];
        for (let k = 0, n = 1 + int(3); k < n; k++) {
          const classId = 1 + int(6);
          const day = 1 + int(3);
          const period = 1 + int(3);
          edits.push({ classId, day, period, lesson: rand() < 0.25 ? null : randomLesson(classId, day, period) });
        }
        const incremental = index.apply(edits).map((c) => JSON.stringify(c));
        const full = new ConflictIndex({ ...base, lessons: index.lessons() }).list().map((c) => JSON.stringify(c));
        expect(incremental).toEqual(full);
      }
    }
  });
});

describe('timetable settings', () => {
  it('defaults to 8 periods for a middle school and 7 for a primary school, with the three breaks', () => {
    const middle = defaultSettings(1, '初中');
    expect(middle.periods.map((p) => p.part)).toEqual(['morning', 'morning', 'morning', 'morning', 'afternoon', 'afternoon', 'afternoon', 'afternoon']);
    expect(middle.periods[4].start).toBe('14:00');
    expect(middle.breaks.map((b) => [b.name, b.afterPeriod])).toEqual([['早读', 0], ['大课间', 2], ['午休', 4]]);
    expect(defaultSettings(1, '小学').periods).toHaveLength(7);
    expect(validateSettings(middle)).toEqual([]);
    expect(validateSettings(defaultSettings(1, '小学'))).toEqual([]);
  });

  it('computes different end times for primary and middle grades', () => {
    const s = defaultSettings(1, '九年一贯制');
    expect(periodTimes(s, 'primary')[0]).toMatchObject({ no: 1, start: '08:00', end: '08:40' });
    expect(periodTimes(s, 'middle')[0]).toMatchObject({ no: 1, start: '08:00', end: '08:45' });
  });

  it('reports overlapping periods and a period running into a break', () => {
    const s = defaultSettings(1, '初中');
    s.periods[1].start = '08:30';
    s.periods[3].start = '11:30'; // 11:30-12:15 runs into 午休 at 12:05
    const keys = validateSettings(s, ['middle']).map((i) => i.key);
    expect(keys).toContain('periodOverlap');
    expect(keys).toContain('periodBreakOverlap');
    // 40-minute lessons end at 12:10 — still inside 午休.
    expect(validateSettings(s, ['primary']).map((i) => i.key)).toContain('periodBreakOverlap');
  });
});
