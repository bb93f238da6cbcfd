/** A small school for the exams tests: grades 1, 7; classes 一(1), 七(1) with two 张伟, 七(2); three subjects. */
import type Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { insertTestClass } from '../../helpers/classes';

export interface ExamSeed {
  termId: number; grade1: number; grade7: number; class1: number; class71: number; class72: number;
  yw: number; sx: number; yy: number;
  /** student_no -> id */
  students: Record<string, number>;
}

export function seedExamSchool(db: Database.Database): ExamSeed {
  return db.transaction((): ExamSeed => {
    db.prepare(`INSERT INTO school (id, name, type) VALUES (1, '青山县九年一贯制学校', '九年一贯制')`).run();
    db.prepare(`INSERT INTO school_year (id, start_year, name) VALUES (1, 2025, '2025-2026学年')`).run();
    db.prepare(`INSERT INTO term (id, school_year_id, term_no, start_date) VALUES (1, 1, 1, '2025-09-01')`).run();
    db.prepare(`INSERT INTO grade (id, level) VALUES (1, 1), (7, 7)`).run();
    db.prepare(`INSERT INTO subject (id, code, name, short_name, sort_order) VALUES (1, 'YW', '语文', '语文', 1), (2, 'SX', '数学', '数学', 2), (3, 'YY', '外语(英语)', '英语', 3), (4, 'TY', '体育与健康', '体育', 4)`).run();
    for (const [id, level, classNo] of [[1, 1, 1], [71, 7, 1], [72, 7, 2]]) insertTestClass(db, { id, level, classNo });
    const ins = db.prepare('INSERT INTO student (student_no, name, gender, class_id) VALUES (?, ?, ?, ?)');
    const students: Record<string, number> = {};
    const add = (no: string, name: string, cls: number) => { students[no] = Number(ins.run(no, name, '男', cls).lastInsertRowid); };
    add('G0101', '小一', 1);
    add('G7101', '张伟', 71);
    add('G7102', '张伟', 71);
    add('G7103', '李娜', 71);
    add('G7104', '王芳', 71);
    add('G7201', '刘洋', 72);
    add('G7202', '陈静', 72);
    add('G7203', '杨帆', 72);
    return { termId: 1, grade1: 1, grade7: 7, class1: 1, class71: 71, class72: 72, yw: 1, sx: 2, yy: 3, students };
  })();
}

/** An .xlsx with one sheet per entry (array of rows). */
/** A workbook as base64: .xlsx by default, or Excel 97-2003 .xls (BIFF8) as national systems still export. */
export function xlsxFile(sheets: Record<string, (string | number | null)[][]>, bookType: 'xlsx' | 'biff8' = 'xlsx'): string {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return (XLSX.write(wb, { type: 'buffer', bookType }) as Buffer).toString('base64');
}

export function gbkCsv(rows: (string | number | null)[][]): string {
  const text = rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join(',')).join('\r\n');
  return iconv.encode(text, 'gbk').toString('base64');
}
