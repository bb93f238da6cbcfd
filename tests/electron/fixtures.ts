/**
 * The Electron end-to-end fixtures: each test launches the real desktop app (dist-electron/main.cjs on the
 * Electron binary, better-sqlite3 built for Electron's ABI) with Playwright's _electron on a fresh data folder
 * whose path has Chinese characters and spaces, as a school PC's often has.
 *
 * scripts/test-electron.mjs finds the binary and the native addon and passes them in JIAOWU_ELECTRON_PATH and
 * JIAOWU_SQLITE_BINDING; without them every test skips (one line, printed by that script).
 *
 * Native dialogs cannot be clicked by a test: the save and folder dialogs are replaced in the main process
 * (dialog.showSaveDialog / showOpenDialog) with answers the test chooses, right before the click that opens one.
 *
 * Dry run (JIAOWU_ELECTRON_DRY_RUN=1, `npm run test:electron -- --dry-run`): for machines without the binary.
 * The same tests drive browser mode's server in Debian's Chromium with a stand-in window.jiaowu that forwards
 * to the HTTP API and writes saved files where the test's dialog answer says. It checks the suite's page flows
 * and file checks; the Electron parts (main process, preload, printToPDF, the security rules) need the real run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, chromium, test as base, expect, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { findChromium, LAUNCH_ARGS } from '../../electron/server/pdf-chromium';
import { startServer, type RunningServer } from '../../electron/server/server';

export const ROOT = path.resolve(__dirname, '../..');
export const SCREENS = path.resolve(ROOT, 'test-results/screens/electron');
export const ELECTRON_PATH = process.env.JIAOWU_ELECTRON_PATH ?? '';
export const DRY_RUN = process.env.JIAOWU_ELECTRON_DRY_RUN === '1';
export const SKIP_REASON = 'Electron 程序不存在 / the Electron binary is missing: run the suite with `npm run test:electron`';

interface Fixtures {
  dataDir: string;
  desk: Desk;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-electron-'));
    await use(path.join(dir, '教务 数据'));
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  },
  desk: async ({ dataDir }, use, testInfo) => {
    test.skip(!ELECTRON_PATH && !DRY_RUN, SKIP_REASON);
    const desk = ELECTRON_PATH && !DRY_RUN ? await Desk.launch(dataDir) : await Desk.dryRun(dataDir);
    try {
      await use(desk);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) await desk.shot(`failed-${testInfo.title.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}`).catch(() => undefined);
      await desk.close();
    }
  },
});
export { expect };

/** Contract results as they cross the preload bridge. */
interface Wire<T> { ok: boolean; data?: T; error?: { code: string; key: string } }

/** What the dry run's stand-in dialogs answer next (set by answerNextSave / answerNextFolder). */
interface DryRun { server: RunningServer; browser: Browser; next: { save: string | null; folder: string | null } }

export class Desk {
  /** Uncaught errors of the renderer seen since launch: a test ends with none. */
  readonly pageErrors: string[] = [];

  private constructor(private readonly electronApp: ElectronApplication | null, readonly win: Page, readonly dataDir: string, private readonly dry: DryRun | null = null) {
    win.on('pageerror', (e) => this.pageErrors.push(e.message));
  }

  /** True in a dry run (browser mode with a stand-in bridge): tests of Electron itself skip. */
  get dryRun(): boolean {
    return this.dry !== null;
  }

  /** The Electron application (main process); only in a real run. */
  get app(): ElectronApplication {
    if (!this.electronApp) throw new Error('no Electron application in a dry run');
    return this.electronApp;
  }

  static async dryRun(dataDir: string): Promise<Desk> {
    const server = await startServer({ dataDir, rendererDir: path.join(ROOT, 'dist/renderer') });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || findChromium() || undefined,
      args: LAUNCH_ARGS,
    });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const dry: DryRun = { server, browser, next: { save: null, folder: null } };
    await page.exposeFunction('__jwSave', (fileName: string, dataBase64: string) => {
      const target = dry.next.save;
      dry.next.save = null;
      if (!target) return null;
      fs.writeFileSync(target, Buffer.from(dataBase64, 'base64'));
      return target;
    });
    await page.exposeFunction('__jwFolder', () => {
      const d = dry.next.folder;
      dry.next.folder = null;
      return d;
    });
    // The stand-in preload: the bridge's shape (shared/contract/bridge.ts) over browser mode's HTTP API.
    await page.addInitScript(`(() => {
      const token = ${JSON.stringify(server.token)};
      window.jiaowu = {
        isElectron: true,
        call: (method, input) => fetch('/api/' + method, { method: 'POST', headers: { 'content-type': 'application/json', 'x-jiaowu-token': token }, body: JSON.stringify(input ?? {}) }).then((r) => r.json()),
        saveFile: (f) => window.__jwSave(f.fileName, f.dataBase64),
        chooseFolder: () => window.__jwFolder(),
        printHtml: async () => false,
        openPath: async () => false,
        onMenuCommand: () => () => undefined,
      };
    })()`);
    await page.goto(`http://127.0.0.1:${server.port}/`);
    return new Desk(null, page, dataDir, dry);
  }

  static async launch(dataDir: string): Promise<Desk> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    // Chromium will not start as root on Linux without this (containers); CI runners and school PCs are not root.
    const extra = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const app = await electron.launch({
      executablePath: ELECTRON_PATH,
      // Its own Chromium profile (window state, the single-instance lock) beside the data: a clerk's running
      // copy of the app on the same PC neither blocks the test nor is touched by it.
      args: [...extra, `--user-data-dir=${path.join(path.dirname(dataDir), 'profile')}`, ROOT, `--data-dir=${dataDir}`],
      cwd: ROOT,
      env,
      timeout: 90_000,
    });
    const win = await app.firstWindow({ timeout: 90_000 });
    await win.waitForLoadState('domcontentloaded');
    // The office PC's screen: 1366x768.
    await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows().find((x) => x.isVisible()) ?? BrowserWindow.getAllWindows()[0];
      if (w.isMaximized()) w.unmaximize();
      w.setContentSize(1366, 768);
    });
    return new Desk(app, win, dataDir);
  }

  async close(): Promise<void> {
    if (this.electronApp) await this.electronApp.close().catch(() => undefined);
    if (this.dry) {
      await this.dry.browser.close().catch(() => undefined);
      await this.dry.server.close().catch(() => undefined);
    }
  }

  async shot(name: string): Promise<void> {
    fs.mkdirSync(SCREENS, { recursive: true });
    await this.win.screenshot({ path: path.join(SCREENS, `${name}.png`) });
  }

  /** A contract call through the same bridge the pages use (window.jiaowu.call -> IPC -> core). */
  async api<T = unknown>(method: string, input: unknown = {}): Promise<T> {
    const r = await this.win.evaluate<Wire<T>, [string, unknown]>(
      ([m, i]) => (globalThis as unknown as { jiaowu: { call(m: string, i: unknown): Promise<Wire<T>> } }).jiaowu.call(m, i),
      [method, input],
    );
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.data as T;
  }

  async go(route: string): Promise<void> {
    await this.win.evaluate((r) => { (globalThis as unknown as { location: { hash: string } }).location.hash = r; }, route);
  }

  /** The first run on a new PC: the operator's name, then the sample school. */
  async firstRunWithSample(): Promise<void> {
    const { win } = this;
    await win.getByTestId('welcome-operator-input').fill('教务干事小李');
    await this.shot('01-welcome-operator');
    await win.getByTestId('welcome-operator-submit').click();
    await expect(win.getByTestId('welcome-load-sample')).toBeVisible();
    await win.getByTestId('welcome-load-sample').click();
    await expect(win.getByTestId('sample-tag')).toBeVisible({ timeout: 60_000 });
  }

  /** The next save dialog answers `file` (the app then writes there), as a clerk choosing a path would. */
  async answerNextSave(file: string): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (this.dry) {
      this.dry.next.save = file;
      return;
    }
    await this.app.evaluate(({ dialog }, f) => {
      const real = dialog.showSaveDialog;
      dialog.showSaveDialog = (async () => {
        dialog.showSaveDialog = real;
        return { canceled: false, filePath: f };
      }) as typeof dialog.showSaveDialog;
    }, file);
  }

  /** The next folder dialog answers `dir`. */
  async answerNextFolder(dir: string): Promise<void> {
    fs.mkdirSync(dir, { recursive: true });
    if (this.dry) {
      this.dry.next.folder = dir;
      return;
    }
    await this.app.evaluate(({ dialog }, d) => {
      const real = dialog.showOpenDialog;
      dialog.showOpenDialog = (async () => {
        dialog.showOpenDialog = real;
        return { canceled: false, filePaths: [d] };
      }) as typeof dialog.showOpenDialog;
    }, dir);
  }

  /** Waits until a file the app writes has appeared and stopped growing. */
  async fileWritten(file: string, timeout = 120_000): Promise<Buffer> {
    let last = -1;
    await expect.poll(() => {
      const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
      const settled = size > 0 && size === last;
      last = size;
      return settled;
    }, { timeout, intervals: [250, 500, 1000] }).toBe(true);
    return fs.readFileSync(file);
  }
}
