/**
 * Past terms are read-only: once a later term has begun, every write to the term's records is refused (by the
 * triggers, whatever the method), until the term is unlocked with a reason; unlocking and locking are audited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { closeTempCore, openSampleWithClock } from '../../helpers/core';

let core: Core;
let dir: string;
let clock: { set(d: Date): void };
const count = (sql: string, ...args: unknown[]) => (core.context().db.prepare(sql).get(...args) as { n: number }).n;

beforeEach(async () => { ({ core, dir, clock } = await openSampleWithClock()); });
afterEach(async () => { await closeTempCore(core, dir); });

describe('past terms', () => {
  it('lock when a later term begins, and refuse writes through any method', async () => {
    const t1 = core.status().currentTermId!;
    expect((await core.call('school-years/lockState', { termId: t1 })).locked).toBe(false);
    clock.set(new Date('2026-03-02T08:00:00Z')); // term 2 has begun
    expect((await core.call('school-years/lockState', { termId: t1 })).locked).toBe(true);
    const obs = core.context().db.prepare('SELECT id FROM observation WHERE term_id = ? LIMIT 1').get(t1) as { id: number };
    const before = count('SELECT COUNT(*) n FROM observation WHERE term_id = ?', t1);
    await expect(core.call('observations/delete', { id: obs.id })).rejects.toMatchObject({ code: 'CONFLICT', key: 'termLocked' });
    const exam = core.context().db.prepare('SELECT e.id FROM exam e JOIN term t ON t.id = e.term_id WHERE t.start_date < ? LIMIT 1').get('2025-09-01') as { id: number };
    await expect(core.call('exams/delete', { id: exam.id })).rejects.toMatchObject({ key: 'termLocked' });
    expect(count('SELECT COUNT(*) n FROM observation WHERE term_id = ?', t1)).toBe(before);
    // Reading is fine.
    expect((await core.call('exams/analysis', { examId: exam.id })).grades.length).toBe(1);
  });

  it('unlock with a reason (audited), take corrections, and lock again', async () => {
    const past = (await core.call('school/listTerms', {})).find((t) => t.locked)!;
    await expect(core.call('school-years/unlockTerm', { termId: past.id, reason: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
    const s = await core.call('school-years/unlockTerm', { termId: past.id, reason: '补录遗漏的听课记录' });
    expect(s).toMatchObject({ locked: false, unlocked: { reason: '补录遗漏的听课记录', operator: '教务员' } });
    const obs = core.context().db.prepare('SELECT id FROM observation WHERE term_id = ? LIMIT 1').get(past.id) as { id: number };
    await core.call('observations/delete', { id: obs.id });
    expect(count("SELECT COUNT(*) n FROM audit_log WHERE entity = 'term' AND action = 'unlock' AND summary LIKE '%补录遗漏的听课记录%'")).toBe(1);
    await core.call('school-years/lockTerm', { termId: past.id });
    expect((await core.call('school/listTerms', {})).find((t) => t.id === past.id)!.locked).toBe(true);
    const another = core.context().db.prepare('SELECT id FROM observation WHERE term_id = ? LIMIT 1').get(past.id) as { id: number };
    await expect(core.call('observations/delete', { id: another.id })).rejects.toMatchObject({ key: 'termLocked' });
  });
});

describe('score cells of a past exam', () => {
  it('are refused by the exams feature (typed and imported), the exam itself by its trigger', async () => {
    const db = core.context().db;
    const past = (await core.call('school/listTerms', {})).find((t) => t.locked)!;
    const exam = db.prepare('SELECT id FROM exam WHERE term_id = ? LIMIT 1').get(past.id) as { id: number };
    const cell = db.prepare('SELECT student_id, subject_id, score FROM score WHERE exam_id = ? AND score IS NOT NULL LIMIT 1').get(exam.id) as { student_id: number; subject_id: number; score: number };
    await expect(core.call('exams/saveScores', { examId: exam.id, rows: [{ studentId: cell.student_id, values: { [String(cell.subject_id)]: 1 } }] }))
      .rejects.toMatchObject({ code: 'CONFLICT', key: 'termLocked' });
    await expect(core.call('exams/importCommit', { examId: exam.id, fileName: 'x.csv', dataBase64: Buffer.from('学籍号,语文\n').toString('base64') }))
      .rejects.toMatchObject({ key: 'termLocked' });
    expect((db.prepare('SELECT score FROM score WHERE exam_id = ? AND student_id = ? AND subject_id = ?').get(exam.id, cell.student_id, cell.subject_id) as { score: number }).score).toBe(cell.score);
  });
});

describe('the year on screen', () => {
  it('takes no new class or head teacher while it is a past (locked) year', async () => {
    const past = (await core.call('school/listTerms', {})).find((t) => t.locked)!;
    await core.call('school/setCurrentTerm', { id: past.id });
    const grade = (await core.call('school/listGrades', {})).find((g) => g.level === 7)!;
    await expect(core.call('school/saveClass', { gradeId: grade.id, classNo: 9, headTeacherId: null })).rejects.toMatchObject({ key: 'termLocked' });
    const c = (await core.call('school/listClasses', {}))[0];
    await expect(core.call('school/saveClass', { id: c.id, gradeId: grade.id, classNo: c.classNo, headTeacherId: null })).rejects.toMatchObject({ key: 'termLocked' });
    expect((await core.call('school/listClasses', {}))[0].headTeacherId).toBe(c.headTeacherId);
  });
});
