/**
 * The term's timetabling rules (shared/domain/timetable/rules.ts) as FET 6 constraints, for the FET export. Every
 * element name below is one FET 6.8.5 itself writes (checked against fet-data's example files), so fet-cl opens the
 * file. Hard rules become 100% constraints:
 *
 * - teacher unavailable times and a group's 教研 half-day (fixedEvent scope group): one ConstraintTeacherNotAvailableTimes
 *   per teacher with both merged (FET wants one per teacher);
 * - fixedEvent scope school / grade (班会, 升旗...): ConstraintStudentsSetNotAvailableTimes per year (grade), or per
 *   class for slots only some classes of a year have, merged per students set;
 * - doublePeriods: the export makes each double one activity of Duration 2 (see export.ts); here one
 *   ConstraintActivitiesPreferredStartingTimes filtered on Duration 2 lists the starts where a double is not split by
 *   a break (a break after a period in the term's settings, or the change from morning to afternoon = lunch);
 * - subjectDailyMax: an activity tag per subject on its activities, and ConstraintStudentsActivityTagMaxHoursDaily
 *   (all students, when every class has the same maximum for that subject) or ConstraintStudentsSetActivityTagMaxHoursDaily
 *   per class; a double counts two hours, as in our daily maximum;
 * - needsRoom: ConstraintSubjectPreferredRooms listing the FET rooms of the rooms linked to the subject. FET holds
 *   one activity per room at a time and our capacity counts classes, so a room of capacity N is N FET rooms
 *   (操场-1..操场-N); activities of other subjects get no room, as in our solver;
 * - combinedClasses: one activity with several <Students> (export.ts).
 *
 * Soft rules: our weight w (1-100, 0 = off) becomes FET's Weight_Percentage w, capped at 99 so that no soft rule turns
 * hard in FET (FET's percentage is the chance a placement honours the constraint, not a penalty, so the two scales
 * only agree in order, not in size):
 * - morningSubject: ConstraintActivitiesPreferredTimeSlots for the subject, the morning periods;
 * - avoidFirstAfternoon / avoidFirstMorning: ConstraintActivitiesPreferredTimeSlots for the subject, every slot but the
 *   first afternoon (first morning) period;
 * - spreadWeek: ConstraintMinDaysBetweenActivities over each class-subject's activities (MinDays = minDays,
 *   Consecutive_If_Same_Day true as FET writes for its own split activities);
 * - teacherDailyMax: ConstraintTeachersMaxHoursDaily (one school row) or ConstraintTeacherMaxHoursDaily per teacher;
 * - teacherMaxConsecutive: ConstraintTeachersMaxHoursContinuously / ConstraintTeacherMaxHoursContinuously (FET's run
 *   goes on over lunch, ours restarts after it: FET's is stricter);
 * - teacherWish: ConstraintActivitiesPreferredTimeSlots for the teacher's activities, every slot but the wished-free
 *   ones (FET's not-available times must be 100%).
 * No FET equivalent at a soft weight: teacherGaps (FET's teacher max gaps per day / per week constraints must be
 * 100%: fet-cl refuses "Cannot optimize, because you have constraint teachers max gaps per day with weight below
 * 100"; a 100% Max_Gaps 0 would be far stricter than our weight-2 default, and FET counts a day's gaps across lunch,
 * ours per half-day), so it is left out.
 * No FET equivalent: commonPrep (集体备课, a shared free slot of a 备课组: FET has no "some common free slot"
 * constraint; a fixed event of the group is how to say it in FET) and classBalance (even lessons per day: FET's
 * students min/max hours daily are bounds, not a balance); both are left out.
 */
import { resolveRule, type Rule } from '../../../../shared/domain/timetable/rules';
import { fixedEventSlots, type SchoolData } from '../../../../shared/domain/timetable/solver/problem';
import { escapeXml } from './xml';

/** An activity as the export writes it (ids are FET's). */
export interface FetExportActivity {
  id: number;
  /** Assignments (teaching_assignment ids), one per class, parallel to classIds. */
  assignments: number[];
  classIds: number[];
  subjectId: number;
  duration: 1 | 2;
}

export interface FetNames {
  days: string[];
  hours: string[];
  teacher: (id: number) => string | undefined;
  subject: (id: number) => string | undefined;
  className: (id: number) => string | undefined;
  yearName: (grade: number) => string;
}

export interface FetRulesOut {
  /** Activity tag names (subjects with a daily maximum), and each activity's tags. */
  tags: string[];
  activityTags: Map<number, string[]>;
  /** FET rooms: name, our room id. */
  rooms: { name: string; roomId: number }[];
  /** Time and space constraint elements (XML lines). */
  time: string[];
  space: string[];
}

/** Our soft weight as FET's Weight_Percentage (see above); 0 = the rule is off. */
export const fetSoftWeight = (w: number) => Math.min(99, Math.max(1, Math.round(w)));

export function rulesToFet(data: SchoolData, rules: Rule[], activities: FetExportActivity[], names: FetNames): FetRulesOut {
  const x = (v: string | number) => escapeXml(String(v));
  const D = Math.min(data.daysPerWeek, names.days.length);
  const periods = [...data.periods].sort((a, b) => a.no - b.no);
  const P = Math.min(periods.length, names.hours.length);
  const parts = periods.map((p) => p.part);
  const dayName = (day: number) => names.days[day - 1];
  const hourName = (period: number) => names.hours[period - 1];
  const allSlots = Array.from({ length: D * P }, (_, i) => ({ day: Math.floor(i / P) + 1, period: (i % P) + 1 }));
  const time: string[] = [];
  const space: string[] = [];
  const el = (name: string, lines: string[]) => [`<${name}>`, ...lines.map((l) => `\t${l}`), `</${name}>`];
  const tail = (comment = '') => ['<Active>true</Active>', `<Comments>${x(comment)}</Comments>`];
  const notAvailable = (slots: { day: number; period: number }[]) => [
    `<Number_of_Not_Available_Times>${slots.length}</Number_of_Not_Available_Times>`,
    ...slots.flatMap((s) => ['<Not_Available_Time>', `\t<Day>${x(dayName(s.day))}</Day>`, `\t<Hour>${x(hourName(s.period))}</Hour>`, '</Not_Available_Time>']),
  ];
  const timeSlots = (slots: { day: number; period: number }[]) => [
    `<Number_of_Preferred_Time_Slots>${slots.length}</Number_of_Preferred_Time_Slots>`,
    ...slots.flatMap((s) => ['<Preferred_Time_Slot>', `\t<Preferred_Day>${x(dayName(s.day))}</Preferred_Day>`, `\t<Preferred_Hour>${x(hourName(s.period))}</Preferred_Hour>`, '</Preferred_Time_Slot>']),
  ];
  const preferredSlots = (weight: number, filter: { teacher?: string; subject?: string }, slots: { day: number; period: number }[], comment: string) => el('ConstraintActivitiesPreferredTimeSlots', [
    `<Weight_Percentage>${weight}</Weight_Percentage>`, `<Teacher_Name>${x(filter.teacher ?? '')}</Teacher_Name>`, '<Students_Name></Students_Name>',
    `<Subject_Name>${x(filter.subject ?? '')}</Subject_Name>`, '<Activity_Tag_Name></Activity_Tag_Name>', '<Duration></Duration>', ...timeSlots(slots), ...tail(comment),
  ]);
  const inGrid = (s: { day: number; period: number }) => s.day >= 1 && s.day <= D && s.period >= 1 && s.period <= P;
  const sortSlots = (keys: Set<string>) => [...keys].map((k) => k.split(':').map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([day, period]) => ({ day, period }));
  const classIds = new Set(activities.flatMap((a) => a.classIds));
  const classes = data.classes.filter((c) => classIds.has(c.id) && names.className(c.id));
  const groupsOfTeacher = new Map<number, number[]>();
  for (const g of data.groups) for (const t of g.teacherIds) groupsOfTeacher.set(t, [...(groupsOfTeacher.get(t) ?? []), g.id]);

  // ---- hard: teachers not available (unavailable times + 教研 half-days), merged per teacher ----
  const blocked = fixedEventSlots(data, rules);
  const teacherSlots = new Map<number, { keys: Set<string>; why: Set<string> }>();
  const blockTeacher = (teacherId: number, s: { day: number; period: number }, why: string) => {
    if (!inGrid(s) || !names.teacher(teacherId)) return;
    const e = teacherSlots.get(teacherId) ?? { keys: new Set(), why: new Set() };
    e.keys.add(`${s.day}:${s.period}`);
    e.why.add(why);
    teacherSlots.set(teacherId, e);
  };
  for (const u of data.unavailable) blockTeacher(u.teacherId, u, '不可排课时间');
  for (const b of blocked) if (b.teacherId != null) blockTeacher(b.teacherId, b, b.name);
  for (const [teacherId, e] of [...teacherSlots].sort((a, b) => a[0] - b[0])) {
    time.push(...el('ConstraintTeacherNotAvailableTimes', [
      '<Weight_Percentage>100</Weight_Percentage>', `<Teacher>${x(names.teacher(teacherId)!)}</Teacher>`, ...notAvailable(sortSlots(e.keys)), ...tail([...e.why].join('、')),
    ]));
  }

  // ---- hard: fixed events of classes (school, grade): per year where every class of it has the slot, else per class ----
  const classSlots = new Map<number, Map<string, string>>();
  for (const b of blocked) {
    if (b.classId == null || !inGrid(b) || !classIds.has(b.classId)) continue;
    const m = classSlots.get(b.classId) ?? new Map<string, string>();
    m.set(`${b.day}:${b.period}`, b.name);
    classSlots.set(b.classId, m);
  }
  const studentSets: { name: string; keys: Set<string>; why: Set<string> }[] = [];
  for (const grade of [...new Set(classes.map((c) => c.grade))].sort((a, b) => a - b)) {
    const inGrade = classes.filter((c) => c.grade === grade);
    const common = [...(classSlots.get(inGrade[0].id)?.keys() ?? [])].filter((k) => inGrade.every((c) => classSlots.get(c.id)?.has(k)));
    if (common.length) studentSets.push({ name: names.yearName(grade), keys: new Set(common), why: new Set(common.map((k) => classSlots.get(inGrade[0].id)!.get(k)!)) });
    for (const c of inGrade) {
      const own = [...(classSlots.get(c.id)?.keys() ?? [])].filter((k) => !common.includes(k));
      if (own.length) studentSets.push({ name: names.className(c.id)!, keys: new Set(own), why: new Set(own.map((k) => classSlots.get(c.id)!.get(k)!)) });
    }
  }
  for (const s of studentSets) {
    time.push(...el('ConstraintStudentsSetNotAvailableTimes', [
      '<Weight_Percentage>100</Weight_Percentage>', `<Students>${x(s.name)}</Students>`, ...notAvailable(sortSlots(s.keys)), ...tail([...s.why].join('、')),
    ]));
  }

  // ---- hard: a double period never split by a break ----
  const breakAfter = periods.map((p, i) => data.breaksAfter.includes(p.no) || (p.part === 'morning' && parts[i + 1] === 'afternoon'));
  if (activities.some((a) => a.duration === 2)) {
    const starts = allSlots.filter((s) => s.period < P && !breakAfter[s.period - 1]);
    time.push(...el('ConstraintActivitiesPreferredStartingTimes', [
      '<Weight_Percentage>100</Weight_Percentage>', '<Teacher_Name></Teacher_Name>', '<Students_Name></Students_Name>', '<Subject_Name></Subject_Name>',
      '<Activity_Tag_Name></Activity_Tag_Name>', '<Duration>2</Duration>', `<Number_of_Preferred_Starting_Times>${starts.length}</Number_of_Preferred_Starting_Times>`,
      ...starts.flatMap((s) => ['<Preferred_Starting_Time>', `\t<Preferred_Starting_Day>${x(dayName(s.day))}</Preferred_Starting_Day>`,
        `\t<Preferred_Starting_Hour>${x(hourName(s.period))}</Preferred_Starting_Hour>`, '</Preferred_Starting_Time>']),
      ...tail('连堂不跨课间'),
    ]));
  }

  // ---- hard: a subject's daily maximum per class, through an activity tag per subject ----
  const gradeOf = new Map(data.classes.map((c) => [c.id, c.grade]));
  const hoursOf = new Map<string, number>(); // class:subject -> weekly hours exported
  for (const a of activities) for (const c of a.classIds) hoursOf.set(`${c}:${a.subjectId}`, (hoursOf.get(`${c}:${a.subjectId}`) ?? 0) + a.duration);
  const maxBySubject = new Map<number, Map<number, number>>(); // subject -> class -> max (binding ones)
  const pairsOfSubject = new Map<number, number>();
  for (const [key, hours] of hoursOf) {
    const [classId, subjectId] = key.split(':').map(Number);
    pairsOfSubject.set(subjectId, (pairsOfSubject.get(subjectId) ?? 0) + 1);
    const max = resolveRule(rules, 'subjectDailyMax', { classId, subjectId, grade: gradeOf.get(classId) })?.params.max;
    if (!max || max >= hours || max >= P) continue;
    const m = maxBySubject.get(subjectId) ?? new Map<number, number>();
    m.set(classId, max);
    maxBySubject.set(subjectId, m);
  }
  const tags: string[] = [];
  const tagOf = new Map<number, string>();
  for (const [subjectId, perClass] of maxBySubject) {
    const subject = names.subject(subjectId);
    if (!subject) continue;
    const tag = `${subject}每日上限`;
    tags.push(tag);
    tagOf.set(subjectId, tag);
    const values = new Set(perClass.values());
    // One constraint for all students when every class of the subject shares one binding maximum (the others are
    // not bound by it: they have fewer hours than it).
    const allSame = values.size === 1 && [...hoursOf].every(([key, hours]) => {
      const [classId, sid] = key.split(':').map(Number);
      return sid !== subjectId || perClass.has(classId) || hours <= [...values][0];
    });
    if (allSame) {
      time.push(...el('ConstraintStudentsActivityTagMaxHoursDaily', [
        '<Weight_Percentage>100</Weight_Percentage>', `<Activity_Tag>${x(tag)}</Activity_Tag>`, `<Maximum_Hours_Daily>${[...values][0]}</Maximum_Hours_Daily>`, ...tail('每日学科上限'),
      ]));
    } else {
      for (const [classId, max] of perClass) {
        time.push(...el('ConstraintStudentsSetActivityTagMaxHoursDaily', [
          '<Weight_Percentage>100</Weight_Percentage>', `<Maximum_Hours_Daily>${max}</Maximum_Hours_Daily>`, `<Students>${x(names.className(classId)!)}</Students>`,
          `<Activity_Tag>${x(tag)}</Activity_Tag>`, ...tail('每日学科上限'),
        ]));
      }
    }
  }
  const activityTags = new Map<number, string[]>();
  for (const a of activities) if (tagOf.has(a.subjectId)) activityTags.set(a.id, [tagOf.get(a.subjectId)!]);

  // ---- hard: rooms (a room of capacity N is N FET rooms) and the subjects that need them ----
  const rooms: FetRulesOut['rooms'] = [];
  const fetRoomsOf = new Map<number, string[]>();
  for (const r of data.rooms) {
    const n = Math.max(1, r.capacity);
    const list = n === 1 ? [r.name] : Array.from({ length: n }, (_, i) => `${r.name}-${i + 1}`);
    fetRoomsOf.set(r.id, list);
    for (const name of list) rooms.push({ name, roomId: r.id });
  }
  const exportedSubjects = new Set(activities.map((a) => a.subjectId));
  for (const r of rules) {
    if (r.kind !== 'needsRoom' || !r.enabled || r.scopeId == null || !exportedSubjects.has(r.scopeId) || !names.subject(r.scopeId)) continue;
    const list = data.rooms.filter((room) => room.subjectIds.includes(r.scopeId!)).flatMap((room) => fetRoomsOf.get(room.id)!);
    if (!list.length) continue;
    space.push(...el('ConstraintSubjectPreferredRooms', [
      '<Weight_Percentage>100</Weight_Percentage>', `<Subject>${x(names.subject(r.scopeId)!)}</Subject>`, `<Number_of_Preferred_Rooms>${list.length}</Number_of_Preferred_Rooms>`,
      ...list.map((name) => `<Preferred_Room>${x(name)}</Preferred_Room>`), ...tail('专用教室'),
    ]));
  }

  // ---- soft: slots of a subject ----
  const firstAfternoon = parts.indexOf('afternoon') + 1; // 1-based, 0 when none
  for (const r of rules) {
    if (!r.enabled || r.weight <= 0 || r.scope !== 'subject' || r.scopeId == null || !exportedSubjects.has(r.scopeId)) continue;
    const subject = names.subject(r.scopeId);
    if (!subject) continue;
    // Our solver takes the first enabled row of a kind for a subject; so does this.
    if (rules.find((q) => q.kind === r.kind && q.enabled && q.scopeId === r.scopeId && q.scope === 'subject') !== r) continue;
    const w = fetSoftWeight(r.weight);
    if (r.kind === 'morningSubject') time.push(...preferredSlots(w, { subject }, allSlots.filter((s) => parts[s.period - 1] === 'morning'), '上午优先'));
    if (r.kind === 'avoidFirstAfternoon' && firstAfternoon > 0) time.push(...preferredSlots(w, { subject }, allSlots.filter((s) => s.period !== firstAfternoon), '避开下午第一节'));
    if (r.kind === 'avoidFirstMorning') time.push(...preferredSlots(w, { subject }, allSlots.filter((s) => s.period !== 1), '避开上午第一节'));
  }

  // ---- soft: spread over the week, per class-subject ----
  const csActivities = new Map<string, number[]>();
  for (const a of activities) for (const c of a.classIds) csActivities.set(`${c}:${a.subjectId}`, [...(csActivities.get(`${c}:${a.subjectId}`) ?? []), a.id]);
  for (const [key, ids] of csActivities) {
    if (ids.length < 2) continue;
    const [classId, subjectId] = key.split(':').map(Number);
    const r = resolveRule(rules, 'spreadWeek', { classId, subjectId, grade: gradeOf.get(classId) });
    if (!r || r.weight <= 0) continue;
    time.push(...el('ConstraintMinDaysBetweenActivities', [
      `<Weight_Percentage>${fetSoftWeight(r.weight)}</Weight_Percentage>`, '<Consecutive_If_Same_Day>true</Consecutive_If_Same_Day>',
      `<Number_of_Activities>${ids.length}</Number_of_Activities>`, ...ids.map((id) => `<Activity_Id>${id}</Activity_Id>`),
      `<MinDays>${Math.min(r.params.minDays ?? 1, Math.max(1, D - 1))}</MinDays>`, ...tail('分散到一周'),
    ]));
  }

  // ---- soft: teachers' days ----
  const teacherOfAssignment = new Map(data.assignments.map((a) => [a.id, a.teacherId]));
  const teacherIds = [...new Set(activities.flatMap((a) => a.assignments.map((id) => teacherOfAssignment.get(id))))]
    .filter((t): t is number => t !== undefined && !!names.teacher(t)).sort((a, b) => a - b);
  const teacherRule = (kind: 'teacherDailyMax' | 'teacherMaxConsecutive', each: string, all: string, body: (r: Rule) => string[], comment: string) => {
    const resolved = teacherIds.map((t) => ({ t, r: resolveRule(rules, kind, { teacherId: t, groupIds: groupsOfTeacher.get(t) ?? [] }) }));
    const first = resolved[0]?.r;
    if (first && first.scope === 'school' && resolved.every((e) => e.r === first)) {
      if (first.weight > 0) time.push(...el(all, [`<Weight_Percentage>${fetSoftWeight(first.weight)}</Weight_Percentage>`, ...body(first), ...tail(comment)]));
      return;
    }
    for (const { t, r } of resolved) {
      if (!r || r.weight <= 0) continue;
      time.push(...el(each, [`<Weight_Percentage>${fetSoftWeight(r.weight)}</Weight_Percentage>`, `<Teacher_Name>${x(names.teacher(t)!)}</Teacher_Name>`, ...body(r), ...tail(comment)]));
    }
  };
  teacherRule('teacherDailyMax', 'ConstraintTeacherMaxHoursDaily', 'ConstraintTeachersMaxHoursDaily',
    (r) => [`<Maximum_Hours_Daily>${r.params.max ?? P}</Maximum_Hours_Daily>`], '教师每日课时上限');
  teacherRule('teacherMaxConsecutive', 'ConstraintTeacherMaxHoursContinuously', 'ConstraintTeachersMaxHoursContinuously',
    (r) => [`<Maximum_Hours_Continuously>${r.params.max ?? P}</Maximum_Hours_Continuously>`], '教师连续上课上限');
  for (const t of teacherIds) {
    const r = resolveRule(rules, 'teacherWish', { teacherId: t });
    if (!r || r.weight <= 0 || !r.params.slots?.length) continue;
    const wished = new Set(r.params.slots.map((s) => `${s.day}:${s.period}`));
    time.push(...preferredSlots(fetSoftWeight(r.weight), { teacher: names.teacher(t)! }, allSlots.filter((s) => !wished.has(`${s.day}:${s.period}`)), '教师意愿'));
  }

  return { tags, activityTags, rooms, time, space };
}
