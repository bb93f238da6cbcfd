/**
 * Score import (.xlsx/.xls/.csv in UTF-8 or GBK) in the layouts offices get:
 * - one sheet per class, the sheet (or, for a single-sheet file, the file) named after the class;
 * - one sheet for a grade with a 班级 column.
 * Headers: 学籍号 / 姓名 / 班级 plus subject names (aliases such as 英语 for 外语(英语), 语文(120), 数学成绩).
 * Students match by 学籍号, else by name within the class; two students of one name in a class is an error that
 * names both. Cells: a number within 0..full marks, 缺考/缺/- (absent), a level in level mode; blank = not entered
 * (an existing cell is kept). Preview writes nothing; commit re-runs the same analysis and writes its ops in one
 * transaction after a pre-import backup. Every lookup is preloaded into Maps; no SELECT per row.
 */
import type { z } from 'zod';
import type { Exam, ExamImportIssue, ExamImportPreview, ExamImportResult, ExamImportSchema } from '../../../../shared/contract';
import { SUBJECT_ALIASES } from '../../../../shared/domain/constants';
import { parseScoreCell, type ParsedCell } from '../../../../shared/domain/exams/values';
import { toHalfWidth } from '../../../../shared/domain/text';
import { isSignatureFooter } from '../../platform/spreadsheet/issues';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { assertTermWritable } from '../../platform/term-lock';
import { readAllSheets, type Cell } from '../../platform/spreadsheet/read';
import { cellText, parseClass } from '../../platform/spreadsheet/values';
import { getExam, EXAM_CLASSES } from './exams';
import { cellWriters, loadClassName } from './scores';

type ImportInput = z.output<typeof ExamImportSchema>;

export interface ScoreOp { studentId: number; subjectId: number; cell: ParsedCell }
export interface ImportAnalysis { preview: ExamImportPreview; ops: ScoreOp[]; exam: Exam }

const norm = (s: string) => toHalfWidth(s).replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

const NO_HEADERS = new Set(['学籍号', '学籍编号', '全国学籍号', '学号', '学生学籍号']);
const NAME_HEADERS = new Set(['姓名', '学生姓名', '学生']);
const CLASS_HEADERS = new Set(['班级', '班别', '班', '所在班级', '班级名称']);
/** Columns offices carry that are not scores; ignored without a warning. */
const IGNORED_HEADERS = /^(序号|编号|考号|准考证号|座号|性别|年级|总分|总成绩|名次|排名|班名次|班级名次|校名次|年级名次|级名次|平均分|均分|备注|等级|身份证号)$/;
/** Rows below the data such as 平均分 / 合计 / 制表人 are not students. */
const SUMMARY_ROW = /^(平均分?|合计|总计|小计|最高分|最低分|及格率|优秀率|制表|填表|审核|备注|说明|注[:：])/;

interface Header {
  row: number; // grid index
  no: number | null; name: number | null; cls: number | null;
  subjects: { col: number; header: string; subjectId: number; subjectName: string }[];
  unknown: { col: number; header: string }[];
}

/** Subject header -> exam subject: exact name, short name, alias, with (满分) / 成绩 / 分数 stripped. */
function subjectMatcher(exam: Exam, shortNames: Map<number, string | null>) {
  const byName = new Map<string, { subjectId: number; subjectName: string }>();
  for (const s of exam.subjects) {
    const v = { subjectId: s.subjectId, subjectName: s.subjectName };
    byName.set(norm(s.subjectName), v);
    const short = shortNames.get(s.subjectId);
    if (short) byName.set(norm(short), v);
  }
  for (const [alias, name] of Object.entries(SUBJECT_ALIASES)) {
    const v = byName.get(norm(name));
    if (v && !byName.has(norm(alias))) byName.set(norm(alias), v);
  }
  return (header: string) => {
    const h = norm(header).replace(/\(\d+(\.\d+)?分?\)$/, '').replace(/(成绩|分数|得分)$/, '');
    return byName.get(h) ?? null;
  };
}

function findHeader(grid: Cell[][], matchSubject: ReturnType<typeof subjectMatcher>): Header | null {
  for (let r = 0; r < Math.min(grid.length, 12); r++) {
    const h: Header = { row: r, no: null, name: null, cls: null, subjects: [], unknown: [] };
    (grid[r] ?? []).forEach((v, c) => {
      const text = norm(cellText(v));
      if (!text) return;
      if (NO_HEADERS.has(text)) h.no ??= c;
      else if (NAME_HEADERS.has(text)) h.name ??= c;
      else if (CLASS_HEADERS.has(text)) h.cls ??= c;
      else {
        const s = matchSubject(text);
        if (s) h.subjects.push({ col: c, header: cellText(v), ...s });
        else if (!IGNORED_HEADERS.test(text)) h.unknown.push({ col: c, header: cellText(v) });
      }
    });
    if ((h.no !== null || h.name !== null) && h.subjects.length) return h;
  }
  return null;
}

export function analyseImport(ctx: CoreContext, input: ImportInput): ImportAnalysis {
  const { db } = ctx;
  const exam = getExam(db, input.examId);
  const data = Buffer.from(input.dataBase64, 'base64');
  const sheets = readAllSheets(input.fileName, data);
  if (!sheets.length) throw new AppError('VALIDATION', 'import.emptyFile', { file: input.fileName });

  // ---- preload ----
  const shortNames = new Map((db.prepare('SELECT id, short_name FROM subject').all() as { id: number; short_name: string | null }[]).map((r) => [r.id, r.short_name]));
  const matchSubject = subjectMatcher(exam, shortNames);
  const schoolSubjects = new Set((db.prepare('SELECT name FROM subject').pluck().all() as string[]).map(norm));
  for (const [alias] of Object.entries(SUBJECT_ALIASES)) schoolSubjects.add(norm(alias));
  const roster = db.prepare(
    `SELECT es.student_id AS id, es.class_id AS classId, s.student_no AS no, s.name FROM exam_student es
     JOIN student s ON s.id = es.student_id WHERE es.exam_id = ?`,
  ).all(exam.id) as { id: number; classId: number; no: string; name: string }[];
  const rosterById = new Map(roster.map((r) => [r.id, r]));
  const byClassName = new Map<string, typeof roster>();
  for (const r of roster) {
    const k = `${r.classId}|${norm(r.name)}`;
    const list = byClassName.get(k);
    if (list) list.push(r); else byClassName.set(k, [r]);
  }
  const allByNo = new Map((db.prepare('SELECT id, student_no FROM student').all() as { id: number; student_no: string }[]).map((r) => [r.student_no.toUpperCase(), r.id]));
  const classes = db.prepare(
    `SELECT class_id AS id, level, class_no FROM class_in_term WHERE term_id = ? AND class_id IN (${EXAM_CLASSES})`,
  ).all(exam.termId, exam.id) as { id: number; level: number; class_no: number }[];
  const classByKey = new Map(classes.map((c) => [`${c.level}-${c.class_no}`, c.id]));
  const fullMarks = new Map(exam.subjects.map((s) => [s.subjectId, s.fullMarks]));
  const existing = new Set((db.prepare('SELECT student_id * 1000 + subject_id FROM score WHERE exam_id = ? AND subject_id < 1000').pluck().all(exam.id) as number[]));

  const issues: ExamImportIssue[] = [];
  const add = (sheet: string, row: number, column: string, key: string, params?: Record<string, string | number>, severity: ExamImportIssue['severity'] = 'error') =>
    issues.push({ sheet, row, column, key, params, severity });
  /** Data rows (sheet|row) with an error: skipped whole, the rest of the file still imports. */
  const dataRowKeys = new Set<string>();
  const skippedStudents = new Set<number>();
  const ops: ScoreOp[] = [];
  const seenStudent = new Map<number, { sheet: string; row: number }>();
  const subjectsFound = new Map<number, { header: string; subjectId: number; subjectName: string }>();
  const sheetInfo: ExamImportPreview['sheets'] = [];
  let usedClassColumn = false, absent = 0, replaced = 0;
  const fileBase = input.fileName.replace(/\.[^.]+$/, '');
  const resolveClass = (text: string) => {
    const p = parseClass(text);
    return p ? classByKey.get(`${p.level}-${p.no}`) ?? null : null;
  };

  for (const sheet of sheets) {
    const header = findHeader(sheet.grid, matchSubject);
    if (!header) {
      add(sheet.name, 1, '', 'exams.noHeader', { sheet: sheet.name }, sheets.length > 1 ? 'warning' : 'error');
      sheetInfo.push({ name: sheet.name, classId: null, className: null, rows: 0 });
      continue;
    }
    const headRow = header.row + 1;
    const colName = (c: number | null, fallback: string) => (c === null ? fallback : cellText(sheet.grid[header.row][c]));
    for (const s of header.subjects) subjectsFound.set(s.subjectId, { header: s.header, subjectId: s.subjectId, subjectName: s.subjectName });
    const dupCols = header.subjects.filter((s, i) => header.subjects.findIndex((x) => x.subjectId === s.subjectId) !== i);
    for (const d of dupCols) add(sheet.name, headRow, d.header, 'exams.duplicateSubjectColumn', { subject: d.subjectName });
    for (const u of header.unknown) {
      const looksLikeSubject = schoolSubjects.has(norm(u.header).replace(/\(\d+(\.\d+)?分?\)$/, '').replace(/(成绩|分数|得分)$/, ''));
      add(sheet.name, headRow, u.header, looksLikeSubject ? 'exams.subjectNotInExam' : 'exams.unknownColumn', { column: u.header }, 'warning');
    }

    // The sheet's class, when there is no class column: the sheet name, or the file name for a single sheet.
    let sheetClassId: number | null = null;
    if (header.cls === null) {
      sheetClassId = resolveClass(sheet.name) ?? (sheets.length === 1 ? resolveClass(fileBase) : null);
      if (sheetClassId === null) {
        const parsed = parseClass(sheet.name) ?? (sheets.length === 1 ? parseClass(fileBase) : null);
        add(sheet.name, headRow, '班级', parsed ? 'exams.classNotInExam' : 'exams.noClassForSheet', { sheet: sheet.name, class: sheet.name });
        sheetInfo.push({ name: sheet.name, classId: null, className: null, rows: 0 });
        continue;
      }
    } else usedClassColumn = true;

    // Names of this sheet's rows per class, to name every row when a name is ambiguous.
    const rowsByName = new Map<string, number[]>();
    const dataRows: { r: number; classId: number | null; classText: string; no: string; name: string }[] = [];
    for (let r = header.row + 1; r < sheet.grid.length; r++) {
      const cells = sheet.grid[r] ?? [];
      const name = header.name === null ? '' : norm(cellText(cells[header.name] ?? null));
      const no = header.no === null ? '' : norm(cellText(cells[header.no] ?? null)).replace(/^'/, '').toUpperCase();
      const texts = cells.map((c) => cellText(c ?? null)).filter((t) => t !== '');
      if (texts.length && isSignatureFooter(texts, [name, no])) {
        add(sheet.name, r + 1, '', 'import.footerIgnored', { row: r + 1, text: texts.join(' ').slice(0, 60) }, 'notice');
        continue;
      }
      if (!name && !no) {
        if (header.subjects.some((s) => cellText(cells[s.col] ?? null) !== '')) {
          dataRowKeys.add(`${sheet.name}|${r + 1}`);
          add(sheet.name, r + 1, colName(header.name ?? header.no, '姓名'), 'exams.noStudentInRow');
        }
        continue;
      }
      if (SUMMARY_ROW.test(name) || SUMMARY_ROW.test(no)) continue;
      const classText = header.cls === null ? '' : cellText(cells[header.cls] ?? null);
      const classId = header.cls === null ? sheetClassId : resolveClass(classText);
      dataRows.push({ r, classId, classText, no, name });
      if (classId !== null && name) {
        const k = `${classId}|${name}`;
        const list = rowsByName.get(k);
        if (list) list.push(r + 1); else rowsByName.set(k, [r + 1]);
      }
    }

    let matched = 0;
    for (const d of dataRows) {
      const excelRow = d.r + 1;
      dataRowKeys.add(`${sheet.name}|${excelRow}`);
      const opsBefore = ops.length;
      const errorsBefore = issues.filter((i) => i.severity === 'error').length;
      let studentId: number | null = null;
      if (d.no) {
        const id = allByNo.get(d.no);
        const onExam = id !== undefined ? rosterById.get(id) : undefined;
        if (id === undefined) add(sheet.name, excelRow, colName(header.no, '学籍号'), 'exams.unknownStudentNo', { value: d.no });
        else if (!onExam) add(sheet.name, excelRow, colName(header.no, '学籍号'), 'exams.studentNotOnExam', { value: d.no, name: d.name });
        else {
          studentId = id;
          if (d.name && norm(onExam.name) !== d.name) add(sheet.name, excelRow, colName(header.name, '姓名'), 'exams.nameMismatch', { value: d.name, name: onExam.name }, 'warning');
          if (d.classId !== null && d.classId !== onExam.classId) {
            add(sheet.name, excelRow, colName(header.cls, '班级'), 'exams.classMismatch', { name: onExam.name, class: loadClassName(db, onExam.classId, exam.termId) }, 'warning');
          }
        }
      } else if (d.classId === null) {
        add(sheet.name, excelRow, colName(header.cls, '班级'), d.classText ? 'exams.classNotInExam' : 'exams.noClass', { class: d.classText });
      } else {
        const candidates = byClassName.get(`${d.classId}|${d.name}`) ?? [];
        if (!candidates.length) add(sheet.name, excelRow, colName(header.name, '姓名'), 'exams.unknownStudent', { name: d.name, class: loadClassName(db, d.classId, exam.termId) });
        else if (candidates.length > 1) {
          add(sheet.name, excelRow, colName(header.name, '姓名'), 'exams.ambiguousName', {
            name: d.name, class: loadClassName(db, d.classId, exam.termId), count: candidates.length,
            candidates: candidates.map((c) => c.no).join('、'),
            rows: (rowsByName.get(`${d.classId}|${d.name}`) ?? [excelRow]).join('、'),
          });
        } else studentId = candidates[0].id;
      }
      if (studentId === null) continue;
      const first = seenStudent.get(studentId);
      if (first) {
        add(sheet.name, excelRow, colName(header.name ?? header.no, '姓名'), 'exams.duplicateStudent', {
          name: rosterById.get(studentId)!.name, first: first.row, firstSheet: first.sheet,
        });
        continue;
      }
      seenStudent.set(studentId, { sheet: sheet.name, row: excelRow });
      matched++;
      const cells = sheet.grid[d.r];
      for (const s of header.subjects) {
        const raw = cells[s.col] ?? null;
        const cell = parseScoreCell(raw instanceof Date ? cellText(raw) : raw, exam.mode, fullMarks.get(s.subjectId) ?? null);
        if (cell.kind === 'blank') continue;
        if (cell.kind === 'error') { add(sheet.name, excelRow, s.header, cell.key, { ...cell.params, subject: s.subjectName }); continue; }
        if (cell.kind === 'absent') absent++;
        if (existing.has(studentId * 1000 + s.subjectId)) replaced++;
        ops.push({ studentId, subjectId: s.subjectId, cell });
      }
      // A bad score cell skips the student's whole row: half a row of scores would skew the analysis.
      if (issues.filter((i) => i.severity === 'error').length > errorsBefore) {
        for (const op of ops.splice(opsBefore)) {
          if (op.cell.kind === 'absent') absent--;
          if (existing.has(op.studentId * 1000 + op.subjectId)) replaced--;
        }
        skippedStudents.add(studentId); // still 'seen': a later row of the same student is a duplicate
        matched--;
      }
    }
    sheetInfo.push({ name: sheet.name, classId: sheetClassId, className: sheetClassId ? loadClassName(db, sheetClassId, exam.termId) : null, rows: matched });
  }
  if (!subjectsFound.size && !issues.some((i) => i.severity === 'error')) add(sheets[0].name, 1, '', 'exams.noHeader', { sheet: sheets[0].name });

  const errors = issues.filter((i) => i.severity === 'error').length;
  const rowErrors = issues.filter((i) => i.severity === 'error' && dataRowKeys.has(`${i.sheet}|${i.row}`));
  const skippedRows = new Set(rowErrors.map((i) => `${i.sheet}|${i.row}`)).size;
  return {
    exam, ops,
    preview: {
      layout: usedClassColumn ? 'gradeSheet' : 'perClass',
      sheets: sheetInfo,
      subjects: [...subjectsFound.values()],
      issues,
      counts: {
        students: seenStudent.size - skippedStudents.size, cells: ops.length, absent, errors, fileErrors: errors - rowErrors.length, skippedRows,
        warnings: issues.filter((i) => i.severity === 'warning').length, replaced,
      },
    },
  };
}

export function importIssuesToFieldIssues(issues: ExamImportIssue[]): FieldIssue[] {
  return issues.filter((i) => i.severity === 'error').map((i) => ({
    path: [i.row, i.column],
    key: i.key,
    params: { ...i.params, row: i.row, column: i.column, sheet: i.sheet ?? '' },
  }));
}

export async function commitImport(ctx: CoreContext, input: ImportInput): Promise<ExamImportResult> {
  const { preview, ops, exam } = analyseImport(ctx, input);
  assertTermWritable(ctx.db, exam.termId);
  if (preview.counts.fileErrors) {
    throw new AppError('IMPORT_INVALID', 'importHasErrors', { errors: preview.counts.fileErrors }, importIssuesToFieldIssues(preview.issues));
  }
  if (!ops.length) throw new AppError('VALIDATION', 'exams.nothingToImport');
  const backup = await ctx.backup('pre-import');
  ctx.db.transaction(() => {
    const w = cellWriters(ctx.db);
    for (const op of ops) w.write(exam.id, op.studentId, op.subjectId, op.cell);
    ctx.audit('score', 'import', {
      entityId: String(exam.id),
      summary: `导入成绩 ${input.fileName}：${exam.name}，${preview.counts.students} 名学生，${ops.length} 项（缺考 ${preview.counts.absent}，覆盖 ${preview.counts.replaced}，跳过 ${preview.counts.skippedRows} 行）`,
      after: { file: input.fileName, examId: exam.id, students: preview.counts.students, cells: ops.length, absent: preview.counts.absent, replaced: preview.counts.replaced, backup },
    });
  })();
  return { students: preview.counts.students, cells: ops.length, skippedRows: preview.counts.skippedRows, backup };
}
