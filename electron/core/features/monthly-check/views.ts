/**
 * Maps the monthly check's figures (the sheets, the bulletin data, the term summary) and those of the
 * observations, research and routine-plans features (quota progress, observations, activities, standards)
 * into the views the printouts render. It calls the same functions the screens' handlers call, so what is
 * printed is exactly what the screens show.
 */
import { ObservationListSchema, ResearchListSchema, type MonthlySheets } from '../../../../shared/contract';
import { TEACHER_ROLES } from '../../../../shared/domain/constants';
import { monthRange } from '../../../../shared/domain/routine/monthly';
import { defaultRubric, gradeFor } from '../../../../shared/domain/routine/standards';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { loadHeader, type ReportHeaderData } from '../../platform/report/header';
import { requireTerm } from '../../platform/query';
import { listObservations, quotaProgress } from '../observations/service';
import { listResearch, researchAttendance } from '../research/service';
import { getStandards } from '../routine-plans/service';
import { observationCounts, readSheets } from './monthly';
import { bulletinData, termSummary } from './summary';
import type { BulletinView, MonthlySheetView, MonthWorkbookView, ProgressView, TermSummaryView } from './view-types';

/** The month's sheets, as the monthly check's screen reads them. */
function sheetsOf(ctx: CoreContext, termId: number, month: string): MonthlySheets {
  requireTerm(ctx.db, termId);
  return readSheets(ctx.db, termId, month);
}

export function requireTermId(ctx: CoreContext, termId: number | undefined): { header: ReportHeaderData; termId: number } {
  const header = loadHeader(ctx, termId);
  if (!header.term) throw new AppError('VALIDATION', 'routineReports.noTerm');
  return { header, termId: header.term.id };
}

/** Sheets and the bulletin print only once the month's check has started: no page of zeros and dashes. */
function requireStarted(sheets: MonthlySheets): void {
  if (!sheets.started || sheets.rows.length === 0) throw new AppError('VALIDATION', 'routineReports.monthNotStarted', { month: sheets.month });
}

export function requireMonth(month: string | undefined): string {
  if (!month) throw new AppError('VALIDATION', 'routineReports.noMonth');
  return month;
}

const splitList = (s: string) => s.split(/[、,，;；]\s*/).map((x) => x.trim()).filter(Boolean);

/** Item descriptions (评分要点): the term's standards when available, else the default rubric's. */
function itemCriteria(ctx: CoreContext, termId: number): Map<string, string> {
  const out = new Map<string, string>(defaultRubric('monthlySheet').items.map((i) => [i.key, i.description ?? '']));
  const std = getStandards(ctx, termId);
  const rubric = std.rubrics.find((r) => r.kind === 'monthlySheet');
  for (const i of rubric?.items ?? []) if (i.description) out.set(i.key, i.description);
  return out;
}

/** Role and term quota per teacher, from the quota progress as of the month's last day. */
function quotaByTeacher(ctx: CoreContext, termId: number, month: string) {
  const progress = quotaProgress(ctx, termId, monthRange(month).to);
  return { progress, byTeacher: new Map(progress.people.map((p) => [p.teacherId, p])) };
}

function toSheetViews(ctx: CoreContext, termId: number, month: string, sheets: MonthlySheets, teacherIds?: number[]): MonthlySheetView[] {
  const criteria = itemCriteria(ctx, termId);
  const { byTeacher } = quotaByTeacher(ctx, termId, month);
  const counts = observationCounts(ctx.db, termId, month);
  const keep = teacherIds?.length ? new Set(teacherIds) : null;
  return sheets.rows.filter((r) => !keep || keep.has(r.teacherId)).map((r) => {
    const q = byTeacher.get(r.teacherId);
    return {
      teacherId: r.teacherId,
      teacherName: r.teacherName,
      groupName: r.groupNames.join('、') || null,
      roleLabel: q?.roles.join('、') || null,
      subjects: splitList(r.subjects),
      classes: splitList(r.classes),
      weeklyPeriods: r.weeklyPeriods,
      items: sheets.items.map((it) => ({ name: it.name, max: it.maxScore, score: r.scores[it.key] ?? null, criteria: criteria.get(it.key) ?? '' })),
      total: r.total,
      maxTotal: sheets.maxTotal,
      grade: r.grade,
      observations: { month: counts.get(r.teacherId)?.month ?? 0, done: r.observationsDone, due: r.observationsDue, termQuota: q ? q.quota : null },
      research: { attended: r.researchAttended, held: r.researchHeld },
      collective: { attended: r.collectiveAttended, held: r.collectiveHeld },
      tutoring: r.tutoringCount,
      planGrade: r.planGrade,
      homeworkGrade: r.homeworkGrade,
      comment: r.comment ?? '',
      fix: r.fixRequired ?? '',
      checker: r.checker,
      checkedOn: r.checkedOn,
    };
  });
}

export function loadMonthlySheetViews(ctx: CoreContext, p: { termId?: number; month?: string; teacherIds?: number[] }) {
  const { header, termId } = requireTermId(ctx, p.termId);
  const month = requireMonth(p.month);
  const sheets = sheetsOf(ctx, termId, month);
  requireStarted(sheets);
  return { header, month, sheets: toSheetViews(ctx, termId, month, sheets, p.teacherIds) };
}

const SOURCE_LABEL = { sheet: '', plan: '教案检查：', homework: '作业检查：' } as const;

export function loadBulletinView(ctx: CoreContext, p: { termId?: number; month?: string }): BulletinView {
  const { header, termId } = requireTermId(ctx, p.termId);
  const month = requireMonth(p.month);
  const sheets = sheetsOf(ctx, termId, month);
  requireStarted(sheets);
  const d = bulletinData(ctx.db, termId, month);
  const s = d.summary;
  const { byTeacher } = quotaByTeacher(ctx, termId, month);
  // Attendance rate of the month over every teacher's group activities.
  const att = researchAttendance(ctx.db, termId);
  let attended = 0;
  let held = 0;
  for (const r of att.rows) {
    const x = r.byMonth[month];
    if (x) { attended += x.attended; held += x.held; }
  }
  const totals = sheets.rows.filter((r) => r.status !== '未查' && r.total !== null).map((r) => r.total as number);
  // Observation progress per role (the role the quota comes from), in the order of TEACHER_ROLES, from the same
  // sheet figures as the sentence above it (term to date against whole lessons due by the month's end).
  const byRole = new Map<string, ProgressView>();
  for (const r of sheets.rows) {
    const q = byTeacher.get(r.teacherId);
    if (!q || r.observationsDue <= 0) continue;
    const a = byRole.get(q.role) ?? { label: q.role, made: 0, expected: 0, quota: 0 };
    a.made += r.observationsDone; a.expected += r.observationsDue; a.quota += q.quota;
    byRole.set(q.role, a);
  }
  const observationProgress = TEACHER_ROLES.map((role) => byRole.get(role)).filter((x): x is ProgressView => !!x);
  return {
    header,
    month,
    figures: {
      teachers: s.teachers,
      sheetsChecked: s.checked,
      averageScore: s.averageScore,
      highestScore: totals.length ? Math.max(...totals) : null,
      lowestScore: totals.length ? Math.min(...totals) : null,
      observationsThisMonth: s.observationsThisMonth,
      observationsMade: s.observationsDone,
      observationsBehind: s.teachersBehind,
      researchActivities: s.researchActivities,
      researchAttendanceRate: held > 0 ? (attended / held) * 100 : null,
      fixesRequired: s.fixTeachers,
      fixItems: s.openFixes,
    },
    gradeCounts: s.gradeDistribution,
    observationProgress,
    commended: d.commended.map((c) => ({
      teacherName: c.teacherName, groupName: c.groupNames.join('、') || null, score: c.total,
      reason: c.comment || `月查得分 ${Math.round(c.total * 10) / 10} 分${c.grade ? `，等级“${c.grade}”` : ''}，各项常规落实到位。`,
    })),
    problems: d.problems.map((pr) => ({
      teacherName: null,
      text: `“${pr.itemName}”得分低于满分（${pr.maxScore} 分）的 60%：${pr.teachers.map((t) => `${t.teacherName}（${t.score}）`).join('、')}。`,
    })),
    fixes: d.fixes.filter((f) => !f.done).map((f) => ({ teacherName: f.teacherName, text: `${SOURCE_LABEL[f.source]}${f.text}` })),
    issuer: `${header.schoolName}教务处`,
    issuedOn: ctx.now(),
  };
}

/** Subjects each teacher teaches in the term, from the teaching assignments. */
function subjectsByTeacher(ctx: CoreContext, termId: number): Map<number, string[]> {
  const rows = ctx.db.prepare(`SELECT DISTINCT a.teacher_id AS t, s.name AS name FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id
    WHERE a.term_id = ? ORDER BY s.sort_order, s.id`).all(termId) as { t: number; name: string }[];
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.t, [...(out.get(r.t) ?? []), r.name]);
  return out;
}

export function loadTermSummaryView(ctx: CoreContext, p: { termId?: number; teacherIds?: number[] }): TermSummaryView {
  const { header, termId } = requireTermId(ctx, p.termId);
  const d = termSummary(ctx.db, termId, null);
  const keep = p.teacherIds?.length ? new Set(p.teacherIds) : null;
  // The grade of a term average uses the bands of the latest started month (the rubric snapshot).
  const lastStarted = [...d.monthAverages].reverse().find((m) => m.checked > 0)?.month;
  const sheets = lastStarted ? sheetsOf(ctx, termId, lastStarted) : null;
  const bands = sheets?.mode === 'bands' ? sheets.bands : null;
  const subjects = subjectsByTeacher(ctx, termId);
  const teachers = d.teachers.filter((t) => !keep || keep.has(t.teacherId)).map((t) => {
    const byMonth = new Map(t.months.map((m) => [m.month, m]));
    return {
      teacherId: t.teacherId,
      teacherName: t.teacherName,
      groupName: t.groupNames.join('、') || null,
      subjects: subjects.get(t.teacherId) ?? [],
      scores: d.months.map((m) => byMonth.get(m)?.total ?? null),
      grades: d.months.map((m) => byMonth.get(m)?.grade ?? null),
      average: t.average,
      grade: t.average === null || !bands ? null : gradeFor(t.average, bands as Parameters<typeof gradeFor>[1]),
    };
  });
  const avg = new Map(d.monthAverages.map((m) => [m.month, m.average]));
  return { header, months: d.months, teachers, schoolAverages: d.months.map((m) => avg.get(m) ?? null), cards: !!keep };
}

export function loadMonthWorkbookView(ctx: CoreContext, p: { termId: number; month: string }): MonthWorkbookView {
  const { header, month, sheets } = loadMonthlySheetViews(ctx, p);
  const termId = p.termId;
  const obs = listObservations(ctx.db, ObservationListSchema.parse({ termId, month }));
  const acts = listResearch(ctx.db, ResearchListSchema.parse({ termId, month }));
  const members = ctx.db.prepare(`SELECT m.group_id AS g, t.id AS id, t.name AS name FROM teaching_group_member m JOIN teacher t ON t.id = m.teacher_id
    WHERE t.archived = 0 ORDER BY t.id`).all() as { g: number; id: number; name: string }[];
  return {
    header,
    month,
    sheets,
    observations: obs.map((o) => ({
      date: o.date, observer: o.observerName, teacherName: o.teacherName, className: o.className ?? '', subject: o.subjectName ?? '',
      kind: o.kind, topic: o.topic ?? '', score: o.total, level: o.level,
    })),
    research: acts.map((a) => {
      const came = new Set(a.attendeeIds);
      return {
        date: a.date, groupName: a.groupName, topic: a.topic, host: a.hostName ?? '', attendees: a.attendeeNames,
        absent: members.filter((x) => x.g === a.groupId && !came.has(x.id)).map((x) => x.name),
      };
    }),
  };
}
