/**
 * A small school for the solver tests, built by hand: 3 classes of grade 7, 5 days of 7 periods (4 + 3, 大课间
 * after period 2), six subjects, rooms for 音乐/美术/体育, a 语文 教研组 and a 数学 备课组. `check` is the
 * existing conflict engine with the rule checks, the verdict every test relies on.
 */
import { ConflictIndex } from '../../../shared/domain/timetable/conflicts';
import { defaultRules, type Rule } from '../../../shared/domain/timetable/rules';
import { ruleChecks, type GeneratedLesson, type SchoolData } from '../../../shared/domain/timetable/solver/problem';
import { ruleContext } from '../../../electron/core/features/timetable/school-data';

export const SUBJECT = { YW: 1, SX: 2, TY: 3, YYUE: 4, MS: 5, YY: 6 } as const;

export function smallSchool(): SchoolData {
  const classes = [1, 2, 3].map((id) => ({ id, grade: 7, name: `七年级(${id})班` }));
  const weekly: [number, number, (c: number) => number][] = [
    [SUBJECT.YW, 6, (c) => (c < 3 ? 1 : 2)], [SUBJECT.SX, 5, () => 3], [SUBJECT.YY, 4, () => 4], [SUBJECT.TY, 3, () => 5],
    [SUBJECT.YYUE, 2, () => 6], [SUBJECT.MS, 2, () => 6],
  ];
  let id = 100;
  const assignments = classes.flatMap((c) => weekly.map(([subjectId, n, teacher]) => ({ id: id++, classId: c.id, teacherId: teacher(c.id), subjectId, weekly: n })));
  return {
    daysPerWeek: 5,
    periods: [1, 2, 3, 4, 5, 6, 7].map((no) => ({ no, part: no <= 4 ? 'morning' as const : 'afternoon' as const })),
    breaksAfter: [2, 4],
    classes,
    teachers: [1, 2, 3, 4, 5, 6].map((t) => ({ id: t, name: `教师${t}` })),
    subjects: [
      { id: SUBJECT.YW, name: '语文', code: 'YW' }, { id: SUBJECT.SX, name: '数学', code: 'SX' }, { id: SUBJECT.TY, name: '体育与健康', code: 'TY' },
      { id: SUBJECT.YYUE, name: '音乐', code: 'YYUE' }, { id: SUBJECT.MS, name: '美术', code: 'MS' }, { id: SUBJECT.YY, name: '英语', code: 'YY' },
    ],
    assignments,
    rooms: [
      { id: 1, name: '音乐室', capacity: 1, subjectIds: [SUBJECT.YYUE] },
      { id: 2, name: '美术室', capacity: 1, subjectIds: [SUBJECT.MS] },
      { id: 3, name: '操场', capacity: 2, subjectIds: [SUBJECT.TY] },
    ],
    unavailable: [],
    groups: [
      { id: 1, kind: '教研组', name: '语文教研组', subjectId: SUBJECT.YW, grade: null, teacherIds: [1, 2] },
      { id: 2, kind: '备课组', name: '七年级语文备课组', subjectId: SUBJECT.YW, grade: 7, teacherIds: [1, 2] },
    ],
    lessons: [],
  };
}

export const rulesOf = (data: SchoolData): Rule[] => defaultRules(ruleContext(data));

/** The conflict engine's list for a set of lessons under the rules. */
export function check(data: SchoolData, rules: Rule[], lessons: GeneratedLesson[]) {
  const byId = new Map(data.assignments.map((a) => [a.id, a]));
  return new ConflictIndex({
    lessons: lessons.map((l, i) => {
      const a = byId.get(l.assignmentId)!;
      return { id: i + 1, classId: l.classId, day: l.day, period: l.period, teacherId: a.teacherId, subjectId: a.subjectId, assignmentId: a.id, roomId: l.roomId, combinedKey: l.combinedKey };
    }),
    rooms: data.rooms,
    unavailable: data.unavailable,
    assignments: data.assignments.map((a) => ({ id: a.id, weeklyPeriods: a.weekly })),
    ...ruleChecks(data, rules),
  }).list();
}

/** Lessons per assignment, to compare with the weekly numbers (the conflict engine only flags too many). */
export function countsOk(data: SchoolData, lessons: GeneratedLesson[]): boolean {
  return data.assignments.every((a) => lessons.filter((l) => l.assignmentId === a.id).length === a.weekly);
}
