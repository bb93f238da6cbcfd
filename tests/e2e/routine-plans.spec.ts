/**
 * Teaching routine, part 1, end to end: first run with the sample school -> a rubric whose weights no longer
 * sum to 100 shows red and is refused, then fixed and saved -> this month's plan check is started and one row's
 * planned periods and grade are typed in (saved, with the right ahead/behind) -> a homework check for a grade-7
 * class marked below the norm gets its flag tag. Screenshots test-results/screens/rp-*.png.
 */
import type { Locator, Page } from '@playwright/test';
import type { AppStatus, Assignment } from '../../shared/contract';
import type { HomeworkCheck, LessonPlan, PlanCheck, RoutineStandards } from '../../shared/contract';
import { expect, test } from './fixtures';

/** A cell of a grid row in the scrolling (not pinned) part; the row by its index among displayed rows. */
const cell = (grid: Locator, rowIndex: number, colId: string) =>
  grid.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`).first();

/**
 * Focuses a cell with the keyboard: click a visible cell of the row, then arrow right until the wanted column
 * has the focus (AG Grid renders only the columns in view and scrolls them in as the focus moves).
 */
async function focusCell(page: Page, grid: Locator, rowIndex: number, colId: string, startCol = 'teacherId'): Promise<void> {
  await cell(grid, rowIndex, startCol).click();
  const focused = grid.locator('.ag-cell-focus');
  for (let i = 0; i < 40 && (await focused.getAttribute('col-id')) !== colId; i++) await page.keyboard.press('ArrowRight');
  await expect(focused).toHaveAttribute('col-id', colId);
}

async function typeInto(page: Page, grid: Locator, rowIndex: number, colId: string, text: string, startCol?: string): Promise<void> {
  await focusCell(page, grid, rowIndex, colId, startCol);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function pickInSelectCell(page: Page, grid: Locator, rowIndex: number, colId: string, label: string): Promise<void> {
  await focusCell(page, grid, rowIndex, colId);
  await page.keyboard.press('Enter');
  await page.locator('select.jw-grid-select').selectOption({ label });
}

/** A 1x1 PNG. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const localMonth = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

test('standards weights, this month\'s plan check, a homework check below the norm', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.firstRunWithSample();
  const status = await app.api<AppStatus>('app/status');
  const termId = status.currentTermId!;

  // ---- 1. the plan-check rubric: a wrong weight shows red and is refused; fixed, it saves ----
  await app.go('#/routine-standards');
  const rubric = app.grid('rubric-planCheck');
  await expect(rubric.locator('.ag-row').first()).toBeVisible();
  const before = await app.api<RoutineStandards>('routine-plans/getStandards', { termId });
  const items = before.rubrics.find((r) => r.kind === 'planCheck')!.items;
  const sum = page.getByTestId('rubric-head-planCheck').getByTestId('weight-sum');
  await expect(sum).toHaveAttribute('data-ok', 'true');

  await typeInto(page, rubric, 0, 'maxScore', String(items[0].maxScore + 5), 'name');
  await expect(sum).toHaveAttribute('data-ok', 'false');
  await expect(sum).toContainText(String(100 + 5));
  await expect(sum).toHaveCSS('color', 'rgb(207, 19, 34)'); // red
  await page.getByTestId('standards-save').click();
  const refused = page.locator('.ant-message-notice').filter({ hasText: '须等于 100' });
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('105');
  await app.shot('rp-01-rubric-sum-wrong');
  // Nothing was written.
  const unchanged = await app.api<RoutineStandards>('routine-plans/getStandards', { termId });
  expect(unchanged.rubrics.find((r) => r.kind === 'planCheck')!.items[0].maxScore).toBe(items[0].maxScore);

  // Take the 5 points from the second item: 100 again, saved.
  await typeInto(page, rubric, 1, 'maxScore', String(items[1].maxScore - 5), 'name');
  await expect(sum).toHaveAttribute('data-ok', 'true');
  await page.getByTestId('standards-save').click();
  await expect(page.getByTestId('standards-dirty')).toHaveCount(0);
  const saved = await app.api<RoutineStandards>('routine-plans/getStandards', { termId });
  const savedItems = saved.rubrics.find((r) => r.kind === 'planCheck')!.items;
  expect(savedItems[0].maxScore).toBe(items[0].maxScore + 5);
  expect(savedItems[1].maxScore).toBe(items[1].maxScore - 5);
  await app.shot('rp-02-rubric-saved');

  await page.getByTestId('tab-norms').click();
  await expect(app.grid('homework-norms').locator('.ag-row').first()).toBeVisible();
  await expect(page.locator('input[data-testid="rule-middle"], [data-testid="rule-middle"] input').first()).toHaveValue('90');
  await app.shot('rp-03-homework-norms');

  // ---- 2. this month's plan check: start, type planned periods and a grade into one row ----
  const month = localMonth();
  await app.go('#/lesson-plans');
  await page.getByTestId('tab-plan-checks').click();
  const checks = app.grid('plan-checks');
  const savedBefore = (await app.api<PlanCheck[]>('routine-plans/listPlanChecks', { termId, month })).length;
  await page.getByTestId('plan-checks-start').click();
  await expect(page.getByTestId('plan-checks-progress')).toBeVisible();
  // The first draft row (rows still to check come before the month's saved checks).
  const rowIndex = 0;
  await expect(cell(checks, rowIndex, 'periodsExpected')).not.toHaveText('');
  const expected = Number(await cell(checks, rowIndex, 'periodsExpected').innerText());
  const weekly = Number(await cell(checks, rowIndex, 'weeklyPeriods').innerText());
  const className = await cell(checks, rowIndex, 'classId').innerText();
  const subjectName = await cell(checks, rowIndex, 'subjectId').innerText();
  const planned = expected + weekly * 2;

  await typeInto(page, checks, rowIndex, 'periodsPlanned', String(planned));
  await expect.poll(async () => (await app.api<PlanCheck[]>('routine-plans/listPlanChecks', { termId, month })).length).toBe(savedBefore + 1);
  await expect(cell(checks, rowIndex, 'aheadPeriods')).toContainText('超前');
  await expect(cell(checks, rowIndex, 'aheadPeriods')).toContainText(`+${weekly * 2}`);
  await pickInSelectCell(page, checks, rowIndex, 'grade', '优');
  const mine = async () => (await app.api<PlanCheck[]>('routine-plans/listPlanChecks', { termId, month }))
    .find((c) => c.className === className && c.subjectName === subjectName && c.periodsPlanned === planned);
  await expect.poll(async () => (await mine())?.grade).toBe('优');
  const check = (await mine())!;
  expect(check.periodsExpected).toBe(expected);
  expect(check.aheadPeriods).toBe(planned - expected);
  expect(check.aheadPeriods).toBe(weekly * 2);
  expect(check.notAhead).toBe(false);

  // A second row behind its lessons shows 不足 in red.
  await typeInto(page, checks, rowIndex + 1, 'periodsPlanned', '0');
  await expect(cell(checks, rowIndex + 1, 'aheadPeriods')).toContainText('不足');
  await app.shot('rp-04-plan-check-entry');

  // ---- 3. homework check: a grade-7 maths class marked below the norm gets the flag tag ----
  await app.go('#/homework-checks');
  const hw = app.grid('homework-checks');
  await page.getByTestId('hw-start').click();
  await expect(hw.locator('.ag-row').first()).toBeVisible();
  await page.getByTestId('grid-search').fill('七年级(1)班');
  const mathRow = hw.locator('.ag-row')
    .filter({ has: page.locator('.ag-cell[col-id="subjectId"]', { hasText: /^数学$/ }) })
    .filter({ has: page.locator('.ag-cell[col-id="classId"]', { hasText: '七年级(1)班' }) })
    .first();
  // The quick search filters the rows: wait until only 七年级(1)班 is shown before taking the row's index.
  await expect(hw.locator('.ag-cell[col-id="classId"]').filter({ hasNotText: '七年级(1)班' })).toHaveCount(0);
  await expect(mathRow).toBeVisible();
  // Drafts and saved rows arrive in two steps and the grid re-sorts: take the index once it holds still.
  let hwIndex = -1;
  await expect.poll(async () => {
    const before = Number(await mathRow.getAttribute('row-index'));
    await page.waitForTimeout(300);
    const after = Number(await mathRow.getAttribute('row-index'));
    hwIndex = after;
    return before === after;
  }).toBe(true);
  // 4 weeks covered, marked 4 times: once a week against a norm of at least twice.
  await typeInto(page, hw, hwIndex, 'timesMarked', '4');
  const flag = cell(hw, hwIndex, 'flags').locator('[data-flag="belowNorm"]');
  await expect(flag).toBeVisible();
  await expect(flag).toContainText('2');
  const hwSaved = (await app.api<HomeworkCheck[]>('routine-plans/listHomeworkChecks', { termId, month }))
    .find((c) => c.className === '七年级(1)班' && c.subjectName === '数学' && c.timesMarked === 4)!;
  expect(hwSaved.gradeLevel).toBe(7);
  expect(hwSaved.flags.map((f) => f.key)).toContain('belowNorm');
  await focusCell(page, hw, hwIndex, 'subjectId'); // scrolls back to the left
  await app.shot('rp-05-homework-flag');

  // ---- 4. a lesson plan with an attached photo (a wrong file type is refused first) ----
  await app.go('#/lesson-plans');
  await page.getByTestId('tab-plans').click();
  await expect(app.grid('lesson-plans').locator('.ag-row').first()).toBeVisible();
  const assignments = await app.api<Assignment[]>('assignments/list', { termId });
  const maths = assignments.find((a) => a.className === '七年级(1)班' && a.subjectName === '数学')!;
  await page.getByTestId('plan-add').click();
  const drawer = page.locator('.jw-rt-drawer');
  await drawer.getByTestId('plan-teacher').click();
  await page.keyboard.type(maths.teacherName);
  await page.keyboard.press('Enter');
  for (const [id, text] of [['plan-subject', '数学'], ['plan-class', '七年级(1)班']] as const) {
    await drawer.getByTestId(id).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }
  await drawer.getByTestId('plan-topic').fill('有理数的乘法');
  await drawer.getByTestId('plan-objectives').fill('理解有理数乘法法则，能熟练进行有理数乘法运算');
  const fileInput = drawer.locator('input[type=file]');
  await fileInput.setInputFiles({ name: '教案.txt', mimeType: 'text/plain', buffer: Buffer.from('plain text') });
  await expect(page.locator('.ant-message-notice').filter({ hasText: '不是可接受的文件' })).toBeVisible();
  await expect(drawer.getByTestId('plan-file-picked')).toHaveCount(0);
  await fileInput.setInputFiles({ name: '板书照片.png', mimeType: 'image/png', buffer: TINY_PNG });
  await expect(drawer.getByTestId('plan-file-picked')).toContainText('板书照片.png');
  await drawer.getByTestId('plan-file-picked').scrollIntoViewIfNeeded();
  await app.shot('rp-06-plan-drawer');
  await drawer.getByTestId('plan-save').click();
  await expect(drawer).toBeHidden();
  const plans = await app.api<LessonPlan[]>('routine-plans/listLessonPlans', { termId, text: '有理数的乘法' });
  const plan = plans.find((p) => p.topic === '有理数的乘法')!;
  expect(plan.teacherId).toBe(maths.teacherId);
  expect(plan.attachment?.fileName).toBe('板书照片.png');
  expect(plan.attachment?.size).toBe(TINY_PNG.length);
  await page.getByTestId('grid-search').fill(maths.teacherName);
  await expect(app.grid('lesson-plans').getByTestId('plan-attachment').filter({ hasText: '板书照片.png' })).toBeVisible();
  await app.shot('rp-07-plans');

  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 }); // clean screenshots
  await page.getByTestId('tab-prep').click();
  await expect(app.grid('collective-prep').locator('.ag-row').first()).toBeVisible();
  await app.shot('rp-08-collective-prep');
  await app.go('#/routine-standards');
  await page.getByTestId('tab-quotas').click();
  await expect(app.grid('quota-roles').locator('.ag-row').first()).toBeVisible();
  // The tab underline slides over: wait until it sits under the active tab.
  const tabX = async (sel: string) => (await page.locator(sel).first().boundingBox())?.x ?? -1;
  await expect.poll(async () => Math.abs((await tabX('.ant-tabs-ink-bar')) - (await tabX('.ant-tabs-tab-active')))).toBeLessThan(2);
  await app.shot('rp-09-quotas');
});
