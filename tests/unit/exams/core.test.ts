/** Exams through core.call: grade 1-2 refusal, score entry, import (good and bad files), analysis, trend, settings. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { backupsDir, listBackups } from '../../../electron/core/platform/backups';
import type { AppErrorShape } from '../../../shared/errors';
import { gbkCsv, seedExamSchool, xlsxFile, type ExamSeed } from './fixture';

let dir: string;
let core: Core;
let seed: ExamSeed;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  core = await Core.open({ dataDir: dir, noDailyBackup: true });
  seed = seedExamSchool(core.context().db);
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function fails(p: Promise<unknown>): Promise<AppErrorShape> {
  try {
    await p;
  } catch (e) {
    return e as AppErrorShape;
  }
  throw new Error('expected a failure');
}

const midterm = () => core.call('exams/save', {
  termId: seed.termId, name: '期中考试', kind: '期中', date: '2025-11-10', gradeIds: [seed.grade7],
  subjects: [{ subjectId: seed.yw, fullMarks: 100 }, { subjectId: seed.sx, fullMarks: 120 }, { subjectId: seed.yy, fullMarks: 100 }],
});
const cellCount = () => (core.context().db.prepare('SELECT COUNT(*) AS n FROM score').get() as { n: number }).n;

describe('exams', () => {
  it('refuses a score exam for grade 1 with a message key, and accepts a level exam', async () => {
    const e = await fails(core.call('exams/save', {
      termId: seed.termId, name: '一年级期末', kind: '期末', date: '2026-01-15', gradeIds: [seed.grade1],
      subjects: [{ subjectId: seed.yw, fullMarks: 100 }],
    }));
    expect(e.key).toBe('exams.lowerPrimaryNoPaper');
    expect(e.params?.grades).toBe('一年级');
    expect((core.context().db.prepare('SELECT COUNT(*) AS n FROM exam').get() as { n: number }).n).toBe(0);

    const lv = await core.call('exams/save', {
      termId: seed.termId, name: '一年级期末乐考', kind: '期末', date: '2026-01-15', mode: 'level', gradeIds: [seed.grade1],
      subjects: [{ subjectId: seed.yw, fullMarks: 100 }],
    });
    expect(lv.subjects[0].fullMarks).toBeNull(); // level mode has no full marks
    expect(lv.students).toBe(1);
    await core.call('exams/saveScores', { examId: lv.id, rows: [{ studentId: seed.students.G0101, values: { [seed.yw]: '优秀' } }] });
    const sheet = await core.call('exams/scores', { examId: lv.id, classId: seed.class1 });
    expect(sheet.rows[0].values[String(seed.yw)]).toBe('优');
    const bad = await fails(core.call('exams/saveScores', { examId: lv.id, rows: [{ studentId: seed.students.G0101, values: { [seed.yw]: 95 } }] }));
    expect(bad.issues?.[0].key).toBe('exams.scoreInLevelExam');
  });

  it('freezes the roster: a student moved later still counts for the class he sat in', async () => {
    const exam = await midterm();
    expect(exam.students).toBe(7);
    await core.call('exams/saveScores', { examId: exam.id, rows: [{ studentId: seed.students.G7103, values: { [seed.yw]: 80 } }] });
    core.context().db.prepare('UPDATE student SET class_id = ? WHERE id = ?').run(seed.class72, seed.students.G7103);
    await core.call('exams/syncRoster', { id: exam.id });
    const s71 = await core.call('exams/scores', { examId: exam.id, classId: seed.class71 });
    expect(s71.rows.map((r) => r.studentNo)).toContain('G7103');
  });

  it('saves scores in one transaction, validating range, absent marks and unknown subjects', async () => {
    const exam = await midterm();
    const e = await fails(core.call('exams/saveScores', {
      examId: exam.id,
      rows: [
        { studentId: seed.students.G7101, values: { [seed.yw]: 88, [seed.sx]: 121 } },
        { studentId: seed.students.G7102, values: { [seed.yw]: 'abc', '4': 50 } },
      ],
    }));
    expect(e.issues).toEqual([
      expect.objectContaining({ path: ['rows', 0, String(seed.sx)], key: 'exams.outOfRange', params: expect.objectContaining({ max: 120 }) }),
      expect.objectContaining({ path: ['rows', 1, String(seed.yw)], key: 'exams.notNumeric' }),
      expect.objectContaining({ path: ['rows', 1, '4'], key: 'exams.unknownSubject' }),
    ]);
    expect(cellCount()).toBe(0); // the valid 88 was not written either

    const r = await core.call('exams/saveScores', {
      examId: exam.id,
      rows: [{ studentId: seed.students.G7101, values: { [seed.yw]: 88, [seed.sx]: '缺考', [seed.yy]: null } }],
    });
    expect(r).toEqual({ saved: 2, cleared: 0 });
    const sheet = await core.call('exams/scores', { examId: exam.id, classId: seed.class71 });
    expect(sheet.rows.find((x) => x.studentNo === 'G7101')!.values).toEqual({ [seed.yw]: 88, [seed.sx]: '缺考', [seed.yy]: null });
    const cleared = await core.call('exams/saveScores', { examId: exam.id, rows: [{ studentId: seed.students.G7101, values: { [seed.yw]: '' } }] });
    expect(cleared).toEqual({ saved: 0, cleared: 1 });
  });

  it('refuses to drop a subject that has scores', async () => {
    const exam = await midterm();
    await core.call('exams/saveScores', { examId: exam.id, rows: [{ studentId: seed.students.G7101, values: { [seed.sx]: 100 } }] });
    const e = await fails(core.call('exams/save', { ...exam, subjects: [{ subjectId: seed.yw, fullMarks: 100 }] }));
    expect(e.key).toBe('exams.subjectHasScores');
    const e2 = await fails(core.call('exams/save', { ...exam, subjects: exam.subjects.map((s) => ({ subjectId: s.subjectId, fullMarks: 90 })) }));
    expect(e2.key).toBe('exams.fullMarksBelowScores');
  });
});

describe('score import', () => {
  it('imports one sheet per class (.xlsx) by 学籍号 and by name, with aliases and absent marks', async () => {
    const exam = await midterm();
    const file = xlsxFile({
      '七年级(1)班': [
        ['七年级(1)班 期中成绩'],
        ['学籍号', '姓名', '语文', '数学(120)', '英语', '总分'],
        ['G7101', '张伟', 90, 110, '缺考', null],
        ['G7102', '张伟', 60, 72, 59.5, null],
        [null, '李娜', 85, '缺', 40, null],
        [null, '王芳', 39, '-', null, null],
        [null, '平均分', 68.5, null, null, null],
      ],
      '七(2)': [
        ['姓名', '语文', '数学', '英语'],
        ['刘洋', 70, 100, 80],
        ['陈静', 50, 60, 90],
      ],
    });
    const req = { examId: exam.id, fileName: '期中成绩.xlsx', dataBase64: file };
    const preview = await core.call('exams/importPreview', req);
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(preview.layout).toBe('perClass');
    expect(preview.subjects.map((s) => s.subjectName).sort()).toEqual(['外语(英语)', '数学', '语文'].sort());
    expect(preview.counts).toMatchObject({ students: 6, cells: 17, absent: 3, errors: 0 });
    expect(cellCount()).toBe(0); // preview writes nothing

    const res = await core.call('exams/importCommit', req);
    expect(res).toMatchObject({ students: 6, cells: 17 });
    expect(fs.existsSync(path.join(backupsDir(dir), res.backup))).toBe(true);
    expect(cellCount()).toBe(17);
    const audit = await core.call('audit/list', { entity: 'score' });
    expect(audit.rows[0]).toMatchObject({ action: 'import' });
    expect(audit.rows[0].summary).toContain('期中成绩.xlsx');

    // analysis of 语文 in 七(1): 90, 60, 85, 39 (4 takers of 4)
    const a = await core.call('exams/analysis', { examId: exam.id });
    const yw = a.grades[0].subjects.find((s) => s.subjectId === seed.yw)!;
    const c1 = yw.classes.find((c) => c.classId === seed.class71)!;
    expect(c1).toMatchObject({ expected: 4, takers: 4, average: 68.5, passCount: 3, excellentCount: 2, lowCount: 1, max: 90, min: 39 });
    const sx = a.grades[0].subjects.find((s) => s.subjectId === seed.sx)!;
    const sx1 = sx.classes.find((c) => c.classId === seed.class71)!;
    expect(sx1).toMatchObject({ expected: 4, takers: 2, absent: 2, participation: 0.5, passCount: 2 }); // 72 = 60% of 120 passes
    expect(yw.grade.average).toBeCloseTo((90 + 60 + 85 + 39 + 70 + 50) / 6, 12);
  });

  it('imports one GBK .csv for the grade with a class column', async () => {
    const exam = await midterm();
    const req = {
      examId: exam.id, fileName: '七年级成绩.csv', dataBase64: gbkCsv([
        ['班级', '学籍号', '姓名', '语文成绩', '数学'],
        ['七年级(1)班', 'G7101', '张伟', '95', '100'],
        ['7-2', '', '刘洋', '81', '缺考'],
      ]),
    };
    const p = await core.call('exams/importPreview', req);
    expect(p.layout).toBe('gradeSheet');
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect((await core.call('exams/importCommit', req)).cells).toBe(4);
  });

  it('imports an Excel 97-2003 .xls workbook', async () => {
    const exam = await midterm();
    const req = {
      examId: exam.id, fileName: '七年级成绩.xls', dataBase64: xlsxFile({
        '七年级(1)班': [['学籍号', '姓名', '语文', '数学'], ['G7101', '张伟', 88, 97]],
      }, 'biff8'),
    };
    const p = await core.call('exams/importPreview', req);
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect((await core.call('exams/importCommit', req)).cells).toBe(2);
  });

  it('reports every bad case by row and column and writes nothing', async () => {
    const exam = await midterm();
    const req = {
      examId: exam.id, fileName: 'bad.xlsx', dataBase64: xlsxFile({
        '七年级(1)班': [
          ['学籍号', '姓名', '语文', '数学', '体育', '备考'],
          ['G7103', '李娜', 101, 50, 90, null],       // row 2: out of range
          ['G9999', '某某', 80, 80, null, null],      // row 3: unknown 学籍号
          [null, '张伟', 70, 70, null, null],         // row 4: ambiguous (two 张伟)
          [null, '赵六', 70, 70, null, null],         // row 5: unknown student
          ['G7103', '李娜', 60, 60, null, null],      // row 6: duplicate of row 2
          ['G7104', '王芳', '八十', 60, null, null],  // row 7: non-numeric
          [null, '张伟', 65, 65, null, null],         // row 8: ambiguous again
        ],
      }),
    };
    const p = await core.call('exams/importPreview', req);
    const errs = p.issues.filter((i) => i.severity === 'error').map((i) => `${i.row}|${i.column}|${i.key}`);
    expect(errs).toEqual([
      '2|语文|exams.outOfRange',
      '3|学籍号|exams.unknownStudentNo',
      '4|姓名|exams.ambiguousName',
      '5|姓名|exams.unknownStudent',
      '6|姓名|exams.duplicateStudent',
      '7|语文|exams.notNumeric',
      '8|姓名|exams.ambiguousName',
    ]);
    const amb = p.issues.find((i) => i.key === 'exams.ambiguousName')!;
    expect(amb.params).toMatchObject({ name: '张伟', candidates: 'G7101、G7102', rows: '4、8', count: 2 });
    expect(p.issues.find((i) => i.key === 'exams.duplicateStudent')!.params).toMatchObject({ first: 2 });
    // 体育 is a school subject not on the exam; 备考 is unknown: warnings, columns ignored
    expect(p.issues.filter((i) => i.severity === 'warning').map((i) => `${i.column}|${i.key}`)).toEqual(['体育|exams.subjectNotInExam', '备考|exams.unknownColumn']);

    // Every row is bad, so every row is skipped: nothing is left to import.
    expect(p.counts).toMatchObject({ skippedRows: 7, fileErrors: 0, students: 0, cells: 0 });
    const e = await fails(core.call('exams/importCommit', req));
    expect(e.key).toBe('exams.nothingToImport');
    expect(cellCount()).toBe(0);
    expect(listBackups(dir)).toHaveLength(0); // refused before the backup
  });

  it('a real score sheet: the signature footer is ignored, a bad row skipped, the rest imported', async () => {
    const exam = await midterm();
    const req = {
      examId: exam.id, fileName: '七年级(1)班.xlsx', dataBase64: xlsxFile({
        '七年级(1)班': [
          ['七年级(1)班 期中成绩'],
          ['学籍号', '姓名', '语文', '数学'],
          ['G7101', '张伟', 90, 100],
          ['G7103', '李娜', 130, 50], // row 4: 语文 out of range -> the whole row is skipped
          ['G7104', '王芳', 80, 70],
          [],
          ['制表人：王老师', null, '审核：教务处', '日期：2025-11-10'],
        ],
      }),
    };
    const p = await core.call('exams/importPreview', req);
    expect(p.issues.filter((i) => i.severity === 'error').map((i) => `${i.row}|${i.column}|${i.key}`)).toEqual(['4|语文|exams.outOfRange']);
    expect(p.issues.filter((i) => i.severity === 'notice').map((i) => `${i.row}|${i.key}`)).toEqual(['7|import.footerIgnored']);
    expect(p.counts).toMatchObject({ students: 2, cells: 4, skippedRows: 1, fileErrors: 0 });
    const r = await core.call('exams/importCommit', req);
    expect(r).toMatchObject({ students: 2, cells: 4, skippedRows: 1 });
    expect(cellCount()).toBe(4);
  });

  it('refuses a sheet whose name is not a class when there is no class column', async () => {
    const exam = await midterm();
    const p = await core.call('exams/importPreview', {
      examId: exam.id, fileName: 'scores.xlsx', dataBase64: xlsxFile({ Sheet1: [['姓名', '语文'], ['李娜', 80]] }),
    });
    expect(p.issues.map((i) => i.key)).toContain('exams.noClassForSheet');
  });
});

describe('trend and settings', () => {
  it('follows a class and a student across exams', async () => {
    const e1 = await midterm();
    const e2 = await core.call('exams/save', {
      termId: seed.termId, name: '期末考试', kind: '期末', date: '2026-01-12', gradeIds: [seed.grade7],
      subjects: [{ subjectId: seed.yw, fullMarks: 120 }],
    });
    const s = seed.students;
    await core.call('exams/saveScores', { examId: e1.id, rows: [
      { studentId: s.G7101, values: { [seed.yw]: 80 } }, { studentId: s.G7102, values: { [seed.yw]: 60 } }, { studentId: s.G7201, values: { [seed.yw]: 40 } },
    ] });
    await core.call('exams/saveScores', { examId: e2.id, rows: [
      { studentId: s.G7101, values: { [seed.yw]: 108 } }, { studentId: s.G7102, values: { [seed.yw]: 96 } }, { studentId: s.G7201, values: { [seed.yw]: 60 } },
    ] });
    const [cls] = await core.call('exams/trend', { classId: seed.class71, subjectId: seed.yw });
    expect(cls.points.map((p) => [p.examName, p.value, p.gradeAverage, p.diffFromGrade])).toEqual([
      ['期中考试', 70, 60, 10],
      ['期末考试', 102, 88, 14],
    ]);
    expect(cls.points[1].scoreRate).toBeCloseTo(102 / 120, 12);
    expect(cls.points[0].passRate).toBe(1);
    const [stu] = await core.call('exams/trend', { studentId: s.G7201 });
    expect(stu.points.map((p) => p.value)).toEqual([40, 60]);
    expect((await fails(core.call('exams/trend', {}))).key).toBe('exams.trendNeedsScope');
  });

  it('saves thresholds and uses them; the rank-list setting is off by default', async () => {
    const st = await core.call('exams/getSettings', {});
    expect(st.allowRankLists).toBe(false);
    expect(st.thresholds.find((t) => t.gradeLevel === 3)!.excellentPct).toBe(90);
    expect(st.thresholds.find((t) => t.gradeLevel === 7)).toMatchObject({ passPct: 60, excellentPct: 85, lowPct: 40 });
    const bad = await fails(core.call('exams/saveSettings', { ...st, thresholds: [{ gradeLevel: 7, passPct: 60, excellentPct: 50, lowPct: 40, bottomPct: 10 }] }));
    expect(bad.key).toBe('exams.thresholdOrder');
    await core.call('exams/saveSettings', { allowRankLists: false, thresholds: [{ gradeLevel: 7, passPct: 70, excellentPct: 90, lowPct: 30, bottomPct: 10 }] });
    const exam = await midterm();
    await core.call('exams/saveScores', { examId: exam.id, rows: [{ studentId: seed.students.G7101, values: { [seed.yw]: 65 } }] });
    const a = await core.call('exams/analysis', { examId: exam.id });
    expect(a.grades[0].thresholds.passPct).toBe(70);
    expect(a.grades[0].subjects.find((x) => x.subjectId === seed.yw)!.grade.passRate).toBe(0);
  });
});
