/**
 * Every page at 1366x768 in Chinese and English (issue 8, item 5): a screenshot of each for a person to look
 * at, and checks a person would make — no raw i18n key on screen, no grid header or tag cut off, no
 * unlabelled input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, SCREENS } from './fixtures';

const PAGES = [
  'school', 'school-years', 'classes', 'subjects', 'teachers', 'groups', 'students', 'assignments', 'timetable', 'scheduling', 'timetable-views',
  'timetable-settings', 'compliance', 'workload', 'substitutions', 'routine-standards', 'lesson-plans', 'homework-checks',
  'observations', 'mentors', 'monthly-check', 'exams', 'struggling', 'training', 'dossier', 'import', 'reports', 'backups', 'archive', 'audit',
];

test.use({ viewport: { width: 1366, height: 768 } });

test('every page at 1366x768, in Chinese and English: nothing cut off, no raw keys, inputs labelled', async ({ app, page }) => {
  test.setTimeout(240_000);
  await app.open();
  await page.getByTestId('welcome-operator-input').fill('教务干事小李');
  await page.getByTestId('welcome-operator-submit').click();
  await page.getByTestId('welcome-load-sample').click();
  await expect(page.getByTestId('sample-tag')).toBeVisible();
  const dir = path.join(SCREENS, 'every-page');
  fs.mkdirSync(dir, { recursive: true });
  const problems: string[] = [];

  for (const lang of ['zh-CN', 'en']) {
    await page.evaluate(`localStorage.setItem('jiaowu.lang', ${JSON.stringify(lang)})`);
    await page.reload();
    for (const p of PAGES) {
      await app.go(`/${p}`);
      // The page is there once its lazy code and first data have arrived: no spinner left, the grid filled.
      await page.waitForTimeout(300);
      await page.waitForFunction("document.querySelectorAll('.ant-spin-spinning, .ag-overlay-loading-center').length === 0", null, { timeout: 8000 }).catch(() => undefined);
      await page.waitForTimeout(300); // AG Grid sizes its columns after the rows arrive (layout, not data)
      await page.screenshot({ path: path.join(dir, `${lang}-${p}.png`) });
      // A string, like the other specs: this side is compiled without the DOM library.
      const found = await page.evaluate<string[]>(`(() => {
        const out = [];
        const visible = (el) => { const r = (el).getBoundingClientRect(); return r.width > 0 && r.height > 0; };
        // Grid headers whose text does not fit their cell.
        for (const el of document.querySelectorAll('.ag-header-cell-text')) {
          const e = el;
          if (visible(e) && e.scrollWidth > e.clientWidth + 1) out.push(\`header cut: \${e.textContent}\`);
        }
        // Raw i18n keys: a dotted lower-camel path as the whole text of an element.
        for (const el of document.querySelectorAll('body *')) {
          if (el.children.length || !visible(el)) continue;
          const t = (el.textContent ?? '').trim();
          if (/^[a-z][a-zA-Z]+(\\.[a-zA-Z-]+)+$/.test(t) && !/\\.(pdf|xlsx|docx|csv|sqlite)$/.test(t)) out.push(\`raw key: \${t}\`);
        }
        // Inputs a screen reader (and a tester) cannot name.
        for (const el of document.querySelectorAll('input:not([type=hidden]):not([type=file]):not([type=checkbox]):not([type=radio])')) {
          const e = el;
          if (!visible(e) || e.closest('.ag-root-wrapper') || e.closest('.ant-select')) continue;
          const labelled = e.getAttribute('aria-label') || e.getAttribute('placeholder') || e.id && document.querySelector(\`label[for="\${e.id}"]\`) || e.closest('label');
          if (!labelled) out.push(\`unlabelled input in \${e.closest('[class]')?.className ?? '?'}\`);
        }
        return out;
})()`);
      problems.push(...found.map((f) => `${lang} ${p}: ${f}`));
    }
  }
  expect(problems).toEqual([]);
});
