/**
 * Conflict detection over the generated 60-class school: building the index from ~2,000 lessons and listing all
 * conflicts, and re-checking after one move (two cell edits) applied to a built index.
 */
import { ConflictIndex } from '../../shared/domain/timetable/conflicts';
import { listLessons, toIndexLesson } from '../../electron/core/features/timetable/queries';
import { buildIndex } from '../../electron/core/features/timetable/conflict-cache';
import { medianMs, type Figure } from '../env';

const conflicts60: Figure = {
  name: 'timetable_conflicts_60',
  unit: 'ms',
  target: 20,
  async run(env) {
    const core = await env.openLargeSchool();
    try {
      const { db } = core.context();
      const termId = env.largeSchool.currentTermId;
      const lessons = listLessons(db, termId);
      if (lessons.length < 1900) throw new Error(`expected about 2,000 lessons, got ${lessons.length}`);
      let found = -1;
      buildIndex(db, termId, lessons); // warm up statements and JIT
      const ms = await medianMs(7, () => { found = buildIndex(db, termId, lessons).list().length; });
      // With saved 排课规则 the index also checks fixed events and daily maxima, loaded from the rules each rebuild.
      await core.call('scheduling/saveRules', { termId, rules: (await core.call('scheduling/getRules', { termId })).rules });
      let foundRuled = -1;
      buildIndex(db, termId, lessons);
      const ruledMs = await medianMs(7, () => { foundRuled = buildIndex(db, termId, lessons).list().length; });
      return {
        value: ms,
        more: [
          { name: 'timetable_conflicts_60_lessons', value: lessons.length, unit: 'lessons' }, { name: 'timetable_conflicts_60_found', value: found, unit: 'conflicts' },
          { name: 'timetable_conflicts_60_with_rules', value: ruledMs, unit: 'ms' }, { name: 'timetable_conflicts_60_with_rules_found', value: foundRuled, unit: 'conflicts' },
        ],
      };
    } finally {
      await core.close();
    }
  },
};

const editRecheck: Figure = {
  name: 'timetable_edit_recheck',
  unit: 'ms',
  target: 1,
  async run(env) {
    const core = await env.openLargeSchool();
    try {
      const { db } = core.context();
      const termId = env.largeSchool.currentTermId;
      const lessons = listLessons(db, termId);
      const index = buildIndex(db, termId, lessons);
      const sample = lessons.map(toIndexLesson).filter((_, i) => i % 97 === 0);
      // Each run moves a lesson to the first free cell of its class's day and back again, so the state is stable.
      const move = (l: ReturnType<typeof toIndexLesson>, index: ConflictIndex) => {
        const free = [1, 2, 3, 4, 5].flatMap((d) => [1, 2, 3, 4, 5, 6, 7, 8].map((p) => [d, p])).find(([d, p]) => !index.lessonAt(l.classId, d, p));
        if (!free) return;
        const [d, p] = free;
        index.apply([{ classId: l.classId, day: l.day, period: l.period, lesson: null }, { classId: l.classId, day: d, period: p, lesson: { ...l, day: d, period: p } }]);
        index.apply([{ classId: l.classId, day: d, period: p, lesson: null }, { classId: l.classId, day: l.day, period: l.period, lesson: l }]);
      };
      for (const l of sample) move(l, index); // warm up
      // Time one move (two cell edits), median over many moves; the move back is timed separately and discarded.
      const times: number[] = [];
      for (let r = 0; r < 5; r++) {
        for (const l of sample) {
          const free = [1, 2, 3, 4, 5].flatMap((d) => [1, 2, 3, 4, 5, 6, 7, 8].map((p) => [d, p])).find(([d, p]) => !index.lessonAt(l.classId, d, p));
          if (!free) continue;
          const [d, p] = free;
          const t0 = performance.now();
          index.apply([{ classId: l.classId, day: l.day, period: l.period, lesson: null }, { classId: l.classId, day: d, period: p, lesson: { ...l, day: d, period: p } }]);
          times.push(performance.now() - t0);
          index.apply([{ classId: l.classId, day: d, period: p, lesson: null }, { classId: l.classId, day: l.day, period: l.period, lesson: l }]);
        }
      }
      times.sort((a, b) => a - b);
      return Math.round(times[Math.floor(times.length / 2)] * 1000) / 1000;
    } finally {
      await core.close();
    }
  },
};

export default [conflicts60, editRecheck];
