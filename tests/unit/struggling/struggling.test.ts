/**
 * Struggling-student files through Core: candidates from an exam and nominations, confirmation, the file with
 * entries and status, privacy (lists without sensitive notes, audited opening, masked roster), figures,
 * reminders, the retention purge and the sample data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { loadSampleSchool } from '../../../electron/core/features/app/sample-school';
import { seedSchool } from '../reports/fixture';

const SENSITIVE = '父亲长期酗酒，家庭冲突频繁';
const PSYCH = '自卑，曾有厌学情绪';

let dir: string;
let core: Core;
let clock: Date;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  clock = new Date('2025-10-20T08:00:00');
  core = await Core.open({ dataDir: dir, noDailyBackup: true, now: () => clock });
});
afterEach(async () => {
  await core?.close(); // closed before its folder goes (Windows cannot delete an open database)
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Class 1 (七年级(1)班, students 1-10, 张三明 is student 1) and class 2 (八年级(1)班, students 11-18); a mid-term exam. */
function seed(): { examId: number } {
  const db = core.context().db;
  seedSchool(db, { classSizes: [10, 8], specialNames: ['张三明'] });
  db.prepare(`INSERT INTO exam (id, term_id, name, kind, exam_date, created_at) VALUES (1, 1, '期中考试', '期中', '2025-10-10', 'x')`).run();
  db.prepare(`INSERT INTO exam (id, term_id, name, kind, exam_date, created_at) VALUES (2, 1, '十月月考', '月考', '2025-10-01', 'x')`).run();
  for (const e of [1, 2]) {
    db.prepare('INSERT INTO exam_subject (exam_id, subject_id, full_marks, sort_order) VALUES (?, 1, 120, 1), (?, 2, 100, 2)').run(e, e);
    for (let s = 1; s <= 18; s++) db.prepare('INSERT INTO exam_student (exam_id, student_id, class_id) VALUES (?, ?, ?)').run(e, s, s <= 10 ? 1 : 2);
  }
  const score = db.prepare('INSERT INTO score (exam_id, student_id, subject_id, score, absent) VALUES (?, ?, ?, ?, ?)');
  for (let s = 1; s <= 18; s++) {
    // 语文 (120): everyone passes except 1 (60) and 3 (absent). 数学 (100): 1 -> 40, 2 -> 59, 3 -> 30, rest 70+s.
    score.run(1, s, 1, s === 3 ? null : s === 1 ? 60 : 100, s === 3 ? 1 : 0);
    score.run(1, s, 2, s === 1 ? 40 : s === 2 ? 59 : s === 3 ? 30 : 70 + s, 0);
    score.run(2, s, 2, s === 1 ? 35 : 80, 0);
  }
  return { examId: 1 };
}

describe('candidates and confirmation', () => {
  it('suggests from the exam, merges nominations, marks open files and confirms in one go', async () => {
    const { examId } = seed();
    const rules = { subjectIds: [], passPct: null, bottomPct: 0, minFailedSubjects: 1, minBottomSubjects: 1 };
    let cands = await core.call('struggling/candidates', { termId: 1, examId, rules });
    // 1 fails both (60/120 < 72, 40 < 60), 2 fails 数学 (59), 3 fails 数学 and is absent in 语文 (not counted).
    expect(cands.map((c) => [c.studentId, c.failedSubjectIds])).toEqual([[1, [1, 2]], [2, [2]], [3, [2]]]);
    expect(cands[0].scores).toEqual([
      { subjectId: 1, subjectName: '语文', score: 60, fullMarks: 120 },
      { subjectId: 2, subjectName: '数学', score: 40, fullMarks: 100 },
    ]);
    const strict = await core.call('struggling/candidates', { termId: 1, examId, rules: { ...rules, minFailedSubjects: 2 } });
    expect(strict.map((c) => c.studentId)).toEqual([1]);

    const nom = await core.call('struggling/nominate', { termId: 1, studentId: 12, teacherId: 4, subjectIds: [1], reason: '阅读理解困难' });
    expect(nom.className).toBe('八年级(1)班');
    cands = await core.call('struggling/candidates', { termId: 1, examId, rules });
    const twelve = cands.find((c) => c.studentId === 12)!;
    expect(twelve).toMatchObject({ sources: ['nomination'], nominationIds: [nom.id], openFileId: null });

    const res = await core.call('struggling/confirm', {
      termId: 1, examId, students: [{ studentId: 1, subjectIds: [1, 2] }, { studentId: 12, nominationIds: [nom.id] }],
    });
    expect(res.created.map((c) => c.studentId)).toEqual([1, 12]);
    const files = await core.call('struggling/list', {});
    const f12 = files.find((f) => f.studentId === 12)!;
    // Nomination: its teacher and subjects; exam: the teacher of the first subject in the class (林晓红 teaches 语文 in class 1).
    expect(f12).toMatchObject({ source: 'nomination', teacherName: '陈静', subjectNames: ['语文'], status: '帮扶中', headTeacherName: '陈静' });
    expect(files.find((f) => f.studentId === 1)).toMatchObject({ source: 'exam', teacherName: '林晓红', className: '七年级(1)班' });
    expect((await core.call('struggling/nominations', { termId: 1 }))[0].status).toBe('confirmed');

    cands = await core.call('struggling/candidates', { termId: 1, examId, rules });
    expect(cands.find((c) => c.studentId === 1)!.openFileId).toBe(res.created[0].fileId);
    const again = await core.call('struggling/confirm', { termId: 1, examId, students: [{ studentId: 1 }, { studentId: 2 }] });
    expect(again.skipped).toEqual([{ studentId: 1, fileId: res.created[0].fileId }]);
    expect(again.created.map((c) => c.studentId)).toEqual([2]);
  });

  it('uses the bottom share from the exam thresholds when the rules leave it null', async () => {
    const { examId } = seed();
    core.context().db.prepare('UPDATE exam_threshold SET bottom_pct = 10 WHERE grade_level = 8').run();
    const cands = await core.call('struggling/candidates', { termId: 1, examId, rules: { subjectIds: [2], passPct: 30, bottomPct: null, minFailedSubjects: 1, minBottomSubjects: 1 } });
    // Grade 7: default 10% of 10 = the lowest (3: 30); grade 8: 10% of 8 -> 1 = student 11 (81).
    expect(cands.map((c) => [c.studentId, c.bottomSubjectIds])).toEqual([[3, [2]], [11, [2]]]);
  });
});

async function openFile(studentId = 1): Promise<number> {
  const f = await core.call('struggling/save', {
    termId: 1, studentId, subjectIds: [2], teacherId: 1,
    causes: [{ dimension: '知识基础', note: '计算不过关' }, { dimension: '家庭', note: SENSITIVE }, { dimension: '心理', note: PSYCH }],
    goal: '数学期末及格', measures: '每周两次面批', plan: { time: '周二课后', place: '教室', content: '计算', teacher: '周建国', measures: '分层练习', check: '每月' },
  });
  return f.id;
}

describe('the file', () => {
  it('saves causes and plan, adds and deletes entries, changes status with history', async () => {
    seed();
    const id = await openFile();
    await core.call('struggling/addEntry', { fileId: id, kind: 'tutoring', date: '2025-10-14', who: '周建国', content: '分数运算', minutes: 40, result: '基本掌握' });
    const visit = await core.call('struggling/addEntry', { fileId: id, kind: 'contact', date: '2025-10-16', way: '家访', who: '林晓红', content: '了解家庭情况', result: '家长配合' });
    await core.call('struggling/addEntry', { fileId: id, kind: 'review', date: '2025-10-18', content: '月考进步 10 分', result: '巩固' });
    await expect(core.call('struggling/addEntry', { fileId: id, kind: 'tutoring', date: '2025-10-14', content: '' } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
    await core.call('struggling/deleteEntry', { id: visit.id });
    await core.call('struggling/setStatus', { id, status: '已转化', date: '2025-10-19', note: '期中及格' });

    const f = await core.call('struggling/get', { id });
    expect(f.causes.map((c) => [c.dimension, c.sensitive])).toEqual([['知识基础', false], ['家庭', true], ['心理', true]]);
    expect(f.causes[1].note).toBe(SENSITIVE);
    expect(f.plan).toMatchObject({ time: '周二课后', check: '每月' });
    expect(f.entries.map((e) => e.kind)).toEqual(['tutoring', 'review']);
    expect(f.entries[0]).toMatchObject({ minutes: 40, who: '周建国', result: '基本掌握' });
    expect(f.statusHistory.map((s) => [s.from, s.to])).toEqual([[null, '帮扶中'], ['帮扶中', '已转化']]);
    expect(f).toMatchObject({ status: '已转化', closedOn: '2025-10-19', tutoringCount: 1, lastTutoringOn: '2025-10-14' });

    // A second open file for the same student is refused; after 已转化 a new one may be opened.
    const second = await openFile();
    expect(second).not.toBe(id);
    await expect(openFile()).rejects.toMatchObject({ code: 'CONFLICT', key: 'strugglingOpenFileExists' });
    await expect(core.call('struggling/setStatus', { id, status: '继续帮扶', date: '2025-10-20' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lists by class, teacher and status without any cause note; get writes an audit entry', async () => {
    seed();
    const id = await openFile(1);
    await openFile(12);
    const all = await core.call('struggling/list', {});
    expect(all).toHaveLength(2);
    const text = JSON.stringify(all);
    expect(text).not.toContain(SENSITIVE);
    expect(text).not.toContain(PSYCH);
    expect(text).not.toContain('计算不过关');
    expect(Object.keys(all[0])).not.toContain('causes');
    expect((await core.call('struggling/list', { classId: 2 })).map((f) => f.studentId)).toEqual([12]);
    expect((await core.call('struggling/list', { teacherId: 1 })).length).toBe(2);
    expect((await core.call('struggling/list', { status: '已转化' })).length).toBe(0);

    const audits = () => core.context().db.prepare(`SELECT entity_id, summary FROM audit_log WHERE entity = 'struggling' AND action = 'open'`).all() as { entity_id: string; summary: string }[];
    expect(audits()).toEqual([]);
    await core.call('struggling/get', { id });
    expect(audits().map((a) => a.entity_id)).toEqual([String(id)]);
    expect(audits()[0].summary).not.toContain('张三明');
  });

  it('gives the score curve per subject over successive exams', async () => {
    seed();
    const curve = await core.call('struggling/scoreCurve', { studentId: 1 });
    expect(curve.exams.map((e) => e.name)).toEqual(['十月月考', '期中考试']);
    expect(curve.subjects.map((s) => [s.subjectName, s.scores, s.percents])).toEqual([
      ['语文', [null, 60], [null, 50]],
      ['数学', [35, 40], [35, 40]],
    ]);
    const absent = await core.call('struggling/scoreCurve', { studentId: 3 });
    expect(absent.subjects[0].scores).toEqual([null, null]);
  });
});

describe('figures and reminders', () => {
  it('computes 转化率 per class, teacher and term and flags files without recent tutoring', async () => {
    seed();
    const a = await openFile(1);
    const b = await openFile(2);
    const c = await openFile(12);
    const d = await openFile(13);
    await core.call('struggling/setStatus', { id: a, status: '已转化', date: '2025-10-19' });
    await core.call('struggling/setStatus', { id: d, status: '转出', date: '2025-10-19' });
    await core.call('struggling/addEntry', { fileId: b, kind: 'tutoring', date: '2025-10-15', content: '练习' });
    const r = await core.call('struggling/rates', { termId: 1 });
    expect(r.total).toMatchObject({ files: 4, transformed: 1, left: 1 });
    expect(r.total.rate).toBeCloseTo(1 / 3);
    expect(r.byClass.map((x) => [x.label, x.rate])).toEqual([['七年级(1)班', 0.5], ['八年级(1)班', 0]]);
    expect(r.byTeacher.map((x) => x.label)).toEqual(['周建国']);
    expect(r.byTerm.map((x) => [x.label, x.files])).toEqual([['2025-2026学年第一学期', 4]]);

    // Files opened 2025-10-20 (d left, a closed). b was last tutored on 10-15, c never: c counts from opening.
    // On 10-30 b is 15 days without tutoring; on 11-03 b is at 19 days and c at 14.
    expect(await core.call('struggling/reminders', {})).toEqual([]);
    clock = new Date('2025-10-30T08:00:00');
    expect((await core.call('struggling/reminders', {})).map((x) => x.fileId)).toEqual([b]);
    clock = new Date('2025-11-03T08:00:00');
    const rem = await core.call('struggling/reminders', {});
    expect(rem.map((x) => [x.fileId, x.daysSince])).toEqual([[b, 19], [c, 14]]);
    expect((await core.call('struggling/reminders', { weeks: 3 })).map((x) => x.fileId)).toEqual([]);
  });
});

describe('retention purge', () => {
  it('purges only files of students who left, past the retention period, in one audited transaction', async () => {
    seed();
    const db = core.context().db;
    const left = await openFile(1);
    const stays = await openFile(2);
    const archived = await openFile(12);
    await core.call('struggling/addEntry', { fileId: left, kind: 'tutoring', date: '2025-10-14', content: '练习' });
    await core.call('struggling/setStatus', { id: left, status: '转出', date: '2025-10-20' });
    db.prepare(`UPDATE student SET status = '转出' WHERE id = 1`).run();
    db.prepare('UPDATE student SET archived = 1 WHERE id = 12').run();

    expect(await core.call('struggling/purgePreview', {})).toEqual([]);
    await expect(core.call('struggling/purge', { ids: [left], confirm: true })).rejects.toMatchObject({ code: 'VALIDATION', key: 'strugglingPurgeRefused' });
    await expect(core.call('struggling/purge', { ids: [left] } as never)).rejects.toMatchObject({ code: 'VALIDATION' });

    clock = new Date('2028-10-20T08:00:00'); // three years on: both leavers (stamped 2025-10-20) are due
    const preview = await core.call('struggling/purgePreview', {});
    expect(preview.map((p) => [p.fileId, p.leftOn, p.purgeableFrom])).toEqual([[left, '2025-10-20', '2028-10-20'], [archived, '2025-10-20', '2028-10-20']]);
    await expect(core.call('struggling/purge', { ids: [left, stays], confirm: true })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(db.prepare('SELECT COUNT(*) n FROM struggling_file').get()).toEqual({ n: 3 }); // nothing half-done

    expect(await core.call('struggling/purge', { ids: [left, archived], confirm: true })).toEqual({ deleted: 2 });
    expect((db.prepare('SELECT id FROM struggling_file').all() as { id: number }[]).map((r) => r.id)).toEqual([stays]);
    for (const t of ['struggling_entry', 'struggling_cause', 'struggling_status']) {
      expect(db.prepare(`SELECT COUNT(*) n FROM ${t} WHERE file_id IN (?, ?)`).get(left, archived)).toEqual({ n: 0 });
    }
    const audit = db.prepare(`SELECT summary, after FROM audit_log WHERE entity = 'struggling' AND action = 'purge'`).all() as { summary: string; after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toContain('2 份');
    expect(audit[0].summary + audit[0].after).not.toMatch(/张三明|G3607/);
  });

  it('counts the retention setting', async () => {
    seed();
    const id = await openFile(1);
    core.context().db.prepare(`UPDATE student SET status = '毕业' WHERE id = 1`).run();
    await core.call('struggling/purgePreview', {}); // stamps the leaving date 2025-10-20
    const s = await core.call('struggling/getSettings', {});
    expect(s).toMatchObject({ reminderWeeks: 2, retentionYears: 3 });
    await core.call('struggling/saveSettings', { ...s, retentionYears: 1 });
    clock = new Date('2026-10-21T08:00:00');
    expect((await core.call('struggling/purgePreview', {})).map((p) => p.fileId)).toEqual([id]);
  });
});

describe('printouts (HTML)', () => {
  it('masks the roster by default and keeps sensitive notes off it; the single file carries them and is audited', async () => {
    seed();
    const id = await openFile(1);
    const roster = await core.call('reports/html', { reportId: 'struggling-roster', params: { termId: 1 } });
    expect(roster.html).toContain('张*明');
    expect(roster.html).not.toContain('张三明');
    expect(roster.html).not.toContain('G360723201210000000');
    expect(roster.html).not.toContain(SENSITIVE);
    const full = await core.call('reports/html', { reportId: 'struggling-roster', params: { termId: 1, showFullNames: true } });
    expect(full.html).toContain('张三明');

    const file = await core.call('reports/html', { reportId: 'struggling-file', params: { fileId: id } });
    expect(file.html).toContain(SENSITIVE);
    expect(file.html).toContain('张三明');
    expect(file.html).toContain('<svg'); // the score curve
    expect(file.title).toBe('学困生帮扶档案（一生一案）');
    const actions = (core.context().db.prepare(`SELECT action FROM audit_log WHERE entity = 'struggling' AND action LIKE 'export%' ORDER BY id`).all() as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(['exportRoster', 'exportRoster', 'export']);
    await expect(core.call('reports/html', { reportId: 'struggling-file', params: {} })).rejects.toMatchObject({ key: 'strugglingFileRequired' });
  });
});

describe('sample school', () => {
  it('adds a handful of files with entries, one per closing status', () => {
    const ctx = core.context();
    const summary = loadSampleSchool(ctx);
    // The current term's files (the history years have their own, all closed before this year).
    const rows = ctx.db.prepare('SELECT id, status FROM struggling_file WHERE term_id = ?').all(summary.currentTermId) as { id: number; status: string }[];
    expect(rows.length).toBe(6);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['帮扶中', '已转化', '继续帮扶']));
    const ids = JSON.stringify(rows.map((r) => r.id));
    expect((ctx.db.prepare(`SELECT COUNT(*) n FROM struggling_entry WHERE kind = 'tutoring' AND file_id IN (SELECT value FROM json_each(?))`).get(ids) as { n: number }).n).toBe(19);
    expect((ctx.db.prepare(`SELECT COUNT(*) n FROM struggling_cause WHERE dimension IN ('家庭', '心理') AND file_id IN (SELECT value FROM json_each(?))`).get(ids) as { n: number }).n).toBe(2);
    expect((ctx.db.prepare(`SELECT COUNT(*) n FROM struggling_file WHERE term_id <> ? AND status IN ('帮扶中', '继续帮扶') AND carried_on IS NULL`).get(summary.currentTermId) as { n: number }).n).toBe(0);
  });
});
