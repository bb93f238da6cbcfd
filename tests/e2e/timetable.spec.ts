/**
 * The class timetable editor: the sample school comes with a generated timetable; the clerk clears a day of one
 * class, builds it again by keyboard (select a cell, type 'yw', Enter -> 语文) and by drag and drop, creates a
 * teacher clash and sees it at the cell and in the conflict panel, then undoes and redoes it. Also the settings
 * page (periods, rooms, unavailable times).
 */
import type { AppStatus, Assignment, Lesson, SchoolClass, TimetableData } from '../../shared/contract';
import { expect, test, type AppPage } from './fixtures';

interface World { termId: number; cls: SchoolClass; classes: SchoolClass[]; assignments: Assignment[]; tt: TimetableData }

async function world(app: AppPage, classIndex: number): Promise<World> {
  const status = await app.api<AppStatus>('app/status');
  const termId = status.currentTermId!;
  const classes = (await app.api<SchoolClass[]>('school/listClasses')).sort((a, b) => a.gradeLevel - b.gradeLevel || a.classNo - b.classNo);
  const assignments = await app.api<Assignment[]>('assignments/list', { termId });
  const tt = await app.api<TimetableData>('timetable/get', { termId });
  return { termId, cls: classes[classIndex], classes, assignments, tt };
}

/** Is the teacher teaching any class at (day, period)? */
const busy = (lessons: Lesson[], teacherId: number, day: number, period: number) =>
  lessons.some((l) => l.teacherId === teacherId && l.day === day && l.period === period);
/** Periods of an assignment not placed yet (placing more would add an 'over assigned' conflict). */
const remaining = (w: World, a: Assignment) => a.weeklyPeriods - w.tt.lessons.filter((l) => l.assignmentId === a.id).length;

test('build a class timetable by keyboard and drag, see a teacher clash appear, undo and redo it', async ({ app, page }) => {
  await app.firstRunWithSample();
  let w = await world(app, 1);
  expect(w.tt.lessons.length).toBeGreaterThan(100); // the sample school has a generated timetable
  const { termId, cls } = w;
  const periods = w.tt.settings.periods.map((p) => p.no);

  await app.go('#/timetable');
  // Pick the class by typing its name in the class picker.
  await page.getByTestId('tt-class-select').click();
  await page.keyboard.type(cls.name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tt-grid')).toHaveAttribute('data-class-id', String(cls.id));
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await expect(page.getByTestId('tt-cell-1-1')).not.toHaveAttribute('data-subject', '');
  await app.shot('tt-01-class-timetable');

  // ---- clear Monday (select a Monday cell, 清空周一, confirm) ----
  await page.getByTestId('tt-cell-1-2').click();
  await page.getByTestId('tt-clear-day').click();
  await page.getByTestId('tt-clear-day-ok').click();
  for (const p of periods) await expect(page.getByTestId(`tt-cell-1-${p}`)).toHaveAttribute('data-subject', '');
  await expect.poll(async () => (await app.api<TimetableData>('timetable/get', { termId })).lessons.filter((l) => l.classId === cls.id && l.day === 1).length).toBe(0);
  w = await world(app, 1);
  const mine = w.assignments.filter((a) => a.classId === cls.id);
  await expect(page.getByTestId(`tt-assignment-${mine[0].id}`)).toBeVisible();
  await app.shot('tt-02-monday-cleared');

  // ---- keyboard: select an empty cell where the 语文 teacher is free, type 'yw', Enter ----
  const chinese = mine.find((a) => a.subjectName === '语文')!;
  const kbPeriod = periods.find((p) => !busy(w.tt.lessons, chinese.teacherId, 1, p))!;
  const remainingBefore = Number(await page.getByTestId(`tt-assignment-${chinese.id}`).getAttribute('data-remaining'));
  await page.getByTestId(`tt-cell-1-${kbPeriod}`).click();
  await page.keyboard.type('yw');
  await expect(page.getByTestId('tt-picker')).toBeVisible();
  await expect(page.getByTestId('tt-picker').locator('li').first()).toContainText('语文');
  await app.shot('tt-03-picker-yw');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tt-picker')).toBeHidden();
  await expect(page.getByTestId(`tt-cell-1-${kbPeriod}`)).toHaveAttribute('data-subject', '语文');
  await expect(page.getByTestId(`tt-cell-1-${kbPeriod}`)).toHaveAttribute('data-conflict', '0');
  await expect(page.getByTestId(`tt-assignment-${chinese.id}`)).toHaveAttribute('data-remaining', String(remainingBefore - 1));
  await expect.poll(async () => {
    const d = await app.api<TimetableData>('timetable/get', { termId });
    return d.lessons.find((l) => l.classId === cls.id && l.day === 1 && l.period === kbPeriod)?.subjectName;
  }).toBe('语文');

  // ---- drag: an assignment with periods left onto an empty cell where its teacher is free ----
  w = await world(app, 1);
  const free = (a: Assignment, p: number) => !busy(w.tt.lessons, a.teacherId, 1, p)
    && !w.tt.lessons.some((l) => l.classId === cls.id && l.day === 1 && l.period === p);
  const dragged = mine.find((a) => a.id !== chinese.id && remaining(w, a) > 0 && periods.some((p) => free(a, p)))!;
  const dragPeriod = periods.find((p) => free(dragged, p))!;
  await page.getByTestId(`tt-assignment-${dragged.id}`).dragTo(page.getByTestId(`tt-cell-1-${dragPeriod}`));
  await expect(page.getByTestId(`tt-cell-1-${dragPeriod}`)).toHaveAttribute('data-subject', dragged.subjectName);
  await expect.poll(async () => {
    const d = await app.api<TimetableData>('timetable/get', { termId });
    return d.lessons.find((l) => l.classId === cls.id && l.day === 1 && l.period === dragPeriod)?.assignmentId;
  }).toBe(dragged.id);
  await app.shot('tt-04-placed-by-keyboard-and-drag');

  // ---- a teacher clash: place a lesson whose teacher already teaches another class at that time ----
  w = await world(app, 1);
  let clash: { a: Assignment; period: number; other: Lesson } | null = null;
  for (const a of mine.filter((x) => remaining(w, x) > 0)) {
    for (const p of periods) {
      const other = w.tt.lessons.find((l) => l.teacherId === a.teacherId && l.day === 1 && l.period === p && l.classId !== cls.id);
      const empty = !w.tt.lessons.some((l) => l.classId === cls.id && l.day === 1 && l.period === p);
      if (other && empty) { clash = { a, period: p, other }; break; }
    }
    if (clash) break;
  }
  expect(clash, 'a teacher of this class teaches another class on Monday').not.toBeNull();
  const cell = page.getByTestId(`tt-cell-1-${clash!.period}`);
  await page.getByTestId(`tt-assignment-${clash!.a.id}`).dragTo(cell);
  await expect(cell).toHaveAttribute('data-subject', clash!.a.subjectName);
  await expect(cell).toHaveAttribute('data-conflict', '1');
  await page.getByTestId('tt-conflicts-tab').click();
  const item = page.getByTestId('tt-conflicts').getByTestId('tt-conflict-item').filter({ hasText: `${clash!.a.teacherName} 同时在` }).filter({ hasText: cls.name });
  await expect(item.first()).toBeVisible();
  await expect(item.first()).toContainText(clash!.other.className);
  // Core agrees: the saved timetable has that clash.
  await expect.poll(async () => (await app.api<TimetableData>('timetable/get', { termId })).conflicts
    .some((c) => c.kind === 'teacherClash' && c.classIds.includes(cls.id) && c.day === 1 && c.period === clash!.period)).toBe(true);
  await cell.hover();
  await expect(page.locator('.ant-tooltip').filter({ hasText: `${clash!.a.teacherName} 同时在 ${clash!.other.className} 上课` })).toBeVisible();
  await app.shot('tt-05-teacher-clash');

  // ---- undo: the clash is gone; redo: it is back ----
  await page.getByTestId('tt-undo').click();
  await expect(cell).toHaveAttribute('data-subject', '');
  await expect(cell).toHaveAttribute('data-conflict', '0');
  await expect.poll(async () => (await app.api<TimetableData>('timetable/get', { termId })).conflicts
    .some((c) => c.classIds.includes(cls.id) && c.day === 1 && c.period === clash!.period)).toBe(false);
  await app.shot('tt-06-after-undo');
  await page.getByTestId('tt-redo').click();
  await expect(cell).toHaveAttribute('data-conflict', '1');
  await expect.poll(async () => (await app.api<TimetableData>('timetable/get', { termId })).conflicts
    .some((c) => c.kind === 'teacherClash' && c.classIds.includes(cls.id) && c.day === 1 && c.period === clash!.period)).toBe(true);

  // 定位 from the panel: open the other class at that cell.
  const otherItem = page.getByTestId('tt-conflict-item').filter({ hasText: clash!.other.className }).first();
  await page.getByTestId('tt-cell-2-1').click(); // select something else first
  await otherItem.getByTestId('tt-conflict-locate').click();
  await expect(page.getByTestId(`tt-cell-1-${clash!.period}`)).toHaveClass(/is-selected/);
  await app.shot('tt-07-after-redo-conflicts');

  // Keyboard undo (Ctrl+Z) also clears it.
  await page.getByTestId('tt-grid').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId(`tt-cell-1-${clash!.period}`)).toHaveAttribute('data-conflict', '0');

  // Drag the 语文 lesson to another empty Monday cell (a move), then back to the list (removed).
  w = await world(app, 1);
  const moveTo = periods.find((p) => p !== kbPeriod && !busy(w.tt.lessons, chinese.teacherId, 1, p)
    && !w.tt.lessons.some((l) => l.classId === cls.id && l.day === 1 && l.period === p))!;
  await page.getByTestId(`tt-cell-1-${kbPeriod}`).dragTo(page.getByTestId(`tt-cell-1-${moveTo}`));
  await expect(page.getByTestId(`tt-cell-1-${moveTo}`)).toHaveAttribute('data-subject', '语文');
  await expect(page.getByTestId(`tt-cell-1-${kbPeriod}`)).toHaveAttribute('data-subject', '');
  await page.getByTestId(`tt-cell-1-${moveTo}`).dragTo(page.getByTestId('tt-side'));
  await expect(page.getByTestId(`tt-cell-1-${moveTo}`)).toHaveAttribute('data-subject', '');
  await expect.poll(async () => (await app.api<TimetableData>('timetable/get', { termId })).lessons
    .filter((l) => l.classId === cls.id && l.day === 1 && l.assignmentId === chinese.id).length).toBe(0);
});

test('timetable settings: periods, rooms and unavailable times', async ({ app, page }) => {
  await app.firstRunWithSample();
  const status = await app.api<AppStatus>('app/status');
  const termId = status.currentTermId!;
  await app.go('#/timetable-settings');
  await expect(page.getByTestId('tts-periods')).toBeVisible();
  await expect(page.getByTestId('tts-preview')).toContainText('午休');
  await app.shot('tt-10-settings-schedule');

  // A malformed start time is shown at its field and nothing is saved.
  await page.getByTestId('tts-period-start-1').fill('8:7');
  await expect(page.getByTestId('tts-error-periods.1.start')).toBeVisible();
  await app.shot('tt-10b-settings-field-error');
  await page.getByTestId('tts-period-start-1').fill('08:56');
  await expect(page.getByTestId('tts-error-periods.1.start')).toBeHidden();
  await page.getByTestId('tts-save').click();
  await expect.poll(async () => (await app.api<{ periods: { start: string }[] }>('timetable/getSettings', { termId })).periods[1].start).toBe('08:56');

  await page.getByTestId('tts-tab-rooms').click();
  await expect(app.grid('rooms')).toBeVisible();
  await app.shot('tt-11-settings-rooms');

  await page.getByTestId('tts-tab-unavailable').click();
  const teachers = await app.api<{ id: number; name: string }[]>('teachers/list');
  await page.getByTestId('tts-unavail-teacher').click();
  await page.keyboard.type(teachers[0].name);
  await page.keyboard.press('Enter');
  await page.getByTestId('tts-unavail-reason').locator('input').fill('行政会议');
  await page.keyboard.press('Escape');
  await page.getByTestId('tts-slot-3-2').click();
  await expect(page.getByTestId('tts-slot-3-2')).toHaveAttribute('data-off', '1');
  await page.getByTestId('tts-unavail-save').click();
  await expect.poll(async () => (await app.api<{ teacherId: number; day: number; period: number; reason: string | null }[]>('timetable/unavailableList', { termId }))
    .some((u) => u.teacherId === teachers[0].id && u.day === 3 && u.period === 2 && u.reason === '行政会议')).toBe(true);
  await app.shot('tt-12-settings-unavailable');
});
