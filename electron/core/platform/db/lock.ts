/**
 * Single-instance guard per data folder: a second app on the same folder gets DB_LOCKED instead of a second
 * writer on the SQLite file.
 *
 * The lock is an OS file lock that dies with the process: a small SQLite file (`jiaowu.instance-lock`)
 * opened in exclusive locking mode with an exclusive transaction held for the life of the core. SQLite takes
 * the same byte-range locks on Windows (LockFileEx) and POSIX (fcntl), and the OS drops them when the process
 * ends, even by kill -9 or a power cut. A pid written in a file (the old scheme) could be reused by another
 * process after a reboot and lock the user out. The owner's pid and host are still written beside it, only
 * to say who holds the folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';

export interface FolderLock { file: string; release(): void }

export const LOCK_FILE = 'jiaowu.instance-lock';
const OWNER_FILE = 'jiaowu.lock'; // informational: who holds the lock (also the old scheme's file name)

function readOwner(dataDir: string): { pid?: number; host?: string } {
  try { return JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')); } catch { return {}; }
}

export function acquireFolderLock(dataDir: string): FolderLock {
  const file = path.join(dataDir, LOCK_FILE);
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: 0 });
    db.pragma('journal_mode = DELETE');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new AppError('DB_LOCKED', 'dbLocked', { dir: dataDir, pid: readOwner(dataDir).pid ?? 0 });
    }
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      // Not ours any more (e.g. overwritten): it holds nothing, start a new one.
      fs.rmSync(file, { force: true });
      return acquireFolderLock(dataDir);
    }
    throw e;
  }
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() });
  try { fs.writeFileSync(path.join(dataDir, OWNER_FILE), mine); } catch { /* informational only */ }
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      try { db.exec('ROLLBACK'); } catch { /* nothing open */ }
      db.close();
      try {
        if (fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8') === mine) fs.unlinkSync(path.join(dataDir, OWNER_FILE));
      } catch { /* already gone */ }
    },
  };
}
