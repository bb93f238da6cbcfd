/**
 * Running FET's command line generator (`fet-cl`, Debian's fet package) on an exported file and reading its
 * timetable back as our lessons, so the bench and tests can score FET's result with our scorer (scoreLessons) and
 * check it with the conflict engine. The export (export.ts) writes each activity's assignments into its <Comments>
 * (`assignments=12,13`, one per class) and each FET room's room id (`room=7`); FET copies both into its
 * *_data_and_timetable.fet, which records the timetable as ConstraintActivityPreferredStartingTime and
 * ConstraintActivityPreferredRoom at 100%.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SchoolData } from '../../../../shared/domain/timetable/solver/problem';
import { child, childrenNamed, childText, parseXml } from './xml';

export interface FetPlacementOut {
  /** 1-based day and hour (period) of the start. */
  day: number;
  hour: number;
  /** FET room names (empty when the activity got none). */
  rooms: string[];
}

/** What a FET *_data_and_timetable.fet holds that we read back. */
export interface FetSolution {
  days: string[];
  hours: string[];
  /** Per FET activity: our assignments (from its comments) and its duration. */
  activities: Map<number, { assignments: number[]; duration: number }>;
  /** FET room name -> our room id (from the room's comments), null when unknown. */
  rooms: Map<string, number | null>;
  placements: Map<number, FetPlacementOut>;
}

export interface FetRun {
  /** Wall time of fet-cl (start to exit), ms. */
  ms: number;
  /** fet-cl reported "Simulation successful" (every activity placed). */
  complete: boolean;
  placements: Map<number, FetPlacementOut>;
  /** The parsed result file; null when fet-cl wrote none. */
  solution: FetSolution | null;
  /** The tail of fet-cl's result log, for reports. */
  log: string;
}

let fetClChecked: boolean | null = null;
/** Whether `fet-cl` runs here. */
export function hasFetCl(): boolean {
  if (fetClChecked === null) fetClChecked = spawnSync('fet-cl', ['--version'], { encoding: 'utf8', timeout: 20_000 }).status !== null;
  return fetClChecked;
}

/** Reads FET's result file (or any .fet with placed activities) into placements by activity id. */
export function readFetSolution(xml: string): FetSolution {
  const root = parseXml(xml);
  const names = (list: string, item: string) => childrenNamed(child(root, list), item).map((d) => (child(d, 'Name') ? childText(d, 'Name') : d.text.trim()));
  const days = names('Days_List', 'Day');
  const hours = names('Hours_List', 'Hour');
  const activities = new Map<number, { assignments: number[]; duration: number }>();
  for (const a of childrenNamed(child(root, 'Activities_List'), 'Activity')) {
    const m = /assignments=([\d,]+)/.exec(childText(a, 'Comments'));
    activities.set(Number(childText(a, 'Id')), { assignments: m ? m[1].split(',').map(Number) : [], duration: Math.max(1, Number(childText(a, 'Duration')) || 1) });
  }
  const rooms = new Map<string, number | null>();
  for (const r of childrenNamed(child(root, 'Rooms_List'), 'Room')) {
    const m = /room=(\d+)/.exec(childText(r, 'Comments'));
    rooms.set(childText(r, 'Name'), m ? Number(m[1]) : null);
  }
  const placements = new Map<number, FetPlacementOut>();
  const time = child(root, 'Time_Constraints_List');
  for (const c of childrenNamed(time, 'ConstraintActivityPreferredStartingTime')) {
    if (childText(c, 'Active') === 'false' || Number(childText(c, 'Weight_Percentage') || '100') < 100) continue;
    const day = days.indexOf(childText(c, 'Preferred_Day')) + 1;
    const hour = hours.indexOf(childText(c, 'Preferred_Hour')) + 1;
    if (day > 0 && hour > 0) placements.set(Number(childText(c, 'Activity_Id')), { day, hour, rooms: [] });
  }
  for (const c of childrenNamed(child(root, 'Space_Constraints_List'), 'ConstraintActivityPreferredRoom')) {
    const p = placements.get(Number(childText(c, 'Activity_Id')));
    if (!p || Number(childText(c, 'Weight_Percentage') || '100') < 100) continue;
    p.rooms.push(childText(c, 'Room'), ...childrenNamed(c, 'Real_Room').map((r) => r.text.trim()));
  }
  return { days, hours, activities, rooms, placements };
}

/**
 * Runs fet-cl on a .fet text with a time limit and reads its timetable; null when fet-cl is not installed. FET
 * writes its result only when every activity is placed, so an unfinished run has no placements.
 */
export function solveWithFet(fetXml: string, timeLimitSeconds: number): FetRun | null {
  if (!hasFetCl()) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-fet-cl-'));
  try {
    const input = path.join(dir, 'jw.fet');
    fs.writeFileSync(input, fetXml, 'utf8');
    const out = path.join(dir, 'out');
    const t0 = performance.now();
    spawnSync('fet-cl', [`--inputfile=${input}`, `--outputdir=${out}`, `--timelimitseconds=${Math.max(1, Math.round(timeLimitSeconds))}`, '--language=en_US'], {
      stdio: 'ignore', timeout: (timeLimitSeconds + 120) * 1000,
    });
    const ms = performance.now() - t0;
    const logFile = path.join(out, 'logs', 'result.txt');
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    const complete = /Simulation successful/.test(log);
    const resultFile = path.join(out, 'timetables', 'jw', 'jw_data_and_timetable.fet');
    const solution = complete && fs.existsSync(resultFile) ? readFetSolution(fs.readFileSync(resultFile, 'utf8')) : null;
    return { ms, complete, placements: solution?.placements ?? new Map(), solution, log: log.trim().split('\n').slice(-3).join(' ') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * FET's timetable as our lessons (SchoolData['lessons']) for the exported term: each placed activity covers its
 * duration from its start for each of its classes; a room is mapped back from its FET name (操场-2 -> 操场); an
 * activity of several classes (合班课) shares one combined key. Activities whose assignments the data does not know
 * are left out.
 */
export function fetSolutionLessons(solution: Pick<FetSolution, 'activities' | 'rooms' | 'placements'>, data: Pick<SchoolData, 'assignments'>): SchoolData['lessons'] {
  const byId = new Map(data.assignments.map((a) => [a.id, a]));
  const out: SchoolData['lessons'] = [];
  for (const [id, p] of solution.placements) {
    const act = solution.activities.get(id);
    if (!act) continue;
    const as = act.assignments.map((a) => byId.get(a)).filter((a) => a !== undefined);
    const roomId = p.rooms.length ? solution.rooms.get(p.rooms[0]) ?? null : null;
    for (const a of as) {
      for (let j = 0; j < act.duration; j++) {
        out.push({ classId: a.classId, day: p.day, period: p.hour + j, assignmentId: a.id, roomId, locked: false, combinedKey: as.length > 1 ? `fet${id}` : null });
      }
    }
  }
  return out.sort((a, b) => a.classId - b.classId || a.day - b.day || a.period - b.period);
}
