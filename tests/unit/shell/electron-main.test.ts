/**
 * The Electron main process, run under vitest with a fake 'electron' module (no Electron binary here):
 * secure window options, app:// serving with CSP and the traversal check, the IPC sender check and contract
 * dispatch, the Chinese menu, closing the core on quit, and the DB_LOCKED dialog.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acquireFolderLock } from '../../../electron/core/platform/db/lock';
import { tempDir } from '../../helpers/core';

type Handler = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => ({
  appData: '',
  appPath: '',
  appHandlers: new Map<string, Handler[]>(),
  ipc: new Map<string, Handler>(),
  protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
  windows: [] as { opts: Record<string, unknown>; url?: string }[],
  menu: null as null | { label?: string; submenu?: { label?: string }[] }[],
  errorBoxes: [] as [string, string][],
  exitCodes: [] as number[],
  quits: 0,
}));

vi.mock('electron', () => {
  const on = (event: string, fn: Handler) => {
    fake.appHandlers.set(event, [...(fake.appHandlers.get(event) ?? []), fn]);
  };
  class BrowserWindow {
    webContents = { send: vi.fn(), getURL: () => '' };
    private entry: { opts: Record<string, unknown>; url?: string };
    constructor(opts: Record<string, unknown>) {
      this.entry = { opts };
      fake.windows.push(this.entry);
    }
    on() { return this; }
    once() { return this; }
    loadURL(url: string) { this.entry.url = url; return Promise.resolve(); }
    isDestroyed() { return false; }
    static fromWebContents() { return null; }
  }
  return {
    app: {
      on,
      getPath: (name: string) => (name === 'appData' ? fake.appData : path.join(fake.appData, name)),
      getAppPath: () => fake.appPath,
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      setAppUserModelId: vi.fn(),
      quit: () => { fake.quits++; },
      exit: (code: number) => { fake.exitCodes.push(code); },
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, fn),
    },
    ipcMain: { handle: (channel: string, fn: Handler) => fake.ipc.set(channel, fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    Menu: {
      buildFromTemplate: (t: typeof fake.menu) => { fake.menu = t; return {}; },
      setApplicationMenu: vi.fn(),
    },
    dialog: { showErrorBox: (title: string, body: string) => fake.errorBoxes.push([title, body]) },
    shell: { openPath: vi.fn() },
    BrowserWindow,
  };
});

const trusted = { senderFrame: { url: 'app://jiaowu/index.html' }, sender: {} };
const untrusted = { senderFrame: { url: 'https://evil.example/' }, sender: {} };

describe('Electron main (fake electron)', () => {
  let dataDir = '';
  beforeAll(async () => {
    fake.appData = tempDir();
    fake.appPath = tempDir();
    fs.mkdirSync(path.join(fake.appPath, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(fake.appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>教务台账</title>');
    dataDir = path.join(fake.appData, 'JiaowuDesk');
    await import('../../../electron/main/main');
    await vi.waitFor(() => expect(fake.windows.length).toBe(1), { timeout: 20_000 });
  });
  afterAll(async () => {
    // 'will-quit' closes the core (prevents the quit, closes, then quits again).
    const event = { preventDefault: vi.fn() };
    for (const fn of fake.appHandlers.get('will-quit') ?? []) fn(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.quits).toBeGreaterThan(0));
    expect(fs.existsSync(path.join(dataDir, 'jiaowu.lock'))).toBe(false);
  });

  it('opens the core in <appData>/JiaowuDesk and one secure window on app://', () => {
    expect(fs.existsSync(path.join(dataDir, 'jiaowu.sqlite'))).toBe(true);
    const { opts, url } = fake.windows[0];
    expect(url).toBe('app://jiaowu/index.html');
    expect(opts.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String((opts.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(fake.appHandlers.has('web-contents-created')).toBe(true);
    expect(fake.appHandlers.has('second-instance')).toBe(true);
  });

  it('serves the renderer with a CSP header and refuses traversal', async () => {
    const serve = fake.protocolHandlers.get('app')!;
    const ok = await serve(new Request('app://jiaowu/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await ok.text()).toContain('教务台账');
    expect((await serve(new Request('app://jiaowu/teachers'))).status).toBe(200); // SPA route -> index.html
    // URL parsing already collapses %2e%2e segments; encoded slashes survive it and hit the path check.
    expect(await (await serve(new Request('app://jiaowu/%2e%2e/%2e%2e/etc/passwd'))).text()).not.toContain('root:');
    expect((await serve(new Request('app://jiaowu/..%2f..%2f..%2fetc%2fpasswd'))).status).toBe(403);
    expect((await serve(new Request('app://jiaowu/..%5c..%5cwin.ini'))).status).toBe(403);
    expect((await serve(new Request('app://jiaowu/missing.js'))).status).toBe(404);
    expect((await serve(new Request('app://other/index.html'))).status).toBe(404);
  });

  it('answers contract calls from our page only, and only contract methods', async () => {
    const call = fake.ipc.get('jiaowu:call')!;
    const ok = (await call(trusted, 'app/status', {})) as { ok: boolean; data: { dataDir: string } };
    expect(ok.ok).toBe(true);
    expect(ok.data.dataDir).toBe(dataDir);
    expect(await call(untrusted, 'app/status', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNAUTHORIZED' }) });
    expect(await call(trusted, 'shell/exec', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
    await expect((fake.ipc.get('jiaowu:openPath')!)(untrusted, dataDir)).rejects.toThrow(/refused/);
    expect([...fake.ipc.keys()].sort()).toEqual(['jiaowu:call', 'jiaowu:chooseFolder', 'jiaowu:openPath', 'jiaowu:printHtml', 'jiaowu:saveFile']);
  });

  it('has the Chinese menu', () => {
    const labels = fake.menu!.map((m) => m.label);
    expect(labels).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '窗口(&W)', '帮助(&H)']);
    const file = fake.menu![0].submenu!.map((i) => i.label);
    expect(file).toContain('打印…');
    expect(file).toContain('退出');
  });
});

describe('Electron main on a locked data folder', () => {
  it('shows a Chinese error box and exits', async () => {
    vi.resetModules();
    fake.appData = tempDir('jw-locked-');
    fake.windows.length = 0;
    fake.errorBoxes.length = 0;
    fake.exitCodes.length = 0;
    const dir = path.join(fake.appData, 'JiaowuDesk');
    fs.mkdirSync(dir, { recursive: true });
    // Another app holds the folder's lock.
    const other = acquireFolderLock(dir);
    await import('../../../electron/main/main');
    await vi.waitFor(() => expect(fake.exitCodes).toEqual([1]), { timeout: 20_000 });
    expect(fake.errorBoxes[0][0]).toContain('教务台账已在使用这个数据文件夹');
    expect(fake.windows.length).toBe(0);
    other.release();
    acquireFolderLock(dir).release(); // the folder is usable again once the other app is gone
  });
});
