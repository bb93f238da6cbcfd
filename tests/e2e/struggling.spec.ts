/**
 * Struggling-student files (学困生档案): first run + sample school -> open a file (audited) -> add a tutoring
 * entry -> set it to 已转化 and see the transformation rate rise -> print the roster (names masked) and the
 * single file (the only printout with the sensitive cause notes) -> the purge dialog.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AppStatus, SchoolClass, Student, Subject, Term } from '../../shared/contract';
import type { Exam } from '../../shared/contract';
import type { RateReport, StrugglingFile, StrugglingFileRow } from '../../shared/contract';
import { maskName } from '../../shared/domain/mask';
import { SCREENS, expect, test, type AppPage } from './fixtures';
import { toolsOk } from '../helpers/system-tools';

const canReadPdf = toolsOk('tests/e2e/struggling.spec.ts', ['pdftotext', 'pdftoppm']);

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Two exams for the target's class through the API: the target fails at first and improves; one classmate fails 数学. */
async function addExams(app: AppPage, termId: number, classId: number, targetId: number): Promise<void> {
  const term = (await app.api<Term[]>('school/listTerms')).find((t) => t.id === termId)!;
  const cls = (await app.api<SchoolClass[]>('school/listClasses')).find((c) => c.id === classId)!;
  const subjects = await app.api<Subject[]>('school/listSubjects');
  const chinese = subjects.find((x) => x.name === '语文')!.id;
  const maths = subjects.find((x) => x.name === '数学')!.id;
  const students = (await app.api<Student[]>('students/list', { classId })).filter((x) => !x.archived);
  const exams: [string, '月考' | '期中', number, [number, number], [number, number]][] = [
    ['第一次月考', '月考', 30, [48, 50], [75, 100]],
    ['期中考试', '期中', 60, [62, 80], [70, 40]],
  ];
  for (const [name, kind, offset, target, classmate] of exams) {
    const exam = await app.api<Exam>('exams/save', {
      termId, name, kind, date: addDays(term.startDate, offset), mode: 'score', gradeIds: [cls.gradeId],
      subjects: [{ subjectId: chinese, fullMarks: 100 }, { subjectId: maths, fullMarks: 120 }],
    });
    const rows = students.map((st, i) => {
      const [c, m] = st.id === targetId ? target : i === 0 ? classmate : [70 + ((i * 13) % 30), 85 + ((i * 17) % 35)];
      return { studentId: st.id, values: { [chinese]: c, [maths]: m } };
    });
    await app.api('exams/saveScores', { examId: exam.id, rows });
  }
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

test('open a file, add tutoring, mark it transformed, print the roster and the file', async ({ app, page }, testInfo) => {
  await app.firstRunWithSample();
  const termId = (await app.api<AppStatus>('app/status')).currentTermId!;
  const rows = await app.api<StrugglingFileRow[]>('struggling/list', { termId });
  expect(rows.length).toBeGreaterThanOrEqual(5);
  // A file in progress with a sensitive cause (家庭 or 心理).
  let target: StrugglingFile | null = null;
  for (const r of rows.filter((x) => x.status === '帮扶中')) {
    const f = await app.api<StrugglingFile>('struggling/get', { id: r.id });
    if (f.causes.some((c) => c.sensitive && c.note)) { target = f; break; }
  }
  expect(target).not.toBeNull();
  const file = target!;
  const sensitiveNote = file.causes.find((c) => c.sensitive && c.note)!.note!;
  const before = await app.api<RateReport>('struggling/rates', { termId });
  await addExams(app, termId, file.classId!, file.studentId);

  await app.go('#/struggling');
  const grid = app.grid('struggling-files');
  await expect(grid.locator('.ag-row')).toHaveCount(rows.length);
  // Lists never carry cause notes.
  await expect(grid).not.toContainText(sensitiveNote);
  await app.shot('sf-01-list');

  // ---- open the file: core writes the audit entry ----
  const audited = async () => (await app.api<{ total: number }>('audit/list', { entity: 'struggling' })).total;
  const auditBefore = await audited();
  await page.getByTestId(`sf-open-${file.id}`).click();
  await expect(page.getByTestId('sf-file-title')).toContainText(file.studentName);
  await expect(page.getByTestId('sf-causes')).toContainText(sensitiveNote);
  await expect(page.getByTestId('sf-lock').first()).toBeVisible();
  await expect.poll(audited).toBeGreaterThan(auditBefore);
  await expect(page.getByTestId('sf-score-curve').locator('canvas')).toBeVisible();
  await page.getByTestId('sf-score-curve').scrollIntoViewIfNeeded();
  await app.shot('sf-02b-plan-curve');
  await app.shot('sf-02-file');

  // ---- add a tutoring entry ----
  await page.getByTestId('sf-entry-add-tutoring').click();
  await page.getByTestId('sf-entry-content').fill('分数应用题专项练习，讲评错题');
  await page.getByTestId('sf-entry-minutes').fill('45');
  await page.getByTestId('sf-entry-ok').click();
  await expect(page.getByTestId('sf-entries-tutoring')).toContainText('分数应用题专项练习');
  await expect.poll(async () => (await app.api<StrugglingFileRow[]>('struggling/list', { termId })).find((r) => r.id === file.id)?.tutoringCount)
    .toBe(file.tutoringCount + 1);

  // ---- 已转化 ----
  await page.getByTestId('sf-status-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '已转化' }).click();
  await page.getByTestId('sf-status-note').fill('期末考试各科及格');
  await page.getByTestId('sf-status-apply').click();
  await expect(page.getByTestId('sf-file-status')).toHaveText('已转化');
  await expect(page.getByTestId('sf-status')).toContainText('期末考试各科及格');
  await page.getByTestId('sf-file').scrollIntoViewIfNeeded();
  await app.shot('sf-03-transformed');

  const after = await app.api<RateReport>('struggling/rates', { termId });
  expect(after.total.transformed).toBe(before.total.transformed + 1);
  expect(after.total.rate!).toBeGreaterThan(before.total.rate ?? 0);

  // ---- print the single file: the only printout with the sensitive notes ----
  const [fileDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sf-print-file').click()]);
  const filePdf = testInfo.outputPath('一生一案.pdf');
  await fileDl.saveAs(filePdf);
  if (canReadPdf) { // the file read back with poppler; skipped, with its line, where it is not installed
    const fileText = pdfText(filePdf).replace(/\s+/g, '');
    expect(fileText).toContain(file.studentName);
    expect(fileText).toContain(sensitiveNote.replace(/\s+/g, ''));
    expect(fileText).toContain('分数应用题专项练习');
    fs.mkdirSync(SCREENS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', filePdf, path.join(SCREENS, 'sf-07-file-pdf')]);
  }
  await page.locator('.ant-drawer-close').click();
  await expect(page.getByTestId('sf-file')).toBeHidden();

  // ---- the rate tab shows the new rate ----
  await page.getByTestId('sf-tab-rates').click();
  const pctText = `${(after.total.rate! * 100).toFixed(1)}%`;
  await expect(page.getByTestId('sf-rate-total')).toContainText(pctText);
  await expect(page.getByTestId('sf-rates-class')).toContainText(file.className!);
  await app.shot('sf-04-rates');

  // ---- roster, masked by default ----
  await page.getByTestId('sf-print-roster').click();
  await expect(page.getByTestId('sf-roster-pdf')).toBeVisible();
  await app.shot('sf-05-roster-dialog');
  const [rosterDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sf-roster-pdf').click()]);
  const rosterPdf = testInfo.outputPath('学困生名册.pdf');
  await rosterDl.saveAs(rosterPdf);
  if (canReadPdf) { // the roster read back with poppler; skipped, with its line, where it is not installed
    const roster = pdfText(rosterPdf);
    expect(roster).toContain(maskName(file.studentName));
    expect(roster).not.toContain(file.studentName);
    expect(roster).not.toContain(sensitiveNote);
  }

  // The switch warns and prints full names.
  await page.getByTestId('sf-print-roster').click();
  await page.getByTestId('sf-roster-full').click();
  await expect(page.getByTestId('sf-roster-warning')).toBeVisible();
  const [fullDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sf-roster-pdf').click()]);
  const fullPdf = testInfo.outputPath('学困生名册-完整.pdf');
  await fullDl.saveAs(fullPdf);
  if (canReadPdf) { // the full roster read back with poppler; skipped, with its line, where it is not installed
    expect(pdfText(fullPdf)).toContain(file.studentName);
  }

  // ---- purge dialog: nobody has left in the sample, so nothing to purge ----
  await page.getByTestId('sf-purge').click();
  await expect(page.getByTestId('sf-purge-list')).toBeVisible();
  await expect(page.getByTestId('sf-purge-confirm')).toBeDisabled();
  await app.shot('sf-06-purge');
  await page.locator('.ant-modal-close:visible').click();

  // ---- candidates from the newest exam (期中): tick a student without a file, confirm, and they are marked ----
  await page.getByTestId('sf-tab-candidates').click();
  const cands = page.getByTestId('sf-candidates');
  await expect(cands.locator('tbody tr.ant-table-row').first()).toBeVisible();
  await app.shot('sf-08-candidates');
  const free = cands.locator('tbody tr.ant-table-row').filter({ has: page.locator('.ant-checkbox-input:not([disabled])') }).first();
  await free.locator('.ant-checkbox-input').check();
  await page.getByTestId('sf-cand-confirm').click();
  await expect.poll(async () => (await app.api<StrugglingFileRow[]>('struggling/list', { termId })).length).toBe(rows.length + 1);
  await expect(cands.getByTestId('sf-cand-has-file').first()).toBeVisible();
});
