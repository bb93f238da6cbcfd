/**
 * Automatic timetabling (issue 13): our generator (buildProblem + solve with solveOptionsFor('normal', n, seed 1))
 * on the sample school and on the 60-class school, FET's command line generator on the same 60-class instance
 * (exported with placements 'none' and the rules translated, fet/rules-to-fet.ts) scored by our scorer, and a
 * minimal-change repair after one teacher's unavailable times change.
 *
 * The 60-class instance: the bench's large school copy plus unavailable times for every tenth teacher (a half-day
 * each, morning or afternoon of a day in turn), so the instance is not trivial; both solvers get exactly it (FET
 * through the export of the same database). Timings of ours are problem building + search, without reading the
 * database. `timetable_fet_ratio_60` is our time to the first state with no hard violation (building +
 * SolveResult.feasibleMs) over fet-cl's wall time to a complete timetable (process start to exit). Without fet-cl
 * the FET figures are skipped.
 */
import { Core } from '../../electron/core/app';
import { loadSampleSchool } from '../../electron/core/features/app/sample-school';
import { buildFetExport } from '../../electron/core/features/fet/export';
import { fetSolutionLessons, hasFetCl, solveWithFet, type FetRun } from '../../electron/core/features/fet/fet-cl';
import { loadRules, loadSchoolData } from '../../electron/core/features/scheduling/service';
import type { Rule } from '../../shared/domain/timetable/rules';
import { solveOptionsFor } from '../../shared/domain/timetable/solver/options';
import { buildProblem, solutionLessons, type SchoolData } from '../../shared/domain/timetable/solver/problem';
import { scoreLessons, type Score } from '../../shared/domain/timetable/solver/score';
import { solve } from '../../shared/domain/timetable/solver/search';
import type { SolveResult } from '../../shared/domain/timetable/solver/model';
import { SkipFigure, type BenchEnv, type Figure } from '../env';

const FET_TIME_LIMIT_S = 300;

interface OurRun { buildMs: number; ms: number; result: SolveResult; lessons: SchoolData['lessons']; score: Score }

function runOurs(data: SchoolData, rules: Rule[]): OurRun {
  const t0 = performance.now();
  const { problem, meta } = buildProblem(data, rules, { keep: 'none' });
  const buildMs = performance.now() - t0;
  const result = solve(problem, solveOptionsFor('normal', problem.activities.length, 1));
  const ms = performance.now() - t0;
  const lessons = solutionLessons(problem, meta, result);
  return { buildMs, ms, result, lessons, score: scoreLessons(data, rules, lessons) };
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Every tenth teacher (by id) unavailable for a half-day: the day and half rotate. */
function addUnavailable(core: Core, termId: number): number {
  const db = core.context().db;
  const teachers = db.prepare('SELECT DISTINCT teacher_id AS t FROM teaching_assignment WHERE term_id = ? AND weekly_periods > 0 ORDER BY teacher_id').all(termId) as { t: number }[];
  const periods = (loadSchoolData(db, termId, { withLessons: false }).periods);
  const morning = periods.filter((p) => p.part === 'morning').map((p) => p.no);
  const afternoon = periods.filter((p) => p.part === 'afternoon').map((p) => p.no);
  const ins = db.prepare('INSERT OR IGNORE INTO teacher_unavailable (term_id, teacher_id, day, period) VALUES (?, ?, ?, ?)');
  let n = 0;
  db.transaction(() => {
    teachers.forEach(({ t }, i) => {
      if (i % 10 !== 3) return;
      const day = (Math.floor(i / 10) % 5) + 1;
      for (const p of Math.floor(i / 50) % 2 ? afternoon : morning) ins.run(termId, t, day, p);
      n++;
    });
  })();
  return n;
}

// ---- the 60-class instance, built once for all figures of this file ----
interface Large { data: SchoolData; rules: Rule[]; xml: string; unavailableTeachers: number }
let large: Promise<Large> | null = null;
let ours60: OurRun | null = null;
let fet60: Promise<FetRun | null> | null = null;

function largeInstance(env: BenchEnv): Promise<Large> {
  large ??= (async () => {
    const core = await env.openLargeSchool();
    try {
      const termId = env.largeSchool.currentTermId;
      const unavailableTeachers = addUnavailable(core, termId);
      const db = core.context().db;
      const data = loadSchoolData(db, termId);
      const { rules } = loadRules(db, termId, data);
      const { xml } = buildFetExport(core.context(), termId, { placements: 'none' });
      return { data, rules, xml, unavailableTeachers };
    } finally {
      await core.close();
    }
  })();
  return large;
}

async function ours(env: BenchEnv): Promise<OurRun> {
  const { data, rules } = await largeInstance(env);
  ours60 ??= runOurs(data, rules);
  return ours60;
}

async function fet(env: BenchEnv): Promise<FetRun> {
  if (!hasFetCl()) {
    console.log('(fet-cl is not installed: FET figures skipped)');
    throw new SkipFigure('fet-cl not installed');
  }
  const { xml } = await largeInstance(env);
  fet60 ??= Promise.resolve(solveWithFet(xml, FET_TIME_LIMIT_S));
  const run = await fet60;
  if (!run) throw new SkipFigure('fet-cl not installed');
  if (!run.complete) throw new Error(`FET did not finish within ${FET_TIME_LIMIT_S} s (${Math.round(run.ms)} ms): ${run.log}`);
  return run;
}

const sample: Figure = {
  name: 'timetable_generate_sample_ms',
  unit: 'ms',
  target: 5000,
  async run(env) {
    const core = await Core.open({ dataDir: env.tempDir(), noDailyBackup: true });
    try {
      loadSampleSchool(core.context());
      const termId = (await core.call('app/status', {})).currentTermId!;
      const db = core.context().db;
      const data = loadSchoolData(db, termId);
      const { rules } = loadRules(db, termId, data);
      const r = runOurs(data, rules);
      return {
        value: round(r.ms),
        more: [
          { name: 'timetable_generate_sample_hard_violations', value: r.score.hardTotal, unit: 'violations' },
          { name: 'timetable_generate_sample_soft', value: round(r.score.softTotal), unit: 'cost' },
          { name: 'timetable_generate_sample_feasible_ms', value: round(r.buildMs + (r.result.feasibleMs ?? NaN)), unit: 'ms' },
        ],
      };
    } finally {
      await core.close();
    }
  },
};

const generate60: Figure = {
  name: 'timetable_generate_60_ms',
  unit: 'ms',
  target: 60000,
  async run(env) {
    const inst = await largeInstance(env);
    const r = await ours(env);
    return {
      value: round(r.ms),
      more: [
        { name: 'timetable_generate_60_activities', value: buildProblem(inst.data, inst.rules, { keep: 'none' }).problem.activities.length, unit: 'activities' },
        { name: 'timetable_generate_60_unavailable_teachers', value: inst.unavailableTeachers, unit: 'teachers' },
        { name: 'timetable_generate_60_iterations', value: r.result.iterations, unit: 'moves' },
      ],
    };
  },
};

const hard60: Figure = {
  name: 'timetable_generate_60_hard_violations',
  unit: 'violations',
  target: 1,
  async run(env) {
    return (await ours(env)).score.hardTotal;
  },
};

const soft60: Figure = {
  name: 'timetable_generate_60_soft',
  unit: 'cost',
  async run(env) {
    return round((await ours(env)).score.softTotal);
  },
};

const fetSoft60: Figure = {
  name: 'timetable_fet_soft_60',
  unit: 'cost',
  async run(env) {
    const { data, rules } = await largeInstance(env);
    const run = await fet(env);
    const score = scoreLessons(data, rules, fetSolutionLessons(run.solution!, data));
    return { value: round(score.softTotal), more: [{ name: 'timetable_fet_hard_60', value: score.hardTotal, unit: 'violations' }] };
  },
};

const ratio60: Figure = {
  name: 'timetable_fet_ratio_60',
  unit: 'ratio',
  target: 0.5,
  async run(env) {
    const run = await fet(env);
    const r = await ours(env);
    if (r.result.feasibleMs === null) throw new Error('our generator found no timetable without hard violations');
    const ourMs = r.buildMs + r.result.feasibleMs;
    return {
      value: round(ourMs / run.ms, 3),
      more: [{ name: 'timetable_feasible_60_ms', value: round(ourMs), unit: 'ms' }, { name: 'timetable_fet_60_ms', value: round(run.ms), unit: 'ms' }],
    };
  },
};

/**
 * Minimal change: the large school with our generated timetable as the current one. Its busiest teacher without
 * unavailable times leaves; a new teacher takes all her classes and cannot teach on the half-day where she taught
 * most (different unavailable times). The repair (keep locked, minimal change, starting from the current
 * timetable) runs. Value: lessons whose cell changed / all lessons.
 */
const retimetable: Figure = {
  name: 'retimetable_one_teacher_moved_share',
  unit: 'share',
  target: 0.1,
  async run(env) {
    const { data: base, rules } = await largeInstance(env);
    const current = (await ours(env)).lessons;
    const asg = new Map(base.assignments.map((a) => [a.id, a]));
    const load = new Map<number, number>();
    for (const a of base.assignments) load.set(a.teacherId, (load.get(a.teacherId) ?? 0) + a.weekly);
    const blocked = new Set(base.unavailable.map((u) => u.teacherId));
    const leaving = [...load].filter(([t]) => !blocked.has(t)).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    const halves = new Map<string, number>();
    const partOf = new Map(base.periods.map((p) => [p.no, p.part]));
    for (const l of current) if (asg.get(l.assignmentId)?.teacherId === leaving) {
      const k = `${l.day}:${partOf.get(l.period)}`;
      halves.set(k, (halves.get(k) ?? 0) + 1);
    }
    const [key, hit] = [...halves].sort((a, b) => b[1] - a[1])[0];
    const [day, part] = key.split(':');
    const newcomer = Math.max(...base.teachers.map((t) => t.id)) + 1;
    const data: SchoolData = {
      ...base,
      teachers: [...base.teachers, { id: newcomer, name: '新任教师' }],
      assignments: base.assignments.map((a) => (a.teacherId === leaving ? { ...a, teacherId: newcomer } : a)),
      unavailable: [...base.unavailable, ...base.periods.filter((p) => p.part === part).map((p) => ({ teacherId: newcomer, day: Number(day), period: p.no }))],
      lessons: current,
    };
    const { problem, meta } = buildProblem(data, rules, { keep: 'locked', minimalChange: true });
    const result = solve(problem, solveOptionsFor('normal', problem.activities.length, 1, true));
    const after = solutionLessons(problem, meta, result);
    const cell = (l: SchoolData['lessons'][number]) => `${l.classId}:${l.day}:${l.period}`;
    const now = new Map(after.map((l) => [cell(l), l.assignmentId]));
    const moved = current.filter((l) => now.get(cell(l)) !== l.assignmentId).length;
    const score = scoreLessons({ ...data, lessons: [] }, rules, after);
    return {
      value: round(moved / current.length, 4),
      more: [
        { name: 'retimetable_one_teacher_lessons_hit', value: hit, unit: 'lessons' },
        { name: 'retimetable_one_teacher_moved', value: moved, unit: 'lessons' },
        { name: 'retimetable_one_teacher_hard_violations', value: score.hardTotal, unit: 'violations' },
        { name: 'retimetable_one_teacher_ms', value: round(result.ms), unit: 'ms' },
      ],
    };
  },
};

export default [sample, generate60, hard60, soft60, fetSoft60, ratio60, retimetable];
