/**
 * School years flow: first run + sample school (three years: two of history) -> 学年与届别 shows the cohorts,
 * the graduated ones and the locked past terms -> the 学年升级 wizard previews (nothing written) and commits ->
 * the classes page names this year's classes with their cohort -> last year's exam analysis still shows last
 * year's class names, with the past-term strip on top -> a student's 学籍档案 lists the classes over the years.
 */
import type { ExamAnalysis, SchoolClass, Student, Term } from '../../shared/contract';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

test('new school year wizard on the sample, then last year\'s exam analysis with last year\'s class names', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.firstRunWithSample();
  const termsBefore = await app.api<Term[]>('school/listTerms');
  const newest = termsBefore[0];
  const start = Number(newest.schoolYearName.slice(0, 4));

  // ---- 学年与届别: cohorts and terms ----
  await app.go('#/school-years');
  const cohorts = page.getByTestId('cohorts');
  await expect(cohorts).toContainText(`${start}级`);
  await expect(cohorts).toContainText(`${start - 3}级`); // graduated in the history years
  await expect(page.getByTestId('term-locks')).toContainText('只读');
  await app.shot('sy-01-cohorts-and-terms');

  // ---- the wizard: settings -> preview (nothing written) -> commit ----
  await page.getByTestId('open-rollover').click();
  await expect(page.getByTestId('ro-entry')).toBeVisible();
  await page.waitForTimeout(400); // the dialog fades in
  await app.shot('sy-02-wizard-settings');
  await page.getByTestId('rollover-preview').click();
  const preview = page.getByTestId('rollover-preview-body');
  await expect(preview).toContainText('班级升级');
  await expect(preview).toContainText(`${start - 2}级`);
  await expect(preview).toContainText('毕业');
  expect((await app.api<Term[]>('school/listTerms')).length).toBe(termsBefore.length); // nothing written yet
  await app.shot('sy-03-wizard-preview');
  await page.getByTestId('rollover-commit').click();
  await expect(page.getByTestId('rollover-done')).toBeVisible();
  await expect(page.getByTestId('rollover-done')).toContainText('pre-rollover');
  await expect(page.locator('.ant-modal-title')).toContainText(`${start}-${start + 1}学年 → ${start + 1}-${start + 2}学年`);
  await app.shot('sy-04-wizard-done');
  await page.getByTestId('rollover-close').click();

  // The new year is current; its classes: the old 七年级 is 八年级 now, keeping its cohort name.
  const terms = await app.api<Term[]>('school/listTerms');
  expect(terms.length).toBe(termsBefore.length + 2);
  const classes = await app.api<SchoolClass[]>('school/listClasses');
  expect(classes.find((c) => c.name === '八年级(1)班')!.cohortName).toBe(`${start}级1班`);
  expect(classes.filter((c) => c.gradeLevel === 7).every((c) => c.cohortName.startsWith(`${start + 1}级`) && c.studentCount === 0)).toBe(true);
  await app.go('#/classes');
  await expect(app.grid('classes')).toContainText(`${start + 1}级1班`);
  await app.shot('sy-05-classes-new-year');

  // ---- last year's exam: switch the header to the history year's first term ----
  const lastYear = terms.find((t) => t.schoolYearName === `${start - 1}-${start}学年` && t.termNo === 1)!;
  await page.getByTestId('term-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: lastYear.name }).first().click();
  await expect(page.getByTestId('term-lock-banner')).toContainText('只读');
  await app.go('#/exams');
  await page.getByTestId('exam-picker').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^七年级期末考试/ }).first().click();
  await page.getByTestId('exam-tab-analysis').click();
  // That year's 七年级 was the cohort that is 九年级 now: the analysis still names it 七年级(1)班.
  const panel = page.locator('[data-testid^="exam-analysis-"]').first();
  await expect(panel).toContainText('七年级(1)班');
  await expect(panel).not.toContainText('九年级');
  const exams = await app.api<{ id: number; name: string }[]>('exams/list', { termId: lastYear.id });
  const a = await app.api<ExamAnalysis>('exams/analysis', { examId: exams.find((e) => e.name === '七年级期末考试')!.id });
  expect(a.grades[0].classes.map((c) => c.className)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `七年级(${n})班`));
  await app.shot('sy-06-last-year-analysis');
  // The class's trend runs across the years of history (the same cohort class, exam after exam).
  const trend = page.getByTestId('exam-chart-trend').first();
  await trend.scrollIntoViewIfNeeded();
  await expect(trend).toBeVisible();
  await page.waitForTimeout(500);
  await app.shot('sy-08-trend-across-years');

  // A write to the locked term is refused, whatever the path (here the API the page uses).
  await expect(app.api('exams/delete', { id: exams[0].id })).rejects.toThrow(/termLocked/);

  // ---- back to the current term: a student's record across the years ----
  await page.getByTestId('term-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: terms[1].name }).first().click();
  await expect(page.getByTestId('term-lock-banner')).toHaveCount(0);
  const nine1 = classes.find((c) => c.name === '九年级(1)班')!;
  const s = (await app.api<Student[]>('students/list', { classId: nine1.id }))[0];
  await app.go('#/students');
  await page.getByTestId('students-class-filter').click();
  await page.keyboard.type('九年级(1)');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^九年级\(1\)班$/ }).first().click();
  // The row's selection checkbox sits in another column container than its 学籍号: find it by row index.
  const rowIndex = await app.grid('students').locator('.ag-row', { hasText: s.studentNo }).first().getAttribute('row-index');
  await app.grid('students').locator(`.ag-row[row-index="${rowIndex}"] .ag-selection-checkbox`).first().click();
  await page.getByTestId('student-history-open').click();
  const drawer = page.getByTestId('student-history');
  await expect(drawer.getByTestId('history-stretches')).toContainText('七年级(1)班');
  await expect(drawer.getByTestId('history-stretches')).toContainText('九年级(1)班');
  await expect(drawer.getByTestId('history-exams')).toContainText('七年级期末考试');
  await app.shot('sy-07-student-history');
  await page.keyboard.press('Escape');

  // ---- 学籍变动: 休学 from a date; the grid shows the new status and the record the closed stretch ----
  await page.getByTestId('student-change-open').click();
  const dialog = page.getByTestId('student-change');
  await dialog.getByTestId('change-kind').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^休学$/ }).click();
  // Today (the real clock) is before the new year this sample was rolled into: a date before the student's
  // stretch began is refused on the field, a date inside the new year is taken.
  await page.locator('.ant-modal-footer:visible .ant-btn-primary').click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toContainText('不能早于');
  await app.shot('sy-09-student-change-refused');
  const dateInput = dialog.locator('.ant-picker input');
  await dateInput.click();
  await dateInput.fill(`${start + 1}-10-08`);
  await dateInput.press('Enter');
  await page.locator('.ant-modal-footer:visible .ant-btn-primary').click();
  await expect(app.grid('students').locator('.ag-row', { hasText: s.studentNo }).first()).toContainText('休学');
  const after = await app.api<{ stretches: { endChange: string | null }[] }>('students/history', { studentId: s.id });
  expect(after.stretches[after.stretches.length - 1].endChange).toBe('休学');

  // ---- 学期升级: the preview of term 1 -> term 2 of the new year (nothing there yet) ----
  await app.go('#/school-years');
  await page.getByTestId('open-term-rollover').click();
  await page.getByTestId('rollover-preview').click();
  await expect(page.getByTestId('rollover-preview-body')).toContainText('任课安排');
  await app.shot('sy-10-term-rollover-preview');
});
