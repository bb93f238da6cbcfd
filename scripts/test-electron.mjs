#!/usr/bin/env node
/**
 * `npm run test:electron`: the Electron end-to-end suite (tests/electron, playwright.electron.config.ts)
 * against the built app. Builds the renderer and the Electron bundles, finds the Electron binary (never
 * downloads it here: `npm ci` does that on a networked machine) and builds better-sqlite3 for Electron's ABI
 * once (scripts/start.mjs), then runs Playwright with both handed over in the environment.
 *
 * Where the binary is missing (this project's offline build machine) it prints one line and exits 0, unless
 * JIAOWU_REQUIRE_ELECTRON=1 (the GitHub workflow), where a missing binary is a failure.
 * JIAOWU_ELECTRON_E2E=later makes it a no-op, for workflows that run `npm test` first and the suite as its
 * own step. Extra arguments go to Playwright.
 *
 * `--dry-run`: without Electron, the same tests against browser mode with a stand-in bridge
 * (tests/electron/fixtures.ts), to check the suite's page flows on a machine that has no binary.
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildElectron } from './build-electron.mjs';
import { ensureRenderer, root } from './lib/renderer-build.mjs';
import { ensureElectronSqlite, installedElectron } from './start.mjs';

const required = process.env.JIAOWU_REQUIRE_ELECTRON === '1';
const args = process.argv.slice(2);
const cli = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');
const playwright = (env) => spawnSync(process.execPath, [cli, 'test', '-c', 'playwright.electron.config.ts', ...args.filter((a) => a !== '--dry-run')], { cwd: root, stdio: 'inherit', env }).status ?? 1;

if (args.includes('--dry-run')) {
  console.log('Electron 测试试运行（浏览器模式，模拟桥接）/ Electron suite dry run: browser mode with a stand-in bridge; the Electron parts skip');
  ensureRenderer();
  process.exit(playwright({ ...process.env, JIAOWU_ELECTRON_DRY_RUN: '1' }));
}

if (process.env.JIAOWU_ELECTRON_E2E === 'later') {
  console.log('Electron 端到端测试在单独的步骤中运行 / Electron end-to-end suite: runs in its own step (JIAOWU_ELECTRON_E2E=later)');
  process.exit(0);
}

const electronPath = installedElectron();
if (!electronPath) {
  const line = 'Electron 程序不存在，跳过 Electron 端到端测试 / Electron binary missing (node_modules/electron/dist): Electron end-to-end suite skipped';
  if (required) {
    console.error(`${line} — JIAOWU_REQUIRE_ELECTRON=1: failing`);
    process.exit(1);
  }
  console.log(line);
  process.exit(0);
}

ensureRenderer();
await buildElectron({ quiet: true });
const binding = await ensureElectronSqlite();
if (!binding) {
  console.error('better-sqlite3 无法为 Electron 构建 / could not build better-sqlite3 for Electron: the suite cannot run');
  process.exit(1);
}

const env = { ...process.env, JIAOWU_ELECTRON_PATH: electronPath, JIAOWU_SQLITE_BINDING: binding };
delete env.ELECTRON_RUN_AS_NODE;
delete env.JIAOWU_ELECTRON_DRY_RUN;
process.exit(playwright(env));
