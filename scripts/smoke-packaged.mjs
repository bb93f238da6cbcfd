#!/usr/bin/env node
/**
 * After `npm run dist:win`: checks the packed app in release/win-unpacked (release/linux-unpacked elsewhere)
 * the way Playwright cannot (the fuses turn off the --inspect port Playwright's _electron needs):
 * - the fuses read back as scripts/after-pack.cjs set them;
 * - app.asar.unpacked holds native .node files only (electron-builder.yml asarUnpack);
 * - the exe's name is ASCII;
 * - started on a fresh data folder whose path has Chinese characters and spaces, the app opens its database
 *   there within 60 s and is still running (no error box), then it is stopped.
 * Exits non-zero with the reason on the first failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { root } from './lib/renderer-build.mjs';

const require = createRequire(import.meta.url);
const { getCurrentFuseWire, FuseV1Options, FuseState, FuseVersion } = require('@electron/fuses');
const { fuseConfig } = require('./after-pack.cjs');

const isWin = process.platform === 'win32';
const unpacked = path.join(root, 'release', isWin ? 'win-unpacked' : 'linux-unpacked');
const fail = (why) => {
  console.error(`打包检查失败 / packaged app check failed: ${why}`);
  process.exit(1);
};

if (!fs.existsSync(unpacked)) fail(`${unpacked} does not exist (run npm run dist:win first)`);
const exeName = fs.readdirSync(unpacked).find((n) => (isWin ? n.toLowerCase().endsWith('.exe') && !/^(elevate|uninstall)/i.test(n) : ['jiaowu-desk', 'jiaowudesk'].includes(n)));
if (!exeName) fail(`no executable in ${unpacked}`);
if (!/^[\x20-\x7e]+$/.test(exeName)) fail(`executable name is not ASCII: ${exeName}`);
const exe = path.join(unpacked, exeName);
console.log(`exe: ${exe}`);

// ---- fuses ----
const wire = await getCurrentFuseWire(exe);
const wanted = fuseConfig(FuseVersion, FuseV1Options);
for (const [key, on] of Object.entries(wanted)) {
  if (key === 'version') continue;
  const state = wire[key];
  const ok = state === (on ? FuseState.ENABLE : FuseState.DISABLE);
  console.log(`fuse ${FuseV1Options[key]}: ${state === FuseState.ENABLE ? 'on' : state === FuseState.DISABLE ? 'off' : state} ${ok ? 'ok' : 'WRONG'}`);
  if (!ok) fail(`fuse ${FuseV1Options[key]} is not ${on ? 'on' : 'off'}`);
}

// ---- asarUnpack: native addons only ----
const unpackedDir = path.join(unpacked, 'resources', 'app.asar.unpacked');
const loose = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (!p.endsWith('.node')) loose.push(path.relative(unpackedDir, p));
  }
};
if (!fs.existsSync(path.join(unpacked, 'resources', 'app.asar'))) fail('resources/app.asar is missing');
if (fs.existsSync(unpackedDir)) walk(unpackedDir);
if (loose.length) fail(`app.asar.unpacked holds files other than .node: ${loose.slice(0, 10).join(', ')}`);
console.log('app.asar.unpacked: .node files only ok');

// ---- start on a Chinese path with spaces ----
const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jw-packed-')), '教务 数据');
const child = spawn(exe, [`--data-dir=${dataDir}`], { stdio: 'ignore', windowsHide: false });
let exited = null;
child.on('exit', (code) => { exited = code; });
const stop = () => {
  if (exited !== null) return;
  if (isWin) spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
  else child.kill('SIGKILL');
};
const deadline = Date.now() + 60_000;
const dbFile = path.join(dataDir, 'jiaowu.sqlite');
while (Date.now() < deadline && exited === null && !fs.existsSync(dbFile)) await new Promise((r) => setTimeout(r, 500));
if (!fs.existsSync(dbFile)) {
  stop();
  fail(exited !== null ? `the app exited with code ${exited} before opening its database` : `no ${dbFile} after 60 s`);
}
await new Promise((r) => setTimeout(r, 5000)); // an error box after the database opened would end the app
if (exited !== null) fail(`the app exited with code ${exited} after opening its database`);
stop();
console.log(`started, opened ${dbFile}, still running after 5 s: ok`);
process.exit(0);
