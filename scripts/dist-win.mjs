#!/usr/bin/env node
/**
 * `npm run dist:win`: the Windows installer (NSIS, Chinese) and portable .exe in release/, on a networked
 * Windows machine. Builds the renderer and the Electron bundles, runs electron-builder (electron-builder.yml:
 * it downloads Electron and rebuilds better-sqlite3 for Electron's ABI in node_modules), then rebuilds
 * better-sqlite3 for Node again so that `npm test`, browser mode and the bench keep working.
 * Extra arguments go to electron-builder (e.g. `npm run dist:win -- --dir` for an unpacked folder only).
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildElectron } from './build-electron.mjs';
import { root } from './lib/renderer-build.mjs';

function run(label, cmd, args, opts = {}) {
  console.log(`\n== ${label}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: opts.shell ?? false });
  console.log(`== ${label}: ${r.status === 0 ? 'ok' : `failed (${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

if (process.platform !== 'win32') {
  console.warn('提示：安装包应在联网的 Windows 电脑上构建 / note: build the installer on a networked Windows machine (other hosts need wine).');
}

const node = process.execPath;
if (!run('vite build', node, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'])) process.exit(1);
await buildElectron();

const builderCli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
const packaged = run('electron-builder --win --x64', node, [builderCli, '--win', '--x64', '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)]);

// Always put node_modules back to Node's ABI, whether packaging worked or not.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const restored = run('npm rebuild better-sqlite3 (for Node)', npm, ['rebuild', 'better-sqlite3'], { shell: process.platform === 'win32' });
if (!restored) console.error('better-sqlite3 未能恢复为 Node 版本，请运行 `npm rebuild better-sqlite3` / run `npm rebuild better-sqlite3` before `npm test`.');

if (packaged) console.log(`\n安装包和便携版在 release/ / installer and portable exe are in ${path.join(root, 'release')}`);
process.exit(packaged && restored ? 0 : 1);
