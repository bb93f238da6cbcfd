/**
 * Mentor pairs through Core on a small hand-made school: observations entered once count for the right pair and
 * duty (not for another pair of the same mentor, not before a pair began), activities are checked field by field,
 * a locked term refuses them, the assessment is stored and printed with the figures of the screen, the agreement
 * opens in LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { ObservationInput } from '../../../shared/contract';
import { closeTempCore, openSchoolCore } from '../../helpers/core';
import { toolsOk } from '../../helpers/system-tools';

const canOpenOffice = toolsOk('tests/unit/mentors/core.test.ts', ['soffice']);

let core: Core;
let dir: string;
let termId: number;
let t: Record<'m' | 'a1' | 'a2' | 'x', number>;
let clock: Date;

beforeEach(async () => {
  clock = new Date(2025, 9, 15);
  ({ core, dir, termId } = await openSchoolCore({ now: () => clock }));
  const save = async (name: string) => (await core.call('teachers/save', { name, degree: '本科' })).id;
  t = { m: await save('王师傅'), a1: await save('李徒弟'), a2: await save('赵徒弟'), x: await save('孙旁听') };
});
afterEach(async () => { await closeTempCore(core, dir); });

const obs = (observerId: number, teacherId: number, date: string, total = 80): ObservationInput => ({
  termId, date, teacherId, observerId, kind: '推门课',
  scores: { goal: 12, content: 16, method: 16, participation: 12, effect: 16, skill: total - 72 },
});

describe('mentor pairs in core', () => {
  it('counts an observation for the right pair and duty only', async () => {
    const term = (await core.call('school/listTerms', {})).find((x) => x.id === termId)!;
    const p1 = await core.call('mentors/save', { mentorId: t.m, apprenticeId: t.a1, startDate: term.startDate, endDate: '2026-07-10' });
    // The mentor's second apprentice starts a month later.
    const p2 = await core.call('mentors/save', { mentorId: t.m, apprenticeId: t.a2, startDate: '2025-10-01', endDate: '2026-07-10' });
    await core.call('observations/save', obs(t.m, t.a1, '2025-09-10'));
    await core.call('observations/save', obs(t.m, t.a1, '2025-10-09'));
    await core.call('observations/save', obs(t.a2, t.m, '2025-10-10'));
    await core.call('observations/save', obs(t.m, t.a2, '2025-09-20')); // before pair 2 began
    await core.call('observations/save', obs(t.x, t.a1, '2025-10-11')); // someone else observing the apprentice
    const done = async (id: number) => Object.fromEntries((await core.call('mentors/get', { id, termId })).progress!.duties.map((d) => [d.key, d.done]));
    expect(await done(p1.id)).toMatchObject({ mentorObserves: 2, apprenticeObserves: 0 });
    expect(await done(p2.id)).toMatchObject({ mentorObserves: 0, apprenticeObserves: 1 });
    const d1 = await core.call('mentors/get', { id: p1.id, termId });
    expect(d1.observations.map((o) => [o.date, o.duty])).toEqual([['2025-09-10', 'mentorObserves'], ['2025-10-09', 'mentorObserves']]);
    // The apprentice's progress reads every observation of her lessons (three, by two observers).
    expect(d1.progress!.evaluation.parts.progress).toBe(80);
    const list = await core.call('mentors/list', { termId });
    expect(list.byDuty.find((d) => d.key === 'mentorObserves')).toMatchObject({ pairs: 2, done: 2, target: 14 });
  });

  it('refuses bad pairs and activities on the field, and writes nothing in a locked term', async () => {
    const bad = await core.call('mentors/save', { mentorId: t.m, apprenticeId: t.m, startDate: '2025-09-01', endDate: '2025-08-01' }).catch((e) => e);
    expect(bad.issues.map((i: { path: string[]; key: string }) => `${i.path.join('.')}:${i.key}`).sort()).toEqual(['apprenticeId:mentors.samePerson', 'endDate:mentors.endBeforeStart']);
    const p = await core.call('mentors/save', { mentorId: t.m, apprenticeId: t.a1, startDate: '2025-09-01', endDate: '2026-07-10' });
    const clash = await core.call('mentors/save', { mentorId: t.m, apprenticeId: t.a1, startDate: '2026-01-01', endDate: '2026-12-31' }).catch((e) => e);
    expect(clash.issues[0]).toMatchObject({ path: ['apprenticeId'], key: 'mentors.pairOverlaps' });
    const outside = await core.call('mentors/saveActivity', { pairId: p.id, kind: 'guidance', date: '2026-08-01', title: '暑期指导' }).catch((e) => e);
    expect(outside.issues[0]).toMatchObject({ path: ['date'], key: 'mentors.dateOutsidePair' });
    const scored = await core.call('mentors/saveActivity', { pairId: p.id, kind: 'guidance', date: '2025-10-01', title: '指导', score: 90 }).catch((e) => e);
    expect(scored.issues[0]).toMatchObject({ path: ['score'], key: 'mentors.scoreOnlyReportLesson' });
    // The second term has begun: the first is read-only.
    clock = new Date(2026, 2, 15);
    const locked = await core.call('mentors/saveActivity', { pairId: p.id, kind: 'guidance', date: '2025-10-01', title: '指导' }).catch((e) => e);
    expect(locked).toMatchObject({ code: 'CONFLICT', key: 'termLocked' });
    expect((await core.call('mentors/get', { id: p.id, termId })).activities).toHaveLength(0);
  });

  it.skipIf(!canOpenOffice)('confirms the assessment and prints the figures of the screen; the agreement opens in LibreOffice', async () => {
    const p = await core.call('mentors/save', { mentorId: t.m, apprenticeId: t.a1, startDate: '2025-09-01', endDate: '2026-07-10', goals: '站稳讲台' });
    await core.call('mentors/saveActivity', { pairId: p.id, kind: 'reportLesson', date: '2025-10-10', title: '汇报课', score: 88 });
    await core.call('observations/save', obs(t.m, t.a1, '2025-09-15', 76));
    await core.call('observations/save', obs(t.m, t.a1, '2025-10-12', 80));
    const g = await core.call('mentors/assess', { pairId: p.id, termId, comment: '进步明显' });
    // progress 80 + (80 - 76) = 84; report lessons 88; duties: apprentice observes 0/7, report lessons 1/2, reflections 0/4, papers 0/1 -> 12.5.
    expect(g.evaluation.parts).toMatchObject({ progress: 84, reportLessons: 88, apprenticeDuties: 12.5 });
    expect(g.assessment).toMatchObject({ apprenticeScore: g.evaluation.apprenticeScore, comment: '进步明显', operator: '测试员' });
    const html = (await core.call('reports/html', { reportId: 'mentor-assessment', params: { pairId: p.id, termId } })).html;
    expect(html).toContain(`徒弟得分：<b>${g.evaluation.apprenticeScore!.toFixed(1)}</b>`);
    expect(html).toContain('进步明显');
    const summary = (await core.call('reports/html', { reportId: 'mentor-summary', params: { termId } })).html;
    expect(summary).toContain('王师傅');
    expect(summary).toContain('<td class="num">2/7</td>'); // the mentor's two observations of 7
    const agreement = (await core.call('reports/html', { reportId: 'mentor-agreement', params: { pairId: p.id } })).html;
    expect(agreement.match(/class="sheet"/g)).toHaveLength(3);
    const docx = await core.call('mentors/agreementDocx', { id: p.id });
    const file = path.join(dir, 'agreement.docx');
    fs.writeFileSync(file, Buffer.from(docx.dataBase64, 'base64'));
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'lo')).href}`, '--headless', '--convert-to', 'txt:Text', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const text = fs.readFileSync(path.join(dir, 'agreement.txt'), 'utf8');
    for (const s of ['师徒结对协议书', '王师傅', '李徒弟', '站稳讲台', '师傅听徒弟的课：每学期不少于 7 节']) expect(text).toContain(s);
  }, 150_000);
});
