/**
 * Single-instance guard per data folder: a lock file holding the owner's pid. A second app on the same
 * folder gets DB_LOCKED instead of a second writer on the SQLite file. A lock left by a crashed process
 * (pid no longer alive) is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

export interface FolderLock { file: string; release(): void }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireFolderLock(dataDir: string): FolderLock {
  const file = path.join(dataDir, 'jiaowu.lock');
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' });
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
          } catch { /* already gone */ }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner: { pid?: number; host?: string } = {};
      try { owner = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* unreadable lock: treat as stale */ }
      const sameHost = !owner.host || owner.host === os.hostname();
      if (owner.pid && sameHost && owner.pid !== process.pid && alive(owner.pid)) {
        throw new AppError('DB_LOCKED', 'dbLocked', { dir: dataDir, pid: owner.pid });
      }
      if (owner.pid === process.pid) throw new AppError('DB_LOCKED', 'dbLocked', { dir: dataDir, pid: owner.pid });
      fs.rmSync(file, { force: true }); // stale
    }
  }
  throw new AppError('DB_LOCKED', 'dbLocked', { dir: dataDir, pid: 0 });
}
