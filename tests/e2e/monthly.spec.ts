/**
 * The monthly routine check end to end on the sample school: add an observation through the quick entry from the
 * timetable, open 常规月查, start this month, enter one teacher's scores inline and see the progress move, then
 * print all monthly sheets, the bulletin as PDF and as Word (opened with LibreOffice), and look at them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Download } from '@playwright/test';
import type { AppStatus, MonthlyCheckMonth, MonthlySheets, Observation, QuotaProgress, Term } from '../../shared/contract';
import type { Lesson, TimetableData } from '../../shared/contract';
import { pinyinInitials } from '../../shared/domain/pinyin';
import { SCREENS, expect, test, type AppPage } from './fixtures';
import { toolsOk } from '../helpers/system-tools';

const canOpenWord = toolsOk('tests/e2e/monthly.spec.ts', ['soffice', 'pdftotext', 'pdftoppm']);
const canReadPdf = toolsOk('tests/e2e/monthly.spec.ts', ['pdftotext', 'pdfinfo', 'pdftoppm']);

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const weekday = (s: string) => ((new Date(`${s}T00:00:00`).getDay() + 6) % 7) + 1;

/** The latest Monday-Friday on or before today inside the term (else the term's first weekday). */
function observationDate(term: Term): string {
  const d = new Date();
  for (let i = 0; i < 400; i++) {
    const s = iso(d);
    if (s < term.startDate) break;
    if (weekday(s) <= 5) return s;
    d.setDate(d.getDate() - 1);
  }
  const f = new Date(`${term.startDate}T00:00:00`);
  while (weekday(iso(f)) > 5) f.setDate(f.getDate() + 1);
  return iso(f);
}

async function pickPerson(app: AppPage, testId: string, name: string): Promise<void> {
  const { page } = app;
  await page.getByTestId(testId).click();
  await page.keyboard.type(pinyinInitials(name));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

async function saveDownload(download: Download, file: string): Promise<string> {
  await download.saveAs(file);
  return file;
}

const pdfPages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');
function renderPages(pdf: string, name: string, last = 1): void {
  fs.mkdirSync(SCREENS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(last), pdf, path.join(SCREENS, name)]);
}

test('monthly flow: observation from the timetable, start the month, inline scores, sheets and bulletin printed', async ({ app, page }, testInfo) => {
  test.setTimeout(300_000);
  await app.firstRunWithSample();
  const status = await app.api<AppStatus>('app/status');
  const termId = status.currentTermId!;
  const term = (await app.api<Term[]>('school/listTerms')).find((t) => t.id === termId)!;
  const tt = await app.api<TimetableData>('timetable/get', { termId });
  expect(tt.lessons.length).toBeGreaterThan(100);

  // ---- 听课记录: quick entry from the timetable ----
  const date = observationDate(term);
  const day = weekday(date);
  // A teacher with at least two lessons that day, and an observer who is someone else.
  const byTeacher = new Map<number, Lesson[]>();
  for (const l of tt.lessons.filter((x) => x.day === day)) byTeacher.set(l.teacherId, [...(byTeacher.get(l.teacherId) ?? []), l]);
  // A teacher the quick search finds alone: no other name with the same initials or containing this one (郑泽 / 郑泽言).
  const unique = (name: string) => tt.lessons.filter((l) => l.teacherName !== name && (pinyinInitials(l.teacherName) === pinyinInitials(name) || l.teacherName.includes(name))).length === 0;
  const [observedId, theirLessons] = [...byTeacher].filter(([, ls]) => ls.length >= 2 && unique(ls[0].teacherName)).sort((a, b) => b[1].length - a[1].length)[0];
  const lesson = theirLessons.sort((a, b) => a.period - b.period)[1];
  const observed = lesson.teacherName;
  const observer = tt.lessons.find((l) => l.teacherId !== observedId && unique(l.teacherName))!.teacherName;
  const before = await app.api<Observation[]>('observations/list', { termId });

  await app.go('#/observations');
  await expect(app.grid('observations').locator('.ag-row').first()).toBeVisible();
  await page.getByTestId('obs-add').click();
  const form = page.getByTestId('obs-form');
  await expect(form).toBeVisible();
  const dateInput = page.locator('[data-testid="obs-date"] input, input[data-testid="obs-date"]').first();
  await dateInput.click();
  await dateInput.fill(date);
  await dateInput.press('Enter');
  await pickPerson(app, 'obs-pick-teacher', observed);
  await expect(page.getByTestId('obs-day-count')).toContainText(`${theirLessons.length} 节课`);
  await page.getByTestId(`obs-lesson-d${lesson.day}p${lesson.period}`).click();
  // The lesson filled class, subject, teacher and period.
  await expect(page.getByTestId('obs-class')).toContainText(lesson.className);
  await expect(page.getByTestId('obs-subject')).toContainText(lesson.subjectName);
  await expect(page.getByTestId('obs-teacher')).toContainText(observed);
  await expect(page.getByTestId('obs-period')).toContainText(`第${lesson.period}节`);
  await app.shot('mc-01a-quick-entry-picked');
  await pickPerson(app, 'obs-observer', observer);
  await page.getByTestId('obs-topic').fill('分数的初步认识');
  const scores = { goal: 14, content: 18, method: 17, participation: 13, effect: 18, skill: 9 };
  for (const [k, v] of Object.entries(scores)) await page.getByTestId(`obs-score-${k}`).fill(String(v));
  await expect(page.getByTestId('obs-total')).toHaveText('89');
  await expect(page.getByTestId('obs-level')).toHaveText('良');
  await page.getByTestId('obs-comments').fill('环节清晰，学生参与积极');
  await app.shot('mc-01-observation-quick-entry');
  await page.getByTestId('obs-save').click();
  await expect(form).toBeHidden();
  const after = await app.api<Observation[]>('observations/list', { termId });
  expect(after.length).toBe(before.length + 1);
  const added = after.find((o) => !before.some((b) => b.id === o.id))!;
  expect(added).toMatchObject({
    date, period: lesson.period, classId: lesson.classId, subjectId: lesson.subjectId, teacherId: observedId, teacherName: observed,
    observerName: observer, total: 89, level: '良', kind: '推门课',
  });
  await page.getByTestId('grid-search').fill('分数的初步认识');
  await expect(app.grid('observations').locator('.ag-cell[col-id="teacherName"]')).toHaveText([observed]);
  await app.shot('mc-02-observations');

  // ---- 听课任务进度 ----
  await page.getByTestId('obs-tab-quota').click();
  const progress = await app.api<QuotaProgress>('observations/quotaProgress', { termId });
  await expect(page.getByTestId('quota-chart').locator('canvas')).toBeVisible();
  if (progress.people.some((p) => p.status !== 'onTrack')) await expect(page.getByTestId('quota-warning')).toBeVisible();
  await app.shot('mc-03-quota-progress');
  await page.getByTestId('quota-chart-by').getByText('按教研组').click();
  await app.shot('mc-04-quota-by-group');
  await page.getByTestId('obs-tab-research').click();
  await expect(app.grid('research-activities').locator('.ag-row').first()).toBeVisible();
  await app.shot('mc-04b-research');

  // ---- 常规月查: start this month ----
  const months = await app.api<MonthlyCheckMonth[]>('monthly-check/months', { termId });
  const thisMonth = date.slice(0, 7);
  expect(months.map((m) => m.month)).toContain(thisMonth);
  await app.go('#/monthly-check');
  await expect(page.getByTestId('mc-month')).toContainText(`${Number(thisMonth.slice(0, 4))}年${Number(thisMonth.slice(5))}月`);
  await expect(page.getByTestId('mc-not-started')).toBeVisible();
  await app.shot('mc-05-not-started');
  await page.getByTestId('mc-start-big').click();
  const grid = app.grid('monthly-sheets');
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  const sheets = await app.api<MonthlySheets>('monthly-check/sheets', { termId, month: thisMonth });
  expect(sheets.started).toBe(true);
  expect(sheets.rows.length).toBeGreaterThan(30);
  const total = sheets.rows.length;
  const checked0 = sheets.rows.filter((r) => r.status !== '未查').length;
  await expect(page.getByTestId('mc-progress-text')).toContainText(`已查 ${checked0} / ${total}`);

  // Enter the observed teacher's scores inline (keyboard), found by the quick search.
  const row = sheets.rows.find((r) => r.teacherId === observedId)!;
  expect(row.observationsDone).toBeGreaterThanOrEqual(0);
  await page.getByTestId('grid-search').fill(observed);
  await expect(grid.locator('.ag-cell[col-id="teacherName"]')).toHaveText([observed]);
  const values = sheets.items.map((it, i) => Math.max(0, it.maxScore - (i % 3)));
  for (const [i, it] of sheets.items.entries()) {
    const cell = grid.locator(`.ag-cell[col-id="s_${it.key}"]`);
    await cell.click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String(values[i]));
    await page.keyboard.press('Enter');
  }
  const sum = values.reduce((a, b) => a + b, 0);
  await expect(grid.locator('.ag-cell[col-id="total"]')).toHaveText(String(sum));
  await expect.poll(async () => {
    const s = await app.api<MonthlySheets>('monthly-check/sheets', { termId, month: thisMonth });
    const r = s.rows.find((x) => x.teacherId === observedId)!;
    return [r.total, r.status, r.checker];
  }).toEqual([sum, '已查', '教务干事小李']);
  await expect(page.getByTestId('mc-progress-text')).toContainText(`已查 ${checked0 + 1} / ${total}`);
  await page.getByTestId('grid-search').fill('');

  // Paste a block from Excel (three teachers x every item) onto the first rows: one monthly-check/saveSheets.
  const firstItem = sheets.items[0].key;
  const pasteRows = [0, 1, 2];
  const names = await Promise.all(pasteRows.map((i) => grid.locator(`.ag-row[row-index="${i}"] .ag-cell[col-id="teacherName"]`).innerText()));
  await grid.locator(`.ag-row[row-index="0"] .ag-cell[col-id="s_${firstItem}"]`).click();
  const tsv = pasteRows.map((r) => sheets.items.map((it) => String(Math.max(0, it.maxScore - r - 1))).join('\t')).join('\r\n');
  // (A string, since the test project has no DOM types.)
  await page.evaluate(`(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', ${JSON.stringify(tsv)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  })()`);
  const pastedSum = (r: number) => sheets.items.reduce((s, it) => s + Math.max(0, it.maxScore - r - 1), 0);
  await expect.poll(async () => {
    const s = await app.api<MonthlySheets>('monthly-check/sheets', { termId, month: thisMonth });
    return names.map((n) => s.rows.find((x) => x.teacherName === n)?.total ?? null);
  }).toEqual(pasteRows.map(pastedSum));
  const checkedNow = (await app.api<MonthlySheets>('monthly-check/sheets', { termId, month: thisMonth })).rows.filter((r) => r.status !== '未查').length;
  expect(checkedNow).toBe(checked0 + 1 + names.filter((n) => n !== observed).length);
  await expect(page.getByTestId('mc-progress-text')).toContainText(`已查 ${checkedNow} / ${total}`);
  await expect(grid.locator('.ag-row[row-index="1"] .ag-cell[col-id="total"]')).toHaveText(String(pastedSum(1)));
  await app.shot('mc-06-sheets-entered');

  // ---- print all monthly sheets ----
  const [dlSheets] = await Promise.all([page.waitForEvent('download'), page.getByTestId('mc-print-sheets').click()]);
  const sheetsPdf = await saveDownload(dlSheets, testInfo.outputPath('月查表.pdf'));
  if (canReadPdf) { // the sheets read back with poppler; skipped, with its line, where it is not installed
    expect(pdfPages(sheetsPdf)).toBe(total);
    const sheetsText = squash(pdfText(sheetsPdf));
    expect(sheetsText).toContain(observed);
    expect(sheetsText).toContain('检查人');
    renderPages(sheetsPdf, 'mc-07-sheet-page', 1);
    // The observed teacher's page, too (the one with entered scores).
    const pageTexts = execFileSync('pdftotext', ['-layout', sheetsPdf, '-'], { encoding: 'utf8' }).split('\f');
    const myPage = pageTexts.findIndex((p) => squash(p).includes(observed)) + 1;
    expect(myPage).toBeGreaterThan(0);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(myPage), '-l', String(myPage), sheetsPdf, path.join(SCREENS, 'mc-08-sheet-entered')]);
  }

  // ---- the bulletin: PDF ----
  const [dlBulletin] = await Promise.all([page.waitForEvent('download'), page.getByTestId('mc-bulletin-pdf').click()]);
  const bulletinPdf = await saveDownload(dlBulletin, testInfo.outputPath('月度通报.pdf'));
  if (canReadPdf) { // the bulletin read back with poppler; skipped, with its line, where it is not installed
    const bulletinText = squash(pdfText(bulletinPdf));
    expect(bulletinText).toContain('月度通报');
    renderPages(bulletinPdf, 'mc-09-bulletin-pdf', 2);
  }

  // ---- the bulletin: Word, opened with LibreOffice ----
  const [dlDocx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('mc-bulletin-docx').click()]);
  expect(dlDocx.suggestedFilename()).toMatch(/\.docx$/);
  const docx = await saveDownload(dlDocx, testInfo.outputPath('bulletin.docx'));
  if (canOpenWord) { // LibreOffice opens the Word bulletin, read back with poppler; skipped, with its line, where they are not installed
    const outDir = testInfo.outputPath('lo');
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(testInfo.outputPath('lo-profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { timeout: 180_000 });
    const docxPdf = path.join(outDir, 'bulletin.pdf');
    expect(squash(pdfText(docxPdf))).toContain('月度通报');
    renderPages(docxPdf, 'mc-10-bulletin-docx', 2);
  }

  // ---- the teacher term summary ----
  await page.getByTestId('mc-term-summary').click();
  await pickPerson(app, 'mc-summary-teacher', observed);
  await expect(page.getByTestId('mc-summary')).toBeVisible();
  await expect(page.getByTestId('mc-summary-chart').locator('canvas')).toBeVisible();
  await app.shot('mc-11-term-summary');
  const [dlSummary] = await Promise.all([page.waitForEvent('download'), page.getByTestId('mc-summary-print').click()]);
  const summaryPdf = await saveDownload(dlSummary, testInfo.outputPath('学期汇总.pdf'));
  if (canReadPdf) { // the summary read back with poppler; skipped, with its line, where it is not installed
    expect(squash(pdfText(summaryPdf))).toContain(observed);
    renderPages(summaryPdf, 'mc-12-term-summary-pdf', 1);
  }
});
