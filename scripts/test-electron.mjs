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
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildElectron } from './build-electron.mjs';
import { ensureRenderer, root } from './lib/renderer-build.mjs';
import { ensureElectronSqlite, installedElectron } from './start.mjs';

const required = process.env.JIAOWU_REQUIRE_ELECTRON === '1';

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

const cli = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');
const env = { ...process.env, JIAOWU_ELECTRON_PATH: electronPath, JIAOWU_SQLITE_BINDING: binding };
delete env.ELECTRON_RUN_AS_NODE;
const r = spawnSync(process.execPath, [cli, 'test', '-c', 'playwright.electron.config.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
process.exit(r.status ?? 1);
