/** 教师花名册: every active teacher, by subject then name, with the classes each teaches in the term. */
import { defineReport, reportParams } from '../../platform/report/define';
import { GRADE_NAMES } from '../../../../shared/domain/constants';
import { compareZh } from '../../../../shared/domain/text';
import type { CoreContext } from '../../platform/context';
import { loadHeader, type ReportHeaderData, type ReportParams } from '../../platform/report/header';
import { type Column, documentShell, esc, gridTable, producedLine, reportTitle, schoolHeader } from '../../platform/report/layout';

export const TEACHER_ROSTER_TITLE = '教师花名册';
export const TEACHER_ROSTER_SETUP = { paper: 'A4', landscape: true } as const;

export interface RosterTeacher {
  name: string;
  gender: string | null;
  staffNo: string | null;
  subject: string | null;
  title: string | null;
  degree: string | null;
  certificate: string | null;
  certified: boolean;
  backboneLevel: string;
  /** Roles other than 任课教师, e.g. 班主任、教研组长. */
  duties: string;
  peArts: boolean;
  /** Classes taught in the term, compact: 七年级(1)(2)班、八年级(3)班. */
  classes: string;
}

export interface TeacherRosterData {
  header: ReportHeaderData;
  teachers: RosterTeacher[];
  /** Whether a term was known, i.e. whether the 任教班级 column is printed. */
  withClasses: boolean;
}

function parseRoles(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** Groups class numbers by grade: [[7,1],[7,2],[8,3]] -> 七年级(1)(2)班、八年级(3)班. */
export function compactClasses(classes: { level: number; no: number }[]): string {
  const byGrade = new Map<number, number[]>();
  for (const c of classes) {
    const nos = byGrade.get(c.level) ?? [];
    if (!nos.includes(c.no)) nos.push(c.no);
    byGrade.set(c.level, nos);
  }
  return [...byGrade.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([level, nos]) => `${GRADE_NAMES[level] ?? level + '年级'}${nos.sort((a, b) => a - b).map((n) => `(${n})`).join('')}班`)
    .join('、');
}

export function loadTeacherRoster(ctx: CoreContext, params: ReportParams): TeacherRosterData {
  const header = loadHeader(ctx, params.termId);
  const rows = ctx.db
    .prepare(
      `SELECT t.id, t.name, t.gender, t.staff_no, t.title, t.degree, t.certificate, t.certified, t.backbone_level,
              COALESCE(ty.roles, t.roles) AS roles, t.is_pe_arts, s.name AS subject, s.sort_order AS subject_order
         FROM teacher t LEFT JOIN subject s ON s.id = t.subject_id
         -- the roles held in the term's school year, kept when that year was closed
         LEFT JOIN teacher_year ty ON ty.teacher_id = t.id AND ty.school_year_id = (SELECT school_year_id FROM term WHERE id = ?)
        WHERE t.archived = 0`,
    )
    .all(header.term?.id ?? null) as {
      id: number; name: string; gender: string | null; staff_no: string | null; title: string | null; degree: string | null;
      certificate: string | null; certified: number; backbone_level: string; roles: string; is_pe_arts: number;
      subject: string | null; subject_order: number | null;
    }[];

  const classesByTeacher = new Map<number, { level: number; no: number }[]>();
  if (header.term) {
    const assigned = ctx.db
      .prepare(
        `SELECT DISTINCT a.teacher_id, c.level, c.class_no
           FROM teaching_assignment a JOIN class_in_term c ON c.class_id = a.class_id AND c.term_id = a.term_id
          WHERE a.term_id = ? ORDER BY c.level, c.class_no`,
      )
      .all(header.term.id) as { teacher_id: number; level: number; class_no: number }[];
    for (const a of assigned) {
      const list = classesByTeacher.get(a.teacher_id) ?? [];
      list.push({ level: a.level, no: a.class_no });
      classesByTeacher.set(a.teacher_id, list);
    }
  }

  // Subject order: the subject list's own order, then its name; teachers without a subject last.
  rows.sort((a, b) => {
    if ((a.subject === null) !== (b.subject === null)) return a.subject === null ? 1 : -1;
    return (a.subject_order ?? 0) - (b.subject_order ?? 0) || compareZh(a.subject, b.subject) || compareZh(a.name, b.name);
  });

  return {
    header,
    withClasses: header.term !== null,
    teachers: rows.map((r) => ({
      name: r.name,
      gender: r.gender,
      staffNo: r.staff_no,
      subject: r.subject,
      title: r.title,
      degree: r.degree,
      certificate: r.certificate,
      certified: r.certified === 1,
      backboneLevel: r.backbone_level,
      duties: parseRoles(r.roles).filter((x) => x !== '任课教师').join('、'),
      peArts: r.is_pe_arts === 1,
      classes: compactClasses(classesByTeacher.get(r.id) ?? []),
    })),
  };
}

const ROSTER_CSS = `
.roster th { white-space: nowrap; padding: 0 0.5mm; }
.roster td { height: 6.5mm; font-size: 10pt; line-height: 1.2; }
.roster td.classes { font-size: 9pt; text-align: left; }
.totals { margin-top: 3mm; line-height: 1.8; break-inside: avoid; }
.totals b { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
`;

export function renderTeacherRoster(data: TeacherRosterData): string {
  const { header, teachers } = data;
  const columns: Column<RosterTeacher>[] = [
    { label: '序号', width: '10mm', value: (_t, i) => i + 1, className: 'num' },
    { label: '姓名', width: '19mm', value: (t) => t.name },
    { label: '性别', width: '10mm', value: (t) => t.gender },
    { label: '工号', width: '20mm', value: (t) => t.staffNo, className: 'num' },
    { label: '任教学科', width: '23mm', value: (t) => t.subject },
    { label: '职称', width: '20mm', value: (t) => t.title },
    { label: '学历', width: '17mm', value: (t) => t.degree },
    { label: '教师资格', width: '25mm', value: (t) => t.certificate ?? (t.certified ? '' : '无') },
    { label: '骨干级别', width: '18mm', value: (t) => (t.backboneLevel === '无' ? '' : t.backboneLevel) },
    { label: '职务', width: data.withClasses ? '32mm' : undefined, value: (t) => t.duties, className: 'left' },
    { label: '体艺', width: '10mm', value: (t) => (t.peArts ? '是' : '') },
  ];
  if (data.withClasses) columns.push({ label: '任教班级', value: (t) => t.classes, className: 'classes' });

  const count = (f: (t: RosterTeacher) => boolean) => teachers.filter(f).length;
  const backbone = ['县级', '市级', '省级'].map((lvl) => [lvl, count((t) => t.backboneLevel === lvl)] as const);
  const backboneTotal = backbone.reduce((s, [, n]) => s + n, 0);
  const totals = [
    `合计 <b>${teachers.length}</b> 人`,
    `男 <b>${count((t) => t.gender === '男')}</b> 人，女 <b>${count((t) => t.gender === '女')}</b> 人`,
    `持证上岗 <b>${count((t) => t.certified)}</b> 人`,
    `骨干教师 <b>${backboneTotal}</b> 人（${backbone.map(([lvl, n]) => `${esc(lvl)} ${n}`).join('，')}）`,
    `体艺教师 <b>${count((t) => t.peArts)}</b> 人`,
  ].join('；');

  const body = `<section class="sheet">
${schoolHeader(header.schoolName, header.term?.label ?? null)}
${reportTitle(TEACHER_ROSTER_TITLE)}
${teachers.length ? gridTable(columns, teachers, { className: 'roster' }) : '<div class="empty">（无在职教师）</div>'}
<div class="totals">${totals}。</div>
${producedLine(header.producedAt)}
</section>`;
  return documentShell({ title: TEACHER_ROSTER_TITLE, setup: TEACHER_ROSTER_SETUP, body, css: ROSTER_CSS });
}

/** Catalogue entry (the teachers feature's printout). */
export const TEACHER_ROSTER_REPORT = defineReport({
  id: 'teacher-roster', title: TEACHER_ROSTER_TITLE, titleKey: 'reports.teacher-roster', feature: 'teachers', module: 'school',
  params: reportParams(['termId']), ...TEACHER_ROSTER_SETUP, load: loadTeacherRoster, render: renderTeacherRoster,
});
