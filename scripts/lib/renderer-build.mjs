/**
 * Builds the renderer (vite build -> dist/renderer) when it is missing or older than its sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project folder (this file is scripts/lib/renderer-build.mjs). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Newest modification time (ms) of any file under the given paths (folders walked recursively). */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    let st;
    try { st = fs.statSync(p); } catch { return; }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) walk(path.join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) walk(p);
  return newest;
}

export function rendererIsStale() {
  const built = path.join(root, 'dist', 'renderer', 'index.html');
  if (!fs.existsSync(built)) return true;
  const sources = ['renderer', 'shared', 'vite.config.ts', 'package.json'].map((p) => path.join(root, p));
  return newestMtime(sources) > fs.statSync(built).mtimeMs;
}

/** Runs `vite build` if needed; exits the process if the build fails. */
export function ensureRenderer() {
  if (!rendererIsStale()) return;
  console.log('构建界面 / building the renderer (vite build)…');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('界面构建失败 / renderer build failed');
    process.exit(r.status ?? 1);
  }
}
