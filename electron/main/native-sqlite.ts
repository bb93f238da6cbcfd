/**
 * better-sqlite3 as the Electron main bundle sees it. scripts/build-electron.mjs redirects every
 * `import 'better-sqlite3'` of the main bundle here.
 *
 * Why: node_modules/better-sqlite3 stays built for Node (vitest, browser mode, bench). `npm start` builds a
 * second copy of the native addon for Electron's ABI into .electron-native/ and passes its path in
 * JIAOWU_SQLITE_BINDING; this wrapper hands it to every Database as `nativeBinding`. The packaged app has no
 * such variable: electron-builder rebuilt node_modules for Electron, so the default binding is right.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';

const binding = process.env.JIAOWU_SQLITE_BINDING;
const useBinding = !!binding && fs.existsSync(binding);

class ElectronDatabase extends Database {
  constructor(filename?: string | Buffer, options?: Database.Options) {
    super(filename, options?.nativeBinding ? options : { ...options, nativeBinding: binding });
  }
}

export default (useBinding ? ElectronDatabase : Database) as typeof Database;
