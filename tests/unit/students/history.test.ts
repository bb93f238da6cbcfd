/**
 * A student's class history: a mid-year class change keeps the old exam results in the old class (the exam
 * and its analysis do not move), the history shows both stretches, and changes that make no sense are refused
 * with the field named.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { closeTempCore, openSampleCore } from '../../helpers/core';

let core: Core;
let dir: string;
let termId: number;

beforeEach(async () => { ({ core, dir, termId } = await openSampleCore()); });
afterEach(async () => { await closeTempCore(core, dir); });

describe('a mid-year class change (分班调整)', () => {
  it('keeps the old exam results in the old class and shows both stretches', async () => {
    const db = core.context().db;
    const subjects = (await core.call('school/listSubjects', {})).filter((s) => s.name === '语文');
    const grade7 = (await core.call('school/listGrades', {})).find((g) => g.level === 7)!;
    const exam = await core.call('exams/save', { termId, name: '十月月考', kind: '月考', date: '2025-10-10', gradeIds: [grade7.id], subjects: subjects.map((s) => ({ subjectId: s.id, fullMarks: 100 })) });
    const classes = (await core.call('school/listClasses', {})).filter((c) => c.gradeLevel === 7);
    const [a, b] = classes;
    const sheet = await core.call('exams/scores', { examId: exam.id, classId: a.id });
    const student = sheet.rows[0].studentId;
    await core.call('exams/saveScores', { examId: exam.id, rows: sheet.rows.map((r, i) => ({ studentId: r.studentId, values: { [String(subjects[0].id)]: 60 + (i % 40) } })) });
    const before = await core.call('exams/analysis', { examId: exam.id });

    const moved = await core.call('students/change', { studentId: student, change: '分班调整', date: '2025-10-20', classId: b.id, note: '家长申请' });
    expect(moved.classId).toBe(b.id);
    // The exam still has the student in class A, and the analysis is unchanged.
    expect((db.prepare('SELECT class_id FROM exam_student WHERE exam_id = ? AND student_id = ?').get(exam.id, student) as { class_id: number }).class_id).toBe(a.id);
    expect(await core.call('exams/analysis', { examId: exam.id })).toEqual(before);
    const h = await core.call('students/history', { studentId: student });
    const thisYear = h.stretches.filter((s) => s.schoolYearName === '2025-2026学年');
    expect(thisYear.map((s) => [s.className, s.fromDate, s.toDate, s.startChange, s.endChange])).toEqual([
      [a.name, '2025-09-01', '2025-10-20', '入学', '分班调整'], [b.name, '2025-10-20', null, '分班调整', null]]);
    expect(h.exams.find((x) => x.examId === exam.id)!.className).toBe(a.name);
    expect(h.exams.find((x) => x.examId === exam.id)!.scores[0]).toMatchObject({ subjectName: '语文', score: 60 });
    expect((db.prepare("SELECT COUNT(*) n FROM audit_log WHERE entity = 'student' AND action = 'change' AND summary LIKE '%分班调整%'").get() as { n: number }).n).toBe(1);
  });

  it('records 休学 and 复学, 转出, and refuses what does not fit the student now', async () => {
    const s = (await core.call('students/list', {})).find((x) => x.gradeLevel === 8)!;
    await expect(core.call('students/change', { studentId: s.id, change: '复学', date: '2025-10-20', classId: s.classId }))
      .rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: ['change'], key: 'students.changeNotNow' }] });
    await expect(core.call('students/change', { studentId: s.id, change: '分班调整', date: '2025-10-20', classId: s.classId }))
      .rejects.toMatchObject({ issues: [{ path: ['classId'], key: 'students.sameClass' }] });
    await expect(core.call('students/change', { studentId: s.id, change: '休学', date: '2025-08-01' }))
      .rejects.toMatchObject({ issues: [{ path: ['date'], key: 'students.changeBeforeStretch' }] });
    expect((await core.call('students/change', { studentId: s.id, change: '休学', date: '2025-10-20' })).status).toBe('休学');
    expect((await core.call('students/change', { studentId: s.id, change: '复学', date: '2025-11-03', classId: s.classId })).status).toBe('在读');
    expect((await core.call('students/change', { studentId: s.id, change: '转出', date: '2025-12-01' })).status).toBe('转出');
    const h = await core.call('students/history', { studentId: s.id });
    expect(h.stretches.filter((x) => x.schoolYearName === '2025-2026学年').map((x) => `${x.startChange}-${x.endChange}`)).toEqual(['升级-休学', '复学-转出']);
  });
});
