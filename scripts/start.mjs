#!/usr/bin/env node
/**
 * `npm start [-- --data-dir DIR]`: builds what is needed and launches the Electron app. Where the Electron
 * binary is missing (it is downloaded on first use and this may fail without internet), it says so in one
 * line and starts browser mode (scripts/web.mjs) instead; the welcome page there offers the sample school.
 *
 * better-sqlite3 and two ABIs: node_modules/better-sqlite3 stays built for Node, so vitest, browser mode and
 * the bench keep working. For Electron a second copy of the native addon is built once per Electron version
 * into .electron-native/ with @electron/rebuild (prebuilt download, else compile) and handed to the app in
 * JIAOWU_SQLITE_BINDING (see electron/main/native-sqlite.ts). Packaging rebuilds for Electron on its own
 * (electron-builder npmRebuild) and scripts/dist-win.mjs rebuilds for Node afterwards.
 *
 * Environment: JIAOWU_NO_ELECTRON_DOWNLOAD=1 (or CI=true) never tries to download Electron;
 * JIAOWU_ELECTRON_DOWNLOAD_TIMEOUT=seconds bounds the download attempt (default 60).
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { ensureRenderer, root } from './lib/renderer-build.mjs';
import { runWeb } from './web.mjs';

const FALLBACK_LINE = 'Electron 程序不可用（无法下载 Electron），改用浏览器模式 / Electron binary not available; starting browser mode';
const electronPkgDir = path.join(root, 'node_modules', 'electron');

/** The Electron executable if it is already on disk (node_modules/electron/path.txt names it), else null. */
export function installedElectron() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return fs.existsSync(p) ? p : null;
  }
  try {
    const rel = fs.readFileSync(path.join(electronPkgDir, 'path.txt'), 'utf8').trim();
    const p = path.join(electronPkgDir, 'dist', rel);
    return rel && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** Ends a child and everything it started (require('electron') runs install.js in a grandchild). */
function killTree(child) {
  try {
    if (process.platform === 'win32') spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    else process.kill(-child.pid, 'SIGKILL'); // the detached child leads its own process group
  } catch { /* already gone */ }
}

/**
 * `require('electron')` returns the binary's path, downloading it first when missing. Run it in a child
 * with a time limit so a blocked network cannot hang `npm start`.
 */
function tryDownloadElectron(timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
      cwd: root,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', () => { /* install.js explains its failure at length; one line is printed instead */ });
    const timer = setTimeout(() => killTree(child), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const p = out.trim();
      resolve(code === 0 && p && fs.existsSync(p) ? p : null);
    });
    child.on('error', () => { clearTimeout(timer); resolve(null); });
  });
}

export async function findElectron() {
  const present = installedElectron();
  if (present) return present;
  const noDownload = process.env.JIAOWU_NO_ELECTRON_DOWNLOAD === '1' || process.env.CI === 'true';
  if (noDownload || !fs.existsSync(path.join(electronPkgDir, 'package.json'))) return null;
  console.log('正在下载 Electron… / downloading Electron…');
  const seconds = Number(process.env.JIAOWU_ELECTRON_DOWNLOAD_TIMEOUT) || 60;
  return (await tryDownloadElectron(seconds * 1000)) ?? installedElectron();
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * better_sqlite3.node built for this Electron, in .electron-native/<electron>-<sqlite>-<platform>-<arch>/.
 * Built once with @electron/rebuild on a scratch copy of the package, never touching node_modules.
 * Returns the file, or null (with the reason printed) if it cannot be built.
 */
export async function ensureElectronSqlite() {
  const electronVersion = readJson(path.join(electronPkgDir, 'package.json')).version;
  const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
  const base = path.join(root, '.electron-native');
  const target = path.join(base, `electron-${electronVersion}-sqlite-${sqliteVersion}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  if (fs.existsSync(target)) return target;

  console.log(`为 Electron ${electronVersion} 构建 better-sqlite3… / building better-sqlite3 for Electron ${electronVersion}…`);
  const work = path.join(base, 'work');
  fs.rmSync(work, { recursive: true, force: true });
  const copy = path.join(work, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'jiaowu-electron-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  fs.cpSync(sqliteDir, copy, { recursive: true, filter: (src) => !src.startsWith(path.join(sqliteDir, 'build')) });
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: work, electronVersion, arch: process.arch, force: true, onlyModules: ['better-sqlite3'] });
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(built)) throw new Error(`no ${built}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, target);
    return target;
  } catch (e) {
    console.error(`better-sqlite3 无法为 Electron 构建 / could not build better-sqlite3 for Electron: ${String(e?.message ?? e).split('\n')[0]}`);
    return null;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function launchElectron(electronPath, binding, args) {
  const extra = [];
  // Chromium refuses to run as root on Linux without this (developer containers); never the case on Windows.
  if (process.platform === 'linux' && process.getuid?.() === 0) extra.push('--no-sandbox');
  const env = { ...process.env, JIAOWU_SQLITE_BINDING: binding };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electronPath, ['.', ...extra, ...args], { cwd: root, stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { if (child.exitCode === null) child.kill(sig); });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

async function main() {
  const args = process.argv.slice(2);
  ensureRenderer();
  await buildElectron({ quiet: true });
  const electronPath = await findElectron();
  if (!electronPath) {
    console.log(FALLBACK_LINE);
    process.exit(await runWeb(args));
  }
  const binding = await ensureElectronSqlite();
  if (!binding) {
    console.log('Electron 无法使用数据库组件，改用浏览器模式 / better-sqlite3 is not available for Electron; starting browser mode');
    process.exit(await runWeb(args));
  }
  process.exit(await launchElectron(electronPath, binding, args));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  });
}
