/**
 * Automatic timetabling through the Core, on the sample school: the rules page (defaults, save, refusals naming the
 * row and field), the sample timetable itself (made by the timetabler: no conflict under the default rules, no
 * 体育 after lunch), the generation job in a worker (progress, stop keeps the best), the draft with its diff,
 * accept / undo / discard, a repair after a teacher's change with printed change notices, and the feasibility check.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { GenerateResult, JobStatus, Rule } from '../../../shared/contract';
import { createChromiumPdfPort } from '../../../electron/server/pdf-chromium';
import { closeTempCore, openTempCore } from '../../helpers/core';
import { checkWithConflictEngine } from '../../../electron/core/features/scheduling/drafts';
import { loadSchoolData } from '../../../electron/core/features/timetable/school-data';
import { toolsOk } from '../../helpers/system-tools';

const canReadPdf = toolsOk('tests/unit/scheduling/core.test.ts', ['pdftotext', 'pdfinfo']);

let core: Core;
let dir: string;
let termId: number;
const NOW = new Date('2026-12-04T08:00:00Z');
const db = () => core.context().db;

async function run(input: { mode: 'generate' | 'repair'; grade?: number | null; keep?: 'none' | 'locked' | 'placed'; seed?: number; effort?: 'quick' | 'normal' | 'thorough' }, stopAfterMs?: number) {
  let s = (await core.call('scheduling/start', { termId, ...input })) as JobStatus<GenerateResult>;
  const seen: JobStatus<GenerateResult>[] = [];
  const t0 = Date.now();
  while (s.state === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    if (stopAfterMs !== undefined && Date.now() - t0 > stopAfterMs) await core.call('scheduling/stop', { jobId: s.id });
    s = (await core.call('scheduling/job', { jobId: s.id })) as JobStatus<GenerateResult>;
    seen.push(s);
  }
  return { status: s, seen };
}
const lessonsNow = () => db().prepare('SELECT class_id, day, period, assignment_id FROM lesson WHERE term_id = ? ORDER BY class_id, day, period').all(termId);

beforeAll(async () => {
  ({ core, dir } = await openTempCore({ now: () => NOW, pdf: createChromiumPdfPort() }));
  await core.call('app/setOperator', { name: '教务员' });
  await core.call('app/loadSample', {});
  termId = (await core.call('app/status', {})).currentTermId!;
}, 120_000);
afterAll(async () => closeTempCore(core, dir));

describe('the sample timetable', () => {
  it('is made under the default rules: no conflict, 班会 and 教研 half-days free, no 体育 right after lunch', async () => {
    // Until the rules are saved the conflict list does not check them; the sample's timetable holds them anyway.
    expect((await core.call('timetable/get', { termId })).ruleChecks).toEqual({ blocked: [], dailyMax: [] });
    await core.call('scheduling/saveRules', { termId, rules: (await core.call('scheduling/getRules', { termId })).rules });
    const tt = await core.call('timetable/get', { termId });
    expect(tt.conflicts).toEqual([]);
    expect(tt.ruleChecks.blocked.length).toBeGreaterThan(18);
    expect(tt.lessons.filter((l) => l.day === 5 && l.period === 8)).toEqual([]);
    const pe = tt.lessons.filter((l) => l.subjectName === '体育与健康');
    expect(pe.filter((l) => l.period === 5 || l.period === 1)).toEqual([]);
  });

  it('prints the fixed events: 班会 in the class timetable, the 教研 half-day in a member\'s teacher timetable', async () => {
    const cell = (doc: string, day: number, period: number) => (new RegExp(`data-day="${day}" data-period="${period}">(.*?)</td>`).exec(doc)?.[1] ?? '').replace(/<[^>]+>/g, '');
    const cls = (await core.call('reports/html', { reportId: 'class-timetables', params: { termId } })).html;
    expect(cell(cls, 5, 8)).toBe('班会');
    const rules = (await core.call('scheduling/getRules', { termId })).rules;
    const research = rules.find((r) => r.kind === 'fixedEvent' && r.scope === 'group')!;
    const member = db().prepare('SELECT teacher_id FROM teaching_group_member WHERE group_id = ? AND teacher_id IN (SELECT teacher_id FROM teaching_assignment WHERE term_id = ?) LIMIT 1')
      .get(research.scopeId, termId) as { teacher_id: number };
    const teacher = (await core.call('reports/html', { reportId: 'teacher-timetables', params: { termId, teacherIds: [member.teacher_id] } })).html;
    for (const p of research.params.periods!) expect(cell(teacher, research.params.day!, p)).toBe('教研活动');
  });
});

describe('rules', () => {
  it('shows the school defaults until saved, saves, and refuses bad rows by row and field', async () => {
    await core.call('scheduling/resetRules', { termId }); // the tests above saved the defaults
    const set = await core.call('scheduling/getRules', { termId });
    expect(set.saved).toBe(false);
    expect(set.rules.find((r) => r.kind === 'subjectDailyMax' && r.scope === 'school')!.params.max).toBe(2);
    expect(set.rules.filter((r) => r.kind === 'fixedEvent').map((r) => r.params.name)).toContain('班会');
    expect(set.names.assignments.length).toBeGreaterThan(100);
    const saved = await core.call('scheduling/saveRules', { termId, rules: set.rules });
    expect(saved.saved).toBe(true);
    expect(saved.rules).toHaveLength(set.rules.length);

    const bad: Rule[] = [
      ...set.rules,
      { kind: 'fixedEvent', scope: 'school', scopeId: null, params: { name: '升旗', day: 7, periods: [1] }, weight: 100, enabled: true },
      { kind: 'teacherDailyMax', scope: 'teacher', scopeId: 999_999, params: { max: 3 }, weight: 50, enabled: true },
      { kind: 'doublePeriods', scope: 'school', scopeId: null, params: { count: 1 }, weight: 100, enabled: true },
    ];
    const err = await core.call('scheduling/saveRules', { termId, rules: bad }).catch((e) => e);
    expect(err.code).toBe('VALIDATION');
    const where = err.issues.map((i: { path: (string | number)[]; key: string }) => `${i.path[1]}.${i.path[2]}:${i.key}`);
    const n = set.rules.length;
    expect(where).toEqual(expect.arrayContaining([`${n}.day:ruleDayRange`, `${n + 1}.scopeId:notFound`, `${n + 2}.scope:ruleScopeNotAllowed`]));
    expect((await core.call('scheduling/getRules', { termId })).rules).toHaveLength(n); // nothing written
    const reset = await core.call('scheduling/resetRules', { termId });
    expect(reset.saved).toBe(false);
  });
});

describe('generating', () => {
  it('runs in a worker with progress, makes a draft checked by the conflict engine, and accept / undo restore exactly', async () => {
    const before = lessonsNow();
    // The core answers while the search runs.
    const started = (await core.call('scheduling/start', { termId, mode: 'generate', seed: 2 })) as JobStatus<GenerateResult>;
    expect(started.state).toBe('running');
    const profile = await core.call('school/getProfile', {});
    expect(profile?.name).toBeTruthy();
    let s = started;
    while (s.state === 'running') { await new Promise((r) => setTimeout(r, 100)); s = (await core.call('scheduling/job', { jobId: s.id })) as JobStatus<GenerateResult>; }
    expect(s.state).toBe('done');
    expect(s.result!.hard).toBe(0);
    expect(s.metrics?.iterations).toBeGreaterThan(0);
    const draft = (await core.call('scheduling/draft', { termId }))!;
    expect(draft.id).toBe(s.result!.draftId);
    expect(draft.conflicts).toEqual([]);
    expect(draft.summary.hard).toBe(0);
    expect(draft.diff.total).toBe(before.length);
    expect(draft.diff.moved).toBeGreaterThan(0);
    expect(draft.diff.byClass.reduce((n, c) => n + c.moved, 0)).toBe(draft.diff.moved);
    // The draft's check includes the rules it was made under (the defaults here, not saved): a lesson moved into 班会 is caught.
    const data = loadSchoolData(db(), termId);
    const moved = draft.lessons.map((l, i) => ({ ...l, roomId: null, combinedKey: null, ...(i === 0 ? { day: 5, period: 8 } : {}) }));
    expect(checkWithConflictEngine(db(), termId, data, moved).map((c) => c.kind)).toContain('fixedEvent');
    expect(lessonsNow()).toEqual(before); // a draft changes nothing

    await core.call('scheduling/accept', { termId, draftId: draft.id });
    const after = lessonsNow();
    expect(after).not.toEqual(before);
    expect((await core.call('timetable/get', { termId })).conflicts).toEqual([]);
    expect(await core.call('scheduling/accept', { termId, draftId: draft.id }).catch((e) => e.key)).toBe('draftNotOpen');
    await core.call('scheduling/undoAccept', { termId, draftId: draft.id });
    expect(lessonsNow()).toEqual(before);
    expect(await core.call('scheduling/undoAccept', { termId, draftId: draft.id }).catch((e) => e.key)).toBe('noUndo');
  }, 120_000);

  it('stop keeps the best so far, and one grade only leaves the others untouched', async () => {
    const others = () => db().prepare(`SELECT l.class_id, day, period, assignment_id FROM lesson l JOIN class_in_term c ON c.class_id = l.class_id AND c.term_id = l.term_id
      WHERE l.term_id = ? AND c.level <> 8 ORDER BY l.class_id, day, period`).all(termId);
    const untouched = others();
    const { status } = await run({ mode: 'generate', grade: 8, effort: 'thorough', seed: 5 }, 700);
    expect(status.state).toBe('done');
    expect(status.result!.stopped).toBe('stopped');
    expect(status.result!.hard).toBe(0);
    const draft = (await core.call('scheduling/draft', { termId }))!;
    expect(draft.conflicts).toEqual([]);
    const gradeOf = new Map(db().prepare('SELECT class_id, level FROM class_in_term WHERE term_id = ?').all(termId).map((r) => [(r as { class_id: number }).class_id, (r as { level: number }).level]));
    expect(draft.diff.byClass.every((c) => gradeOf.get(c.classId) === 8)).toBe(true);
    await core.call('scheduling/accept', { termId, draftId: draft.id });
    expect(others()).toEqual(untouched);
    await core.call('scheduling/undoAccept', { termId, draftId: draft.id });
  }, 120_000);

  it('a draft made before the timetable changed is refused, and discard closes it', async () => {
    await run({ mode: 'generate', effort: 'quick' });
    const draft = (await core.call('scheduling/draft', { termId }))!;
    const any = db().prepare('SELECT class_id, day, period FROM lesson WHERE term_id = ? AND locked = 0 LIMIT 1').get(termId) as { class_id: number; day: number; period: number };
    await core.call('timetable/setCells', { termId, cells: [{ classId: any.class_id, day: any.day, period: any.period, lesson: null }] });
    expect(await core.call('scheduling/accept', { termId, draftId: draft.id }).catch((e) => e.key)).toBe('draftStale');
    await core.call('scheduling/discard', { termId, draftId: draft.id });
    expect(await core.call('scheduling/draft', { termId })).toBeNull();
  }, 120_000);
});

describe('repair (重排) after a teacher leaves', () => {
  it('moves few lessons, names who is affected, and prints the change notices', async () => {
    // The 英语 teacher of 七年级(1)班 leaves; another 英语 teacher, away on Monday mornings, takes the class.
    const asg = db().prepare(`SELECT a.id, a.teacher_id FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id
      JOIN class_in_term c ON c.class_id = a.class_id AND c.term_id = a.term_id WHERE a.term_id = ? AND s.code = 'YY' AND c.level = 7 AND c.class_no = 1`).get(termId) as { id: number; teacher_id: number };
    const other = db().prepare(`SELECT a.teacher_id FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id
      WHERE a.term_id = ? AND s.code = 'YY' AND a.teacher_id <> ? LIMIT 1`).get(termId, asg.teacher_id) as { teacher_id: number };
    db().prepare('UPDATE teaching_assignment SET teacher_id = ? WHERE id = ?').run(other.teacher_id, asg.id);
    await core.call('timetable/unavailableSave', { termId, teacherId: other.teacher_id, slots: [1, 2, 3, 4].map((period) => ({ day: 1, period, reason: '进修' })) });
    const conflicts = (await core.call('timetable/get', { termId })).conflicts;
    expect(conflicts.length).toBeGreaterThan(0); // the change left clashes or unavailable lessons

    const check = await core.call('scheduling/check', { termId });
    expect(check.feasible).toBe(true);
    const { status } = await run({ mode: 'repair' });
    expect(status.result!.hard).toBe(0);
    const draft = (await core.call('scheduling/draft', { termId }))!;
    expect(draft.mode).toBe('repair');
    expect(draft.conflicts).toEqual([]);
    expect(draft.diff.moved).toBeGreaterThan(0);
    expect(draft.diff.moved / draft.diff.total).toBeLessThan(0.1);
    expect(draft.diff.byTeacher.map((t) => t.teacherId)).toContain(other.teacher_id);

    const pdf = await core.call('scheduling/changeNotices', { termId, draftId: draft.id });
    const file = path.join(dir, pdf.fileName);
    fs.writeFileSync(file, Buffer.from(pdf.dataBase64, 'base64'));
    if (canReadPdf) { // the printed notices read back (skipped, with its line, where poppler is not installed)
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
      expect(pages).toBe(draft.diff.byTeacher.length + draft.diff.byClass.length);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('课表调整通知');
      const change = draft.diff.changes.find((c) => c.teacherId === other.teacher_id && c.from && c.to)!;
      expect(text).toContain(`${change.teacherName} 老师`);
      if (process.env.SHOW_NOTICES) console.log(text);
      // The teacher's row: class, subject, from, to, as the diff says.
      const re = (x: string) => x.replace(/[()]/g, '\\$&');
      const day = (d: number) => `星期${'一二三四五六'[d - 1]}`;
      expect(text).toMatch(new RegExp(`${re(change.className)}\\s+${re(change.subjectName)}\\s+${day(change.from!.day)}第${change.from!.period}节\\s+${day(change.to!.day)}第${change.to!.period}节`));
    }

    await core.call('scheduling/accept', { termId, draftId: draft.id });
    expect((await core.call('timetable/get', { termId })).conflicts).toEqual([]);
  }, 180_000);

  it('after a room closes and an assignment changes, the repair keeps the rooms within capacity and every weekly count', async () => {
    const rooms = await core.call('timetable/listRooms', {});
    const lab1 = rooms.find((r) => r.name === '微机室1')!;
    await core.call('timetable/archiveRoom', { id: lab1.id, archived: true });
    // 七年级(2)班 gets one more 数学 a week.
    const sx = db().prepare(`SELECT a.id FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id JOIN class_in_term c ON c.class_id = a.class_id AND c.term_id = a.term_id
      WHERE a.term_id = ? AND s.code = 'SX' AND c.level = 7 AND c.class_no = 2`).get(termId) as { id: number };
    db().prepare('UPDATE teaching_assignment SET weekly_periods = weekly_periods + 1 WHERE id = ?').run(sx.id);
    const { status } = await run({ mode: 'repair' });
    expect(status.result!.hard).toBe(0);
    const draft = (await core.call('scheduling/draft', { termId }))!;
    expect(draft.conflicts).toEqual([]);
    const it = draft.lessons.filter((l) => l.subjectShort === '信息' || l.roomName?.startsWith('微机室'));
    expect(it.length).toBeGreaterThan(0);
    expect(it.every((l) => l.roomName === '微机室2')).toBe(true);
    expect(draft.lessons.filter((l) => l.assignmentId === sx.id)).toHaveLength((db().prepare('SELECT weekly_periods n FROM teaching_assignment WHERE id = ?').get(sx.id) as { n: number }).n);
    expect(draft.diff.moved / draft.diff.total).toBeLessThan(0.1);
    await core.call('scheduling/accept', { termId, draftId: draft.id });

    // With the last 微机室 closed too, 信息科技 has nowhere to go: explained, not searched.
    await core.call('timetable/archiveRoom', { id: rooms.find((r) => r.name === '微机室2')!.id, archived: true });
    const check = await core.call('scheduling/check', { termId });
    expect(check.reasons.find((r) => r.key === 'subjectNoRoom')?.params.subject).toBe('信息科技');
    await core.call('timetable/archiveRoom', { id: rooms.find((r) => r.name === '微机室2')!.id, archived: false });
    await core.call('timetable/archiveRoom', { id: lab1.id, archived: false });
  }, 180_000);

  it('an impossible term is explained instead of searched', async () => {
    const t = db().prepare('SELECT teacher_id FROM teaching_assignment WHERE term_id = ? GROUP BY teacher_id ORDER BY SUM(weekly_periods) DESC LIMIT 1').get(termId) as { teacher_id: number };
    await core.call('timetable/unavailableSave', { termId, teacherId: t.teacher_id, slots: [1, 2, 3, 4, 5].flatMap((day) => [1, 2, 3, 4, 5, 6, 7].map((period) => ({ day, period, reason: '外出' }))) });
    const check = await core.call('scheduling/check', { termId });
    expect(check.feasible).toBe(false);
    expect(check.reasons.map((r) => r.key)).toContain('teacherOverloaded');
    const { status } = await run({ mode: 'generate', effort: 'quick' });
    expect(status.result!.draftId).toBeNull();
    expect(status.result!.reasons.map((r) => r.key)).toContain('teacherOverloaded');
  }, 120_000);
});
