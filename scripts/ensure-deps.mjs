#!/usr/bin/env node
/**
 * Runs before `npm start`, `npm run web` and `npm test` so that the README's two commands work on a fresh
 * clone: installs the npm packages when node_modules is missing or older than package-lock.json, and (with
 * --system, for the tests) the Debian packages listed in scripts/system-packages.txt when their tools are
 * missing and this is a Debian machine where we may run apt-get (root). Uses Node's built-ins only: nothing
 * else is installed yet when it runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`命令失败 / command failed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

/** npm writes node_modules/.package-lock.json on every install; older than the lock file means stale. */
export function npmPackagesStale() {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(installed)) return true;
  for (const probe of ['esbuild', 'vite', 'tsx', 'better-sqlite3/build/Release/better_sqlite3.node']) {
    if (!fs.existsSync(path.join(root, 'node_modules', probe))) return true;
  }
  return fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs + 1000;
}

function ensureNpmPackages() {
  if (!npmPackagesStale()) return;
  console.log('正在安装依赖包（首次约需几分钟）… / installing npm packages (a few minutes the first time)…');
  run(npm, ['ci', '--no-audit', '--no-fund']);
}

/** Tools the tests call, with the Debian package that brings each. */
const TOOLS = [
  ['chromium', 'chromium'], ['pdftotext', 'poppler-utils'], ['pdftoppm', 'poppler-utils'], ['soffice', 'libreoffice-writer-nogui'],
  ['fet-cl', 'fet'], ['7zz', '7zip'], ['python3', 'python3'],
];

function which(tool) {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

function hasCjkFont() {
  const r = spawnSync('sh', ['-c', 'fc-list :lang=zh family | head -1'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

/**
 * Off Linux: whether `tool` is on PATH, looked up by Node itself (no `sh`, no `where`), with PATHEXT's endings on
 * Windows. python3 is asked for its version there: the Microsoft Store's python3.exe stand-in only opens the Store.
 */
function onPath(tool) {
  if (process.platform === 'win32' && tool === 'python3') {
    return spawnSync('python3', ['--version'], { stdio: 'ignore', windowsHide: true }).status === 0;
  }
  const exts = process.platform === 'win32' ? (process.env.PATHEXT || '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean) : [''];
  return (process.env.PATH || '').split(path.delimiter).filter(Boolean).some((dir) => exts.some((ext) => {
    try { return fs.statSync(path.join(dir, tool + ext)).isFile(); } catch { return false; }
  }));
}

function ensureSystemPackages() {
  if (process.platform !== 'linux') {
    // Windows/macOS: nothing is installed (no apt-get); the parts of the tests that need a missing tool skip,
    // each test file printing one [skip] line (tests/helpers/system-tools.ts). Chromium is the machine's Chrome/Edge.
    const absent = [...TOOLS.map(([tool]) => tool).filter((tool) => tool !== 'chromium'), 'unzip'].filter((tool) => !onPath(tool));
    if (absent.length) {
      console.log(`测试工具缺失，需要它们的检查将跳过 / test tools not found on ${process.platform}, the tests that need them will be skipped: ${absent.join(', ')}`);
    }
    return;
  }
  const missing = TOOLS.filter(([tool]) => !which(tool)).map(([tool]) => tool);
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (missing.length === 0) return;
  const list = fs.readFileSync(path.join(root, 'scripts', 'system-packages.txt'), 'utf8')
    .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const canApt = which('apt-get') && process.getuid?.() === 0;
  if (!canApt) {
    console.error(`测试需要的系统工具缺失 / missing system tools for the tests: ${missing.join(', ')}`);
    console.error(`请安装 / please install: sudo apt-get install --no-install-recommends ${list.join(' ')}`);
    process.exit(1);
  }
  console.log(`正在安装系统软件包 / installing system packages (${missing.join(', ')} missing)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-q'], ['install', '-y', '-q', '--no-install-recommends', ...list]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) { console.error(`apt-get ${args[0]} 失败 / failed`); process.exit(r.status ?? 1); }
  }
}

ensureNpmPackages();
if (process.argv.includes('--system')) ensureSystemPackages();
