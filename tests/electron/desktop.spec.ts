/**
 * The real desktop app, end to end (issue 14): Electron's main process, the sandboxed preload bridge, IPC, the
 * core on better-sqlite3 built for Electron, printToPDF and Electron's own chart drawing for Word.
 * Runs wherever the Electron binary exists (the Windows and Ubuntu workflow, a networked developer machine):
 * `npm run test:electron`. Files are read back with pdf.js and zip.js, which run on Windows as well as Linux.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import type { AppStatus, BackupInfo, SchoolClass, Student, Teacher } from '../../shared/contract';
import { makeMessyStudentsXlsx, makeStudents } from '../helpers/messy-files';
import { flat, pdfPagesText } from '../helpers/pdf-text';
import { expect, test } from './fixtures';

configure({ useWebWorkers: false });

/** One page of each module, by its route (renderer/src/app/routes.tsx). */
const MODULE_PAGES = [
  'school', 'school-years', 'classes', 'subjects', 'teachers', 'groups', 'students', 'assignments', 'timetable', 'scheduling', 'timetable-views',
  'timetable-settings', 'compliance', 'workload', 'substitutions', 'routine-standards', 'lesson-plans', 'homework-checks',
  'observations', 'mentors', 'monthly-check', 'exams', 'struggling', 'training', 'dossier', 'import', 'reports', 'backups', 'archive', 'audit',
];

/** The entries of a zip (a .docx) by name. */
async function unzip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  const out = new Map<string, Uint8Array>();
  for (const e of await reader.getEntries()) if (!e.directory) out.set(e.filename, await e.getData!(new Uint8ArrayWriter()));
  await reader.close();
  return out;
}

/** Width and height from a PNG's IHDR chunk; null if the bytes are not a PNG. */
function pngSize(b: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || sig.some((x, i) => b[i] !== x)) return null;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

test('first run with the sample school, then a page of each module at 1366x768', async ({ desk }) => {
  test.setTimeout(300_000);
  const { win } = desk;
  // The renderer knows it is in the desktop app: the bridge is there, and nothing else of Node.
  expect(await win.evaluate(() => (globalThis as unknown as { jiaowu?: { isElectron?: boolean } }).jiaowu?.isElectron)).toBe(true);
  await desk.firstRunWithSample();
  await expect(win.getByTestId('school-name')).toContainText('示例');
  const status = await desk.api<AppStatus>('app/status');
  expect(status.isSample).toBe(true);
  expect(path.resolve(status.dataDir)).toBe(path.resolve(desk.dataDir));
  expect(fs.existsSync(status.dbFile)).toBe(true);
  await desk.shot('02-sample-loaded');

  const failures: string[] = [];
  for (const p of MODULE_PAGES) {
    await desk.go(`#/${p}`);
    const title = win.locator('.jw-page-head h4').first();
    try {
      await expect(title).toBeVisible({ timeout: 20_000 });
      await expect(title).not.toHaveText('');
      // Locators, not waitForFunction: the app's CSP has no 'unsafe-eval', which a string predicate needs.
      await expect(win.locator('.ant-spin-spinning, .ag-overlay-loading-center')).toHaveCount(0, { timeout: 15_000 });
    } catch (e) {
      failures.push(`${p}: ${String((e as Error).message).split('\n')[0]}`);
    }
    await desk.shot(`page-${p}`);
  }
  expect(failures).toEqual([]);
  expect(desk.pageErrors).toEqual([]);
});

test('an import, a printout through printToPDF, and the Word bulletin with its charts', async ({ desk }, testInfo) => {
  test.setTimeout(300_000);
  const { win } = desk;
  await desk.firstRunWithSample();

  // ---- import a student roster (.xlsx with a title row), through the page ----
  const classes = await desk.api<SchoolClass[]>('school/listClasses');
  const newcomers = makeStudents(8, [classes[0].name, classes[1].name], 314);
  const roster = testInfo.outputPath('新生 名册.xlsx');
  fs.mkdirSync(path.dirname(roster), { recursive: true });
  fs.writeFileSync(roster, makeMessyStudentsXlsx(newcomers, { titleRows: ['示例县第一中学 新转入学生名册'] }));
  const before = (await desk.api<Student[]>('students/list')).length;
  await desk.go('#/import');
  await win.getByTestId('import-kind-students').click();
  await win.getByTestId('import-file-input').setInputFiles(roster);
  await expect(win.getByTestId('import-confirm')).toBeEnabled({ timeout: 30_000 });
  await expect(win.getByTestId('import-issues')).toContainText('没有发现问题');
  await expect(win.locator('body')).toContainText(`新增 ${newcomers.length}，更新 0，跳过 0`);
  await desk.shot('10-import-preview');
  await win.getByTestId('import-confirm').click();
  await expect(win.getByTestId('import-done')).toBeVisible();
  const after = await desk.api<Student[]>('students/list');
  expect(after.length).toBe(before + newcomers.length);
  expect(after.find((s) => s.studentNo === newcomers[3].studentNo)?.name).toBe(newcomers[3].name);

  // ---- the class lists printed by Electron's printToPDF and saved where the save dialog says ----
  await desk.go('#/reports');
  await win.getByTestId('report-item-class-student-lists').click();
  await expect(win.frameLocator('[data-testid="report-preview"] iframe, iframe[data-testid="report-preview"]').first().locator('body')).toContainText('班级学生名册');
  await desk.shot('11-report-preview');
  const pdf = path.join(testInfo.outputPath('导出 文件'), '班级学生名册.pdf');
  await desk.answerNextSave(pdf);
  await win.getByTestId('report-save-pdf').click();
  const pdfBytes = await desk.fileWritten(pdf);
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = await pdfPagesText(pdf);
  expect(pages.length).toBe(classes.length); // one page per class
  const all = flat(pages.join('\n'));
  expect(all).toContain(flat('班级学生名册'));
  expect(all).toContain(flat(classes[0].name));
  expect(all).toContain(flat(newcomers[3].name));
  expect(all).toContain(newcomers[3].studentNo);
  expect(flat(pages[0])).toContain(flat(`共${classes.length}页`));

  // ---- the monthly bulletin in Word, its charts drawn by Electron (svgToPng) ----
  await desk.go('#/monthly-check');
  await expect(win.getByTestId('mc-not-started').or(win.getByTestId('mc-progress-text'))).toBeVisible({ timeout: 30_000 });
  if (await win.getByTestId('mc-not-started').isVisible()) await win.getByTestId('mc-start-big').click();
  await expect(win.getByTestId('mc-progress-text')).toBeVisible({ timeout: 30_000 });
  const docx = path.join(testInfo.outputPath('导出 文件'), '月度通报.docx');
  await desk.answerNextSave(docx);
  await win.getByTestId('mc-bulletin-docx').click();
  const entries = await unzip(new Uint8Array(await desk.fileWritten(docx)));
  const documentXml = new TextDecoder().decode(entries.get('word/document.xml'));
  expect(documentXml).toContain('月度通报');
  const charts = [...entries].filter(([name]) => /^word\/media\/.+\.png$/.test(name));
  expect(charts.length).toBeGreaterThanOrEqual(1);
  expect((documentXml.match(/<w:drawing>/g) ?? []).length).toBe(charts.length);
  for (const [name, png] of charts) {
    const size = pngSize(png);
    expect(size, name).not.toBeNull();
    expect(size!.width, name).toBeGreaterThan(400);
    expect(size!.height, name).toBeGreaterThan(150);
    // A blank white capture compresses to a few hundred bytes; a drawn chart with its Chinese labels does not.
    expect(png.length, name).toBeGreaterThan(4000);
    fs.writeFileSync(testInfo.outputPath(path.basename(name)), png);
  }
  await desk.shot('12-monthly-bulletin');
  expect(desk.pageErrors).toEqual([]);
});

test('a backup and its restore; the whole data archived to a folder with Chinese characters and spaces', async ({ desk }) => {
  test.setTimeout(300_000);
  const { win } = desk;
  await desk.firstRunWithSample();
  const teacher = (await desk.api<Teacher[]>('teachers/list'))[0];

  // ---- back up, change a record, restore the backup: the change is gone ----
  await desk.go('#/backups');
  const known = new Set((await desk.api<BackupInfo[]>('backup/list')).map((b) => b.file));
  await win.getByTestId('backup-now').click();
  await expect(win.getByTestId('backup-list')).toContainText('.sqlite');
  await expect.poll(async () => (await desk.api<BackupInfo[]>('backup/list')).filter((b) => !known.has(b.file)).length).toBe(1);
  const made = (await desk.api<BackupInfo[]>('backup/list')).find((b) => !known.has(b.file))!;
  await desk.api('teachers/save', { ...teacher, phone: '13900000000' });
  expect((await desk.api<Teacher[]>('teachers/list')).find((t) => t.id === teacher.id)?.phone).toBe('13900000000');
  await desk.go('#/school');
  await desk.go('#/backups');
  await win.getByTestId(`backup-restore-${made.file}`).click();
  await win.getByTestId('backup-restore-ok').click();
  await expect.poll(async () => (await desk.api<Teacher[]>('teachers/list')).find((t) => t.id === teacher.id)?.phone, { timeout: 30_000 })
    .toBe(teacher.phone);
  await desk.shot('20-backup-restored');

  // ---- a manual backup to a chosen folder (the folder dialog) ----
  const stick = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jw-stick-')), '迎检 资料 2026年', 'U盘 备份');
  await desk.answerNextFolder(stick);
  await win.getByTestId('backup-choose-folder').click();
  await expect(win.getByTestId('backup-manual-done')).toBeVisible({ timeout: 60_000 });
  expect(fs.readdirSync(stick).some((n) => n.endsWith('.sqlite'))).toBe(true);

  // ---- the whole data archived as a BagIt bag, then checked, on the Chinese path ----
  const archiveDir = path.join(path.dirname(stick), '归档 到 U盘');
  fs.mkdirSync(archiveDir, { recursive: true });
  await desk.go('#/archive');
  await win.getByTestId('ar-kind').getByText('全部数据').click();
  await win.getByTestId('ar-target').fill(archiveDir);
  await win.getByTestId('ar-start').click();
  await expect(win.getByTestId('ar-result')).toContainText('已校验', { timeout: 180_000 });
  const bagName = fs.readdirSync(archiveDir).find((n) => n.startsWith('教务台账归档-全部数据'));
  expect(bagName).toBeTruthy();
  const bag = path.join(archiveDir, bagName!);
  expect(fs.existsSync(path.join(bag, 'manifest-sha256.txt'))).toBe(true);
  await win.getByTestId('ar-check-path').fill(bag);
  await win.getByTestId('ar-check').click();
  await expect(win.getByTestId('ar-check-result')).toContainText('归档完好');
  await desk.shot('21-archive-checked');
  expect(desk.pageErrors).toEqual([]);
});

test('the security baseline, checked from inside the running app', async ({ desk }) => {
  test.skip(desk.dryRun, 'the security rules live in Electron\'s main process: real run only');
  const { win, app } = desk;
  await expect(win.getByTestId('welcome-operator-input')).toBeVisible();
  const startUrl = win.url();
  expect(startUrl.startsWith('app://')).toBe(true);

  // No Node in the page: no require, no process; the bridge is one frozen object of functions.
  const page = await win.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown>;
    const bridge = g.jiaowu as Record<string, unknown>;
    return { require: typeof g.require, process: typeof g.process, module: typeof g.module, bridgeKeys: Object.keys(bridge).sort() };
  });
  expect(page).toEqual({
    require: 'undefined', process: 'undefined', module: 'undefined',
    bridgeKeys: ['call', 'chooseFolder', 'isElectron', 'onMenuCommand', 'openPath', 'printHtml', 'saveFile'],
  });
  // A method that is not in the contract is refused by the preload before it crosses.
  const refused = await win.evaluate(() => (globalThis as unknown as { jiaowu: { call(m: string, i: unknown): Promise<{ ok: boolean; error?: { key: string } }> } })
    .jiaowu.call('../../etc/passwd', {}));
  expect(refused).toMatchObject({ ok: false, error: { key: 'unknownMethod' } });

  // window.open is denied: no new window.
  const opened = await win.evaluate(() => {
    const w = (globalThis as unknown as { open(u: string): unknown }).open('https://example.com/');
    return w === null || w === undefined;
  });
  expect(opened).toBe(true);
  await win.waitForTimeout(1000);
  expect(app.windows().length).toBe(1);

  // Navigation to http(s) is blocked: the page stays on app://.
  await win.evaluate(() => { (globalThis as unknown as { location: { href: string } }).location.href = 'http://example.com/'; });
  await win.waitForTimeout(1500);
  expect(win.url()).toBe(startUrl);
  await expect(win.getByTestId('welcome-operator-input')).toBeVisible();

  // A request to an outside host from the page fails (CSP and the session both refuse it)...
  const fromPage = await win.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return 'loaded';
    } catch {
      return 'blocked';
    }
  });
  expect(fromPage).toBe('blocked');
  // ...and the session itself cancels it: a hidden window of the app's session loading an outside page (no
  // CSP, no will-navigate: a programmatic load) ends with Chromium's "blocked by client", the mark of the
  // webRequest cancel in security.ts.
  const fromSession = await app.evaluate(async ({ BrowserWindow }) => {
    const w = new BrowserWindow({ show: false });
    try {
      await w.loadURL('https://example.com/');
      return `loaded ${w.webContents.getURL()}`;
    } catch (e) {
      return String((e as Error).message);
    } finally {
      w.destroy();
    }
  });
  expect(fromSession).toContain('ERR_BLOCKED_BY_CLIENT');

  expect(desk.pageErrors).toEqual([]);
});
