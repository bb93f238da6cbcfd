/**
 * 班级学生名册: one class per page, every class (or the chosen ones) in one document, ordered by grade then
 * class number. Names and 学籍号 can be masked; sensitive flags (留守 etc.) are never printed here.
 *
 * A class of up to 64 students fits one A4 page: students are printed in two halves side by side
 * (1..32 on the left, 33..64 on the right) at 6.5 mm a row. Classes of 30 or fewer use one full-width table.
 */
import { defineReport, reportParams } from '../../platform/report/define';
import { className } from '../../../../shared/domain/constants';
import { maskName, maskStudentNo } from '../../../../shared/domain/mask';
import { compareZh } from '../../../../shared/domain/text';
import type { CoreContext } from '../../platform/context';
import { loadHeader, type ReportHeaderData, type ReportParams } from '../../platform/report/header';
import { type Column, documentShell, esc, gridTable, producedLine, reportTitle, schoolHeader } from '../../platform/report/layout';
import { currentSchoolYearId, schoolYearOfTerm, studentsOfClassInYear } from '../../platform/query';

export const CLASS_LISTS_TITLE = '班级学生名册';
export const CLASS_LISTS_SETUP = { paper: 'A4', landscape: false } as const;

/** Rows in each half of the two-column layout; a page holds twice this many students. */
const ROWS_PER_HALF = 32;
/** Up to this many students a single full-width table is used. */
const SINGLE_TABLE_MAX = 30;

export interface ListStudent { studentNo: string; name: string; gender: string | null; birthDate: string | null }
export interface ListClass { name: string; headTeacher: string | null; students: ListStudent[] }
export interface ClassListsData { header: ReportHeaderData; classes: ListClass[] }

export function loadClassLists(ctx: CoreContext, params: ReportParams): ClassListsData {
  const header = loadHeader(ctx, params.termId);
  // The classes, head teachers and students of the term's school year.
  const yearId = header.term ? schoolYearOfTerm(ctx.db, header.term.id) ?? -1 : currentSchoolYearId(ctx) ?? -1;
  let classes = ctx.db
    .prepare(
      `SELECT c.class_id AS id, c.level, c.class_no, t.name AS head_teacher
         FROM class_in_year c LEFT JOIN teacher t ON t.id = c.head_teacher_id
        WHERE c.school_year_id = ? AND c.active ORDER BY c.level, c.class_no`,
    )
    .all(yearId) as { id: number; level: number; class_no: number; head_teacher: string | null }[];
  if (params.classIds) {
    const wanted = new Set(params.classIds);
    classes = classes.filter((c) => wanted.has(c.id));
  }
  const studentsOf = (classId: number) => {
    const { where, args } = studentsOfClassInYear(ctx.db, classId, yearId);
    return ctx.db.prepare(`SELECT s.student_no, s.name, s.gender, s.birth_date FROM student s WHERE ${where}`).all(...args);
  };
  const mask = (s: ListStudent): ListStudent => ({
    ...s,
    name: params.maskNames ? maskName(s.name) : s.name,
    studentNo: params.maskStudentNos ? maskStudentNo(s.studentNo) : s.studentNo,
  });
  return {
    header,
    classes: classes.map((c) => {
      const rows = studentsOf(c.id) as { student_no: string; name: string; gender: string | null; birth_date: string | null }[];
      // Sort on the real names before masking, so a masked list keeps the same order as an unmasked one.
      rows.sort((a, b) => compareZh(a.name, b.name) || a.student_no.localeCompare(b.student_no));
      return {
        name: className(c.level, c.class_no),
        headTeacher: c.head_teacher,
        students: rows.map((r) => mask({ studentNo: r.student_no, name: r.name, gender: r.gender, birthDate: r.birth_date })),
      };
    }),
  };
}

const LIST_CSS = `
.class-line { display: flex; justify-content: space-between; align-items: baseline; margin: 0 0 2mm; font-size: 10.5pt; }
.class-line .class-name { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-weight: bold; font-size: 13pt; }
.students th { padding: 0 0.3mm; white-space: nowrap; }
.students td { height: 6.5mm; font-size: 10.5pt; line-height: 1; white-space: nowrap; padding: 0 0.5mm; }
.students td.sno, .students td.birth { font-size: 8.5pt; letter-spacing: -0.01em; }
.students td.long { font-size: 8.5pt; }
.students td.very-long { font-size: 7pt; white-space: normal; word-break: break-all; }
.students th.split, .students td.split { border-left: 1.6pt solid #000; }
.signature { display: flex; justify-content: space-between; margin-top: 6mm; font-size: 10.5pt; }
.signature .blank { display: inline-block; width: 38mm; border-bottom: 0.6pt solid #000; }
.signature .short { display: inline-block; width: 10mm; border-bottom: 0.6pt solid #000; }
`;

type Cell = ListStudent & { seq: number };

/** Long names (minority names, 复姓 + 3) print smaller instead of being clipped. */
function nameClass(name: string): string {
  const n = Array.from(name).length;
  return n > 6 ? ' class="very-long"' : n > 4 ? ' class="long"' : '';
}

/** One half of a printed row: 序号, 学籍号, 姓名, 性别, 出生日期, 备注. */
function halfCells(s: Cell | undefined, split: boolean): string {
  const cls = (c: string) => ` class="${c}${split ? ' split' : ''}"`;
  if (!s) return `<td${cls('num')}></td><td></td><td></td><td></td><td></td><td></td>`;
  return `<td${cls('num')}>${s.seq}</td><td class="num sno">${esc(s.studentNo)}</td><td${nameClass(s.name)}>${esc(s.name)}</td>` +
    `<td>${esc(s.gender)}</td><td class="num birth">${esc(s.birthDate)}</td><td></td>`;
}

const HALF_HEAD = ['序号', '学籍号', '姓名', '性别', '出生日期', '备注'];
/**
 * Column widths (mm) of one half; two halves fill the 186 mm of an A4 portrait page. 学籍号 (19
 * characters, G + ID number) and dates print at 8.5pt so they fit without clipping.
 */
const HALF_WIDTHS = [9, 33, 16, 8, 18, 9];

function twoColumnTable(students: Cell[]): string {
  const half = Math.ceil(students.length / 2);
  const rows = Math.max(half, 1);
  const left = students.slice(0, half);
  const right = students.slice(half);
  const cols = [...HALF_WIDTHS, ...HALF_WIDTHS].map((w) => `<col style="width:${w}mm">`).join('');
  const head = [...HALF_HEAD, ...HALF_HEAD].map((h, i) => `<th${i === HALF_HEAD.length ? ' class="split"' : ''}>${h}</th>`).join('');
  const body = Array.from({ length: rows }, (_, i) => `<tr>${halfCells(left[i], false)}${halfCells(right[i], true)}</tr>`).join('\n');
  return `<table class="grid students"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function singleTable(students: Cell[]): string {
  const columns: Column<Cell>[] = [
    { label: '序号', width: '12mm', value: (s) => s.seq, className: 'num' },
    { label: '学籍号', width: '48mm', value: (s) => s.studentNo, className: 'num' },
    { label: '姓名', width: '32mm', value: (s) => s.name },
    { label: '性别', width: '14mm', value: (s) => s.gender },
    { label: '出生日期', width: '30mm', value: (s) => s.birthDate, className: 'num' },
    { label: '备注', value: () => '' },
  ];
  return gridTable(columns, students, { className: 'students' });
}

function classPages(header: ReportHeaderData, c: ListClass): string[] {
  const cells: Cell[] = c.students.map((s, i) => ({ ...s, seq: i + 1 }));
  const boys = c.students.filter((s) => s.gender === '男').length;
  const girls = c.students.filter((s) => s.gender === '女').length;
  const perPage = ROWS_PER_HALF * 2;
  const chunks: Cell[][] = [];
  for (let i = 0; i < cells.length; i += perPage) chunks.push(cells.slice(i, i + perPage));
  if (chunks.length === 0) chunks.push([]);
  return chunks.map((chunk, pageIndex) => {
    const table = cells.length <= SINGLE_TABLE_MAX ? singleTable(chunk) : twoColumnTable(chunk);
    const last = pageIndex === chunks.length - 1;
    return `<section class="sheet">
${schoolHeader(header.schoolName, header.term?.label ?? null)}
${reportTitle(CLASS_LISTS_TITLE)}
<div class="class-line">
  <span>班级：<span class="class-name">${esc(c.name)}</span>${pageIndex > 0 ? '（续）' : ''}</span>
  <span>班主任：${esc(c.headTeacher ?? '')}</span>
  <span>学生人数：${c.students.length} 人（男 ${boys} 人，女 ${girls} 人）</span>
</div>
${table}
${last ? `<div class="signature"><span>班主任签字：<span class="blank"></span></span><span>日期：<span class="short"></span>年<span class="short"></span>月<span class="short"></span>日</span></div>
${producedLine(header.producedAt)}` : ''}
</section>`;
  });
}

export function renderClassLists(data: ClassListsData): string {
  const pages = data.classes.flatMap((c) => classPages(data.header, c));
  const body = pages.length
    ? pages.join('\n')
    : `<section class="sheet">${schoolHeader(data.header.schoolName, data.header.term?.label ?? null)}${reportTitle(CLASS_LISTS_TITLE)}<div class="empty">（无班级）</div></section>`;
  return documentShell({ title: CLASS_LISTS_TITLE, setup: CLASS_LISTS_SETUP, body, css: LIST_CSS });
}

/** Catalogue entry (the students feature's printout). */
export const CLASS_LISTS_REPORT = defineReport({
  id: 'class-student-lists', title: CLASS_LISTS_TITLE, titleKey: 'reports.class-student-lists', feature: 'students', module: 'school',
  params: reportParams(['termId', 'classIds', 'maskNames', 'maskStudentNos']), ...CLASS_LISTS_SETUP, load: loadClassLists, render: renderClassLists,
});
