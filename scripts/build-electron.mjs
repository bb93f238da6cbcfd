#!/usr/bin/env node
/**
 * Bundles the Electron side with esbuild into dist-electron/:
 *   main.cjs    electron/main/main.ts       (Electron main process)
 *   preload.cjs electron/preload/preload.ts (sandboxed preload: everything inlined, only 'electron' required)
 *   server.cjs  electron/server/cli.ts      (browser mode without tsx)
 * and copies the SQL migrations beside them (core looks in __dirname/migrations).
 * Native and browser-driving packages stay external and load from node_modules at run time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist-electron');
const EXTERNAL = ['electron', 'better-sqlite3', 'playwright-core'];

/**
 * In the main bundle, every `import 'better-sqlite3'` goes through electron/main/native-sqlite.ts, which can
 * point the addon at a copy built for Electron's ABI (see that file). The wrapper itself gets the real one.
 */
const nativeSqlitePlugin = {
  name: 'electron-native-sqlite',
  setup(b) {
    const wrapper = path.join(root, 'electron', 'main', 'native-sqlite.ts');
    b.onResolve({ filter: /^better-sqlite3$/ }, (args) =>
      path.resolve(args.importer) === wrapper ? { path: 'better-sqlite3', external: true } : { path: wrapper },
    );
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: EXTERNAL,
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

export async function buildElectron({ quiet = false } = {}) {
  const started = Date.now();
  fs.mkdirSync(outDir, { recursive: true });
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist-electron/main.cjs', plugins: [nativeSqlitePlugin] }),
    // Sandboxed preloads can only require('electron') (and a few built-ins): all else is inlined.
    build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist-electron/preload.cjs', platform: 'browser', external: ['electron'], target: 'chrome130', minify: true }),
    build({ ...common, entryPoints: ['electron/server/cli.ts'], outfile: 'dist-electron/server.cjs' }),
    // The timetable search runs in a worker thread (electron/core/features/scheduling/run-solver.ts).
    build({ ...common, entryPoints: ['electron/core/features/scheduling/solver-worker.ts'], outfile: 'dist-electron/solver-worker.cjs' }),
  ]);
  const migSrc = path.join(root, 'electron', 'core', 'platform', 'db', 'migrations');
  const migOut = path.join(outDir, 'migrations');
  fs.rmSync(migOut, { recursive: true, force: true });
  fs.mkdirSync(migOut, { recursive: true });
  for (const f of fs.readdirSync(migSrc).filter((n) => n.endsWith('.sql'))) fs.copyFileSync(path.join(migSrc, f), path.join(migOut, f));
  if (!quiet) console.log(`dist-electron: main.cjs, preload.cjs, server.cjs, solver-worker.cjs, migrations/ (${Date.now() - started} ms)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildElectron().catch((e) => {
    console.error(e?.message ?? e);
    process.exit(1);
  });
}
