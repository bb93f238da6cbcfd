/**
 * Hand-made views of a monthly check (deterministic), for tests and for looking at the printouts before
 * there is data: n teachers with a six-item rubric, observations, research and a few fixes.
 */
import type { ReportHeaderData } from '../../platform/report/header';
import type { BulletinView, MonthlySheetView, MonthWorkbookView, TermSummaryView } from './view-types';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['建华', '丽娟', '志强', '秀英', '海燕', '国庆', '晓明', '春梅', '伟', '静', '军', '敏', '磊', '芳', '洋', '婷'];
const SUBJECTS = ['语文', '数学', '英语', '物理', '化学', '道德与法治', '历史', '地理', '生物', '体育与健康'];
const GROUPS = ['语文组', '数学组', '英语组', '理化生组', '政史地组', '体艺组'];

export const DEMO_ITEMS = [
  { name: '备课（教案）', max: 25, criteria: '超周备课，环节完整，有二次备课和教学反思' },
  { name: '上课', max: 20, criteria: '按课表上课，不迟到早退，不拖堂，课堂秩序好' },
  { name: '作业布置与批改', max: 20, criteria: '分层布置，全批全改，批改及时，有激励性评语' },
  { name: '听课评课', max: 10, criteria: '按进度完成听课任务，有评课记录' },
  { name: '教研与集体备课', max: 15, criteria: '按时参加教研活动和集体备课，有发言记录' },
  { name: '辅导与学困生转化', max: 10, criteria: '有辅导记录，学困生档案完整' },
];

export function demoHeader(at = new Date(2025, 9, 31)): ReportHeaderData {
  return { schoolName: '青山县第一中学', term: { id: 1, label: '2025-2026学年第一学期' }, producedAt: at };
}

export function demoTeacherName(i: number): string {
  return SURNAMES[i % SURNAMES.length] + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length];
}

function grade(total: number): string {
  return total >= 90 ? '优' : total >= 80 ? '良' : total >= 60 ? '合格' : '不合格';
}

export function demoSheets(n: number, month = '2025-10'): MonthlySheetView[] {
  return Array.from({ length: n }, (_, i) => {
    const items = DEMO_ITEMS.map((it, k) => ({ ...it, score: Math.max(0, it.max - ((i * 7 + k * 3) % 6)) }));
    const total = items.reduce((a, it) => a + (it.score ?? 0), 0);
    const behind = i % 5 === 2;
    return {
      teacherId: i + 1,
      teacherName: demoTeacherName(i),
      groupName: GROUPS[i % GROUPS.length],
      roleLabel: i === 0 ? '教务主任' : i % 9 === 0 ? '教研组长' : '教师',
      subjects: [SUBJECTS[i % SUBJECTS.length]],
      classes: [`七年级(${(i % 6) + 1})班`, `七年级(${((i + 1) % 6) + 1})班`],
      weeklyPeriods: 10 + (i % 6),
      items, total, maxTotal: 100, grade: grade(total),
      observations: { month: behind ? 0 : 1 + (i % 2), done: behind ? 2 : 5 + (i % 4), due: 5, termQuota: 10 },
      research: { attended: i % 7 === 3 ? 1 : 2, held: 2 },
      collective: { attended: 4, held: 4 },
      tutoring: i % 4,
      planGrade: grade(total + 3),
      homeworkGrade: grade(total - 2),
      comment: behind ? '教案书写认真，但听课进度滞后。' : '各项常规落实到位。',
      fix: behind ? '本月底前补足听课 3 节，并提交评课记录。' : '',
      checker: '王建华',
      checkedOn: `${month}-28`,
    };
  });
}

export function demoBulletin(sheets: MonthlySheetView[], month = '2025-10'): BulletinView {
  const totals = sheets.map((s) => s.total ?? 0);
  const counts = ['优', '良', '合格', '不合格'].map((g) => ({ grade: g, count: sheets.filter((s) => s.grade === g).length }));
  const sorted = [...sheets].sort((a, b) => (b.total ?? 0) - (a.total ?? 0));
  return {
    header: demoHeader(),
    month,
    figures: {
      teachers: sheets.length,
      sheetsChecked: sheets.length,
      averageScore: totals.reduce((a, b) => a + b, 0) / Math.max(1, totals.length),
      highestScore: Math.max(...totals),
      lowestScore: Math.min(...totals),
      observationsThisMonth: sheets.reduce((a, s) => a + s.observations.month, 0),
      observationsMade: sheets.reduce((a, s) => a + s.observations.done, 0),
      observationsBehind: sheets.filter((s) => s.observations.done < s.observations.due).length,
      researchActivities: 12,
      researchAttendanceRate: 94.5,
      fixesRequired: sheets.filter((s) => s.fix).length,
      fixItems: sheets.filter((s) => s.fix).length,
    },
    gradeCounts: counts,
    observationProgress: [
      { label: '校长', made: 9, expected: 13.2, quota: 30 },
      { label: '副校长', made: 8, expected: 8.8, quota: 20 },
      { label: '教务主任', made: 10, expected: 8.8, quota: 20 },
      { label: '教研组长', made: 20, expected: 26.4, quota: 60 },
      { label: '教师', made: 180, expected: 220, quota: 500 },
    ],
    commended: sorted.slice(0, 3).map((s) => ({ teacherName: s.teacherName, groupName: s.groupName, score: s.total, reason: '教案详实、超周备课，作业全批全改且有激励性评语。' })),
    problems: [
      { teacherName: null, text: '部分教师二次备课流于形式，教学反思过于简单。' },
      { teacherName: null, text: '个别班级作业量偏大，分层作业落实不够。' },
      ...sheets.filter((s) => s.fix).slice(0, 3).map((s) => ({ teacherName: s.teacherName, text: '听课进度滞后。' })),
    ],
    fixes: sheets.filter((s) => s.fix).map((s) => ({ teacherName: s.teacherName, text: s.fix })),
    issuer: '青山县第一中学教务处',
    issuedOn: new Date(2025, 10, 3),
  };
}

export function demoTermSummary(sheets: MonthlySheetView[], cards = false): TermSummaryView {
  const months = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01'];
  const teachers = sheets.map((s, i) => {
    const scores = months.map((_, k) => (k === 4 ? null : Math.min(100, (s.total ?? 80) - 3 + ((i + k * 5) % 7))));
    const xs = scores.filter((x): x is number => x !== null);
    const average = xs.reduce((a, b) => a + b, 0) / xs.length;
    return { teacherId: s.teacherId, teacherName: s.teacherName, groupName: s.groupName, subjects: s.subjects, scores, grades: scores.map((x) => (x === null ? null : grade(x))), average, grade: grade(average) };
  });
  const schoolAverages = months.map((_, k) => {
    const xs = teachers.map((t) => t.scores[k]).filter((x): x is number => x !== null);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  });
  return { header: demoHeader(), months, teachers, schoolAverages, cards };
}

export function demoWorkbook(sheets: MonthlySheetView[], month = '2025-10'): MonthWorkbookView {
  return {
    header: demoHeader(),
    month,
    sheets,
    observations: sheets.slice(0, 20).map((s, i) => ({
      date: `${month}-${String(8 + (i % 20)).padStart(2, '0')}`, observer: demoTeacherName((i + 3) % sheets.length), teacherName: s.teacherName,
      className: s.classes[0], subject: s.subjects[0], kind: i % 3 ? '推门课' : '公开课', topic: `第${i + 1}课`, score: 80 + (i % 15), level: i % 15 >= 10 ? '优' : '良',
    })),
    research: GROUPS.map((g, i) => ({
      date: `${month}-${String(10 + i).padStart(2, '0')}`, groupName: g, topic: `${g}专题研讨：作业分层设计`, host: demoTeacherName(i),
      attendees: sheets.filter((s) => s.groupName === g).map((s) => s.teacherName), absent: i === 2 ? [demoTeacherName(2)] : [],
    })),
  };
}
