/** Routine plans over the sample school: standards, attachments, lesson plans, plan checks, collective prep, homework checks. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTempCore, openSampleCore } from '../../helpers/core';
import { Core } from '../../../electron/core/app';
import { AttachmentStore } from '../../../electron/core/platform/attachments/store';
import { collectiveAttendance } from '../../../electron/core/features/routine-plans/collective';
import { getRubric, gradeFor } from '../../../electron/core/features/routine-plans/standards';
import type { AppErrorShape } from '../../../shared/errors';

let dir: string;
let core: Core;
let termId: number;

beforeEach(async () => {
  ({ core, dir, termId } = await openSampleCore());
});
afterEach(() => closeTempCore(core, dir));

const db = () => core.context().db;
const count = (sql: string, ...args: unknown[]) => (db().prepare(sql).get(...args) as { n: number }).n;
async function fails(p: Promise<unknown>): Promise<AppErrorShape> {
  try { await p; } catch (e) { return e as AppErrorShape; }
  throw new Error('expected a failure');
}
/** An assignment of 语文 in grade 7 (the sample is a middle school). */
function chineseAssignment() {
  return db().prepare(`SELECT a.teacher_id AS teacherId, a.subject_id AS subjectId, a.class_id AS classId, a.weekly_periods AS weekly
    FROM teaching_assignment a JOIN subject s ON s.id = a.subject_id JOIN class_in_term c ON c.class_id = a.class_id AND c.term_id = a.term_id JOIN grade g ON g.level = c.level
    WHERE a.term_id = ? AND s.name = '语文' AND g.level = 7 ORDER BY c.class_no LIMIT 1`).get(termId) as { teacherId: number; subjectId: number; classId: number; weekly: number };
}
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake image body')]);
const PDF = Buffer.from('%PDF-1.4\n%fake\n%%EOF\n');

describe('sample routine records', () => {
  it('adds a month of checks, plans and collective preparation', () => {
    expect(count('SELECT COUNT(*) n FROM plan_check WHERE term_id = ?', termId)).toBeGreaterThan(50);
    expect(count('SELECT COUNT(*) n FROM homework_check WHERE term_id = ?', termId)).toBeGreaterThan(50);
    expect(count('SELECT COUNT(*) n FROM lesson_plan')).toBeGreaterThan(10);
    expect(count('SELECT COUNT(*) n FROM collective_prep')).toBeGreaterThan(10);
    // All in October (the check is the last Friday before "today", 2025-10-15).
    expect(count("SELECT COUNT(*) n FROM plan_check WHERE term_id = ? AND check_date <> '2025-10-10'", termId)).toBe(0);
  });
});

describe('standards', () => {
  it('creates defaults on first read, saves in one audited transaction and resets', async () => {
    const s = await core.call('routine-plans/getStandards', { termId });
    expect(s.rubrics.map((r) => r.kind)).toEqual(['planCheck', 'homeworkCheck', 'monthlySheet']);
    expect(s.homeworkNorms.some((n) => n.subjectName === '语文' && n.homeworkType === '作文')).toBe(true);
    expect(s.loadRules).toMatchObject({ noWrittenUpToGrade: 2, primaryMaxMinutes: 60, middleMaxMinutes: 90 });

    const monthly = s.rubrics[2];
    monthly.bands = monthly.bands.map((b) => (b.label === '优' ? { ...b, min: 95 } : b));
    const saved = await core.call('routine-plans/saveStandards', { termId, rubrics: [monthly], homeworkNorms: s.homeworkNorms.slice(1), loadRules: { ...s.loadRules, middleMaxMinutes: 80 } });
    expect(saved.homeworkNorms.length).toBe(s.homeworkNorms.length - 1);
    expect(saved.loadRules.middleMaxMinutes).toBe(80);
    const rubric = getRubric(db(), termId, 'monthlySheet');
    expect(gradeFor(94.9, rubric.bands)).toBe('良');
    expect(gradeFor(95, rubric.bands)).toBe('优');
    expect(count("SELECT COUNT(*) n FROM audit_log WHERE entity = 'routineStandards' AND action = 'update'")).toBe(1);

    const reset = await core.call('routine-plans/resetStandards', { termId });
    expect(reset.homeworkNorms.length).toBe(s.homeworkNorms.length);
    expect(getRubric(db(), termId, 'monthlySheet').bands.find((b) => b.label === '优')?.min).toBe(90);
  });

  it('refuses a rubric whose weights do not sum to 100 and overlapping norms, writing nothing', async () => {
    const s = await core.call('routine-plans/getStandards', { termId });
    const bad = { ...s.rubrics[0], items: s.rubrics[0].items.map((i, n) => (n === 0 ? { ...i, maxScore: 30 } : i)) };
    const e = await fails(core.call('routine-plans/saveStandards', { termId, rubrics: [bad], homeworkNorms: [...s.homeworkNorms, s.homeworkNorms[0]], loadRules: s.loadRules }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: ['rubrics', 0, 'items'], key: 'rubricWeightsNot100' }),
      expect.objectContaining({ path: ['homeworkNorms', s.homeworkNorms.length, 'gradeFrom'], key: 'normOverlap' }),
    ]));
    expect(getRubric(db(), termId, 'planCheck').items[0].maxScore).toBe(20);
  });
});

describe('attachments', () => {
  it('round-trips bytes by content hash and refuses an .exe or a mislabelled file', () => {
    const store = new AttachmentStore(db(), dir);
    const a = store.put(PNG, '板书.png', 'image/png');
    expect(a.mime).toBe('image/png');
    expect(fs.existsSync(path.join(dir, 'attachments', a.sha256))).toBe(true);
    expect(store.get(a.id).equals(PNG)).toBe(true);
    expect(store.put(PNG, 'again.png').id).toBe(a.id);
    expect(() => store.put(Buffer.from('MZ...'), 'setup.exe')).toThrow(/attachmentType/);
    expect(() => store.put(Buffer.from('MZ...'), 'plan.pdf')).toThrow(/attachmentContent/);
    expect(() => store.put(Buffer.alloc(0), 'x.pdf')).toThrow(/attachmentEmpty/);
    expect(() => store.put(Buffer.alloc(30 * 1024 * 1024 + 1, 0x25), 'big.pdf')).toThrow(/attachmentTooLarge/);
  });
});

describe('lesson plans', () => {
  it('saves a plan with a file, lists by filters, downloads, and refuses an .exe upload per field', async () => {
    const a = chineseAssignment();
    const plan = await core.call('routine-plans/saveLessonPlan', {
      termId, ...a, topic: '紫藤萝瀑布', lessonType: '新授', periods: 2, date: '2025-10-14', objectives: '感受生命的美好',
      upload: { fileName: '紫藤萝瀑布.pdf', dataBase64: PDF.toString('base64') },
    });
    expect(plan.week).toBe(7);
    expect(plan.attachment?.fileName).toBe('紫藤萝瀑布.pdf');
    const listed = await core.call('routine-plans/listLessonPlans', { termId, teacherId: a.teacherId, classId: a.classId, week: 7 });
    expect(listed.map((p) => p.id)).toContain(plan.id);
    const file = await core.call('attachments/download', { id: plan.attachment!.id });
    expect(Buffer.from(file.dataBase64, 'base64').equals(PDF)).toBe(true);
    expect(file.mime).toBe('application/pdf');

    const e = await fails(core.call('routine-plans/saveLessonPlan', { termId, ...a, topic: 'x', upload: { fileName: 'virus.exe', dataBase64: 'TVo=' } }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues).toEqual([expect.objectContaining({ path: ['upload', 'fileName'], key: 'attachmentType' })]);

    const e2 = await fails(core.call('routine-plans/saveLessonPlan', { termId, ...a, topic: '', week: 25 }));
    expect(e2.issues?.map((i) => i.path.join('.'))).toEqual(['topic']);
    const e3 = await fails(core.call('routine-plans/saveLessonPlan', { termId, ...a, topic: 'y', week: 25 }));
    expect(e3.issues).toEqual([expect.objectContaining({ path: ['week'], key: 'weekOutsideTerm' })]);
  });
});

describe('plan checks', () => {
  it('prefills one row per assignment with expected periods at the date', async () => {
    const drafts = await core.call('routine-plans/prefillPlanChecks', { termId, date: '2025-10-15' });
    expect(drafts.length).toBe(count('SELECT COUNT(*) n FROM teaching_assignment WHERE term_id = ? AND weekly_periods > 0', termId));
    const d = drafts[0];
    expect(d.periodsExpected).toBe(d.weeklyPeriods * 7);
    const sample = await core.call('routine-plans/prefillPlanChecks', { termId, date: '2025-10-10' });
    expect(sample.filter((x) => x.existingId !== null).length).toBeGreaterThan(50);
  });

  it('computes ahead/behind, score and grade from the items, opens the fix and audits', async () => {
    const a = chineseAssignment();
    const rubric = getRubric(db(), termId, 'planCheck');
    const items = Object.fromEntries(rubric.items.map((i) => [i.key, i.maxScore]));
    items.reflection = 0; // 90 exactly
    const c = await core.call('routine-plans/savePlanCheck', {
      termId, ...a, checkDate: '2025-10-15', periodsPlanned: a.weekly * 7 + 2, itemScores: items, checker: '教导处', fixRequired: '补写反思',
    });
    expect(c.periodsExpected).toBe(a.weekly * 7);
    expect(c.aheadPeriods).toBe(2);
    expect(c.notAhead).toBe(true);
    expect(c.score).toBe(90);
    expect(c.grade).toBe('优');
    expect(c.fixStatus).toBe('open');
    const upd = await core.call('routine-plans/savePlanCheck', { ...c, id: c.id, itemScores: null, score: 89.99, fixStatus: 'done', fixDoneDate: '2025-10-20' });
    expect(upd.grade).toBe('良');
    // A complete set of items overrides a stale score and grade sent back with the row.
    const again = await core.call('routine-plans/savePlanCheck', { ...upd, id: c.id, itemScores: { ...items, reflection: 10 } });
    expect([again.score, again.grade]).toEqual([100, '优']);
    expect(upd.fixStatus).toBe('done');
    const audits = db().prepare("SELECT action FROM audit_log WHERE entity = 'planCheck' AND entity_id = ? ORDER BY id").all(String(c.id)) as { action: string }[];
    expect(audits.map((x) => x.action)).toEqual(['create', 'update', 'update']);
  });

  it('reports each bad field of each row and writes nothing (one transaction)', async () => {
    const a = chineseAssignment();
    const before = count('SELECT COUNT(*) n FROM plan_check');
    const e = await fails(core.call('routine-plans/savePlanChecks', {
      rows: [
        { termId, ...a, checkDate: '2025-10-16', periodsPlanned: 30 },
        { termId, ...a, checkDate: '2025-08-01', itemScores: { objectives: 11, nope: 1 }, fixStatus: 'done' },
        { termId, ...a, teacherId: 999999, checkDate: '2025-10-16' },
      ],
    }));
    expect(e.code).toBe('VALIDATION');
    const paths = e.issues!.map((i) => `${i.path.join('.')}:${i.key}`);
    expect(paths).toEqual(expect.arrayContaining([
      'rows.1.checkDate:dateOutsideTerm', 'rows.1.itemScores.objectives:itemScoreTooHigh', 'rows.1.itemScores.nope:rubricUnknownItem',
      'rows.1.fixDoneDate:fixDoneDateRequired', 'rows.2.teacherId:routineTeacherMissing',
    ]));
    expect(paths.some((p) => p.startsWith('rows.0.'))).toBe(false);
    expect(count('SELECT COUNT(*) n FROM plan_check')).toBe(before);

    const ok = await core.call('routine-plans/savePlanChecks', { rows: [{ termId, ...a, checkDate: '2025-10-16', periodsPlanned: 30 }, { termId, ...a, checkDate: '2025-10-17' }] });
    expect(ok).toHaveLength(2);
    expect(count('SELECT COUNT(*) n FROM plan_check')).toBe(before + 2);
    const dup = await fails(core.call('routine-plans/savePlanChecks', { rows: [{ termId, ...a, checkDate: '2025-10-16' }] }));
    expect(dup.issues?.[0]).toMatchObject({ path: ['rows', 0, 'checkDate'], key: 'routineDuplicate' });
  });

  it('counts periods from plan records', async () => {
    const a = chineseAssignment();
    const before = await core.call('routine-plans/countPlanChecksFromPlans', { termId, ...a, asOf: '2025-10-15' });
    await core.call('routine-plans/saveLessonPlans', { rows: [
      { termId, ...a, topic: 'A', periods: 2, reflection: '好' },
      { termId, ...a, topic: 'B', periods: 1, secondRound: '改' },
    ] });
    const after = await core.call('routine-plans/countPlanChecksFromPlans', { termId, ...a, asOf: '2025-10-15' });
    expect(after.periods - before.periods).toBe(3);
    expect(after.plans - before.plans).toBe(2);
    expect(after.reflections - before.reflections).toBe(1);
    expect(after.secondRound - before.secondRound).toBe(1);
  });
});

describe('collective preparation', () => {
  it('needs a 备课组, records attendees (lead included) and feeds monthly attendance', async () => {
    const group = db().prepare("SELECT id FROM teaching_group WHERE kind = '备课组' ORDER BY id LIMIT 1").get() as { id: number };
    const members = (db().prepare('SELECT teacher_id FROM teaching_group_member WHERE group_id = ? ORDER BY teacher_id').all(group.id) as { teacher_id: number }[]).map((r) => r.teacher_id);
    const before = collectiveAttendance(db(), termId, '2025-10');
    const lead = members[0];
    const saved = await core.call('routine-plans/saveCollectivePrep', {
      termId, groupId: group.id, date: '2025-10-15', fixedTime: '每周三下午第7节', place: '备课室', content: '第八单元', topic: '单元备课',
      leadTeacherId: lead, attendeeIds: members.slice(2),
    });
    expect(saved.attendeeIds).toContain(lead);
    expect(saved.absentIds).toEqual(members.length > 1 ? [members[1]] : []);
    const after = collectiveAttendance(db(), termId, '2025-10');
    const row = (rows: typeof after, t: number) => rows.find((r) => r.teacherId === t)!;
    expect(row(after, lead).held - row(before, lead).held).toBe(1);
    expect(row(after, lead).attended - row(before, lead).attended).toBe(1);
    if (members.length > 1) expect(row(after, members[1]).attended).toBe(row(before, members[1]).attended);

    const research = db().prepare("SELECT id FROM teaching_group WHERE kind = '教研组' LIMIT 1").get() as { id: number };
    const e = await fails(core.call('routine-plans/saveCollectivePrep', { termId, groupId: research.id, date: '2025-10-15', topic: 'x' }));
    expect(e.issues?.[0]).toMatchObject({ path: ['groupId'], key: 'groupNotPrep' });
  });
});

describe('homework checks', () => {
  it('flags marking below the norm, a sample of books, and written homework in grades 1-2 (norm check)', async () => {
    const a = chineseAssignment();
    const c = await core.call('routine-plans/saveHomeworkCheck', {
      termId, ...a, checkDate: '2025-10-15', homeworkType: '家庭作业', weeksCovered: 4, timesSet: 8, timesMarked: 7, booksChecked: 10, classSize: 50,
    });
    expect(c.perWeek).toBe(1.75);
    expect(c.flags.map((f) => f.key)).toEqual(['belowNorm', 'sampleOnly']);
    const e = await fails(core.call('routine-plans/saveHomeworkCheck', { termId, ...a, checkDate: '2025-10-15', homeworkType: '作文', timesSet: 2, timesMarked: 3, booksChecked: 80, classSize: 50 }));
    expect(e.issues?.map((i) => `${i.path.join('.')}:${i.key}`).sort()).toEqual(['booksChecked:booksMoreThanClass', 'timesMarked:markedMoreThanSet']);
    const list = await core.call('routine-plans/listHomeworkChecks', { termId, month: '2025-10', teacherId: a.teacherId });
    expect(list.map((x) => x.id)).toContain(c.id);
  });

  it('prefills rows for subjects with a norm, with class sizes from the roster', async () => {
    const drafts = await core.call('routine-plans/prefillHomeworkChecks', { termId, date: '2025-10-15' });
    expect(drafts.length).toBeGreaterThan(30);
    expect(drafts.every((d) => d.normMinPerWeek !== null && d.classSize > 0)).toBe(true);
    expect(drafts.some((d) => d.subjectName === '体育与健康')).toBe(false);
  });
});
