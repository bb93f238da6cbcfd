/**
 * Every report declares its parameters once and prints from them (issue 8, item 4): the catalogue walked with
 * parameters filled from the sample school; file names that say what a printout is for; empty rooms skipped;
 * two teachers with one surname told apart on the master timetable.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { ALLOW_RANK_LISTS } from '../../../electron/core/features/exams/exams';
import { REPORT_PARAM_KINDS, type ReportInfo, type ReportParams } from '../../../shared/contract';
import { shortTeacherLabels } from '../../../shared/domain/short-names';

let dir: string;
let core: Core;
let termId: number;
let month: string;
let examId: number;
let fileId: number;
let pairId: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-params-'));
  core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf: null });
  termId = (await core.call('app/loadSample', {})).currentTermId!;
  month = (await core.call('monthly-check/months', { termId }))[1].month;
  await core.call('monthly-check/start', { termId, month });
  const grade = core.context().db.prepare('SELECT id FROM grade WHERE level = 7').get() as { id: number };
  const subj = (await core.call('school/listSubjects', { includeArchived: false })).find((x) => x.name === '语文')!;
  examId = (await core.call('exams/save', { termId, name: '期中考试', kind: '期中', date: `${month}-10`, gradeIds: [grade.id], subjects: [{ subjectId: subj.id, fullMarks: 120 }] })).id;
  fileId = (await core.call('struggling/list', {}))[0].id;
  pairId = (await core.call('mentors/list', { termId })).pairs[0].id;
}, 120_000);
afterAll(async () => { await core?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

/** What the Reports page does for each declared parameter kind, with the sample school's first choice. */
function fill(r: ReportInfo): ReportParams {
  const p: Record<string, unknown> = {};
  for (const key of r.params) {
    const kind = REPORT_PARAM_KINDS[key].kind;
    if (kind === 'term') p[key] = termId;
    if (kind === 'month') p[key] = month;
    if (kind === 'exam') p[key] = examId;
    if (kind === 'struggleFile') p[key] = fileId;
    if (kind === 'mentorPair') p[key] = pairId;
  }
  return p as ReportParams;
}

describe('the catalogue declares what each report needs', () => {
  it('every parameter has a picker kind, and required parameters are among the declared ones', async () => {
    const cat = await core.call('reports/catalogue', {});
    expect(cat.length).toBeGreaterThanOrEqual(14);
    for (const r of cat) {
      for (const k of r.params) expect(REPORT_PARAM_KINDS[k], `${r.id}.${k}`).toBeDefined();
      for (const k of r.required ?? []) expect(r.params, r.id).toContain(k);
    }
    const req = Object.fromEntries(cat.map((r) => [r.id, r.required ?? []]));
    expect(req['monthly-bulletin']).toEqual(['month']);
    expect(req['monthly-sheets']).toEqual(['month']);
    expect(req['exam-quality-analysis']).toEqual(['examId']);
    expect(req['struggling-file']).toEqual(['fileId']);
  });

  it('every report prints from its declared parameters alone', async () => {
    const cat = await core.call('reports/catalogue', {});
    // The rank list prints only behind its deliberate setting (不排名、不公布): off, it says so; on, it prints.
    await expect(core.call('reports/html', { reportId: 'exam-rank-list', params: { examId } })).rejects.toMatchObject({ key: 'exams.rankListsDisabled' });
    core.context().setSetting(ALLOW_RANK_LISTS, '1');
    for (const r of cat) {
      const out = await core.call('reports/html', { reportId: r.id, params: fill(r) });
      expect(out.html, r.id).toMatch(/<!DOCTYPE html>/i);
      expect(out.html.length, r.id).toBeGreaterThan(500);
    }
  });
});

describe('report file names', () => {
  it('say the month, the exam, the student, the class', async () => {
    const { reportFileBase } = await import('../../../electron/core/platform/report/catalogue');
    const ctx = core.context();
    const findReport = (id: string) => ctx.reports.find(id).info;
    const [y, m] = month.split('-');
    expect(reportFileBase(ctx, findReport('monthly-bulletin'), { termId, month })).toBe(`教学常规检查月度通报-${y}年${Number(m)}月`);
    const exam = (await core.call('exams/list', {}))[0];
    const { loadHeader } = await import('../../../electron/core/platform/report/header');
    const term = loadHeader(ctx, exam.termId).term!;
    expect(reportFileBase(ctx, findReport('exam-quality-analysis'), { examId })).toBe(`质量分析报告-${term.label}${exam.name}`);
    const file = (await core.call('struggling/list', {}))[0];
    expect(reportFileBase(ctx, findReport('struggling-file'), { fileId })).toBe(`学困生帮扶档案（一生一案）-${file.studentName}`);
    const cls = (await core.call('school/listClasses', { includeArchived: false }))[0];
    const timetableName = reportFileBase(ctx, findReport('class-timetables'), { termId, classIds: [cls.id] });
    expect(timetableName.startsWith('班级课程表-')).toBe(true);
    expect(timetableName.endsWith(`学期-${cls.name}`)).toBe(true);
    expect(reportFileBase(ctx, { title: 'a/b:c*?' }, {})).toMatch(/^a_b_c__-/);
  });
});

describe('room timetables', () => {
  it('skip rooms without a lesson unless asked', async () => {
    const empty = await core.call('timetable/saveRoom', { name: '闲置实验室', kind: '实验室', capacity: 1, subjectIds: [] });
    const withRooms = await core.call('reports/html', { reportId: 'room-timetables', params: { termId } });
    expect(withRooms.html).not.toContain('闲置实验室');
    const all = await core.call('reports/html', { reportId: 'room-timetables', params: { termId, includeEmptyRooms: true } });
    expect(all.html).toContain('闲置实验室课程表');
    expect(empty.id).toBeGreaterThan(0);
  });
});

describe('short teacher names on the master timetable', () => {
  it('surname when unique, surname + initial for a shared surname, full name when still ambiguous', () => {
    const m = shortTeacherLabels(['张明', '张伟', '李娜', '欧阳修', '欧阳锋', '王小红', '王小明', '赵']);
    expect(Object.fromEntries(m)).toEqual({ 张明: '张明', 张伟: '张伟', 李娜: '李', 欧阳修: '欧阳修', 欧阳锋: '欧阳锋', 王小红: '王小红', 王小明: '王小明', 赵: '赵' });
    expect(Object.fromEntries(shortTeacherLabels(['张三丰', '张无忌', '刘备']))).toEqual({ 张三丰: '张三', 张无忌: '张无', 刘备: '刘' });
  });

  it('the sample master timetable prints no surname shared by two of its teachers', async () => {
    const h = (await core.call('reports/html', { reportId: 'master-timetable', params: { termId } })).html;
    const labels = [...h.matchAll(/<span class="t">([^<]+)<\/span>/g)].flatMap((x) => x[1].split('/'));
    const teachers = await core.call('teachers/list', { includeArchived: false });
    const surnames = new Map<string, number>();
    for (const t of teachers) surnames.set(t.name[0], (surnames.get(t.name[0]) ?? 0) + 1);
    const shared = [...surnames].filter(([, n]) => n > 1).map(([s]) => s);
    expect(shared.length).toBeGreaterThan(0); // the sample has namesakes to tell apart
    for (const l of new Set(labels)) expect(shared.includes(l), `label ${l} is a shared surname`).toBe(false);
  });
});
