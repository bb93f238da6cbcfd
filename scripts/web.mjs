#!/usr/bin/env node
/**
 * `npm run web -- [--data-dir DIR] [--port N] [--demo]`: browser mode. Builds the renderer if needed, then
 * runs electron/server/cli.ts under tsx with the arguments passed through. The CLI picks the default data
 * folder (%APPDATA%\JiaowuDesk on Windows, ~/.config/JiaowuDesk elsewhere) and prints the one line
 * `Jiaowu Desk ready at http://127.0.0.1:PORT/?token=TOKEN`.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ensureRenderer, root } from './lib/renderer-build.mjs';

/** Starts browser mode; resolves with the server's exit code. Ctrl+C / SIGTERM are passed on to it. */
export function runWeb(args) {
  ensureRenderer();
  const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsxCli, path.join(root, 'electron', 'server', 'cli.ts'), ...args], { cwd: root, stdio: 'inherit' });
  const forward = (sig) => () => { if (child.exitCode === null) child.kill(sig); };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runWeb(process.argv.slice(2)).then((code) => process.exit(code));
}
