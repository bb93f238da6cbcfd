/**
 * The sample school (示例数据) a new user can load to try the app, and the large generated school the benchmark
 * uses. Both run through `buildSchool`: one transaction, prepared statements, a seeded PRNG so the data is the
 * same on every machine and every run.
 */
import type Database from 'better-sqlite3';
import {
  GRADE_NAMES, NATIONAL_SUBJECTS, type SchoolType, TEACHER_ROLES, type TeacherRole,
} from '../../../../shared/domain/constants';
import { AppError } from '../../../../shared/errors';
import { schoolYearStart } from '../../../../shared/domain/calendar';
import type { CoreContext } from '../../platform/context';
import { insertCohortClass, setHeadTeacher } from '../../platform/classes';
import { schoolYearOfTerm } from '../../platform/query';
import { addSampleHistory } from './sample-history';
import { addDays, makeStudentNo, Rng, uniqueNameMaker } from '../../platform/sample-names';
import { seedNationalSubjects } from '../school/service';
import { addSampleTimetable } from '../timetable/service';
import { addSampleRoutinePlans } from '../routine-plans/service';
import { addSampleRoutineMonthly } from '../monthly-check/service';
import { addSampleStrugglingFiles } from '../struggling/service';
import { addSampleMentors } from '../mentors/service';
import { addSampleTraining } from '../training/service';
import { addSampleInspection } from '../dossier/service';
import { schoolDay } from '../../../../shared/domain/dates';

type Gender = '男' | '女';

/**
 * Weekly periods per subject code for grades 7, 8, 9 (a typical provincial 课程设置表). Each grade totals 34, the
 * national weekly total for grades 7-9; the extra periods go where many provinces put them (语文/英语 in grade 7,
 * 数学/体育 in grade 9 for the 中考).
 */
export const MIDDLE_SCHOOL_PERIODS: Record<string, [number, number, number]> = {
  YW: [6, 5, 5], SX: [5, 5, 6], YY: [5, 4, 4], DF: [2, 2, 2], LS: [2, 2, 2], DL: [2, 2, 0], SW: [2, 2, 0],
  WL: [0, 3, 3], HX: [0, 0, 3], XX: [1, 1, 0], TY: [3, 3, 4], YYUE: [1, 1, 1], MS: [1, 1, 1],
  LD: [1, 1, 1], ZH: [1, 1, 1], DFKC: [1, 0, 1], XBKC: [1, 1, 0],
};
export const WEEKLY_TOTAL_MIDDLE = 34;

/**
 * How subjects are staffed: `perTeacher` classes per teacher, within one grade or across the school.
 * Subjects not listed here (劳动, 综合实践, 地方, 校本) are "flex": taught by a teacher who already teaches the class.
 */
const STAFFING: Record<string, { perTeacher: number; scope: 'grade' | 'school' }> = {
  YW: { perTeacher: 2, scope: 'grade' }, SX: { perTeacher: 2, scope: 'grade' }, YY: { perTeacher: 2, scope: 'grade' },
  WL: { perTeacher: 3, scope: 'grade' }, HX: { perTeacher: 3, scope: 'grade' },
  DF: { perTeacher: 6, scope: 'grade' }, LS: { perTeacher: 6, scope: 'grade' },
  DL: { perTeacher: 6, scope: 'school' }, SW: { perTeacher: 6, scope: 'school' },
  XX: { perTeacher: 12, scope: 'school' }, TY: { perTeacher: 4, scope: 'school' },
  YYUE: { perTeacher: 12, scope: 'school' }, MS: { perTeacher: 12, scope: 'school' },
};
/** Flex subjects and who takes them: the head teacher, or the least-loaded teacher of the class. */
const FLEX: Record<string, 'head' | 'leastLoaded'> = { ZH: 'head', LD: 'leastLoaded', DFKC: 'leastLoaded', XBKC: 'leastLoaded' };

/** 教研组 by subject area; 理科综合 takes 信息科技 so that no group has a single member. */
const RESEARCH_GROUPS: { name: string; codes: string[] }[] = [
  { name: '语文教研组', codes: ['YW'] },
  { name: '数学教研组', codes: ['SX'] },
  { name: '英语教研组', codes: ['YY'] },
  { name: '政史地教研组', codes: ['DF', 'LS', 'DL'] },
  { name: '理科综合教研组', codes: ['WL', 'HX', 'SW', 'XX'] },
  { name: '体育教研组', codes: ['TY'] },
  { name: '艺术教研组', codes: ['YYUE', 'MS'] },
];
/** Subjects with a 备课组 per grade. */
const PREP_GROUP_CODES = ['YW', 'SX', 'YY', 'WL', 'HX'];

export interface SchoolSpec {
  name: string;
  code: string;
  type: SchoolType;
  address: string;
  phone: string;
  /** 6-digit county code used in the 学籍号 (a code no real county uses). */
  countyCode: string;
  /** Classes per grade level. */
  classesPerGrade: Record<number, number>;
  students: number;
  teachers: number;
  seed: number;
  /** School year start, e.g. 2025 for 2025-2026学年. */
  startYear: number;
}

export interface GeneratedSchoolSummary {
  classes: number;
  teachers: number;
  students: number;
  assignments: number;
  /** Lessons placed by the generated timetable (both terms) and periods it could not place. */
  lessons: number;
  unplacedLessons: number;
  currentTermId: number;
  termIds: number[];
}

export const SAMPLE_SCHOOL_SPEC: SchoolSpec = {
  name: '示例县第一中学（示例数据）',
  code: '2143059901',
  type: '初中',
  address: '示例县城关镇学府路 1 号',
  phone: '0739-5550101',
  countyCode: '430599',
  classesPerGrade: { 7: 6, 8: 6, 9: 6 },
  students: 900,
  teachers: 60,
  seed: 20250901,
  startYear: 2025,
};

/**
 * Fills an empty database with the sample middle school, set in the school year that contains today so that
 * the current term is a real one. Throws CONFLICT if a school exists.
 */
export function loadSampleSchool(ctx: CoreContext): GeneratedSchoolSummary {
  // One transaction: the school and every module's sample records (add one line per module below).
  return ctx.db.transaction(() => {
    const summary = buildSchool(ctx, { ...SAMPLE_SCHOOL_SPEC, startYear: schoolYearStart(ctx.now()) });
    addSampleRoutinePlans(ctx, summary.currentTermId);
    addSampleRoutineMonthly(ctx, summary.currentTermId);
    addSampleStrugglingFiles(ctx, summary.currentTermId);
    addSampleMentors(ctx, summary.currentTermId);
    addSampleTraining(ctx, schoolYearStart(ctx.now()), SAMPLE_SCHOOL_SPEC.seed);
    addSampleHistory(ctx, { currentYearId: schoolYearOfTerm(ctx.db, summary.currentTermId)!, countyCode: SAMPLE_SCHOOL_SPEC.countyCode, seed: SAMPLE_SCHOOL_SPEC.seed });
    addSampleInspection(ctx); // after the history: its period is every school year
    return summary;
  })();
}

/** A large middle school for the benchmark (60 classes = 20 per grade by default), marked as generated data. */
export function generateLargeSchool(
  ctx: CoreContext,
  opts: { classes?: number; students?: number; teachers?: number; seed?: number } = {},
): GeneratedSchoolSummary {
  const classes = opts.classes ?? 60;
  const levels = [7, 8, 9];
  const classesPerGrade: Record<number, number> = {};
  levels.forEach((l, i) => { classesPerGrade[l] = Math.floor(classes / 3) + (i < classes % 3 ? 1 : 0); });
  return buildSchool(ctx, {
    ...SAMPLE_SCHOOL_SPEC,
    name: '示例市实验中学（大型生成数据）',
    code: '2143059902',
    countyCode: '430598',
    classesPerGrade,
    students: opts.students ?? 3000,
    teachers: opts.teachers ?? 250,
    seed: opts.seed ?? 20250902,
  });
}

// ---------------------------------------------------------------------------------------------------------------

interface PlanClass { level: number; classNo: number; id: number; headIdx: number | null }
interface Teaching { cls: number; code: string; periods: number }
interface PlanTeacher {
  idx: number;
  code: string;
  roles: Set<TeacherRole>;
  teaching: Teaching[];
  load: number;
  gender: Gender;
  name: string;
  birthYear: number;
  title: string;
  backbone: string;
  /** Higher = more senior; used to pick group leaders. */
  seniority: number;
}

function periodsFor(code: string, level: number): number {
  const row = MIDDLE_SCHOOL_PERIODS[code];
  if (!row) return 0;
  if (level < 7 || level > 9) throw new Error(`no curriculum for grade ${level}`);
  return row[level - 7];
}

/** Splits `items` into ceil(n / per) runs of nearly equal size. */
function chunks<T>(items: T[], per: number): T[][] {
  const n = Math.ceil(items.length / per);
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const size = Math.floor(items.length / n) + (i < items.length % n ? 1 : 0);
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
}

function buildSchool(ctx: CoreContext, spec: SchoolSpec): GeneratedSchoolSummary {
  const { db } = ctx;
  if (db.prepare('SELECT 1 FROM school WHERE id = 1').get()) throw new AppError('CONFLICT', 'schoolExists');
  const rng = new Rng(spec.seed);

  return db.transaction((): GeneratedSchoolSummary => {
    seedNationalSubjects(db);
    // Subjects by national code; a subject typed in by hand without its code is found by its name.
    const subjectIds = new Map<string, number>();
    const shortNames = new Map<string, string>();
    const subjectRows = db.prepare('SELECT id, code, name, short_name FROM subject').all() as { id: number; code: string | null; name: string; short_name: string | null }[];
    for (const s of NATIONAL_SUBJECTS) {
      const row = subjectRows.find((r) => r.code === s.code) ?? subjectRows.find((r) => r.name === s.name);
      if (!row) throw new AppError('CONFLICT', 'subjectMissing', { name: s.name });
      subjectIds.set(s.code, row.id);
      shortNames.set(s.code, row.short_name ?? s.shortName);
    }

    // Calendar: one school year, two terms; the current term contains today, else the newest.
    const yearId = Number(db.prepare('INSERT INTO school_year (start_year, name) VALUES (?, ?)')
      .run(spec.startYear, `${spec.startYear}-${spec.startYear + 1}学年`).lastInsertRowid);
    const insTerm = db.prepare('INSERT INTO term (school_year_id, term_no, start_date, teaching_weeks) VALUES (?, ?, ?, ?)');
    const terms = [
      { no: 1, start: `${spec.startYear}-09-01`, weeks: 20 },
      { no: 2, start: `${spec.startYear + 1}-02-23`, weeks: 20 },
    ].map((t) => ({ ...t, id: Number(insTerm.run(yearId, t.no, t.start, t.weeks).lastInsertRowid) }));
    const today = schoolDay(ctx.now());
    const current = terms.find((t) => t.start <= today && today < addDays(t.start, t.weeks * 7)) ?? terms[terms.length - 1];
    ctx.setSetting('currentTermId', String(current.id));

    // Grades and classes.
    const insGrade = db.prepare('INSERT INTO grade (level) VALUES (?)');
    const gradeIds = new Map<number, number>();
    const classes: PlanClass[] = [];
    for (const [levelText, count] of Object.entries(spec.classesPerGrade)) {
      const level = Number(levelText);
      const gradeId = Number(insGrade.run(level).lastInsertRowid);
      gradeIds.set(level, gradeId);
      for (let no = 1; no <= count; no++) classes.push({ level, classNo: no, id: insertCohortClass(db, yearId, level, no), headIdx: null });
    }
    const levels = [...gradeIds.keys()];

    // Staffing plan: who teaches which class, before anyone has a name.
    const teachers: PlanTeacher[] = [];
    const newTeacher = (code: string): PlanTeacher => {
      const t: PlanTeacher = {
        idx: teachers.length, code, roles: new Set(['任课教师']), teaching: [], load: 0,
        gender: '女', name: '', birthYear: 0, title: '', backbone: '无', seniority: 0,
      };
      teachers.push(t);
      return t;
    };
    const give = (t: PlanTeacher, cls: number, code: string) => {
      const periods = periodsFor(code, classes[cls].level);
      if (periods <= 0) return;
      t.teaching.push({ cls, code, periods });
      t.load += periods;
    };
    for (const [code, rule] of Object.entries(STAFFING)) {
      const taught = classes.map((_, i) => i).filter((i) => periodsFor(code, classes[i].level) > 0);
      const pools = rule.scope === 'grade' ? levels.map((l) => taught.filter((i) => classes[i].level === l)) : [taught];
      for (const pool of pools) {
        if (pool.length === 0) continue;
        for (const run of chunks(pool, rule.perTeacher)) {
          const t = newTeacher(code);
          for (const cls of run) give(t, cls, code);
        }
      }
    }
    // Up to the wanted head count: the busiest teacher with two or more classes hands half of them to a colleague.
    while (teachers.length < spec.teachers) {
      const busiest = teachers
        .filter((t) => t.teaching.length >= 2)
        .sort((a, b) => b.load - a.load || a.idx - b.idx)[0];
      if (!busiest) break;
      const moved = busiest.teaching.splice(Math.ceil(busiest.teaching.length / 2));
      busiest.load = busiest.teaching.reduce((s, x) => s + x.periods, 0);
      const t = newTeacher(busiest.code);
      for (const m of moved) give(t, m.cls, m.code);
    }

    // Leaders teach too: the principal 道法, the deputy 数学, the director of studies 语文.
    const firstOf = (code: string, taken: Set<number>) => teachers.find((t) => t.code === code && !taken.has(t.idx));
    const leaders = new Set<number>();
    for (const [role, code] of [['校长', 'DF'], ['副校长', 'SX'], ['教导主任', 'YW']] as const) {
      const t = firstOf(code, leaders) ?? teachers.find((x) => !leaders.has(x.idx))!;
      t.roles.add(role);
      leaders.add(t.idx);
    }

    // Head teachers: one per class, from the class's own 语文/数学/英语 teachers in rotation, never a leader.
    const teachersOfClass = classes.map(() => [] as PlanTeacher[]);
    for (const t of teachers) for (const x of t.teaching) if (!teachersOfClass[x.cls].includes(t)) teachersOfClass[x.cls].push(t);
    const isHead = new Set<number>();
    const rotation = ['YW', 'SX', 'YY'];
    classes.forEach((c, ci) => {
      const prefer = [...rotation.slice(ci % 3), ...rotation.slice(0, ci % 3)];
      const candidates = teachersOfClass[ci].filter((t) => !isHead.has(t.idx) && !leaders.has(t.idx));
      const pick = prefer.map((code) => candidates.find((t) => t.code === code)).find(Boolean)
        ?? candidates[0] ?? teachers.find((t) => !isHead.has(t.idx) && !leaders.has(t.idx)) ?? teachers[0];
      c.headIdx = pick.idx;
      isHead.add(pick.idx);
      pick.roles.add('班主任');
    });

    // Flex subjects go to the head teacher or to whoever of the class's teachers has the lightest week.
    classes.forEach((c, ci) => {
      for (const [code, who] of Object.entries(FLEX)) {
        if (periodsFor(code, c.level) <= 0) continue;
        const t = who === 'head' ? teachers[c.headIdx!] : [...teachersOfClass[ci]].sort((a, b) => a.load - b.load || a.idx - b.idx)[0];
        give(t, ci, code);
      }
    });

    // People: gender by subject, age (leaders older), title by years of service, degree, backbone level.
    const nameFor = uniqueNameMaker(rng, 0.7);
    for (const t of teachers) {
      const maleShare = t.code === 'TY' ? 0.75 : ['YW', 'YY', 'YYUE', 'MS'].includes(t.code) ? 0.2 : t.roles.has('校长') ? 0.8 : 0.45;
      t.gender = rng.chance(maleShare) ? '男' : '女';
      t.name = nameFor(t.gender);
      t.birthYear = leaders.has(t.idx) ? rng.int(1970, 1980) : rng.weighted([[rng.int(1968, 1979), 3], [rng.int(1980, 1992), 4], [rng.int(1993, 2003), 3]]);
      const service = spec.startYear - (t.birthYear + 22);
      t.title = service < 1 ? '未定级'
        : service <= 5 ? rng.weighted([['二级教师', 9], ['三级教师', 1]])
          : service <= 12 ? rng.weighted([['一级教师', 7], ['二级教师', 3]])
            : service <= 20 ? rng.weighted([['一级教师', 6], ['高级教师', 4]])
              : rng.weighted([['高级教师', 55], ['一级教师', 43], ['正高级教师', 2]]);
      t.backbone = t.title === '高级教师' || t.title === '正高级教师' ? rng.weighted([['无', 57], ['县级', 25], ['市级', 15], ['省级', 3]])
        : t.title === '一级教师' ? rng.weighted([['无', 85], ['县级', 12], ['市级', 3]]) : '无';
      t.seniority = ['未定级', '三级教师', '二级教师', '一级教师', '高级教师', '正高级教师'].indexOf(t.title) * 10
        + ['无', '县级', '市级', '省级'].indexOf(t.backbone) * 4 + (spec.startYear - t.birthYear) / 10;
    }
    // The equity indicator wants at least one backbone teacher per 100 students: a real school aims above it.
    const backboneNeeded = Math.ceil(spec.students / 100) + 1;
    const bySeniority = [...teachers].sort((a, b) => b.seniority - a.seniority || a.idx - b.idx);
    for (const t of bySeniority) {
      if (teachers.filter((x) => x.backbone !== '无').length >= backboneNeeded) break;
      if (t.backbone === '无' && t.title !== '未定级') t.backbone = '县级';
    }

    // Teaching groups: leaders picked by seniority, preferring teachers without a leadership post.
    const groupPlans: { kind: '教研组' | '备课组'; name: string; subjectCode: string | null; level: number | null; members: PlanTeacher[]; role: TeacherRole }[] = [];
    for (const g of RESEARCH_GROUPS) {
      const members = teachers.filter((t) => g.codes.includes(t.code));
      if (members.length) groupPlans.push({ kind: '教研组', name: g.name, subjectCode: g.codes.length === 1 ? g.codes[0] : null, level: null, members, role: '教研组长' });
    }
    for (const code of PREP_GROUP_CODES) {
      for (const level of levels) {
        const members = teachers.filter((t) => t.teaching.some((x) => x.code === code && classes[x.cls].level === level));
        if (members.length) {
          groupPlans.push({ kind: '备课组', name: `${GRADE_NAMES[level]}${shortNames.get(code) ?? code}备课组`, subjectCode: code, level, members, role: '备课组长' });
        }
      }
    }
    const groupLeader = groupPlans.map((g) => {
      const ranked = [...g.members].sort((a, b) =>
        Number(leaders.has(a.idx)) - Number(leaders.has(b.idx))
        || Number(a.roles.has('教研组长') || a.roles.has('备课组长')) - Number(b.roles.has('教研组长') || b.roles.has('备课组长'))
        || b.seniority - a.seniority || a.idx - b.idx);
      ranked[0].roles.add(g.role);
      return ranked[0];
    });

    // Write teachers.
    const insTeacher = db.prepare(
      `INSERT INTO teacher (staff_no, name, gender, birth_date, phone, subject_id, title, degree, certificate, certified,
         backbone_level, roles, is_pe_arts, hire_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    );
    const teacherIds: number[] = [];
    const roleOrder = (r: TeacherRole) => TEACHER_ROLES.indexOf(r);
    for (const t of teachers) {
      const young = spec.startYear - t.birthYear < 35;
      const degree = young ? rng.weighted([['本科', 80], ['研究生', 15], ['专科', 5]]) : rng.weighted([['本科', 70], ['专科', 25], ['研究生', 3], ['高中/中专', 2]]);
      const certificate = rng.weighted([['初中教师资格', 88], ['高中教师资格', 10], ['小学教师资格', 2]]);
      const birth = `${t.birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const hire = `${t.birthYear + 22 + rng.int(0, 1)}-08-${String(rng.int(20, 31)).padStart(2, '0')}`;
      const phone = `1${rng.pick(['38', '39', '58', '59', '87', '36', '35', '50', '89'])}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
      const roles = [...t.roles].sort((a, b) => roleOrder(a) - roleOrder(b));
      teacherIds.push(Number(insTeacher.run(
        `T${spec.startYear}${String(t.idx + 1).padStart(3, '0')}`, t.name, t.gender, birth, phone, subjectIds.get(t.code) ?? null,
        t.title, degree, certificate, t.backbone, JSON.stringify(roles), ['TY', 'YYUE', 'MS'].includes(t.code) ? 1 : 0,
        hire > `${spec.startYear}-08-31` ? `${spec.startYear}-08-25` : hire,
      ).lastInsertRowid));
    }
    for (const c of classes) setHeadTeacher(db, c.id, yearId, teacherIds[c.headIdx!]);

    const insGroup = db.prepare('INSERT INTO teaching_group (school_year_id, kind, name, subject_id, grade_id, leader_id) VALUES (?, ?, ?, ?, ?, ?)');
    const insMember = db.prepare('INSERT INTO teaching_group_member (group_id, teacher_id) VALUES (?, ?)');
    groupPlans.forEach((g, i) => {
      const gid = Number(insGroup.run(
        yearId, g.kind, g.name, g.subjectCode ? subjectIds.get(g.subjectCode) ?? null : null, g.level ? gradeIds.get(g.level)! : null, teacherIds[groupLeader[i].idx],
      ).lastInsertRowid);
      for (const m of g.members) insMember.run(gid, teacherIds[m.idx]);
    });

    // Assignments: the same plan in both terms of the year.
    const insAssign = db.prepare('INSERT INTO teaching_assignment (term_id, teacher_id, class_id, subject_id, weekly_periods) VALUES (?, ?, ?, ?, ?)');
    let assignments = 0;
    for (const term of terms) {
      for (const t of teachers) {
        for (const x of t.teaching) {
          insAssign.run(term.id, teacherIds[t.idx], classes[x.cls].id, subjectIds.get(x.code)!, x.periods);
          assignments++;
        }
      }
    }

    // Timetable: default settings, special rooms, and a generated timetable for both terms.
    const timetable = addSampleTimetable(db, { termIds: terms.map((t) => t.id), schoolType: spec.type, classCount: classes.length });

    // Students: class sizes around the average, birth dates that fit the grade, a few sensitive flags.
    const sizes = classes.map(() => Math.floor(spec.students / classes.length) + rng.int(-3, 3));
    for (let diff = spec.students - sizes.reduce((s, n) => s + n, 0), i = 0; diff !== 0; i = (i + 1) % sizes.length) {
      const step = Math.sign(diff);
      sizes[i] += step;
      diff -= step;
    }
    const insStudent = db.prepare(
      `INSERT INTO student (student_no, name, gender, birth_date, class_id, left_behind, migrant, disability, hardship)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const studentName = uniqueNameMaker(rng, 0.85);
    const usedNos = new Set<string>();
    let students = 0;
    classes.forEach((c, ci) => {
      // Grade 7 in autumn 2025 was born between 2012-09-01 and 2013-08-31; a few started school some months late.
      const firstBirthYear = spec.startYear - c.level - 6;
      for (let k = 0; k < sizes[ci]; k++) {
        const gender: Gender = rng.chance(0.52) ? '男' : '女';
        const birth = addDays(`${firstBirthYear}-09-01`, rng.int(rng.chance(0.04) ? -120 : 0, 364));
        insStudent.run(
          makeStudentNo(rng, spec.countyCode, birth, gender, usedNos), studentName(gender), gender, birth, c.id,
          rng.chance(0.06) ? 1 : 0, rng.chance(0.03) ? 1 : 0, rng.chance(0.01) ? 1 : 0, rng.chance(0.05) ? 1 : 0,
        );
        students++;
      }
    });

    // Every student's stretch in this year's class (入学 for the entry grade, 升级 for the others).
    db.prepare(
      `INSERT INTO student_enrollment (student_id, school_year_id, class_id, from_date, start_change)
       SELECT s.id, ?, s.class_id, ?, CASE WHEN c.entry_year = ? THEN '入学' ELSE '升级' END FROM student s JOIN class c ON c.id = s.class_id ORDER BY s.id`,
    ).run(yearId, terms[0].start, spec.startYear);

    db.prepare(
      'INSERT INTO school (id, name, code, type, address, principal, phone, is_sample) VALUES (1, ?, ?, ?, ?, ?, ?, 1)',
    ).run(spec.name, spec.code, spec.type, spec.address, teachers.find((t) => t.roles.has('校长'))?.name ?? null, spec.phone);

    ctx.audit('school', 'loadSample', {
      entityId: 1,
      summary: `载入示例数据「${spec.name}」：${classes.length} 个班、${teachers.length} 名教师、${students} 名学生`,
    });
    return { classes: classes.length, teachers: teachers.length, students, assignments, lessons: timetable.lessons, unplacedLessons: timetable.unplaced, currentTermId: current.id, termIds: terms.map((t) => t.id) };
  })();
}

/** Weekly periods per class in a term (used by the tests and handy for checks). */
export function classWeeklyTotals(db: Database.Database, termId: number): Map<number, number> {
  const rows = db.prepare('SELECT class_id, SUM(weekly_periods) AS n FROM teaching_assignment WHERE term_id = ? GROUP BY class_id').all(termId) as { class_id: number; n: number }[];
  return new Map(rows.map((r) => [r.class_id, r.n]));
}
