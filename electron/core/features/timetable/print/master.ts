/**
 * 全校总课程表: classes down, day x period across (5 x 8 = 40 slot columns), on A3 landscape. Cells hold the
 * subject's short name and, by default, the teacher's surname, never below 8pt. Pages are filled grade by
 * grade: a grade that fits on the current page stays whole, a grade taller than a page is split; each page
 * repeats the two header rows (星期, 节次) and the thick rules between grades.
 */
import type { TimetableSettings } from '../../../../../shared/contract';
import type { CoreContext } from '../../../platform/context';
import { loadHeader, type ReportHeaderData, type ReportParams } from '../../../platform/report/header';
import { documentShell, esc, producedLine, schoolHeader } from '../../../platform/report/layout';
import { shortTeacherLabels } from '../../../../../shared/domain/short-names';
import { DAY_NAMES, groupBy, loadTimetable, slotKey, type TtClass, type TtLesson } from './data';

export const MASTER_TITLE = '全校总课程表';
export const MASTER_SETUP = { paper: 'A3', landscape: true } as const;

/** Height (mm) left for table rows on an A3 landscape page (270 mm inside the margins) after header, title and header rows. */
const ROWS_HEIGHT_MM = 214;
const ROW_MM_WITH_TEACHER = 8.6;
const ROW_MM_SUBJECT_ONLY = 6.2;
const CLASS_COL_MM = 20;

export interface MasterRow extends TtClass { cells: Map<string, TtLesson[]> }
export interface MasterData {
  header: ReportHeaderData;
  settings: TimetableSettings | null;
  effectiveFrom: string | null;
  showTeachers: boolean;
  /** Teacher name -> the label printed (surname, or more where two teachers share it). */
  teacherLabels: Map<string, string>;
  classes: MasterRow[];
}

export function loadMaster(ctx: CoreContext, params: ReportParams): MasterData {
  const header = loadHeader(ctx, params.termId);
  const showTeachers = params.showTeachers ?? true;
  if (!header.term) return { header, settings: null, effectiveFrom: null, showTeachers, teacherLabels: new Map(), classes: [] };
  const data = loadTimetable(ctx, header.term.id);
  const wantIds = params.classIds ? new Set(params.classIds) : null;
  const wantLevels = params.gradeLevels ? new Set(params.gradeLevels) : null;
  const byClass = groupBy(data.lessons, (l) => l.classId);
  const classes = data.classes
    .filter((c) => (!wantIds || wantIds.has(c.id)) && (!wantLevels || wantLevels.has(c.level)))
    .map((c) => ({ ...c, cells: groupBy(byClass.get(c.id) ?? [], (l) => slotKey(l.day, l.period)) }));
  // Two teachers with one surname must be told apart among the teachers this printout shows.
  const shown = classes.flatMap((c) => (byClass.get(c.id) ?? []).map((l) => l.teacherName));
  return { header, settings: data.settings, effectiveFrom: params.effectiveFrom ?? data.termStart, showTeachers, teacherLabels: shortTeacherLabels(shown), classes };
}

const MASTER_CSS = `
.master-title { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-weight: bold; font-size: 20pt;
  text-align: center; letter-spacing: 0.15em; margin: 0 0 1.5mm; }
.master-info { display: flex; justify-content: space-between; font-size: 10.5pt; margin: 0 1mm 1.5mm; }
table.master th, table.master td { padding: 0; line-height: 1.1; }
table.master th { font-size: 10pt; height: 6.5mm; }
table.master th.pno { font-size: 9pt; height: 5.5mm; font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
table.master td.cls { font-family: "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 9.5pt; white-space: nowrap; }
table.master td.s { font-size: 9pt; word-break: break-all; }
table.master td.s .t { display: block; font-size: 8pt; }
table.master td.s.narrow { font-size: 8pt; }
table.master .d1 { border-left: 1.6pt solid #000; }
table.master .pm { border-left: 1pt solid #000; }
table.master tr.grade-first td { border-top: 1.6pt solid #000; }
`;

function cell(lessons: TtLesson[] | undefined, labels: Map<string, string> | null, cls: string): string {
  if (!lessons?.length) return `<td class="s${cls}"></td>`;
  const subject = lessons.map((l) => l.subjectShort).join('/');
  const narrow = Array.from(subject).length > 2 ? ' narrow' : '';
  const teacher = labels ? `<span class="t">${esc([...new Set(lessons.map((l) => labels.get(l.teacherName) ?? l.teacherName))].join('/'))}</span>` : '';
  return `<td class="s${narrow}${cls}">${esc(subject)}${teacher}</td>`;
}

/** Splits the classes into pages: whole grades where they fit, chunks of a grade taller than a page. */
export function paginate<T extends { level: number }>(classes: T[], perPage: number): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  for (const grade of groupBy(classes, (c) => c.level).values()) {
    if (page.length && page.length + grade.length > perPage) { pages.push(page); page = []; }
    for (const c of grade) {
      if (page.length >= perPage) { pages.push(page); page = []; }
      page.push(c);
    }
  }
  if (page.length) pages.push(page);
  return pages;
}

export function renderMaster(data: MasterData): string {
  const { header, settings } = data;
  const head = schoolHeader(header.schoolName, header.term?.label ?? null);
  if (!settings || !data.classes.length) {
    const body = `<section class="sheet">${head}<div class="master-title">${MASTER_TITLE}</div><div class="empty">（无课程表）</div></section>`;
    return documentShell({ title: MASTER_TITLE, setup: MASTER_SETUP, body, css: MASTER_CSS });
  }
  const days = settings.daysPerWeek;
  const periods = [...settings.periods].sort((a, b) => a.no - b.no);
  const firstAfternoon = periods.find((p) => p.part === 'afternoon')?.no;
  const slotClass = (p: number) => (p === periods[0].no ? ' d1' : p === firstAfternoon ? ' pm' : '');
  const rowMm = data.showTeachers ? ROW_MM_WITH_TEACHER : ROW_MM_SUBJECT_ONLY;
  const perPage = Math.floor(ROWS_HEIGHT_MM / rowMm);
  const dayList = Array.from({ length: days }, (_, i) => i + 1);

  const cols = `<col style="width:${CLASS_COL_MM}mm">${dayList.flatMap(() => periods.map(() => '<col>')).join('')}`;
  const thead = `<thead><tr><th rowspan="2">班级</th>${dayList.map((d) => `<th class="d1" colspan="${periods.length}">${DAY_NAMES[d - 1]}</th>`).join('')}</tr>
<tr>${dayList.map(() => periods.map((p) => `<th class="pno${slotClass(p.no)}">${p.no}</th>`).join('')).join('')}</tr></thead>`;

  const pages = paginate(data.classes, perPage).map((rows, pageIndex, all) => {
    const body = rows.map((c, i) => {
      const first = i > 0 && rows[i - 1].level !== c.level ? ' class="grade-first"' : '';
      const cells = dayList.map((d) => periods.map((p) => cell(c.cells.get(slotKey(d, p.no)), data.showTeachers ? data.teacherLabels : null, slotClass(p.no))).join('')).join('');
      return `<tr${first} style="height:${rowMm}mm"><td class="cls">${esc(c.shortName)}</td>${cells}</tr>`;
    }).join('\n');
    const last = pageIndex === all.length - 1;
    return `<section class="sheet">
${head}
<div class="master-title">${MASTER_TITLE}</div>
<div class="master-info"><span>${data.showTeachers ? '格内：学科简称 / 教师姓氏' : '格内：学科简称'}</span><span>${data.effectiveFrom ? `自 ${esc(data.effectiveFrom)} 起执行` : ''}</span></div>
<table class="grid master"><colgroup>${cols}</colgroup>${thead}<tbody>
${body}
</tbody></table>
${last ? producedLine(header.producedAt) : ''}
</section>`;
  });
  return documentShell({ title: MASTER_TITLE, setup: MASTER_SETUP, body: pages.join('\n'), css: MASTER_CSS });
}
