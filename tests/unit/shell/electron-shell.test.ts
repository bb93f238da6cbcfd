/**
 * The Electron shell's plain-Node parts (no Electron binary here): argument parsing, the app:// path
 * traversal check, window state, save/open rules, the IPC contract dispatch, and the better-sqlite3
 * wrapper that loads an addon from a separate path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataDirArg, resolveDataDir } from '../../../electron/main/args';
import { APP_CSP, isAppUrl, mimeOf, resolveInside } from '../../../electron/main/app-url';
import { dispatchCall, isContractMethod } from '../../../electron/main/dispatch';
import { isOpenablePath, safeFileName, saveFilters } from '../../../electron/main/shell-files';
import { loadWindowState, saveWindowState, usableBounds, windowStateFile } from '../../../electron/main/window-state';
import { AppError } from '../../../shared/errors';
import { openTempCore, tempDir } from '../../helpers/core';

describe('data folder argument', () => {
  it('defaults to <appData>/JiaowuDesk and honours --data-dir in both spellings', () => {
    expect(resolveDataDir(['electron', '.'], '/home/u/AppData/Roaming')).toBe(path.join('/home/u/AppData/Roaming', 'JiaowuDesk'));
    expect(resolveDataDir(['app.exe', '--data-dir', '/tmp/教务 数据'], '/x')).toBe(path.resolve('/tmp/教务 数据')); // D:\tmp\… on Windows
    expect(dataDirArg(['app.exe', '--data-dir=rel/dir'], '/base')).toBe(path.resolve('/base', 'rel/dir'));
    expect(dataDirArg(['app.exe', '--data-dir', '--inspect'])).toBeNull();
  });
});

describe('app:// files', () => {
  const root = '/srv/renderer';
  it('maps paths inside the renderer folder', () => {
    expect(resolveInside(root, '/index.html')).toBe(path.resolve(root, 'index.html'));
    expect(resolveInside(root, '/')).toBe(path.resolve(root, 'index.html'));
    expect(resolveInside(root, '/assets/%E6%95%99.js')).toBe(path.resolve(root, 'assets/教.js'));
  });
  it('refuses traversal, encoded traversal, backslashes, NUL and drive letters', () => {
    for (const bad of ['/../secret', '/assets/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fetc', '/a%5c..%5c..%5cwin.ini', '/x%00.js', '/C:/Windows/win.ini', '/%E0%A4%A']) {
      expect(resolveInside(root, bad), bad).toBeNull();
    }
  });
  it('knows its own origin and sends a strict CSP', () => {
    expect(isAppUrl('app://jiaowu/index.html#/teachers')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://jiaowu/')).toBe(false);
    expect(isAppUrl('about:srcdoc')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).toContain("object-src 'none'");
    expect(APP_CSP).not.toMatch(/unsafe-eval|https?:/);
    expect(mimeOf('a/b.JS')).toMatch(/^text\/javascript/);
  });
});

describe('window state', () => {
  it('round-trips through the JSON file and survives a broken file', () => {
    const file = windowStateFile(tempDir());
    expect(loadWindowState(file)).toEqual({ maximized: false });
    saveWindowState(file, { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true });
    expect(loadWindowState(file)).toEqual({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true });
    fs.writeFileSync(file, '{not json');
    expect(loadWindowState(file)).toEqual({ maximized: false });
  });
  it('drops bounds that are off every display and enforces the minimum size', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
    expect(usableBounds({ x: 100, y: 100, width: 300, height: 200 }, screen)).toEqual({ x: 100, y: 100, width: 1024, height: 640 });
    expect(usableBounds({ x: 2500, y: 100, width: 1200, height: 800 }, screen)).toBeUndefined(); // monitor unplugged
    expect(usableBounds(undefined, screen)).toBeUndefined();
  });
});

describe('save and open rules', () => {
  it('cleans file names for Windows', () => {
    expect(safeFileName('..\\..\\教师花名册:2025?.xlsx')).toBe('教师花名册_2025_.xlsx');
    expect(safeFileName('a/b/c.pdf')).toBe('c.pdf');
    expect(safeFileName('...')).toBe('导出文件');
    expect(saveFilters('x.xlsx')[0]).toEqual({ name: 'Excel 工作簿', extensions: ['xlsx'] });
  });
  it('opens folders and documents only, never programs', () => {
    const dir = tempDir();
    const pdf = path.join(dir, 'a.pdf');
    const exe = path.join(dir, 'a.exe');
    fs.writeFileSync(pdf, '%PDF');
    fs.writeFileSync(exe, 'MZ');
    expect(isOpenablePath(dir)).toBe(true);
    expect(isOpenablePath(pdf)).toBe(true);
    expect(isOpenablePath(exe)).toBe(false);
    expect(isOpenablePath('a.pdf')).toBe(false); // relative
    expect(isOpenablePath(path.join(dir, 'missing.pdf'))).toBe(false);
  });
});

describe('IPC contract dispatch', () => {
  it('passes contract methods to the core and wraps results and errors', async () => {
    const { core } = await openTempCore();
    try {
      const ok = await dispatchCall(core, 'app/status', {});
      expect(ok.ok).toBe(true);
      expect(ok.ok && (ok.data as { state: string }).state).toBe('ok');

      const unknown = await dispatchCall(core, 'fs/readFile', { path: '/etc/passwd' });
      expect(unknown).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND', key: 'unknownMethod' }) });
      expect(isContractMethod('constructor')).toBe(false);
      expect(isContractMethod(42)).toBe(false);

      const invalid = await dispatchCall(core, 'backup/restore', { file: 42 });
      expect(invalid.ok).toBe(false);
      expect(!invalid.ok && invalid.error.code).toBe('VALIDATION');
    } finally {
      await core.close();
    }
  });
  it('maps unexpected errors to INTERNAL without a stack', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = { call: async () => { throw new Error('disk on fire'); } };
    const r = await dispatchCall(boom, 'app/status', {});
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'INTERNAL', key: 'internal' }) });
    const typed = { call: async () => { throw new AppError('DB_LOCKED', 'dbLocked', { pid: 1 }); } };
    expect(await dispatchCall(typed, 'app/status', {})).toEqual({ ok: false, error: { code: 'DB_LOCKED', key: 'dbLocked', params: { pid: 1 }, issues: undefined } });
  });
});

describe('better-sqlite3 wrapper for Electron', () => {
  afterEach(() => {
    delete process.env.JIAOWU_SQLITE_BINDING;
    vi.resetModules();
  });
  it('loads the addon from JIAOWU_SQLITE_BINDING when it is set', async () => {
    process.env.JIAOWU_SQLITE_BINDING = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    vi.resetModules();
    const { default: Database } = await import('../../../electron/main/native-sqlite');
    const db = new Database(':memory:');
    expect(db.prepare('SELECT 1 + 1 AS two').get()).toEqual({ two: 2 });
    db.close();
  });
  it('really uses that file (a file that is no addon fails to load)', async () => {
    const bogus = path.join(tempDir(), 'bogus.node');
    fs.writeFileSync(bogus, 'not a shared library');
    process.env.JIAOWU_SQLITE_BINDING = bogus;
    vi.resetModules();
    const { default: Database } = await import('../../../electron/main/native-sqlite');
    expect(() => new Database(':memory:')).toThrow();
  });
  it('falls back to the default addon when the variable names a missing file', async () => {
    process.env.JIAOWU_SQLITE_BINDING = path.join(tempDir(), 'missing.node');
    vi.resetModules();
    const { default: Database } = await import('../../../electron/main/native-sqlite');
    const db = new Database(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
  });
});
